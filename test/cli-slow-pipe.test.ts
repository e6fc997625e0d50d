/**
 * Issue 26, "the CLI reads a slow pipe": `(sleep 1; echo …) | wukong-payload decode -` must wait
 * for the writer, as every `curl … | wukong-payload …` needs. Oracle: a real shell pipe whose
 * writer is late, and the payload's JSON from `JSON.parse` of its Base64 (Node's Buffer).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSync } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { readsStandardInput } from '../src/cli/run.js'

const root = join(import.meta.dirname, '..')
const main = join(root, 'src/cli/main.ts')
const encoded = Buffer.from(JSON.stringify({ type: 1, content: 'hi' })).toString('base64')

describe('the CLI reads standard input asynchronously', () => {
  it.skipIf(process.platform === 'win32')('a pipe whose writer pauses mid-input', () => {
    // The bin from the sources, bundled, run by plain node (as installed: a loader such as tsx
    // changes how the process holds its standard input).
    const bin = join(mkdtempSync(join(tmpdir(), 'wukong-cli-')), 'main.mjs')
    buildSync({ entryPoints: [main], bundle: true, platform: 'node', format: 'esm', outfile: bin, logLevel: 'silent', alias: { '#platform': join(root, 'src/wire/platform-node.ts') } })
    // Half now, the rest after the reader has surely started: a synchronous read meets the empty pipe in between.
    const [head, tail] = [encoded.slice(0, 10), encoded.slice(10)]
    const result = spawnSync('sh', ['-c', `(printf ${head}; sleep 3; echo ${tail}) | "${process.execPath}" "${bin}" decode - --json`], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } })
    expect(result.stderr).not.toMatch(/EAGAIN/)
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, payload: { type: 1, content: 'hi' } })
  }, 90_000)

  it('reads standard input only for a command that takes an input and gets none or "-"', () => {
    expect(readsStandardInput(['decode', '-'], true)).toBe(true)
    expect(readsStandardInput(['decode'], false)).toBe(true)
    expect(readsStandardInput(['decode'], true)).toBe(false)
    expect(readsStandardInput(['decode', encoded], false)).toBe(false)
    expect(readsStandardInput(['inspect'], false)).toBe(false)
    expect(readsStandardInput(['types'], false)).toBe(false)
    expect(readsStandardInput(['decode', '--help'], false)).toBe(false)
    expect(readsStandardInput(['--bogus-flag'], false)).toBe(false)
  })
})

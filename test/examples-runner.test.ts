/**
 * `npm run example -- <name>` (scripts/example.ts) for every file in examples/: the server starts
 * on 127.0.0.1, prints one line with a curl command, and that request (sent as curl would send it)
 * gets the example's 202 and reaches the application's handler.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const names = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('-server.ts')).map((f) => f.slice(0, -3))
const children: ChildProcess[] = []

afterEach(() => {
  for (const child of children.splice(0)) child.kill()
})

/** Resolves with stdout once `pattern` matches it; rejects if the process ends first. */
function waitFor(child: ChildProcess, output: { text: string }, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = output.text.match(pattern)
      if (match) {
        child.stdout?.off('data', check)
        resolve(match)
      }
    }
    child.stdout?.on('data', check)
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}: ${output.text}`)))
    check()
  })
}

describe('npm run example', () => {
  it('finds the examples', () => {
    expect(names.length).toBeGreaterThanOrEqual(3)
  })

  it.each(names)('%s starts, prints a curl line that works, and logs what arrived', async (name) => {
    const child = spawn(process.execPath, [tsx, 'scripts/example.ts', name], { cwd: root, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] })
    children.push(child)
    const output = { text: '' }
    child.stdout.on('data', (chunk: Buffer) => (output.text += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output.text += chunk.toString()))

    const [, url, header, body] = await waitFor(child, output, new RegExp(`^${name} on http://127\\.0\\.0\\.1:\\d+ — try: curl -sS (http://127\\.0\\.0\\.1:\\d+/messages) -H '([^']*)' -d '([^']*)'\\n`, 'm'))
    const [headerName, headerValue] = (header as string).split(': ')
    const response = await fetch(url as string, { method: 'POST', headers: { [headerName as string]: headerValue as string }, body: body as string })
    expect(response.status).toBe(202)
    expect(await response.json()).toEqual({ accepted: true, type: 1 })
    await waitFor(child, output, /^send: type 1 from u1 to channel g1 \(type 2\)$/m)
  })

  it('an unknown name exits 2 and lists the examples', () => {
    const result = spawnSync(process.execPath, [tsx, 'scripts/example.ts', 'no-such-example'], { cwd: root, encoding: 'utf8' })
    expect(result.status).toBe(2)
    expect(result.stderr).toContain(`examples: ${[...names].sort().join(', ')}`)
  })
})

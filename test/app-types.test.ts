/**
 * An app's own type (a red packet, type 21) outside the codec object: `digest` from the root and
 * render entries with the option `codec`, and the CLI's `--types <module>` (the built executable,
 * dist/cli/main.js, run as a user runs it, with a module that imports the built package). Oracles:
 * the definition written here (its digest template, its schema: `amount` an integer ≥ 0), and
 * Node's Buffer for the Base64. Needs dist/ (npm run build).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Type } from '@sinclair/typebox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHAT_FLAGS, definePayloadType, digest, NonNegative } from '../src/entries/index.js'
import { digest as renderDigest } from '../src/entries/render.js'
import { createCodec } from '../src/entries/runtime.js'
import { analyze, getAppCodec, setAppCodec } from '../src/inspector/analyze.js'

const root = join(import.meta.dirname, '..')
const redPacket = definePayloadType({
  type: 21,
  name: 'red-packet',
  description: 'Red packet (type 21).',
  fields: { amount: NonNegative('Amount in cents.'), greeting: Type.Optional(Type.String()) },
  flags: CHAT_FLAGS,
  digest: { zh: '[红包]{greeting}', en: '[Red packet] {greeting}' },
  examples: [{ title: 'Red packet', value: { type: 21, amount: 888, greeting: '恭喜发财' } }],
})

describe('digest with { codec }', () => {
  const codec = createCodec({ types: [redPacket] })
  const packet = { type: 21, amount: 888, greeting: '恭喜发财' }

  it('labels an app type by its own digest from the root and the render entries', () => {
    expect(digest(packet)).toBe('[未知消息]')
    for (const d of [digest, renderDigest]) {
      expect(d(packet, { codec })).toBe('[红包]恭喜发财')
      expect(d(packet, { codec, locale: 'en' })).toBe('[Red packet] 恭喜发财')
      expect(d(packet, { codec, maxLength: 4 })).toBe('[红包…') // at most maxLength characters, the … marker included
      // Built-in types are unchanged with a codec.
      expect(d({ type: 2, url: 'a.png', width: 1, height: 1 }, { codec })).toBe('[图片]')
    }
  })
})

describe('wukong-payload --types <module> (the built CLI)', () => {
  let dir: string
  const main = join(root, 'dist', 'cli', 'main.js')
  const cli = (args: string[], input?: string) => spawnSync(process.execPath, [main, ...args], { cwd: dir, encoding: 'utf8', input: input ?? '' })
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64')

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wukong-payload-types-'))
    const runtime = pathToFileURL(join(root, 'dist', 'node', 'runtime.js')).href
    const index = pathToFileURL(join(root, 'dist', 'node', 'index.js')).href
    const typebox = pathToFileURL(join(root, 'node_modules', '@sinclair', 'typebox', 'build', 'esm', 'index.mjs')).href
    const definition = `definePayloadType({ type: 21, name: 'red-packet', description: 'Red packet (type 21).', fields: { amount: NonNegative('Amount in cents.'), greeting: Type.Optional(Type.String()) }, flags: CHAT_FLAGS, digest: { zh: '[红包]{greeting}', en: '[Red packet] {greeting}' }, examples: [{ title: 'Red packet', value: { type: 21, amount: 888, greeting: '恭喜发财' } }] })`
    const header = `import { Type } from '${typebox}'\nimport { CHAT_FLAGS, definePayloadType, NonNegative } from '${index}'\nimport { createCodec } from '${runtime}'\n`
    writeFileSync(join(dir, 'types.mjs'), `${header}export const redPacket = ${definition}\n`)
    writeFileSync(join(dir, 'codec.mjs'), `${header}export default createCodec({ types: [${definition}] })\n`)
    writeFileSync(join(dir, 'empty.mjs'), 'export const nothing = 1\n')
    // The module loads on its own (a broken fixture would make every case below fail for the wrong reason).
    execFileSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(join(dir, 'types.mjs')).href)})`])
  })

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it.each(['./types.mjs', './codec.mjs'])('decode labels type 21 by its own name and digest (%s)', (module) => {
    const r = cli(['decode', b64({ type: 21, amount: 888, greeting: '恭喜发财' }), '--types', module, '--json'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout) as { name: string; digest: string; flags: unknown }
    expect(out.digest).toBe('[红包]恭喜发财')
    expect(out.flags).toEqual(CHAT_FLAGS)
    if (module === './types.mjs') expect(out.name).toBe('red-packet')
    // Without --types the same payload is an unknown type.
    expect((JSON.parse(cli(['decode', b64({ type: 21, amount: 888 }), '--json']).stdout) as { digest: string }).digest).toBe('[未知消息]')
  })

  it('validate refuses an app payload that breaks its schema, alone and inside a /message/send body', () => {
    const bad = { type: 21, amount: '888' }
    expect(cli(['validate', JSON.stringify(bad)]).status).toBe(0)
    const alone = cli(['validate', JSON.stringify(bad), '--types', './types.mjs'])
    expect(alone.status).toBe(1)
    expect(alone.stdout).toMatch(/^\/amount: /m)
    const body = { from_uid: 'u1', channel_id: 'g1', channel_type: 2, payload: b64(bad) }
    const inBody = cli(['validate', JSON.stringify(body), '--types', './types.mjs'])
    expect(inBody.status).toBe(1)
    expect(inBody.stdout).toMatch(/^\/payload\/amount: /m)
    expect(cli(['validate', JSON.stringify({ ...body, payload: b64({ type: 21, amount: 888 }) }), '--types', './types.mjs']).stdout).toMatch(/valid: .*type 21 \(red-packet\)/)
  })

  it('encode and send use the app codec (validation, recommended flags)', () => {
    expect(cli(['encode', '-', '--types', './types.mjs'], JSON.stringify({ type: 21, amount: -1 })).status).toBe(1)
    const ok = cli(['encode', '-', '--types', './types.mjs'], JSON.stringify({ type: 21, amount: 5 }))
    expect(ok.stdout.trim()).toBe(b64({ type: 21, amount: 5 }))
    const send = cli(['send', '--from', 'u1', '--channel', 'g1', '--channel-type', '2', '--types', './types.mjs', '-'], JSON.stringify({ type: 21, amount: 5 }))
    expect(send.status).toBe(0)
    expect((JSON.parse(send.stdout) as { header: unknown }).header).toEqual(CHAT_FLAGS)
  })

  it('decode shows lint’s typo findings', () => {
    const r = cli(['decode', JSON.stringify({ type: 1, content: 'hi', mentoin: { all: 1 } })])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/mentoin.*did you mean `mention`\?/)
  })

  it('a module that cannot be loaded or exports nothing usable is a usage error (exit 2)', () => {
    for (const module of ['./missing.mjs', './empty.mjs']) {
      const r = cli(['decode', b64({ type: 1, content: 'x' }), '--types', module])
      expect(r.status, module).toBe(2)
      expect(r.stderr).toMatch(/usage error: --types/)
    }
  })
})

describe('the inspector with an app codec (setAppCodec, behind window.wukongPayloadInspector.registerCodec)', () => {
  const codec = createCodec({ types: [redPacket] })
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64')

  afterAll(() => setAppCodec(undefined))

  it('validates an app type in a payload, a send body and a webhook body; without the codec it is an unknown type', async () => {
    const bad = { type: 21, amount: '888' }
    const body = JSON.stringify({ from_uid: 'u1', channel_id: 'g1', channel_type: 2, payload: b64(bad) })
    const hook = JSON.stringify([{ message_id: 1, from_uid: 'u1', channel_id: 'g1', channel_type: 2, payload: b64(bad) }])
    setAppCodec(undefined)
    expect(analyze(JSON.stringify(bad), false).problems).toEqual([])
    expect(analyze(body, false).problems).toEqual([])
    setAppCodec(codec)
    expect(analyze(JSON.stringify(bad), false).problems.map((p) => p.path)).toEqual(['/amount'])
    expect(analyze(b64(bad), false).problems.map((p) => p.path)).toEqual(['/amount'])
    expect(analyze(body, false).problems.map((p) => p.path)).toEqual(['/payload/amount'])
    expect(analyze(hook, false).problems.map((p) => p.path)).toEqual(['/0/payload/amount'])
    const good = analyze(b64({ type: 21, amount: 888, greeting: '恭喜发财' }), false)
    expect(good.problems).toEqual([])
    expect(digest(good.payload, { codec: getAppCodec() })).toBe('[红包]恭喜发财')
  })
})

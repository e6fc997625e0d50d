/**
 * Runtimes without `atob`, `btoa`, `TextEncoder` or `TextDecoder` (WeChat mini-programs, older
 * React Native, embedded engines): the browser build (dist/entries/codec.js and the root
 * dist/entries/index.js, bundled for the browser as an app's bundler would) runs in a bare
 * `node:vm` context, which has none of those globals (nor `Buffer` or `Uint8Array.fromBase64` on
 * Node 20). Every example of every definition must decode and encode there exactly as on Node's
 * `Buffer` path (the oracle: Node's own Base64 and UTF-8), and the strict refusals must be the
 * same: non-canonical Base64 and invalid UTF-8 are refused with the same code and offset, and no
 * U+FFFD is ever substituted. Needs dist/ (npm run build).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createContext, runInContext } from 'node:vm'
import { build } from 'esbuild'
import fc from 'fast-check'
import { Base64 } from 'js-base64'
import { beforeAll, describe, expect, it } from 'vitest'
import { payloadDefinitions, safeDecodePayload } from '../src/entries/index.js'

const root = join(import.meta.dirname, '..')
const MISSING = ['atob', 'btoa', 'TextEncoder', 'TextDecoder', 'Buffer'] as const

interface Bare {
  /** Runs `fn(WP, arg)` in the context; results cross back as JSON. */
  call<T>(fn: string, arg: unknown): T
}

async function bareContext(entry: string, prelude = ''): Promise<Bare> {
  const file = join(root, 'dist', 'entries', entry)
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`)
  const out = await build({ entryPoints: [file], bundle: true, format: 'iife', globalName: 'WP', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' })
  const context = createContext({})
  runInContext(prelude, context)
  runInContext(out.outputFiles[0]?.text ?? '', context)
  if (prelude === '') for (const name of MISSING) expect(runInContext(`typeof ${name}`, context), name).toBe('undefined')
  return {
    call<T>(fn: string, arg: unknown): T {
      const text = runInContext(`JSON.stringify((${fn})(WP, JSON.parse(${JSON.stringify(JSON.stringify(arg))})))`, context) as string | undefined
      return (text === undefined ? undefined : JSON.parse(text)) as T
    },
  }
}

/** The outcome of a decode in the context, as plain JSON. */
const DECODE = `(WP, input) => { const r = WP.safeDecodePayload(input); return r.ok ? { ok: true, value: r.value } : { ok: false, code: r.error.code, offset: r.error.offset, message: r.error.message } }`

/** Node's own Base64 of the UTF-8 of a text: the oracle. */
const nodeBase64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')

describe.each(['codec.js', 'index.js'])('dist/entries/%s in a bare vm context (no atob, btoa, TextEncoder, TextDecoder)', (entry) => {
  let bare: Bare
  beforeAll(async () => {
    bare = await bareContext(entry)
  }, 60_000)

  it('decodes and encodes every example of every definition as Node does', () => {
    let count = 0
    for (const definition of payloadDefinitions) {
      for (const example of definition.examples) {
        const json = JSON.stringify(example.value)
        const decoded = bare.call<{ ok: boolean; value?: unknown; message?: string }>(DECODE, nodeBase64(json))
        expect(decoded, `${definition.name}: ${json}`).toEqual({ ok: true, value: JSON.parse(json) })
        const encoded = bare.call<string>('(WP, p) => WP.encodePayload(p)', example.value)
        // Canonical Base64 (what Node writes for these bytes) of UTF-8 JSON equal to the example.
        expect(nodeBase64(Buffer.from(encoded, 'base64').toString('utf8'))).toBe(encoded)
        expect(JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'))).toEqual(JSON.parse(json))
        count++
      }
    }
    expect(count).toBeGreaterThan(20)
  })

  it('refuses non-canonical Base64 as the strict path does, without blaming a missing global', () => {
    const valid = nodeBase64('{"type":1,"content":"hi"}')
    const cases = [valid.replace(/=+$/, ''), `${valid.slice(0, 4)}=${valid.slice(5)}`, `${valid.slice(0, 8)} ${valid.slice(8)}`, `-${valid.slice(1)}`, `_${valid.slice(1)}`, `${valid}!`, '!!!!', 'eyJ0eXBlIjoxfQ']
    for (const input of cases) {
      const result = bare.call<{ ok: boolean; code?: string; message?: string }>(DECODE, input)
      expect(result.ok, input).toBe(false)
      expect(result.code, input).toBe('INVALID_BASE64')
      // Node's Buffer path (its own strict checks) refuses the same input the same way.
      const node = safeDecodePayload(input)
      expect(node.ok ? undefined : node.error.code, input).toBe('INVALID_BASE64')
      expect(result.message).not.toMatch(/is not defined|ReferenceError/)
    }
  })

  it('refuses invalid UTF-8 at the offset Node’s fatal TextDecoder finds, never substituting U+FFFD', () => {
    const prefix = Buffer.from('{"type":1,"content":"', 'utf8')
    const suffix = Buffer.from('"}', 'utf8')
    const bad: number[][] = [[0xff], [0xc3, 0x28], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98], [0x80]]
    for (const bytes of bad) {
      const input = Buffer.concat([prefix, Buffer.from(bytes), suffix])
      const strict = new TextDecoder('utf-8', { fatal: true })
      expect(() => strict.decode(input)).toThrow()
      const result = bare.call<{ ok: boolean; code?: string; offset?: number; message?: string }>(DECODE, input.toString('base64'))
      expect(result.ok, bytes.join(' ')).toBe(false)
      expect(result.code).toBe('INVALID_UTF8')
      expect(result.offset).toBe(prefix.length)
      expect(result.message).not.toMatch(/is not defined|ReferenceError/)
    }
    // U+FFFD written by the sender is kept as is; a BOM is kept too (the strict decoder's ignoreBOM).
    const kept = '{"type":1,"content":"\uFFFD \uFEFF 😀 中文"}'
    expect(bare.call(DECODE, nodeBase64(kept))).toEqual({ ok: true, value: JSON.parse(kept) })
  })

  it('round-trips any text like Node’s UTF-8 (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (content) => {
        const payload = { type: 1, content }
        const encoded = bare.call<string>('(WP, p) => WP.encodePayload(p)', payload)
        expect(JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'))).toEqual(payload)
        expect(bare.call(DECODE, nodeBase64(JSON.stringify(payload)))).toEqual({ ok: true, value: payload })
      }),
      { numRuns: 150 },
    )
  })

  it('decodes and encodes large payloads (past every chunk boundary) and lenient input as Node does', () => {
    const content = '中文😀 é\u0000'.repeat(3000)
    const payload = { type: 1, content }
    const encoded = bare.call<string>('(WP, p) => WP.encodePayload(p)', payload)
    expect(encoded).toBe(nodeBase64(JSON.stringify(payload)))
    expect(bare.call(DECODE, encoded)).toEqual({ ok: true, value: payload })
    // js-base64 (a second implementation) agrees on the URL-safe, unpadded form the lenient mode takes.
    const urlSafe = Base64.encode(JSON.stringify({ type: 1, content: '>>>???' }), true)
    expect(urlSafe).toMatch(/[-_]/)
    expect(bare.call('(WP, s) => WP.decodePayload(s, { lenient: true })', urlSafe)).toEqual({ type: 1, content: '>>>???' })
  })

  it('refuses a lone surrogate on encode with the package’s error, not a missing global', () => {
    const result = bare.call<{ code?: string; message: string }>('(WP, p) => { try { WP.encodePayload({ type: 1, content: p.s }); return { message: "encoded" } } catch (e) { return { code: e.code, message: String(e.message) } } }', { s: '\ud800' })
    expect(result.message).not.toMatch(/is not defined|ReferenceError|encoded/)
    expect(result.code).toBe('INVALID_PAYLOAD')
  })
})

describe('the root build without crypto (no Web Crypto in the context)', () => {
  it('builds a /message/send body with a given client_msg_no, and says what is missing without one', async () => {
    const bare = await bareContext('index.js')
    const input = { payload: { type: 1, content: '你好' }, from_uid: 'u1', channel_id: 'g1', channel_type: 2 }
    const built = bare.call<{ payload: string; client_msg_no: string }>('(WP, i) => WP.buildSendRequest(i)', { ...input, client_msg_no: 'c1' })
    expect(built.client_msg_no).toBe('c1')
    expect(built.payload).toBe(nodeBase64('{"type":1,"content":"你好"}'))
    const failed = bare.call<{ message: string }>('(WP, i) => { try { WP.buildSendRequest(i); return { message: "built" } } catch (e) { return { message: String(e.message) } } }', input)
    expect(failed.message).toMatch(/no crypto\.getRandomValues.*pass client_msg_no/)
  })
})

describe('a runtime whose TextDecoder ignores { fatal: true } (a lenient polyfill)', () => {
  it('is not trusted: invalid UTF-8 is still refused at its offset, never turned into U+FFFD', async () => {
    const lenient = 'globalThis.TextDecoder = class { decode(bytes) { let s = ""; for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : "\\ufffd"; return s } }'
    const bare = await bareContext('codec.js', lenient)
    const input = Buffer.concat([Buffer.from('{"type":1,"content":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')])
    expect(bare.call(DECODE, input.toString('base64'))).toMatchObject({ ok: false, code: 'INVALID_UTF8', offset: 21 })
    const valid = '{"type":1,"content":"中文"}'
    expect(bare.call(DECODE, nodeBase64(valid))).toEqual({ ok: true, value: JSON.parse(valid) })
  })
})

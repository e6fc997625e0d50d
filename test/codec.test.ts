import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { errorOf } from './helpers.js'
import { decodePayload, encodePayload, isPayloadError, payloadDefinitions, PayloadError, safeDecodePayload, type Payload } from '../src/entries/index.js'

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')


describe('decodePayload', () => {
  it('decodes every example from Base64, bytes and objects alike', () => {
    for (const d of payloadDefinitions) {
      for (const { value } of d.examples) {
        const json = JSON.stringify(value)
        expect(decodePayload(b64(json))).toEqual(value)
        expect(decodePayload(new TextEncoder().encode(json))).toEqual(value)
        expect(decodePayload(JSON.parse(json) as object)).toEqual(value)
      }
    }
  })

  it('is correct for Chinese and emoji (where btoa/atob break)', () => {
    const payload = { type: 1, content: '你好，世界 😀👍🏽 مرحبا' } satisfies Payload
    const encoded = encodePayload(payload)
    expect(encoded).toBe(Buffer.from(JSON.stringify(payload)).toString('base64'))
    expect(decodePayload(encoded)).toEqual(payload)
  })

  it('INVALID_BASE64: alphabet, length, padding and URL-safe input, with the offset', () => {
    expect(errorOf(() => decodePayload('!!!'))).toMatchObject({ code: 'INVALID_BASE64', offset: 0 })
    expect(errorOf(() => decodePayload('eyJ0eXBlIjoxfQ'))).toMatchObject({ code: 'INVALID_BASE64' })
    expect(errorOf(() => decodePayload('eyJ0eXBlIjoxfQ')).message).toMatch(/multiple of 4.*lenient/)
    expect(errorOf(() => decodePayload('QQ=A'))).toMatchObject({ code: 'INVALID_BASE64', offset: 2 })
    expect(errorOf(() => decodePayload('a b='))).toMatchObject({ code: 'INVALID_BASE64', offset: 1 })
    const urlSafe = b64('{"type":1,"content":"??>>"}').replaceAll('+', '-').replaceAll('/', '_')
    expect(urlSafe).toMatch(/[-_]/)
    expect(errorOf(() => decodePayload(urlSafe)).message).toMatch(/URL-safe/)
  })

  it('tolerates CR/LF as Go does; lenient mode accepts URL-safe and unpadded input', () => {
    const encoded = b64('{"type":1,"content":"??>>~~"}')
    const wrapped = `${encoded.slice(0, 8)}\r\n${encoded.slice(8)}\n`
    expect(decodePayload(wrapped)).toEqual({ type: 1, content: '??>>~~' })
    const urlSafe = encoded.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
    expect(decodePayload(urlSafe, { lenient: true })).toEqual({ type: 1, content: '??>>~~' })
  })

  it('INVALID_UTF8 with the byte offset; never replaced by U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from('{"type":1,"content":"ab'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')])
    expect(errorOf(() => decodePayload(bytes.toString('base64')))).toMatchObject({ code: 'INVALID_UTF8', offset: 23 })
    const overlong = Buffer.concat([Buffer.from('{"type":1,"content":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')])
    expect(errorOf(() => decodePayload(overlong))).toMatchObject({ code: 'INVALID_UTF8', offset: 21 })
    // A real U+FFFD in the text is valid UTF-8 and is kept.
    expect(decodePayload(b64('{"type":1,"content":"\uFFFD"}'))).toEqual({ type: 1, content: '\uFFFD' })
  })

  it('INVALID_JSON with the position; a BOM is named', () => {
    expect(errorOf(() => decodePayload(b64('{"type":1,')))).toMatchObject({ code: 'INVALID_JSON', offset: 10 })
    expect(errorOf(() => decodePayload(b64('\uFEFF{"type":1,"content":"x"}'))).message).toMatch(/byte-order mark/)
  })

  it('INVALID_PAYLOAD with issues', () => {
    const error = errorOf(() => decodePayload(b64('{"type":"text","content":"Hello, World!"}')))
    expect(error.code).toBe('INVALID_PAYLOAD')
    expect(error.issues).toEqual([{ path: '/type', code: 'type', message: 'type must be an integer; text is 1' }])
    expect(error.message).toBe('invalid payload: /type: type must be an integer; text is 1')
  })

  it('TOO_LARGE before decoding; TOO_DEEP without stack overflow', () => {
    expect(errorOf(() => decodePayload(b64(JSON.stringify({ type: 1, content: 'x'.repeat(2000) })), { maxBytes: 1000 }))).toMatchObject({ code: 'TOO_LARGE' })
    expect(errorOf(() => decodePayload('A'.repeat(2 * 1024 * 1024)))).toMatchObject({ code: 'TOO_LARGE' })
    let json = '{"type":1,"content":"leaf"}'
    for (let i = 0; i < 100_000; i++) json = `{"type":1,"content":"x","reply":{"message_id":"1","message_seq":1,"from_uid":"u","payload":${json}}}`
    expect(errorOf(() => decodePayload(b64(json), { maxBytes: 100 * 1024 * 1024 }))).toMatchObject({ code: 'TOO_DEEP' })
  })

  it('refuses numbers JSON parsing would have changed: ids beyond 2^53, 1e400', () => {
    const big = errorOf(() => decodePayload(b64('{"type":1,"content":"x","seq":1867301234567890123}')))
    expect(big.code).toBe('INVALID_PAYLOAD')
    expect(big.issues[0]).toMatchObject({ path: '/seq', code: 'unsafe_number' })
    expect(errorOf(() => decodePayload(b64('{"type":2,"url":"u","width":1e400,"height":1}'))).issues[0]).toMatchObject({ path: '/width' })
    // Long digit runs inside strings are fine.
    expect(decodePayload(b64('{"type":1,"content":"call 13800138000123456789"}'))).toEqual({ type: 1, content: 'call 13800138000123456789' })
  })

  it('decodes unknown types whole, or rejects them on request', () => {
    const unknown = { type: 777, data: { a: [1, '二'] } }
    expect(decodePayload(b64(JSON.stringify(unknown)))).toEqual(unknown)
    expect(errorOf(() => decodePayload(b64(JSON.stringify(unknown)), { unknownTypes: 'reject' })).issues[0]?.code).toBe('unknown_type')
  })

  it('safeDecodePayload never throws on arbitrary strings and bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.base64String()), (input) => {
        const result = safeDecodePayload(input)
        expect(result.ok || isPayloadError(result.error)).toBe(true)
      }),
      { numRuns: 5000 },
    )
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const result = safeDecodePayload(bytes)
        expect(result.ok || isPayloadError(result.error)).toBe(true)
        expect(safeDecodePayload(Buffer.from(bytes).toString('base64')).ok).toBe(result.ok)
      }),
      { numRuns: 5000 },
    )
  })

  it('accepts exactly the strings a strict Base64 grammar accepts', () => {
    const strict = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
    const alphabet = fc.constantFrom(...'AQgw+/=-_ !\n'.split(''))
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }), (chars) => {
        const input = chars.join('')
        const result = safeDecodePayload(input)
        const structurallyValid = strict.test(input.replace(/[\r\n]/g, ''))
        if (!structurallyValid) expect(result.ok ? 'ok' : result.error.code).toBe('INVALID_BASE64')
        else if (!result.ok) expect(result.error.code).not.toBe('INVALID_BASE64')
      }),
      { numRuns: 20000 },
    )
  })
})

describe('encodePayload', () => {
  it('emits standard padded Base64 of UTF-8 JSON', () => {
    const encoded = encodePayload({ type: 1, content: '这是一条文本消息' })
    expect(encoded).toBe('eyJ0eXBlIjoxLCJjb250ZW50Ijoi6L+Z5piv5LiA5p2h5paH5pys5raI5oGvIn0=')
    expect(encoded.length % 4).toBe(0)
  })

  it('rejects a lone surrogate with its JSON path instead of writing U+FFFD', () => {
    const error = errorOf(() => encodePayload({ type: 1, content: 'ok', mention: { uids: ['a', 'truncated \ud83d'] } }))
    expect(error.code).toBe('INVALID_PAYLOAD')
    expect(error.issues).toEqual([expect.objectContaining({ path: '/mention/uids/1', code: 'lone_surrogate' })])
  })

  it('rejects values JSON would change: NaN, Infinity, BigInt, undefined in arrays', () => {
    for (const [payload, path] of [
      [{ type: 1, content: 'x', n: Number.NaN }, '/n'],
      [{ type: 1, content: 'x', n: [1, Infinity] }, '/n/1'],
      [{ type: 1, content: 'x', id: 1867301234567890123n }, '/id'],
      [{ type: 1, content: 'x', list: [undefined] }, '/list/0'],
    ] as const) {
      expect(errorOf(() => encodePayload(payload as unknown as Payload)).issues.at(-1)?.path).toBe(path)
    }
  })

  it('validates before encoding', () => {
    expect(errorOf(() => encodePayload({ type: 1 } as unknown as Payload)).issues[0]).toMatchObject({ path: '/content', code: 'required' })
    expect(errorOf(() => encodePayload({ type: 1, content: 'x'.repeat(100) }, { maxBytes: 50 })).code).toBe('TOO_LARGE')
  })
})

describe('round trip', () => {
  const text = fc.string({ unit: 'grapheme' })
  /** JSON values whose numbers survive a JSON round trip (the codec refuses the others). */
  const exactJson = (maxDepth: number) =>
    fc.jsonValue({ maxDepth }).filter((v) => !/[0-9]{16}|e[+-]?[0-9]{2}/i.test(JSON.stringify(v) ?? '') && JSON.stringify(v) === JSON.stringify(JSON.parse(JSON.stringify(v))))
  const extraField = fc.dictionary(
    fc.string().filter((k) => !['type', 'content', 'mention', 'reply', 'entities', 'robot_id', 'visibles', 'invisibles', 'flame', 'flame_second', 'from_uid', 'from_name', 'format'].includes(k)),
    exactJson(2),
    { maxKeys: 3 },
  )
  const textPayload = fc.record({ type: fc.constant(1), content: text, mention: fc.option(fc.record({ all: fc.constantFrom(0, 1), uids: fc.array(fc.string({ unit: 'grapheme-ascii' })) }), { nil: undefined }) })
  const imagePayload = fc.record({ type: fc.constant(2), url: fc.webUrl(), width: fc.nat(), height: fc.nat() })
  const systemPayload = fc.record({ type: fc.constantFrom(1001, 1002, 1003, 1010), content: text, extra: fc.array(fc.record({ uid: fc.string(), name: text })) })
  const unknownPayload = fc.record({ type: fc.integer({ min: 21, max: 98 }), data: exactJson(3) })
  const payload = fc
    .tuple(fc.oneof(textPayload, imagePayload, systemPayload, unknownPayload), extraField)
    .map(([p, extra]) => JSON.parse(JSON.stringify({ ...extra, ...p })) as Payload)

  it('decode(encode(p)) deep-equals p: CJK, emoji, astral, unknown fields and types', () => {
    fc.assert(
      fc.property(payload, (p) => {
        expect(decodePayload(encodePayload(p))).toEqual(p)
      }),
      { numRuns: 3000 },
    )
  })
})


describe('the browser byte layer (platform-web.ts), run in Node', () => {
  it('agrees with Buffer on arbitrary bytes and text, through native Base64 and through atob/btoa', async () => {
    const web = await import('../src/wire/platform-web.js')
    const native = Uint8Array as unknown as { fromBase64?: unknown }
    const saved = native.fromBase64
    try {
      for (const withNative of [false, true]) {
        if (!withNative) delete native.fromBase64
        else if (saved === undefined) continue // Node 20 has no native Base64 on Uint8Array
        fc.assert(
          fc.property(fc.uint8Array({ maxLength: 300 }), fc.string({ unit: 'grapheme' }), (bytes, text) => {
            const b64 = Buffer.from(bytes).toString('base64')
            expect(web.bytesToBase64(bytes)).toBe(b64)
            expect([...web.base64ToBytes(b64)]).toEqual([...bytes])
            expect(web.textToBase64(text)).toBe(Buffer.from(text).toString('base64'))
            expect(web.utf8Length(text)).toBe(Buffer.byteLength(text))
          }),
          { numRuns: 500 },
        )
      }
    } finally {
      if (saved !== undefined) native.fromBase64 = saved
    }
    expect(() => web.base64ToBytes('ab c')).toThrow(expect.objectContaining({ code: 'INVALID_BASE64', offset: 2 }))
    expect(() => web.base64ToBytes('YQ')).toThrow(expect.objectContaining({ code: 'INVALID_BASE64' }))
    expect([...web.base64ToBytes('YQ', true)]).toEqual([0x61])
    expect(() => web.utf8ToText(new Uint8Array([0x61, 0xff]))).toThrow(expect.objectContaining({ code: 'INVALID_UTF8', offset: 1 }))
  })
})

/**
 * Hostile input, round 2 (issue 17): one `describe` per numbered case. Each test names the class
 * of input it covers and checks the guarantee docs/security.md states, by an oracle that does not
 * come from the implementation (a count, a byte-level property, the platform's own parser).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { run, type Io } from '../src/cli/run.js'
import {
  DEFAULT_MAX_BYTES,
  decodePayload,
  digest,
  encodePayload,
  isPayloadError,
  renderSystemMessage,
  renderSystemMessageHtml,
  renderSystemMessageSegments,
  safeDecodePayload,
  type Payload,
  type SendMessageRequest,
} from '../src/entries/index.js'
import { readBody, readSendRequest, readWebhook, writeProblem, problemFromFastifyError, parseJsonExact } from '../src/entries/server.js'
import { toOpenIM } from '../src/adapters/openim/convert.js'
import { toLanying } from '../src/adapters/lanying/convert.js'
import { toCommsEase } from '../src/adapters/commsease/convert.js'
import * as web from '../src/wire/platform-web.js'
import * as node from '../src/wire/platform-node.js'
import { decodeWebhookMessages } from '../src/webhooks/messages.js'

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64')

/** Runs the CLI in process; stdin as bytes, as the real process gives it. */
function cli(args: string[], stdin: string | Uint8Array = '', tty = false) {
  const out: string[] = []
  const err: string[] = []
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), color: false, stdin: () => (typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin) }
  const code = run(args, io, tty)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** Opens a server on 127.0.0.1 whose handler records what the helper settles with. */
async function recordingServer(read: (req: IncomingMessage) => Promise<unknown>) {
  const outcomes: { settled: 'resolved' | 'rejected'; value: unknown }[] = []
  let notify: () => void = () => {}
  const server: Server = createServer((req, res) => {
    read(req).then(
      (value) => {
        outcomes.push({ settled: 'resolved', value })
        notify()
        if (!res.destroyed) res.end()
      },
      (error: unknown) => {
        outcomes.push({ settled: 'rejected', value: error })
        notify()
      },
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    port,
    outcomes,
    next: () => new Promise<void>((resolve) => (notify = resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Sends headers promising `Content-Length: 100`, then 12 bytes, then resets the connection. */
function abortMidBody(port: number, path: string): void {
  const socket = connect(port, '127.0.0.1', () => {
    socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"from_uid":`)
    setTimeout(() => socket.destroy(), 20)
  })
  socket.on('error', () => {})
}

describe('1. a client that disconnects mid-body', () => {
  it.each([
    ['readSendRequest', readSendRequest],
    ['readWebhook', readWebhook],
  ] as const)('%s settles with a CLIENT_ABORTED problem, not a rejection', async (_name, read) => {
    const server = await recordingServer((req) => read(req))
    try {
      const settled = server.next()
      abortMidBody(server.port, '/')
      await settled
      expect(server.outcomes).toHaveLength(1)
      expect(server.outcomes[0]).toMatchObject({ settled: 'resolved', value: { ok: false, problem: { code: 'CLIENT_ABORTED', status: 400 } } })
    } finally {
      await server.close()
    }
  })

  it('readBody turns any stream error into the same typed outcome', async () => {
    const failing = {
      headers: {},
      async *[Symbol.asyncIterator]() {
        yield new Uint8Array([1])
        throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' })
      },
    }
    await expect(readBody(failing)).resolves.toMatchObject({ ok: false, problem: { code: 'CLIENT_ABORTED' } })
  })

  it('writeProblem never writes to a response whose socket is gone', () => {
    const writes: string[] = []
    const response = { statusCode: 0, destroyed: true, setHeader: () => writes.push('header'), end: () => writes.push('end') }
    writeProblem(response, { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'x', code: 'INVALID_JSON', errors: [] })
    expect(writes).toEqual([])
  })
})

describe('2. Node Base64 outside the alphabet', () => {
  const valid = b64({ type: 1, content: 'hi' })
  it('the example of the issue is refused, with the browser layer’s error', () => {
    const input = '\u0165' + valid.slice(1)
    const result = safeDecodePayload(input)
    expect(result.ok).toBe(false)
    let browser: unknown
    try {
      web.base64ToBytes(input)
    } catch (error) {
      browser = error
    }
    expect(isPayloadError(browser)).toBe(true)
    if (!result.ok) expect({ code: result.error.code, message: result.error.message, offset: result.error.offset }).toEqual({ code: 'INVALID_BASE64', message: (browser as Error).message, offset: 0 })
  })

  it('every UTF-16 unit above 0x7f, at every position, is refused by both layers', () => {
    // Units whose low byte is a Base64 letter are what Buffer used to accept.
    const units = [0x80, 0xc1, 0xff, 0x100 + 0x41, 0x165, 0x2b + 0x100, 0x3d + 0x100, 0xd800, 0xfeff, 0xff41, 0xffff]
    for (const unit of units) {
      for (let i = 0; i < valid.length; i += 3) {
        const input = valid.slice(0, i) + String.fromCharCode(unit) + valid.slice(i + 1)
        for (const layer of [node, web]) expect(() => layer.base64ToBytes(input), `U+${unit.toString(16)} at ${i}`).toThrow(/illegal Base64 data at input byte/)
      }
    }
  })
})

describe('3. deep nesting inside an unknown field', () => {
  const deep = (levels: number) => `{"type":6,"lng":1,"lat":2,"z":${'['.repeat(levels)}${']'.repeat(levels)}}`
  const body = (payload: string): SendMessageRequest => ({ header: { no_persist: 0, red_dot: 1, sync_once: 0 }, from_uid: '1001', channel_id: '2002', channel_type: 2, payload })

  it('the decoder refuses it with TOO_DEEP (a limit every reader and writer can keep), as a PayloadError', () => {
    const result = safeDecodePayload(b64(deep(6000)))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('TOO_DEEP')
  })

  it('adapters throw a PayloadError, never a RangeError, at any depth', () => {
    for (const convert of [toOpenIM, toLanying, toCommsEase] as ((b: SendMessageRequest) => unknown)[]) {
      let thrown: unknown
      try {
        convert(body(b64(deep(6000))))
      } catch (error) {
        thrown = error
      }
      expect(isPayloadError(thrown), `${convert.name}: ${String(thrown)}`).toBe(true)
    }
  })

  it('CLI validate and decode agree on the same input', () => {
    for (const levels of [10, 999, 6000]) {
      const input = b64(deep(levels))
      const validate = cli(['validate', input])
      const decoded = cli(['decode', input])
      expect(validate.code, `${levels} levels`).toBe(decoded.code)
    }
  })
})

describe('4. renderers on legal but explosive payloads', () => {
  const bomb = { type: 1002, content: '{0}'.repeat(170_000), extra: [{ uid: 'u', name: 'n'.repeat(500_000) }] }
  const medium = { type: 1002, content: '{0}'.repeat(100_000), extra: [{ uid: '', name: 'g'.repeat(5_000) }] }

  it('plain text, digest, HTML and segments are bounded, marked as truncated, and return', () => {
    for (const payload of [bomb, medium]) {
      const text = renderSystemMessage(payload)
      expect(text.length).toBeLessThanOrEqual(10_001)
      expect(text.endsWith('…')).toBe(true)
      const preview = digest(payload)
      expect(preview.length).toBeLessThanOrEqual(10_001)
      expect(preview.endsWith('…')).toBe(true)
      const html = renderSystemMessageHtml(payload)
      // Escaping can at most multiply the text by 6 (&quot;), plus one tag per segment.
      expect(html.length).toBeLessThan(10_001 * 6 + 200)
      const segments = renderSystemMessageSegments(payload)
      expect(segments.reduce((n, s) => n + (s.kind === 'text' ? s.text.length : s.name.length), 0)).toBeLessThanOrEqual(10_001)
    }
  })

  it('maxLength is an option; short messages are untouched', () => {
    const small = { type: 1002, content: '{0} joined', extra: [{ uid: 'u', name: 'Alice' }] }
    expect(renderSystemMessage(small)).toBe('Alice joined')
    // maxLength counts the marker too (issue 26): at most 5 characters, then at most 100.
    expect(renderSystemMessage(small, { maxLength: 5 })).toBe('Alic…')
    expect(digest({ type: 1, content: 'x'.repeat(50_000) }, { locale: 'en', maxLength: 100 })).toBe('x'.repeat(99) + '…')
  })
})

describe('5. bidi controls in HTML', () => {
  const BIDI = /[\u202a-\u202e\u2066-\u2069]/
  const attack = { type: 1020, content: '{0} removed {1} {2}', extra: [{ uid: 'm', name: 'Mallory\u2069\u202e' }, { uid: 'a', name: 'Alice' }, { name: 'Group\u2066\u202e' }] }

  it('no data can close an isolate or open an override: controls are neutralised, every inserted value is isolated', () => {
    const html = renderSystemMessageHtml(attack)
    expect(html).not.toMatch(BIDI)
    // Each inserted value, with or without a uid, is inside its own dir="auto" element.
    const isolated = [...html.matchAll(/<(span|bdi)[^>]*dir="auto"[^>]*>([^<]*)<\/\1>/g)].map((m) => m[2])
    expect(isolated).toEqual(['Mallory', 'Alice', 'Group'])
    expect(html.replace(/<[^>]+>/g, '')).toBe('Mallory removed Alice Group')
  })

  it('controls in the template itself cannot reorder the line either', () => {
    expect(renderSystemMessageHtml({ type: 1002, content: '\u202e{0} left', extra: [{ uid: 'u', name: 'Bob' }] })).not.toMatch(BIDI)
  })
})

describe('6. CLI standard input and terminal output', () => {
  it('invalid UTF-8 on stdin is an error (exit 1), for every command that reads it', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('{"type":1,"content":"caf'), 0xe9, ...new TextEncoder().encode('"}')])
    for (const command of ['validate', 'encode', 'decode', 'render']) {
      const r = cli([command], bytes)
      expect(r.code, command).toBe(1)
      expect(r.err + r.out).toMatch(/INVALID_UTF8|not valid UTF-8/)
    }
  })

  it('a BOM is INVALID_JSON, as the codec says', () => {
    const r = cli(['validate'], '\ufeff{"type":1,"content":"x"}')
    expect(r.code).toBe(1)
    expect(r.out + r.err).toMatch(/byte-order mark/)
  })

  it('no control character from the data reaches the terminal (decode, render, encode errors, webhook listing)', () => {
    const evil = '\u001b]0;pwned\u0007\u001b[2J\u009b31m'
    const payload = { type: 1002, content: `{0} ${evil}`, extra: [{ uid: 'u', name: evil }] }
    const webhook = JSON.stringify([{ message_id: 1, from_uid: evil, channel_id: evil, payload: b64({ type: 1, content: evil }) }, { message_id: 2, payload: evil }])
    const runs = [
      cli(['decode', b64(payload)]),
      cli(['decode', '--json', b64(payload)]),
      cli(['render', b64(payload)]),
      cli(['encode', JSON.stringify({ type: 1, content: 5, [evil]: 1 })]),
      cli(['decode'], webhook),
      cli(['validate', JSON.stringify({ type: evil })]),
    ]
    for (const r of runs) expect(r.out + r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
    expect(runs[0]?.out).toContain('\\u001b]0;pwned')
  })
})

describe('7. CLI validate and send on /message/send bodies', () => {
  const payload = b64({ type: 1, content: 'hi' })
  it('validate checks the envelope as the library does, with /payload paths', () => {
    const r = cli(['validate', JSON.stringify({ channel_id: 'g@1', channel_type: '2', from_uid: 'u', header: { red_dot: '1' }, payload })])
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/^\/channel_id: /m)
    expect(r.out).toMatch(/^\/channel_type: /m)
    expect(r.out).toMatch(/^\/header\/red_dot: /m)
    const bad = cli(['validate', JSON.stringify({ channel_id: 'g1', channel_type: 2, payload: '!!!' })])
    expect(bad.code).toBe(1)
    expect(bad.out).toMatch(/^\/payload: /m)
    expect(cli(['validate', JSON.stringify({ channel_id: 'g1', channel_type: 2, from_uid: 'u', payload })])).toMatchObject({ code: 0 })
  })

  it('send --subscribers warns with what lint says', () => {
    const r = cli(['send', '--from', 'u1', '--subscribers', 'a,b', '{"type":1,"content":"x"}'])
    expect(r.err).toMatch(/subscribers-on-non-command/)
  })

  it('empty stdin says "no input"; decode of [] is a clear error; errors name CLI flags', () => {
    expect(cli(['validate'], '')).toMatchObject({ code: 2, err: expect.stringMatching(/no input/) })
    expect(cli(['decode'], '  \n')).toMatchObject({ code: 2, err: expect.stringMatching(/no input/) })
    const empty = cli(['decode', '[]'])
    expect(empty.code).toBe(1)
    expect(empty.err).toMatch(/no messages/)
    const urlSafe = cli(['decode', b64({ type: 1, content: '??>' }).replace(/\+/g, '-').replace(/\//g, '_')])
    expect(urlSafe.code).toBe(1)
    expect(urlSafe.err).toContain('--lenient')
    expect(urlSafe.err).not.toContain('{ lenient')
  })
})

describe('8. webhook payloads sent as JSON objects', () => {
  it('a number beyond 2^53 in a payload object is an error with its path, not a string', () => {
    const [m] = decodeWebhookMessages('[{"payload":{"type":1,"content":"x","n":12345678901234567890}}]')
    expect(m?.payload).toBeUndefined()
    expect(m?.error?.issues).toContainEqual(expect.objectContaining({ path: '/n', code: 'unsafe_number', message: expect.stringContaining('12345678901234567890') }))
  })

  it('message_seq beyond 2^53 is reported; 1867301234567890123.0 is kept exact', () => {
    const [m] = decodeWebhookMessages(`[{"message_id":1867301234567890123.0,"message_seq":12345678901234567890,"payload":"${b64({ type: 1, content: 'x' })}"}]`)
    expect(m?.message_id).toBe('1867301234567890123')
    expect(m?.error?.message).toMatch(/message_seq/)
    expect(parseJsonExact('[1.867301234567890123e18, 12345678901234567890.5, 1e400]')).toEqual(['1867301234567890123', '12345678901234567890.5', '1e400'])
  })
})

describe('9. "never throws" holds for hostile values', () => {
  it('a getter that throws a value without a string form', () => {
    const hostile = {
      get type(): number {
        throw Object.create(null)
      },
    }
    const result = safeDecodePayload(hostile)
    expect(result.ok).toBe(false)
    expect(() => decodePayload(hostile)).toThrow(expect.objectContaining({ name: 'PayloadError' }))
  })

  it('a self-containing array or object: a clear error, no hang', () => {
    const a: unknown[] = []
    a.push(a)
    const o: Record<string, unknown> = { type: 1, content: 'x' }
    o.self = o
    const wide: unknown[] = [1, 2, 3]
    wide.push(wide, wide)
    for (const value of [{ type: 1, content: 'x', extra: a }, o, { type: 1, content: 'x', w: wide }]) {
      const result = safeDecodePayload(value)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.message).toMatch(/contains itself/)
      expect(() => encodePayload(value as Payload)).toThrow(/contains itself/)
    }
  })

  it('shared sub-values blowing up exponentially are refused by size, not walked', () => {
    let v: unknown = []
    for (let i = 0; i < 60; i++) v = [v, v]
    expect(safeDecodePayload({ type: 1, content: 'x', v }).ok).toBe(false)
    expect(() => encodePayload({ type: 1, content: 'x', v } as Payload)).toThrow(/maxBytes/)
  })

  it('problemFromFastifyError on a sparse list, digest and render with an unknown locale', () => {
    expect(problemFromFastifyError({ validation: new Array(1) })?.status).toBe(400)
    const fr = { locale: 'fr' } as unknown as { locale: 'zh' }
    expect(digest({ type: 2, url: 'x', width: 1, height: 1 }, fr)).toBe(digest({ type: 2, url: 'x', width: 1, height: 1 }))
    expect(digest({ type: 1002, content: '{0}', extra: [{ uid: 'u', name: 'A' }] }, { ...fr, selfUid: 'u' })).toBe('你')
    expect(renderSystemMessage({ type: 1002, content: '{0}', extra: [{ uid: 'u', name: 'A' }] }, { ...fr, selfUid: 'u' })).toBe('你')
  })
})

describe('10. encodePayload writes exactly what it validated', () => {
  class Shape {
    toJSON() {
      return { type: 'text' }
    }
  }
  const cases: [string, unknown][] = [
    ['own toJSON', { type: 1, content: 'x', toJSON: () => ({ type: 'text' }) }],
    ['inherited toJSON', Object.assign(Object.create({ toJSON: () => ({ type: 'text' }) }) as object, { type: 1, content: 'x' })],
    ['class instance', Object.assign(new Shape(), { type: 1, content: 'x' })],
    ['Date in an unknown field', { type: 1, content: 'x', when: new Date(0) }],
    ['inherited field', Object.assign(Object.create({ content: 'x' }) as object, { type: 1 })],
    ['Map', { type: 1, content: 'x', m: new Map([[1, 2]]) }],
  ]
  it.each(cases)('%s is refused with a clear issue', (_name, value) => {
    let thrown: unknown
    try {
      encodePayload(value as Payload)
    } catch (error) {
      thrown = error
    }
    expect(isPayloadError(thrown)).toBe(true)
    if (isPayloadError(thrown)) expect(thrown.message).toMatch(/plain|toJSON|prototype/)
  })
})

describe('11. limits', () => {
  afterEach(() => vi.restoreAllMocks())

  it('CRLF line breaks of wrapped Base64 do not count against maxBytes', () => {
    const content = 'x'.repeat(DEFAULT_MAX_BYTES - 40)
    const plain = b64({ type: 1, content })
    const wrapped = plain.replace(/.{76}/g, '$&\r\n')
    expect(safeDecodePayload(plain).ok).toBe(true)
    expect(safeDecodePayload(wrapped).ok).toBe(true)
    const over = b64({ type: 1, content: 'x'.repeat(DEFAULT_MAX_BYTES) }).replace(/.{76}/g, '$&\r\n')
    expect(safeDecodePayload(over)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } })
  })

  it('NaN, negative and fractional limits fall back to the default: they never switch a limit off', async () => {
    const big = b64({ type: 1, content: 'x'.repeat(DEFAULT_MAX_BYTES + 10) })
    for (const bad of [Number.NaN, -1, 1.5, Number(undefined)]) {
      expect(safeDecodePayload(big, { maxBytes: bad })).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } })
      expect(() => encodePayload({ type: 1, content: 'x'.repeat(DEFAULT_MAX_BYTES + 10) }, { maxBytes: bad })).toThrow(/maxBytes/)
      expect(() => parseJsonExact('"' + 'x'.repeat(16 * 1024 * 1024 + 1) + '"', { maxBytes: bad })).toThrow(/maxBytes/)
      const chunks = { headers: {}, async *[Symbol.asyncIterator]() { yield new Uint8Array(DEFAULT_MAX_BYTES + 1) } }
      await expect(readBody(chunks, { maxBodyBytes: bad })).resolves.toMatchObject({ ok: false, problem: { status: 413 } })
      let nested: Record<string, unknown> = { type: 1, content: 'x' }
      for (let i = 0; i < 40; i++) nested = { type: 1, content: 'x', reply: { message_id: 'm', message_seq: 1, from_uid: 'u', payload: nested } }
      expect(safeDecodePayload(nested, { maxDepth: bad })).toMatchObject({ ok: false })
    }
  })

  it('the node:http reader answers a declared over-limit Content-Length without reading the body', async () => {
    const unread = {
      headers: { 'content-length': String(64 * 1024 * 1024) },
      [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
        throw new Error('the body was read')
      },
    }
    await expect(readBody(unread)).resolves.toMatchObject({ ok: false, problem: { status: 413 } })
  })

  it('encodePayload refuses a huge value before serialising it', () => {
    const stringify = vi.spyOn(JSON, 'stringify')
    const numbers = new Array<number>(2_000_000).fill(123456)
    expect(() => encodePayload({ type: 1, content: 'x', numbers } as Payload)).toThrow(/maxBytes/)
    expect(stringify).not.toHaveBeenCalled()
  })
})

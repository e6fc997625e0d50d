/**
 * Hostile input: every public entry point, attacked. Each `it` holds one guarantee listed in
 * docs/security.md. Properties run twice: with a fixed seed (reproducible in CI) and with a
 * random one, which fast-check prints on failure (`seed: …, path: …`) so that it can be replayed.
 */
import fc from 'fast-check'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkSync } from 'recheck'
import ts from 'typescript'
import { payloadDefinitions } from '../src/types/definitions.js'
import { describe, expect, it } from 'vitest'
import { run, type Io } from '../src/cli/run.js'
import {
  decodePayload,
  digest,
  encodePayload,
  isPayload,
  isPayloadError,
  parseSendResponse,
  renderSystemMessage,
  renderSystemMessageHtml,
  renderSystemMessageSegments,
  safeDecodePayload,
  validatePayload,
  validateSendRequest,
  type Payload,
  type ValidationIssue,
} from '../src/entries/index.js'
import { decodeWebhookMessages } from '../src/webhooks/messages.js'

const FIXED_SEED = 20261124
const ERROR_CODES = new Set(['INVALID_BASE64', 'INVALID_UTF8', 'INVALID_JSON', 'INVALID_PAYLOAD', 'TOO_LARGE', 'TOO_DEEP'])
const ISSUE_CODES = new Set(['required', 'type', 'enum', 'range', 'pattern', 'empty', 'unknown_type', 'too_deep', 'unsafe_number', 'lone_surrogate', 'invalid_base64', 'invalid_utf8', 'invalid_json', 'too_large', 'invalid'])

/** Counts the cases run in this file, to hold the "well over 100,000" promise. */
let casesRun = 0

/** Runs a property with the fixed seed, then a quarter as many runs with a random seed. */
function fuzz<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void, runs: number): void {
  const property = fc.property(arbitrary, (value) => {
    casesRun++
    predicate(value)
  })
  fc.assert(property, { seed: FIXED_SEED, numRuns: runs })
  fc.assert(property, { numRuns: Math.ceil(runs / 4) })
}

function expectWellFormedIssues(issues: readonly ValidationIssue[]): void {
  expect(issues.length).toBeGreaterThan(0)
  for (const issue of issues) {
    expect(issue.path === '' || issue.path.startsWith('/')).toBe(true)
    expect(ISSUE_CODES.has(issue.code)).toBe(true)
    expect(issue.message.length).toBeGreaterThan(0)
  }
}

function expectPayloadError(error: unknown): void {
  expect(isPayloadError(error)).toBe(true)
  if (isPayloadError(error)) {
    expect(ERROR_CODES.has(error.code)).toBe(true)
    expect(error.message.length).toBeGreaterThan(0)
  }
}

/** Any JSON value, with the keys payloads really have so that the validators get past the top. */
const payloadKeys = fc.constantFrom('type', 'content', 'mention', 'all', 'uids', 'reply', 'payload', 'message_id', 'extra', 'uid', 'name', 'url', 'width', 'height', 'timeTrad', 'size', 'cmd', 'param', 'msgs', 'visibles', 'entities', '__proto__', 'constructor')
const knownTypes = fc.constantFrom(...payloadDefinitions.map((d) => d.type), 1500, 4242, 9999)
const { json: jsonValue } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary' }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(payloadKeys, fc.string()), tie('json'), { maxKeys: 5 }),
  ),
}))
const payloadLike = fc
  .tuple(fc.oneof(knownTypes, fc.integer(), fc.string(), fc.constant(undefined)), fc.dictionary(payloadKeys, jsonValue, { maxKeys: 6 }))
  .map(([type, rest]) => (type === undefined ? rest : { ...rest, type }))
const systemLike = fc.record(
  {
    type: fc.integer({ min: 1001, max: 1100 }),
    content: fc.oneof(fc.string({ unit: 'binary' }), fc.stringMatching(/^([^{}]{0,3}\{\d{1,6}\}?)*$/), jsonValue),
    extra: fc.oneof(fc.array(fc.record({ uid: fc.oneof(fc.string({ unit: 'binary' }), jsonValue), name: fc.oneof(fc.string({ unit: 'binary' }), jsonValue) }, { requiredKeys: [] }), { maxLength: 6 }), jsonValue),
  },
  { requiredKeys: [] },
)

describe('fuzzing: nothing that promises "never throws" throws', () => {
  it('safeDecodePayload: arbitrary strings, Base64 of arbitrary bytes and JSON, raw bytes and values', () => {
    const check = (input: unknown, options = {}) => {
      const result = safeDecodePayload(input as string, options)
      if (result.ok) expect(Number.isInteger(result.value.type)).toBe(true)
      else {
        expectPayloadError(result.error)
        if (result.error.code === 'INVALID_PAYLOAD') expectWellFormedIssues(result.error.issues)
      }
    }
    fuzz(fc.string({ unit: 'binary' }), (s) => check(s), 20_000)
    fuzz(fc.string({ unit: 'binary' }), (s) => check(s, { lenient: true }), 5_000)
    fuzz(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      check(bytes)
      check(Buffer.from(bytes).toString('base64'))
    }, 10_000)
    fuzz(payloadLike, (value) => {
      check(value)
      check(Buffer.from(JSON.stringify(value) ?? 'null').toString('base64'))
    }, 15_000)
    fuzz(jsonValue, (value) => check(value), 5_000)
  })

  it('validatePayload and isPayload agree and never throw; valid payloads round-trip exactly', () => {
    fuzz(fc.oneof(payloadLike, jsonValue, systemLike), (value) => {
      const result = validatePayload(value)
      expect(isPayload(value)).toBe(result.ok)
      if (!result.ok) {
        expectWellFormedIssues(result.issues)
        return
      }
      // Valid: either it encodes and decodes to the same value, or encoding refuses it with a
      // reason (a lone surrogate or -0 JSON would change, a number beyond 2^53 …).
      let base64: string
      try {
        base64 = encodePayload(value as Payload)
      } catch (error) {
        expectPayloadError(error)
        return
      }
      expect(decodePayload(base64)).toEqual(JSON.parse(JSON.stringify(value)))
    }, 20_000)
  })

  it('validateSendRequest never throws, whatever the body', () => {
    const body = fc.record(
      {
        header: fc.oneof(fc.record({ no_persist: jsonValue, red_dot: jsonValue, sync_once: jsonValue }, { requiredKeys: [] }), jsonValue),
        from_uid: fc.oneof(fc.string(), jsonValue),
        channel_id: fc.oneof(fc.string(), jsonValue),
        channel_type: fc.oneof(fc.integer(), jsonValue),
        payload: fc.oneof(payloadLike.map((p) => Buffer.from(JSON.stringify(p)).toString('base64')), fc.string({ unit: 'binary' }), jsonValue),
        subscribers: jsonValue,
        expire: jsonValue,
      },
      { requiredKeys: [] },
    )
    fuzz(fc.oneof(body, jsonValue), (value) => {
      const result = validateSendRequest(value)
      if (!result.ok) expectWellFormedIssues(result.issues)
    }, 10_000)
  })

  it('renderers and digest never throw; HTML never carries markup from the data', () => {
    fuzz(fc.oneof(systemLike, payloadLike, jsonValue), (value) => {
      const options = { selfUid: 'me', locale: 'en' as const }
      expect(typeof renderSystemMessage(value, options)).toBe('string')
      expect(Array.isArray(renderSystemMessageSegments(value, options))).toBe(true)
      expect(typeof digest(value, options)).toBe('string')
      const html = renderSystemMessageHtml(value, options)
      // Remove the package's own tags: what is left is escaped text, with no markup at all.
      const text = html.replace(/<span class="wk-user( wk-self)?" data-uid="[^"<>]*" dir="auto">|<span dir="auto">/g, '').replaceAll('</span>', '')
      expect(text).not.toMatch(/[<>]/)
    }, 15_000)
  })

  it('the CLI never throws and exits 0, 1 or 2, whatever the arguments and standard input', () => {
    const argv = fc.array(
      fc.oneof(
        fc.constantFrom('decode', 'encode', 'validate', 'render', 'send', 'schema', 'types', 'help', '--json', '--html', '--lenient', '--self', '--locale', 'en', '-', '--from', '--channel', '--channel-type', '--help', '--', '__proto__', 'constructor'),
        fc.string({ unit: 'binary' }),
        payloadLike.map((p) => JSON.stringify(p) ?? ''),
        payloadLike.map((p) => Buffer.from(JSON.stringify(p) ?? '').toString('base64')),
      ),
      { maxLength: 6 },
    )
    fuzz(fc.tuple(argv, fc.string({ unit: 'binary' })), ([args, stdin]) => {
      const written: string[] = []
      const io: Io = { out: (t) => written.push(t), err: (t) => written.push(t), color: false, stdin: () => stdin }
      const code = run(args, io, false)
      expect([0, 1, 2]).toContain(code)
      for (const line of written) expect(typeof line).toBe('string')
    }, 4_000)
  })

  it('webhook bodies and send responses: a result, or a PayloadError; never anything else', () => {
    const message = fc.record(
      {
        message_id: fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 63n }).map(String), jsonValue),
        payload: fc.oneof(payloadLike.map((p) => Buffer.from(JSON.stringify(p)).toString('base64')), fc.string({ unit: 'binary' }), jsonValue),
      },
      { requiredKeys: [] },
    )
    const text = fc.oneof(
      fc.array(message, { maxLength: 4 }).map((list) => JSON.stringify(list).replace(/"message_id":"(\d+)"/g, '"message_id":$1')),
      fc.string({ unit: 'binary' }),
      jsonValue.map((v) => JSON.stringify(v) ?? ''),
    )
    fuzz(text, (body) => {
      for (const call of [() => decodeWebhookMessages(body), () => parseSendResponse(body)]) {
        try {
          call()
        } catch (error) {
          expectPayloadError(error)
        }
      }
    }, 6_000)
  })

  it('ran well over 100,000 cases in total', () => {
    expect(casesRun).toBeGreaterThan(100_000)
  })
})

describe('prototype pollution', () => {
  const hostileJson = '{"type":1,"content":"x","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"prototype":{"polluted":3}}'
  const pristine = () => ({}) as Record<string, unknown>

  it('__proto__, constructor and prototype keys never touch Object.prototype and survive a round trip as data', () => {
    const decoded = decodePayload(Buffer.from(hostileJson).toString('base64'))
    expect(pristine().polluted).toBeUndefined()
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype)
    expect(Object.keys(decoded)).toEqual(['type', 'content', '__proto__', 'constructor', 'prototype'])
    expect(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value).toEqual({ polluted: 1 })
    const again = decodePayload(encodePayload(decoded))
    expect(JSON.stringify(again)).toBe(hostileJson)
    expect(pristine().polluted).toBeUndefined()
  })

  it('in webhook bodies, send responses, send requests and rendering too', () => {
    const payload = Buffer.from(hostileJson).toString('base64')
    const [message] = decodeWebhookMessages(`[{"message_id":1867301234567890123,"payload":"${payload}","__proto__":{"polluted":4}}]`)
    expect(message?.error).toBeUndefined()
    expect(Object.getOwnPropertyDescriptor(message?.raw, '__proto__')?.value).toEqual({ polluted: 4 })
    expect(Object.getPrototypeOf(message?.raw)).toBe(Object.prototype)
    parseSendResponse('{"message_id":1,"__proto__":{"polluted":5},"data":{"__proto__":{"polluted":6}}}')
    const checked = validateSendRequest(JSON.parse(`{"from_uid":"u","channel_id":"g","channel_type":2,"payload":"${payload}","__proto__":{"polluted":7}}`))
    expect(checked.ok).toBe(true)
    renderSystemMessage(JSON.parse('{"type":1001,"content":"{0}{__proto__}","extra":[{"uid":"__proto__","name":"constructor"}],"__proto__":{"polluted":8}}'))
    expect(pristine().polluted).toBeUndefined()
  })
})

describe('resource bombs', () => {
  it('10 MB and 100 MB inputs are refused before any decoding (even when they are not Base64 at all)', () => {
    for (const size of [10, 100]) {
      const notBase64 = '!'.repeat(size * 1024 * 1024)
      const r = safeDecodePayload(notBase64)
      expect(r.ok ? null : r.error.code).toBe('TOO_LARGE') // INVALID_BASE64 would mean it was read
      const bytes = new Uint8Array(size * 1024 * 1024).fill(0xff) // invalid UTF-8 throughout
      const b = safeDecodePayload(bytes)
      expect(b.ok ? null : b.error.code).toBe('TOO_LARGE') // INVALID_UTF8 would mean it was read
      const checked = validateSendRequest({ from_uid: 'u', channel_id: 'g', channel_type: 1, payload: notBase64 })
      expect(checked.ok ? [] : checked.issues.map((i) => i.code)).toEqual(['too_large'])
      expect(() => decodeWebhookMessages(`[${notBase64}]`)).toThrow(expect.objectContaining({ code: size >= 8 ? 'TOO_LARGE' : 'INVALID_JSON' }))
      expect(() => parseSendResponse(notBase64)).toThrow(expect.objectContaining({ code: 'TOO_LARGE' }))
    }
  })

  it('a 100 MB string inside a payload object is refused before it is serialized or decoded', () => {
    const huge = { type: 1, content: 'x'.repeat(100 * 1024 * 1024) } satisfies Payload
    expect(() => encodePayload(huge)).toThrow(expect.objectContaining({ code: 'TOO_LARGE' }))
    expect(() => decodePayload(huge)).toThrow(expect.objectContaining({ code: 'TOO_LARGE' }))
  })

  it('100,000 levels of nesting are refused without a stack overflow, in every reader', () => {
    let nested: Record<string, unknown> = { type: 1, content: 'leaf' }
    for (let i = 0; i < 100_000; i++) nested = { type: 1, content: String(i), reply: { message_id: '1', message_seq: 1, from_uid: 'u', payload: nested } }
    const unlimited = { maxBytes: Number.POSITIVE_INFINITY } // the size limit alone would refuse it first
    expect(safeDecodePayload(nested, unlimited)).toMatchObject({ ok: false, error: { code: 'TOO_DEEP' } })
    expect(() => encodePayload(nested as Payload, unlimited)).toThrow(expect.objectContaining({ code: 'TOO_DEEP' }))
    const deepJson = `${'{"type":1,"content":"","reply":{"message_id":"1","message_seq":1,"from_uid":"u","payload":'.repeat(100_000)}{"type":1}${'}}'.repeat(100_000)}`
    expect(safeDecodePayload(Buffer.from(deepJson), { maxBytes: 100 * 1024 * 1024 })).toMatchObject({ ok: false, error: { code: 'TOO_DEEP' } })
    const deepArray = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    expect(() => decodeWebhookMessages(deepArray)).toThrow(expect.objectContaining({ code: 'TOO_DEEP' }))
    expect(() => parseSendResponse(deepArray)).toThrow(expect.objectContaining({ code: 'TOO_DEEP' }))
    expect(validatePayload(nested).ok).toBe(false)
    expect(typeof renderSystemMessage(nested)).toBe('string')
  })

  it('1,000,000-entry extra and uids arrays are validated, rendered and digested (the test timeout bounds the time)', () => {
    const extra = Array.from({ length: 1_000_000 }, (_, i) => ({ uid: `u${i}`, name: `n${i}` }))
    const system = { type: 1002, content: '{0}邀请{999999}加入群聊', extra }
    expect(validatePayload(system).ok).toBe(true)
    expect(renderSystemMessage(system)).toBe('n0邀请n999999加入群聊')
    const uids = Array.from({ length: 1_000_000 }, (_, i) => `u${i}`)
    const text = { type: 1, content: '@all', mention: { all: 0, uids } } satisfies Payload
    expect(validatePayload(text).ok).toBe(true)
    const badUids = { type: 1, content: 'x', mention: { all: 0, uids: [...uids.slice(0, 999_999), 7] } }
    const bad = validatePayload(badUids)
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual(['/mention/uids/999999'])
    expect(() => encodePayload(text)).toThrow(expect.objectContaining({ code: 'TOO_LARGE' })) // over 1 MiB
    expect(decodePayload(encodePayload(text, { maxBytes: 64 * 1024 * 1024 }), { maxBytes: 64 * 1024 * 1024 })).toEqual(text)
  }, 60_000)
})

describe('regular expressions', () => {
  /** Every regular expression in the package's sources: literals and `new RegExp("…")`. */
  function packageRegexes(): { source: string; flags: string; where: string }[] {
    const found: { source: string; flags: string; where: string }[] = []
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : /\.(ts|js)$/.test(d.name) && !d.name.endsWith('.d.ts') ? [join(dir, d.name)] : []))
    for (const file of files(join(import.meta.dirname, '..', 'src'))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
      const visit = (node: ts.Node): void => {
        if (ts.isRegularExpressionLiteral(node)) {
          const text = node.getText()
          const end = text.lastIndexOf('/')
          found.push({ source: text.slice(1, end), flags: text.slice(end + 1), where: `${file}:${source.getLineAndCharacterOfPosition(node.pos).line + 1}` })
        } else if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp' && node.arguments?.[0] && ts.isStringLiteral(node.arguments[0])) {
          const flags = node.arguments[1] && ts.isStringLiteral(node.arguments[1]) ? node.arguments[1].text : ''
          found.push({ source: node.arguments[0].text, flags, where: file })
        }
        ts.forEachChild(node, visit)
      }
      visit(source)
    }
    return found
  }

  const regexes = packageRegexes()

  it('finds the package’s regular expressions', () => {
    expect(regexes.length).toBeGreaterThan(15)
  })

  it.each(regexes.map((r) => [`/${r.source}/${r.flags}`, r] as const))('%s is safe from super-linear backtracking (recheck) and runs on 100,000-character adversarial input', (_name, r) => {
    const verdict = checkSync(r.source, r.flags.replace(/[gy]/g, ''))
    expect(verdict.status, `${r.where}: ${JSON.stringify(verdict)}`).toBe('safe')
    const regex = new RegExp(r.source, r.flags)
    for (const attack of ['a', '0', '{0', '=', ' ', '\ud800', '9'.repeat(15) + 'e', '\\"'].map((unit) => unit.repeat(Math.ceil(100_000 / unit.length)) + '!')) {
      regex.lastIndex = 0
      expect(typeof regex.test(attack)).toBe('boolean')
    }
  })
})

describe('numbers', () => {
  const decode = (json: string) => safeDecodePayload(Buffer.from(json).toString('base64'))

  it('1e400 (Infinity), ids beyond 2^53 and -0 are never silently changed', () => {
    expect(decode('{"type":1,"content":"x","n":1e400}')).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', issues: [{ path: '/n', code: 'unsafe_number' }] } })
    expect(decode('{"type":1,"content":"x","reply":{"message_id":1867301234567890123,"message_seq":1,"from_uid":"u"}}')).toMatchObject({
      ok: false,
      error: { issues: [{ path: '/reply/message_id', code: 'unsafe_number' }] },
    })
    expect(decode('{"type":18446744073709551615}')).toMatchObject({ ok: false, error: { issues: [{ path: '/type', code: 'unsafe_number' }] } })
    // -0: JSON has it, JavaScript keeps it through a decode; encode writes 0 (JSON.stringify), the
    // same number as far as any reader can tell, so it is accepted.
    const negZero = decode('{"type":1,"content":"x","n":-0}')
    expect(negZero.ok && Object.is((negZero.value as Record<string, unknown>)['n'], -0)).toBe(true)
    expect(() => encodePayload({ type: 1, content: 'x', n: Number.NaN } as Payload)).toThrow(expect.objectContaining({ code: 'INVALID_PAYLOAD' }))
    expect(() => encodePayload({ type: 1, content: 'x', n: 2 ** 53 + 2 } as Payload)).toThrow(/beyond 2\^53/)
  })

  it('ids beyond 2^53 in envelopes stay exact', () => {
    const [m] = decodeWebhookMessages(`[{"message_id":1867301234567890123,"message_seq":18446744073709551615,"payload":"${Buffer.from('{"type":1,"content":"x"}').toString('base64')}"}]`)
    expect(m?.message_id).toBe('1867301234567890123')
    expect(m?.raw.message_seq).toBe('18446744073709551615') // kept exact, as a string
    expect(parseSendResponse('{"message_id":9223372036854775807,"message_seq":1}')).toEqual({ ok: true, message_id: '9223372036854775807', message_seq: 1 })
    expect(() => parseSendResponse('{"message_id":1,"message_seq":18446744073709551615}')).toThrow(/beyond 2\^53/)
  })
})

describe('text', () => {
  it('lone surrogates are refused on encode with their path; invalid and overlong UTF-8 on decode with the byte offset', () => {
    expect(() => encodePayload({ type: 1, content: 'ok \ud83d' })).toThrow(expect.objectContaining({ code: 'INVALID_PAYLOAD', issues: [expect.objectContaining({ path: '/content', code: 'lone_surrogate' })] }))
    const overlong = Buffer.concat([Buffer.from('{"type":1,"content":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')])
    expect(safeDecodePayload(overlong.toString('base64'))).toMatchObject({ ok: false, error: { code: 'INVALID_UTF8', offset: 21 } })
    const surrogate = Buffer.concat([Buffer.from('{"type":1,"content":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')])
    expect(safeDecodePayload(surrogate)).toMatchObject({ ok: false, error: { code: 'INVALID_UTF8', offset: 21 } })
  })

  it('a BOM is reported as such; NUL, RTL overrides and zero-width characters in names render faithfully (HTML: escaped, bidi controls removed)', () => {
    const bom = safeDecodePayload(Buffer.from('\ufeff{"type":1,"content":"x"}').toString('base64'))
    expect(bom.ok ? '' : bom.error.message).toMatch(/byte-order mark/)
    const name = 'a\u0000b\u202Ec\u200Bd<'
    const p = { type: 1001, content: '{0} joined', extra: [{ uid: 'u"1', name }] } satisfies Payload
    expect(decodePayload(encodePayload(p))).toEqual(p)
    expect(renderSystemMessage(p)).toBe(`${name} joined`)
    // In HTML the override is removed (it could reorder the line); the rest is kept, escaped.
    expect(renderSystemMessageHtml(p)).toBe('<span class="wk-user" data-uid="u&quot;1" dir="auto">a\u0000bc\u200Bd&lt;</span> joined')
  })
})

describe('duplicate keys and key order', () => {
  it('the last duplicate wins everywhere, as in the server’s Go decoder; key order is kept', () => {
    expect(decodePayload(Buffer.from('{"type":1,"content":"first","content":"last"}').toString('base64'))).toEqual({ type: 1, content: 'last' })
    const [m] = decodeWebhookMessages('[{"message_id":1,"message_id":2,"payload":"eyJ0eXBlIjoxfQ=="}]')
    expect(m?.message_id).toBe('2')
    expect(parseSendResponse('{"message_id":1,"message_id":2}')).toMatchObject({ message_id: '2' })
    // Order: the encoded JSON keeps the payload's key order.
    const ordered = { content: 'x', type: 1, zeta: 1, alpha: 2 }
    expect(Buffer.from(encodePayload(ordered as Payload), 'base64').toString()).toBe('{"content":"x","type":1,"zeta":1,"alpha":2}')
  })
})

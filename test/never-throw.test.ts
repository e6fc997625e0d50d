/**
 * Issue 26, "never throws": every entry documented as never-throwing answers with a result, not a
 * throw, for foreign values — getters that throw (even a value with no string form), Proxies whose
 * traps throw, BigInt, symbol keys — and a forged `PayloadError` brand never passes as the
 * package's own error. Oracle: the documented contract itself (a result of the documented shape,
 * an issue or problem with a JSON Pointer), not the implementation's output.
 */
import { describe, expect, it } from 'vitest'
import { encodePayload, isPayloadError, lintSendRequest, PayloadError, safeDecodePayload, validateSendRequest } from '../src/entries/index.js'
import { parseSendRequestBody, parseWebhookBody } from '../src/entries/server.js'
import { textDeltasToEvents, validateMessageEvent } from '../src/entries/events.js'

const payload = encodePayload({ type: 1, content: 'hi' })

/** A send body whose `channel_id` getter throws `thrown`. */
function bodyWithThrowingGetter(thrown: unknown): Record<string, unknown> {
  const body: Record<string, unknown> = { header: { no_persist: 0, red_dot: 1, sync_once: 0 }, from_uid: 'a', channel_type: 1, payload }
  Object.defineProperty(body, 'channel_id', { enumerable: true, get: () => { throw thrown } })
  return body
}

const throwingProxy = new Proxy({}, { ownKeys: () => { throw new Error('trap') }, get: () => { throw new Error('trap') } })

const foreign: [string, unknown][] = [
  ['a getter that throws an Error', bodyWithThrowingGetter(new Error('getter'))],
  ['a getter that throws Object.create(null)', bodyWithThrowingGetter(Object.create(null))],
  ['a Proxy whose traps throw', throwingProxy],
  ['a Proxy body whose get trap throws', new Proxy({ payload }, { get: () => { throw Object.create(null) } })],
  ['a BigInt field', { header: { no_persist: 0, red_dot: 1, sync_once: 0 }, from_uid: 'a', channel_id: 'b', channel_type: 1n, payload }],
  ['a nested getter', { from_uid: 'a', channel_id: 'b', channel_type: 1, payload, header: Object.defineProperty({}, 'red_dot', { enumerable: true, get: () => { throw new Error('deep') } }) }],
]

describe('entries documented as never-throwing, on foreign values', () => {
  for (const [name, body] of foreign) {
    it(`validateSendRequest: ${name}`, () => {
      const result = validateSendRequest(body)
      expect(result.ok).toBe(false)
      if (!result.ok) for (const issue of result.issues) expect(issue.path === '' || issue.path.startsWith('/')).toBe(true)
    })
    it(`parseSendRequestBody: ${name}`, () => {
      const result = parseSendRequestBody(body)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.problem.status).toBe(400)
    })
    it(`parseWebhookBody: ${name} (as a message of the list, and as the list)`, () => {
      const asList = parseWebhookBody([body])
      expect(typeof asList.ok).toBe('boolean')
      const asBody = parseWebhookBody(body)
      expect(asBody.ok).toBe(false)
    })
    it(`lintSendRequest: ${name}`, () => {
      expect(Array.isArray(lintSendRequest(body))).toBe(true)
    })
    it(`validateMessageEvent: ${name}`, () => {
      expect(validateMessageEvent(body).ok).toBe(false)
    })
  }

  it('a symbol key is not JSON: it is ignored, as JSON.stringify ignores it', () => {
    const body = { [Symbol('x')]: 1, header: { no_persist: 0, red_dot: 1, sync_once: 0 }, from_uid: 'a', channel_id: 'b', channel_type: 1, payload }
    const result = validateSendRequest(body)
    expect(result.ok).toBe(true)
    if (result.ok) expect(Object.getOwnPropertySymbols(result.value.request)).toEqual([])
  })

  it('a throwing getter is reported at its JSON Pointer', () => {
    const result = validateSendRequest(bodyWithThrowingGetter(new Error('getter')))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain('/channel_id')
  })

  it('lintSendRequest on a payload with 150,000 null fields returns every finding', () => {
    const wide: Record<string, unknown> = { type: 1, content: 'x' }
    for (let i = 0; i < 150_000; i++) wide[`k${i}`] = null
    const findings = lintSendRequest({ header: { no_persist: 0, red_dot: 1, sync_once: 0 }, payload: wide })
    expect(findings.filter((f) => f.code === 'null-field')).toHaveLength(150_000)
  })
})

describe('the PayloadError brand cannot be forged', () => {
  it('an object carrying the brand symbol is not a PayloadError', () => {
    const forged = { [Symbol.for('wukong-payload.PayloadError')]: true, code: 'PWNED', message: 42 }
    expect(isPayloadError(forged)).toBe(false)
  })

  it('safeDecodePayload never returns a thrown forgery as its error', () => {
    const forged = Object.create(null) as Record<PropertyKey, unknown>
    forged[Symbol.for('wukong-payload.PayloadError')] = true
    forged.code = 'PWNED'
    forged.message = 42
    const hostile = Object.defineProperty({ type: 1 }, 'content', { enumerable: true, get: () => { throw forged } })
    const result = safeDecodePayload(hostile as never)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error).toBeInstanceOf(PayloadError)
      expect(result.error.code).not.toBe('PWNED')
      expect(typeof result.error.message).toBe('string')
    }
  })

  it('a real PayloadError still is one, and a Proxy with a throwing trap is not (and does not throw)', () => {
    expect(isPayloadError(new PayloadError('INVALID_JSON', 'x'))).toBe(true)
    expect(() => isPayloadError(throwingProxy)).not.toThrow()
    expect(isPayloadError(throwingProxy)).toBe(false)
  })
})

describe('textDeltasToEvents ends with stream.error whatever the source throws', () => {
  const target = { channel_id: 'g', channel_type: 2, client_msg_no: 'm1', now: () => 1 }
  for (const [name, thrown] of [
    ['Object.create(null)', Object.create(null)],
    ['a Proxy whose traps throw', throwingProxy],
    ['an Error whose message getter throws', Object.defineProperty(new Error('x'), 'message', { get: () => { throw new Error('again') } })],
    ['a symbol', Symbol('s')],
    ['undefined', undefined],
  ] as [string, unknown][]) {
    it(name, async () => {
      async function* source(): AsyncGenerator<string> {
        yield 'Hi'
        throw thrown
      }
      const events = []
      for await (const event of textDeltasToEvents(source(), target)) events.push(event)
      expect(events.map((e) => e.event_type)).toEqual(['stream.delta', 'stream.error'])
      const last = events[1] as { payload?: { error?: unknown; snapshot?: { text?: unknown } } }
      expect(typeof last.payload?.error).toBe('string')
      expect(last.payload?.snapshot?.text).toBe('Hi')
    })
  }
})

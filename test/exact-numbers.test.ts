/**
 * The one exact-number rule (issue 26 "Exact or refused, never rounded", BigInt-parsed bodies):
 * every envelope, webhook, send-response and event number is a JS number only when the double
 * holds what was written, else exact text, and an integer field refuses what is not an exact
 * integer. Oracles: BigInt arithmetic on the literal's digits (independent of Number()), and
 * the reproducers' stated values.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validateEventSyncResponse, validateMessageEventResponse } from 'wukong-payload/events'
import { parseSendResponse } from 'wukong-payload'
import { decodeWebhookMessages, parseJsonExact, parseWebhookEvent } from 'wukong-payload/server'

const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64')
const payload = b64({ type: 1, content: 'hi' })

/** The exact value of a JSON number literal as a fraction of BigInts (numerator, denominator). */
function exact(literal: string): [bigint, bigint] {
  const m = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/.exec(literal)
  if (!m) throw new Error(literal)
  const [, sign, int = '', frac = '', e = '0'] = m
  let num = BigInt(int + frac) * (sign === '-' ? -1n : 1n)
  let den = 10n ** BigInt(frac.length)
  const exp = Number(e)
  if (exp >= 0) num *= 10n ** BigInt(exp)
  else den *= 10n ** BigInt(-exp)
  return [num, den]
}

describe('parseJsonExact against BigInt arithmetic', () => {
  const literal = fc.oneof(
    fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String),
    fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.stringMatching(/^[0-9]{1,6}$/)).map(([i, f]) => `${i}.${f}`),
    fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.integer({ min: -420, max: 420 })).map(([i, e]) => `${i}e${e}`),
    fc.constantFrom('9007199254740990.9', '1e-400', '1e400', '-0', '0.0', '1867301234567890123.0', '1.867301234567890123e18', '9007199254740991', '9007199254740992', '5e-324'),
  )
  it('a number is a JS number only when it is the exact value or a non-integer that stays one; else the exact text', () => {
    fc.assert(
      fc.property(literal, (text) => {
        const value = (parseJsonExact(`[${text}]`) as unknown[])[0]
        const [num, den] = exact(text)
        const isInteger = num % den === 0n
        if (typeof value === 'number') {
          if (isInteger) {
            // An integer comes back as a number only when it is exactly that integer (within 2^53).
            expect(Number.isSafeInteger(value) || Object.is(value, -0)).toBe(true)
            expect(BigInt(value)).toBe(num / den)
          } else {
            // A fraction stays a finite, non-zero non-integer: never rounded to an integer or 0.
            expect(Number.isFinite(value) && value !== 0 && !Number.isInteger(value)).toBe(true)
          }
        } else {
          expect(typeof value).toBe('string')
          // An integer as canonical decimal text — or, past 400 digits (1e400), as written.
          const integer = num / den
          if (isInteger && String(integer < 0n ? -integer : integer).length <= 400) expect(BigInt(value as string)).toBe(integer)
          else expect(value).toBe(text)
        }
      }),
      { seed: 2026, numRuns: 20_000 },
    )
  })
})

describe('issue 26 reproducers: exact or refused, never rounded', () => {
  it('webhook message_id 9007199254740990.9 is refused, not "9007199254740991"', () => {
    const [m] = decodeWebhookMessages(`[{"message_id":9007199254740990.9,"payload":"${payload}"}]`)
    expect(m?.message_id).toBeUndefined()
    expect(m?.error?.message).toContain('9007199254740990.9')
    expect(m?.raw.message_id).toBe('9007199254740990.9')
  })

  it("a send response's message_id 9007199254740990.9 is refused", () => {
    expect(() => parseSendResponse('{"message_id":9007199254740990.9,"message_seq":1}')).toThrow(/9007199254740990\.9/)
    expect(() => parseSendResponse('{"status":200,"data":{"message_id":9007199254740990.9}}')).toThrow(/9007199254740990\.9/)
  })

  it('a timestamp of 1e-400 is refused, not 0', () => {
    const [m] = decodeWebhookMessages(`[{"message_id":1,"timestamp":1e-400,"payload":"${payload}"}]`)
    expect(m?.timestamp).toBeUndefined()
    expect(m?.error?.message).toContain('timestamp')
    expect(m?.raw.timestamp).toBe('1e-400')
  })

  it('user.onlinestatus counts beyond 2^53 are refused, not rounded by Number()', async () => {
    const r = await parseWebhookEvent('user.onlinestatus', '["u1-0-1-5-18446744073709551617-2","u2-0-1-6-1-18446744073709551617"]')
    expect(r.ok && r.value.event === 'user.onlinestatus' ? [r.value.statuses.length, r.value.invalid.map((i) => i.index)] : null).toEqual([0, [0, 1]])
  })

  it('BigInt-parsed bodies: exact integers, decimal strings out, never a throw', () => {
    expect(parseSendResponse({ message_id: 1867301234567890123n, message_seq: 7n, client_msg_no: 'c' } as object)).toEqual({ ok: true, message_id: '1867301234567890123', message_seq: 7, client_msg_no: 'c' })
    expect(parseSendResponse({ status: 200n, data: { message_id: 1867301234567890123n } } as object)).toMatchObject({ ok: true, message_id: '1867301234567890123' })
    expect(() => validateMessageEventResponse({ status: 200n, data: { message_id: 1867301234567890123n } })).not.toThrow()
    expect(() => validateEventSyncResponse({ status: 200n, data: { events: [], more: 0n } })).not.toThrow()
    expect(validateMessageEventResponse({ status: 400n, msg: 'x' })).toMatchObject({ ok: false })
    const [m] = decodeWebhookMessages([{ message_id: 1867301234567890123n, message_seq: 3n, payload }])
    expect(m).toMatchObject({ message_id: '1867301234567890123', message_seq: 3, error: undefined })
    expect(m?.payload).toEqual({ type: 1, content: 'hi' })
  })
})

/**
 * Limits mean one thing everywhere (issue 25.6, issue 26 "maxDepth: Infinity"): for every limit
 * option of every entry, `Infinity` switches the limit off, and `NaN`, negative, fractional and
 * non-number values fall back to the default. The oracle is each entry's documented default:
 * an input just past it is refused under the default and under every invalid value, and
 * accepted under `Infinity`.
 */
import { describe, expect, it } from 'vitest'
import { digest, safeDecodePayload, validatePayload } from 'wukong-payload'
import { decodeWebhookMessages, parseJsonExact, parseSendRequestBody, parseWebhookEvent } from 'wukong-payload/server'

const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64')
const MiB = 1024 * 1024
const INVALID: unknown[] = [undefined, Number.NaN, -1, 1.5, '100', null, Number.NEGATIVE_INFINITY, {}]

/** A payload nested `levels` deep through replies (the default maxDepth is 32). */
function nested(levels: number): object {
  let p: object = { type: 1, content: 'x' }
  for (let i = 0; i < levels; i++) p = { type: 1, content: 'q', reply: { message_id: '1', message_seq: 1, from_uid: 'u', payload: p } }
  return p
}

const bigSend = JSON.stringify({ from_uid: 'u1', channel_id: 'g1', channel_type: 2, payload: b64({ type: 1, content: 'x'.repeat(MiB) }) })
const bigWebhook = `[{"message_id":1,"payload":"${b64({ type: 1, content: 'y' })}","pad":"${'z'.repeat(8 * MiB)}"}]`
const manyMessages = `[${Array(100_001).fill('0').join(',')}]`
const deep = nested(40)

/** [entry and option, run with the limit → accepted?] — each input is just past the option's default. */
const cases: [string, (limit: unknown) => Promise<boolean> | boolean][] = [
  ['parseSendRequestBody maxBodyBytes (1 MiB)', (limit) => parseSendRequestBody(bigSend, { maxBodyBytes: limit as number, maxBytes: Number.POSITIVE_INFINITY }).ok],
  ['parseSendRequestBody maxBytes (payload, 1 MiB)', (limit) => parseSendRequestBody(bigSend, { maxBodyBytes: Number.POSITIVE_INFINITY, maxBytes: limit as number }).ok],
  ['decodeWebhookMessages maxBodyBytes (8 MiB)', (limit) => { try { decodeWebhookMessages(bigWebhook, { maxBodyBytes: limit as number }); return true } catch { return false } }],
  ['decodeWebhookMessages maxMessages (100,000)', (limit) => { try { decodeWebhookMessages(manyMessages, { maxMessages: limit as number }); return true } catch { return false } }],
  ['parseWebhookEvent maxBodyBytes (8 MiB)', async (limit) => (await parseWebhookEvent('msg.notify', bigWebhook, { maxBodyBytes: limit as number })).ok],
  ['parseWebhookEvent maxMessages (100,000)', async (limit) => (await parseWebhookEvent('user.onlinestatus', manyMessages, { maxMessages: limit as number })).ok],
  ['parseJsonExact maxBytes (16 MiB)', (limit) => { try { parseJsonExact(`"${'a'.repeat(16 * MiB)}"`, { maxBytes: limit as number }); return true } catch { return false } }],
  ['safeDecodePayload maxBytes (1 MiB)', (limit) => safeDecodePayload(b64({ type: 1, content: 'x'.repeat(MiB) }), { maxBytes: limit as number }).ok],
  ['safeDecodePayload maxDepth (32)', (limit) => safeDecodePayload(b64(deep), { maxDepth: limit as number }).ok],
  ['validatePayload maxDepth (32)', (limit) => validatePayload(deep, { maxDepth: limit as number }).ok],
  ['digest maxLength (10,000)', (limit) => digest({ type: 1, content: 'x'.repeat(20_000) }, { maxLength: limit as number }).length >= 20_000],
]

describe.each(cases)('%s', (_name, run) => {
  it('Infinity switches it off', async () => {
    expect(await run(Number.POSITIVE_INFINITY)).toBe(true)
  })
  it.each(INVALID.map((v) => [String(v), v]))('%s falls back to the default', async (_label, value) => {
    expect(await run(value)).toBe(false)
  })
})

describe('a gzip msg.offline under every limit value', () => {
  it.each([Number.POSITIVE_INFINITY, 2 ** 33, Number.NaN, -1, '100', 1.5])('maxBodyBytes %s: the uids are read', async (limit) => {
    const { gzipSync } = await import('node:zlib')
    const body = `{"message_id":1,"payload":"${b64({ type: 1, content: 'x' })}","compress":"gzip","compress_to_uids":"${gzipSync('["u2","u3"]').toString('base64')}"}`
    const r = await parseWebhookEvent('msg.offline', body, { maxBodyBytes: limit as number })
    expect(r.ok && r.value.event === 'msg.offline' ? [r.value.to_uids, r.value.to_uids_error] : r).toEqual([['u2', 'u3'], undefined])
  })
})

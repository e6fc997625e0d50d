/**
 * The `codec` option at the boundary (issue 31's server items): with a codec from
 * `createCodec` that defines type 21 with a numeric `amount`, every receiving helper refuses
 * `{type: 21, amount: "888"}` at `/payload/amount` (or on its webhook message); without it the
 * same body stays forward compatible (an `UnknownPayload`). The oracle is the codec's own
 * verdict on the payload (`codec.safeDecodePayload`), which the helpers must repeat.
 */
import { Type } from '@sinclair/typebox'
import { describe, expect, it } from 'vitest'
import { CHAT_FLAGS, definePayloadType, NonNegative } from '../src/entries/index.js'
import { createCodec } from '../src/entries/runtime.js'
import { decodeWebhookMessages, parseSendRequestBody, parseWebhookEvent, receiveWebhook } from 'wukong-payload/server'

const redPacket = definePayloadType({
  type: 21,
  name: 'red-packet',
  description: 'Red packet (type 21).',
  fields: { amount: NonNegative('Amount in cents.'), greeting: Type.Optional(Type.String()) },
  flags: CHAT_FLAGS,
  digest: { zh: '[红包]', en: '[Red packet]' },
  examples: [{ title: 'Red packet', value: { type: 21, amount: 888 } }],
})
const codec = createCodec({ types: [redPacket] })
const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64')
const bad = b64({ type: 21, amount: '888' })
const good = b64({ type: 21, amount: 888 })
const send = (payload: string) => JSON.stringify({ from_uid: 'u1', channel_id: 'g1', channel_type: 2, payload })

describe('the codec option', () => {
  it('the oracle: the codec refuses the payload at /amount', () => {
    const r = codec.safeDecodePayload(bad)
    expect(r.ok ? [] : r.error.issues.map((i) => i.path)).toEqual(['/amount'])
  })

  it('parseSendRequestBody refuses {type:21, amount:"888"} with the codec, accepts it without', () => {
    const refused = parseSendRequestBody(send(bad), { codec })
    expect(refused.ok ? [] : refused.problem.errors.map((e) => e.pointer)).toEqual(['/payload/amount'])
    expect(parseSendRequestBody(send(bad))).toMatchObject({ ok: true, value: { payload: { type: 21, amount: '888' } } })
    expect(parseSendRequestBody(send(good), { codec })).toMatchObject({ ok: true, value: { payload: { type: 21, amount: 888 } } })
  })

  it('webhooks: the message carries the codec error; others unaffected', async () => {
    const body = `[{"message_id":1,"payload":"${bad}"},{"message_id":2,"payload":"${good}"}]`
    const [m1, m2] = decodeWebhookMessages(body, { codec })
    expect(m1?.error?.issues.map((i) => i.path)).toEqual(['/amount'])
    expect(m2?.payload).toEqual({ type: 21, amount: 888 })
    expect(decodeWebhookMessages(body)[0]?.error).toBeUndefined()
    const event = await parseWebhookEvent('msg.notify', body, { codec })
    expect(event.ok && event.value.event === 'msg.notify' ? event.value.messages.map((m) => m.error === undefined) : null).toEqual([false, true])
  })

  it('receiveWebhook reports the codec failure in its 200 receipt', async () => {
    const body = Buffer.from(`[{"message_id":1,"payload":"${bad}"}]`)
    const request = Object.assign((async function* () { yield body })(), { headers: { 'content-type': 'application/json' }, url: '/webhook?event=msg.notify' })
    const answer = await receiveWebhook(request, {}, { codec })
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toMatchObject({ event: 'msg.notify', received: 1, failed: 1 })
  })
})

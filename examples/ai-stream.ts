// An AI reply streamed through WuKongIM v2.2.4+: the anchor message (`/message/send` with
// `is_stream: 1`), then one `/message/event` per chunk of the model's output, a `stream.close`
// with the whole text and a `stream.finish`. Run by test/events.test.ts against a local test
// double of the server; shown in docs/streaming.md.
import { buildSendRequest, parseSendResponse } from 'wukong-payload'
import { textDeltasToEvents, validateMessageEventResponse } from 'wukong-payload/events'

export interface StreamReplyOptions {
  /** WuKongIM's HTTP API, e.g. http://127.0.0.1:5001 */
  readonly apiUrl: string
  readonly fromUid: string
  readonly channelId: string
  readonly channelType: number
  /** What the LLM SDK yields: text chunks. */
  readonly deltas: AsyncIterable<string>
}

async function post(url: string, body: unknown): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const text = await res.text()
  // WuKongIM answers errors with HTTP 400 and { "msg", "status": 400 }.
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${text}`)
  return text
}

/** Sends the anchor and streams the reply; returns the anchor's client_msg_no and the last event seq. */
export async function streamReply(options: StreamReplyOptions): Promise<{ clientMsgNo: string; messageId: string; lastSeq: number }> {
  // The anchor: what clients show until events arrive (an empty text here).
  const anchor = buildSendRequest({ payload: { type: 1, content: '' }, from_uid: options.fromUid, channel_id: options.channelId, channel_type: options.channelType, is_stream: 1 })
  const sent = parseSendResponse(await post(`${options.apiUrl}/message/send`, anchor))
  if (!sent.ok) throw new Error(`anchor not sent: ${sent.message}`)
  const target = { channel_id: options.channelId, channel_type: options.channelType, from_uid: options.fromUid, client_msg_no: anchor.client_msg_no as string }
  let lastSeq = 0
  for await (const body of textDeltasToEvents(options.deltas, target)) {
    const reply = validateMessageEventResponse(await post(`${options.apiUrl}/message/event`, body))
    if (!reply.ok) throw new Error(`unexpected /message/event reply: ${reply.issues[0]?.message}`)
    lastSeq = reply.value.msg_event_seq
  }
  return { clientMsgNo: target.client_msg_no, messageId: sent.message_id ?? '', lastSeq }
}

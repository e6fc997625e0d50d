/**
 * A backend that proxies WuKongIM's conversation list and a channel's history to its own
 * clients, every id exact end to end: WuKongIM's int64s (message ids, the conversation
 * `version`) arrive as decimal strings and leave as JSON strings, which every client reads
 * without rounding. Each payload was decoded and validated on its own; a bad one is passed on
 * as an error beside the others instead of failing the page.
 */
import { createServer, type Server } from 'node:http'
import { createWukongClient, peerOf, type ApiMessage } from 'wukong-payload/api'

/** What the app's clients get for one message. */
function toClient(m: ApiMessage, self: string) {
  return {
    id: m.message_id, // a decimal string: exact
    seq: m.message_seq,
    from: m.from_uid,
    // On a person channel the server writes the reader's own uid on the peer's messages.
    peer: peerOf(m, self) ?? null,
    channel: { id: m.channel_id, type: m.channel_type },
    time: m.timestamp,
    payload: m.payload ?? null,
    error: m.error ? m.error.message : null,
  }
}

export function createRestProxy(options: { wukongUrl: string; token?: string }): Server {
  const wukong = createWukongClient({ baseUrl: options.wukongUrl, ...(options.token ? { token: options.token } : {}) })
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const uid = url.searchParams.get('uid') ?? ''
    const reply = (status: number, body: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))

    if (url.pathname === '/api/conversations') {
      const r = await wukong.conversationSync({ uid, msg_count: 1 })
      if (!r.ok) return reply(r.error.kind === 'input' ? 400 : 502, { error: r.error.message })
      return reply(200, r.value.map((c) => ({ channel: { id: c.channel_id, type: c.channel_type }, unread: c.unread, version: c.version, last: c.recents.map((m) => toClient(m, uid))[0] ?? null })))
    }

    if (url.pathname === '/api/history') {
      const r = await wukong.messageSync({
        login_uid: uid,
        channel_id: url.searchParams.get('channel_id') ?? '',
        channel_type: Number(url.searchParams.get('channel_type')),
        start_message_seq: url.searchParams.get('before') ?? '0', // a decimal string from the client, sent exactly
        limit: 50,
      })
      if (!r.ok) return reply(r.error.kind === 'input' ? 400 : 502, { error: r.error.message })
      return reply(200, { more: r.value.more === 1, messages: r.value.messages.map((m) => toClient(m, uid)) })
    }

    return reply(404, { error: 'not found' })
  })
}

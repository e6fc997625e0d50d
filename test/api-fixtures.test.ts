/**
 * The read side against fixtures written from the Go sources (test/api-fixtures/make.py writes
 * them as encoding/json marshals the structs), served byte for byte by a node:http server on
 * 127.0.0.1 that `createWukongClient` calls. Oracles: ids are read from the fixture text with a
 * regular expression (no JSON parser), payloads with `Buffer.from(b64, 'base64')` + `JSON.parse`,
 * request bodies the server received with lossless-json (an independent exact parser).
 *
 * Sources (WuKongIM/WuKongIM@v2.2.5-20260422 unless said):
 * - messagesync*: internal/api/message.go (syncMessages), internal/api/channel_model.go (syncMessageResp, emptySyncMessageResp), internal/types/message.go (MessageResp, MessageEventMeta)
 * - conversation-sync*: internal/api/conversation.go (syncUserConversation), internal/api/conversation_model.go (syncUserConversationResp)
 * - conversation-sync-messages: internal/api/conversation.go (syncRecentMessages), internal/api/conversation_model.go (channelRecentMessage)
 * - cmd-sync*, status-200: internal/api/message.go (sync: `[]string{}` when DisableCMDMessageSync; syncack: ResponseOK)
 * - messages: internal/api/message.go (searchMessages → syncMessageResp)
 * - message, not-found: internal/api/message.go (searchMessage, getMessageByClientMsgNo, getChannelLastMessage: ResponseStatus(404) is HTTP 200)
 * - max-message-seq*: internal/api/message.go (getChannelMaxMessageSeq: gin.H{"message_seq"})
 * - sendbatch*: internal/api/message.go (sendBatch: HTTP 200 with fail_uids/reason)
 * - search: WuKongIM/plugins:search/main.go@10b17954 (usersearch), search/search/search.go@10b17954 (payload re-serialized with highlights)
 * - error-400: pkg/wkhttp/http.go (ResponseError: HTTP 400 {"msg","status":400})
 */
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { parse as losslessParse, isLosslessNumber } from 'lossless-json'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWukongClient, personChannelId, type WukongClient } from '../src/entries/api.js'

const dir = join(import.meta.dirname, 'api-fixtures')
const fixture = (name: string): Buffer => readFileSync(join(dir, `${name}.json`))
const text = (name: string): string => fixture(name).toString('utf8')
/** Every `"key":digits` (or `"key":"digits"`) of a fixture's text, in order: the oracle for exact ids. */
const digits = (name: string, key: string): string[] => [...text(name).matchAll(new RegExp(`"${key}":"?(-?[0-9]+)`, 'g'))].map((m) => m[1] as string)
/** Every Base64 payload of a fixture, decoded by the floor decoder. */
const payloads = (name: string): unknown[] => [...text(name).matchAll(/"payload":"([A-Za-z0-9+/=]*)"/g)].map((m) => JSON.parse(Buffer.from(m[1] as string, 'base64').toString('utf8')))

interface Route {
  status: number
  body: Buffer
}
let routes = new Map<string, Route[]>()
const received: { method: string; url: string; body: string; token: string | undefined }[] = []
let server: Server
let client: WukongClient

function serve(method: string, path: string, ...replies: (string | Route)[]): void {
  routes.set(`${method} ${path}`, replies.map((r) => (typeof r === 'string' ? { status: r === 'error-400' ? 400 : 200, body: fixture(r) } : r)))
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (c: string) => (body += c))
    req.on('end', () => {
      const url = req.url ?? ''
      received.push({ method: req.method ?? '', url, body, token: req.headers.token as string | undefined })
      const list = routes.get(`${req.method} ${url.split('?')[0]}`)
      const reply = list && (list.length > 1 ? list.shift() : list[0])
      if (!reply) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found')
        return
      }
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': reply.body.length }).end(reply.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  client = createWukongClient({ baseUrl: `http://127.0.0.1:${port}/`, token: 'manager-token', retryDelayMs: 1 })
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const lastBody = () => received.at(-1)?.body ?? ''

describe('POST /channel/messagesync', () => {
  it('gives every id exact, each payload decoded on its own, stream fields typed and reduced', async () => {
    routes = new Map()
    serve('POST', '/channel/messagesync', 'messagesync')
    const r = await client.messageSync({ login_uid: 'u1', channel_id: 'u2', channel_type: 1, start_message_seq: '9007199254740993', limit: 100, pull_mode: 1 })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const v = r.value
    expect([v.start_message_seq, v.end_message_seq]).toEqual([digits('messagesync', 'start_message_seq')[0], digits('messagesync', 'end_message_seq')[0]])
    expect(v.messages.map((m) => m.message_id)).toEqual(digits('messagesync', 'message_idstr'))
    expect(v.messages.map((m) => m.message_id)).toEqual(digits('messagesync', 'message_id'))
    expect(v.messages.map((m) => m.message_seq)).toEqual(digits('messagesync', 'message_seq'))
    const oracle = payloads('messagesync')
    expect(v.messages[0]?.payload).toEqual(oracle[0])
    // The text without content fails alone, its parsed JSON kept; the others decode.
    expect(v.messages[1]?.payload).toBeUndefined()
    expect(v.messages[1]?.error?.code).toBe('INVALID_PAYLOAD')
    expect(v.messages[1]?.error?.value).toEqual(oracle[1])
    expect(v.messages[2]?.payload).toEqual(oracle[2])
    expect(v.messages[3]?.payload).toEqual(oracle[3])
    // The stream message: typed fields and the reducer's state.
    const s = v.messages[3]?.stream
    expect(s?.end).toBe(1)
    expect(s?.stream_text).toBe('streamed text')
    expect(s?.event_sync_hint).toEqual({ client_msg_no: 'stream-1', from_msg_event_seq: 0 })
    expect(s?.state.completed).toBe(true)
    expect(s?.state.keys.get('main')?.text).toBe('streamed text')
    expect(v.messages[3]?.topic).toBe('ai')
    expect(v.messages[0]?.stream).toBeUndefined()
    // The request: token header, start seq written as a bare number.
    expect(received.at(-1)?.token).toBe('manager-token')
    const sent = losslessParse(lastBody()) as Record<string, unknown>
    expect(isLosslessNumber(sent.start_message_seq) && sent.start_message_seq.toString()).toBe('9007199254740993')
  })

  it('reads the empty answer (the server has no such channel yet)', async () => {
    serve('POST', '/channel/messagesync', 'messagesync-empty')
    const r = await client.messageSync({ login_uid: 'u1', channel_id: 'nobody', channel_type: 1, limit: 20 })
    expect(r).toEqual({ ok: true, value: { start_message_seq: '0', end_message_seq: '0', more: 0, messages: [] } })
  })

  it('refuses a missing login_uid and a limit over 10000 without calling', async () => {
    const before = received.length
    const a = await client.messageSync({ channel_id: 'g1', channel_type: 2, limit: 20 } as never)
    const b = await client.messageSync({ login_uid: 'u1', channel_id: 'g1', channel_type: 2, limit: 10001 })
    expect(a.ok || b.ok).toBe(false)
    if (!a.ok) expect(a.error.kind).toBe('input')
    if (!b.ok) expect(b.error.issues.map((i) => i.path)).toContain('/limit')
    expect(received.length).toBe(before)
  })

  it('gives the server’s own message on its error body (HTTP 400)', async () => {
    serve('POST', '/channel/messagesync', 'error-400')
    const r = await client.messageSync({ login_uid: 'u1', channel_id: 'g1', channel_type: 2, limit: 20 })
    expect(r.ok).toBe(false)
    if (!r.ok) expect([r.error.kind, r.error.status, r.error.serverMessage]).toEqual(['server', 400, JSON.parse(text('error-400')).msg])
  })
})

describe('POST /conversation/sync', () => {
  it('keeps version, offset_msg_seq and timestamp exact and decodes recents', async () => {
    serve('POST', '/conversation/sync', 'conversation-sync')
    const r = await client.conversationSync({ uid: 'u1', version: 1767225600123456789n, last_msg_seqs: [{ channel_id: 'g1', channel_type: 2, last_msg_seq: '3' }], msg_count: 1 })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.map((c) => c.version)).toEqual(digits('conversation-sync', 'version'))
    expect(r.value.map((c) => c.offset_msg_seq)).toEqual(digits('conversation-sync', 'offset_msg_seq'))
    expect(r.value.map((c) => c.timestamp)).toEqual([...text('conversation-sync').matchAll(/"timestamp":([0-9]+),"last_msg_seq"/g)].map((m) => m[1]))
    expect(r.value[0]?.recents[0]?.payload).toEqual(payloads('conversation-sync')[0])
    expect(r.value[1]?.recents[0]?.error?.value).toEqual(payloads('conversation-sync')[1])
    const sent = losslessParse(lastBody()) as Record<string, unknown>
    expect(String(sent.version)).toBe('1767225600123456789')
    expect(sent.last_msg_seqs).toBe('g1:2:3')
  })

  it('refuses msg_count 0 and a channel id with ":" in last_msg_seqs', async () => {
    const a = await client.conversationSync({ uid: 'u1', msg_count: 0 })
    const b = await client.conversationSync({ uid: 'u1', msg_count: 1, last_msg_seqs: [{ channel_id: 'a:b', channel_type: 2, last_msg_seq: 1 }] })
    expect(!a.ok && a.error.issues.some((i) => i.path === '/msg_count')).toBe(true)
    expect(!b.ok && b.error.issues.some((i) => i.path === '/last_msg_seqs/0/channel_id')).toBe(true)
  })

  it('reads the empty list', async () => {
    serve('POST', '/conversation/sync', 'conversation-sync-empty')
    expect(await client.conversationSync({ uid: 'u1', msg_count: 20 })).toEqual({ ok: true, value: [] })
  })
})

describe('the other endpoints', () => {
  it('POST /conversation/syncMessages (null messages read as none)', async () => {
    serve('POST', '/conversation/syncMessages', 'conversation-sync-messages')
    const r = await client.conversationSyncMessages({ uid: 'u1', channels: [{ channel_id: 'g1', channel_type: 2, last_msg_seq: 0 }, { channel_id: 'g2', channel_type: 2 }] })
    expect(r.ok && r.value.map((c) => [c.user_last_msg_seq, c.messages.length])).toEqual(digits('conversation-sync-messages', 'user_last_msg_seq').map((d, i) => [d, i === 0 ? 1 : 0]))
  })

  it('POST /message/sync and /message/syncack (deprecated CMD sync; [] when disabled)', async () => {
    serve('POST', '/message/sync', 'cmd-sync', 'cmd-sync-disabled')
    const a = await client.cmdSync({ uid: 'u1', limit: 200 })
    expect(a.ok && a.value[0]?.payload).toEqual(payloads('cmd-sync')[0])
    expect(a.ok && a.value[0]?.header.sync_once).toBe(1)
    expect(await client.cmdSync({ uid: 'u1' })).toEqual({ ok: true, value: [] })
    serve('POST', '/message/syncack', 'status-200')
    expect(await client.cmdSyncAck({ uid: 'u1', last_message_seq: '9007199254740993' })).toEqual({ ok: true, value: true })
    expect(String((losslessParse(lastBody()) as Record<string, unknown>).last_message_seq)).toBe('9007199254740993')
  })

  it('POST /messages sends message_ids as exact JSON numbers', async () => {
    serve('POST', '/messages', 'messages')
    const r = await client.messages({ login_uid: 'u1', channel_id: 'g1', channel_type: 2, message_ids: ['9223372036854775807', 9007199254740993n] })
    expect(r.ok && r.value.messages.map((m) => m.message_id)).toEqual(digits('messages', 'message_idstr'))
    expect(lastBody()).toContain('"message_ids":[9223372036854775807,9007199254740993]')
  })

  it('POST /message: the message, or null for {"status":404}', async () => {
    serve('POST', '/message', 'message', 'not-found')
    const a = await client.message({ login_uid: 'u1', channel_id: 'g1', channel_type: 2, message_id: '9223372036854775807' })
    expect(a.ok && a.value?.message_id).toBe(digits('message', 'message_id')[0])
    expect(a.ok && a.value?.message_seq).toBe(digits('message', 'message_seq')[0])
    expect(lastBody()).toContain('"message_id":9223372036854775807')
    expect(await client.message({ login_uid: 'u1', channel_id: 'g1', channel_type: 2, client_msg_no: 'x' })).toEqual({ ok: true, value: null })
  })

  it('GET /message/byclientmsgno with the person channel’s internal id', async () => {
    serve('GET', '/message/byclientmsgno', 'message')
    const id = personChannelId('u1', 'u2')
    const r = await client.messageByClientMsgNo({ channel_id: id, channel_type: 1, client_msg_no: 'cmn-1' })
    expect(r.ok && r.value?.message_id).toBe(digits('message', 'message_id')[0])
    expect(received.at(-1)?.url).toBe(`/message/byclientmsgno?channel_id=${encodeURIComponent(id)}&channel_type=1&client_msg_no=cmn-1`)
    const bad = await client.messageByClientMsgNo({ channel_id: 'u2', channel_type: 1, client_msg_no: 'cmn-1' })
    expect(!bad.ok && bad.error.kind).toBe('input')
  })

  it('GET /channel/last_message and /channel/max_message_seq', async () => {
    serve('GET', '/channel/last_message', 'message', 'not-found')
    serve('GET', '/channel/max_message_seq', 'max-message-seq', 'max-message-seq-empty')
    const a = await client.channelLastMessage({ login_uid: 'u1', channel_id: 'u2', channel_type: 1 })
    expect(a.ok && a.value?.payload).toEqual(payloads('message')[0])
    expect(await client.channelLastMessage({ channel_id: 'g1', channel_type: 2 })).toEqual({ ok: true, value: null })
    expect(await client.channelMaxMessageSeq({ channel_id: 'g1', channel_type: 2 })).toEqual({ ok: true, value: digits('max-message-seq', 'message_seq')[0] })
    expect(await client.channelMaxMessageSeq({ channel_id: 'g1', channel_type: 2 })).toEqual({ ok: true, value: '0' })
  })

  it('POST /message/sendbatch: HTTP 200 with every uid failed is reported', async () => {
    serve('POST', '/message/sendbatch', 'sendbatch', 'sendbatch-all-failed')
    const a = await client.sendBatch({ from_uid: 'sys', subscribers: ['u1', 'u9'], payload: { type: 1, content: 'hi' } })
    expect(a).toEqual({ ok: true, value: { failures: [{ uid: 'u9', reason: '频道不存在！' }], allFailed: false } })
    const b = await client.sendBatch({ from_uid: 'sys', subscribers: ['u8', 'u9'], payload: { type: 1, content: 'hi' } })
    expect(b.ok && b.value.allFailed).toBe(true)
    expect(JSON.parse(Buffer.from((JSON.parse(lastBody()) as { payload: string }).payload, 'base64').toString())).toEqual({ type: 1, content: 'hi' })
  })

  it('search: the real payload from payload_json, the highlighted one apart', async () => {
    serve('POST', '/plugins/wk.plugin.search/usersearch', 'search')
    const r = await client.search({ uid: 'u1', payload: { content: '北京' }, highlights: ['payload.content'], limit: 20 })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect([r.value.cost, r.value.total]).toEqual([digits('search', 'cost')[0], digits('search', 'total')[0]])
    const hit = r.value.messages[0]
    expect(hit?.message_id).toBe(digits('search', 'message_idstr')[0])
    expect(hit?.payload).toEqual(JSON.parse(JSON.parse(text('search')).messages[0].payload_json))
    expect(hit?.highlighted).toEqual(payloads('search')[0])
    expect((hit?.payload as { content: string }).content).not.toContain('<mark>')
  })
})

describe('the client', () => {
  it('retries a read after 503 and never a write', async () => {
    serve('POST', '/channel/messagesync', { status: 503, body: Buffer.from('busy') }, 'messagesync-empty')
    const before = received.length
    expect((await client.messageSync({ login_uid: 'u1', channel_id: 'g1', channel_type: 2, limit: 1 })).ok).toBe(true)
    expect(received.length - before).toBe(2)
    serve('POST', '/message/sendbatch', { status: 503, body: Buffer.from('busy') }, 'sendbatch')
    const w = await client.sendBatch({ from_uid: 'sys', subscribers: ['u1'], payload: { type: 1, content: 'hi' } })
    expect(!w.ok && [w.error.kind, w.error.status]).toEqual(['http', 503])
    expect(received.length - before).toBe(3)
  })

  it('times out, cancels, and reports an unreadable body', async () => {
    const { port } = server.address() as AddressInfo
    const slow = createServer((_req, res) => setTimeout(() => res.end('{}'), 2000))
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve))
    const slowClient = createWukongClient({ baseUrl: `http://127.0.0.1:${(slow.address() as AddressInfo).port}`, timeoutMs: 50, retries: 0 })
    const t = await slowClient.channelMaxMessageSeq({ channel_id: 'g1', channel_type: 2 })
    expect(!t.ok && t.error.kind).toBe('timeout')
    const controller = new AbortController()
    const pending = slowClient.channelMaxMessageSeq({ channel_id: 'g1', channel_type: 2 }, { signal: controller.signal })
    controller.abort()
    const a = await pending
    expect(!a.ok && a.error.kind).toBe('aborted')
    slow.closeAllConnections()
    await new Promise<void>((resolve) => slow.close(() => resolve()))
    serve('GET', '/channel/max_message_seq', { status: 200, body: Buffer.from('<html>gateway</html>') })
    const h = await createWukongClient({ baseUrl: `http://127.0.0.1:${port}` }).channelMaxMessageSeq({ channel_id: 'g1', channel_type: 2 })
    expect(!h.ok && h.error.kind).toBe('body')
    const n = await createWukongClient({ baseUrl: 'http://127.0.0.1:1', retries: 0 }).channelMaxMessageSeq({ channel_id: 'g1', channel_type: 2 })
    expect(!n.ok && n.error.kind).toBe('network')
  })
})

/**
 * The HTTP boundary as WuKongIM and clients meet it (issue 25): one shared table of requests —
 * every webhook event as WuKongIM sends it (`POST <addr>?event=<name>`, application/json), valid
 * and invalid send bodies, every 0/1 header field, exact and unsafe numbers, wrong and missing
 * Content-Types, oversize bodies — run against the three example servers (node:http,
 * Express-style middleware, Fastify). The oracle is differential (the three must answer with
 * the same status, media type and bytes) plus the contract each row states (status, what the
 * application received).
 */
import { gzipSync } from 'node:zlib'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload, SendMessageRequest, WebhookMessage } from 'wukong-payload'
import { MAX_PROBLEM_BODY_BYTES, MAX_PROBLEM_ISSUES, type WebhookHandlers } from 'wukong-payload/server'
import { createFastifyServer } from '../examples/fastify-server.js'
import { createMiddlewareServer } from '../examples/middleware-server.js'
import { createMessageServer, type MessageHandlers } from '../examples/node-http-server.js'

interface Received {
  sends: { request: SendMessageRequest; payload: Payload }[]
  messages: WebhookMessage[]
  statuses: number
  unknown: string[]
}

function recorder(): [Received, MessageHandlers] {
  const r: Received = { sends: [], messages: [], statuses: 0, unknown: [] }
  const events: Pick<WebhookHandlers, 'user.onlinestatus' | 'unknown'> = {
    'user.onlinestatus': (e) => void (r.statuses += e.statuses.length),
    unknown: (e) => void r.unknown.push(e.name),
  }
  return [r, { send: (request, payload) => void r.sends.push({ request, payload }), webhook: (m) => void r.messages.push(...m), events }]
}

interface Running {
  name: string
  url: string
  received: Received
  close(): Promise<void>
}

async function startAll(): Promise<Running[]> {
  const out: Running[] = []
  for (const [name, create] of [
    ['node:http', createMessageServer],
    ['middleware', createMiddlewareServer],
  ] as const) {
    const [received, handlers] = recorder()
    const server = create(handlers)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    out.push({ name, received, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) })
  }
  const [received, handlers] = recorder()
  const app = createFastifyServer(handlers)
  out.push({ name: 'Fastify', received, url: await app.listen({ port: 0, host: '127.0.0.1' }), close: () => app.close() })
  return out
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64')
const text = b64({ type: 1, content: 'hi' })
const send = (extra: Record<string, unknown> = {}) => JSON.stringify({ from_uid: 'u1', channel_id: 'g1', channel_type: 2, payload: text, ...extra })
/** A message as WuKongIM's webhook writes it (message_id and message_idstr, Base64 payload). */
const message = (id: string, seq: number | string, payload = text) => `{"message_id":${id},"message_idstr":"${id}","client_msg_no":"c${seq}","from_uid":"u1","channel_id":"g1","channel_type":2,"message_seq":${seq},"timestamp":1700000000,"payload":"${payload}"}`
const JSON_TYPE = { 'content-type': 'application/json' }

interface Row {
  readonly name: string
  readonly path: string
  readonly headers: Record<string, string>
  readonly body: string | Uint8Array<ArrayBuffer>
  /** The status the contract gives. */
  readonly status: number
}

const hugeForward = JSON.stringify({ from_uid: 'u1', channel_id: 'g1', channel_type: 2, payload: b64({ type: 11, channel_type: 1, msgs: Array(20_000).fill({}) }) })
const offline = (extra: string) => `{"message_id":1867301234567890123,"message_idstr":"1867301234567890123","from_uid":"u1","channel_id":"g1","channel_type":2,"message_seq":3,"timestamp":1700000000,"payload":"${text}",${extra}}`

const rows: Row[] = [
  { name: 'a valid send', path: '/messages', headers: JSON_TYPE, body: send(), status: 202 },
  { name: 'send with a +json type and charset', path: '/messages', headers: { 'content-type': 'application/vnd.app+json; charset=utf-8' }, body: send(), status: 202 },
  { name: 'send as text/plain (a form on any site can post it)', path: '/messages', headers: { 'content-type': 'text/plain' }, body: send(), status: 415 },
  { name: 'send as a urlencoded form', path: '/messages', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: send(), status: 415 },
  { name: 'send without Content-Type', path: '/messages', headers: {}, body: new TextEncoder().encode(send()), status: 415 },
  { name: 'header.red_dot: true', path: '/messages', headers: JSON_TYPE, body: send({ header: { red_dot: true } }), status: 400 },
  { name: 'header.no_persist: 2', path: '/messages', headers: JSON_TYPE, body: send({ header: { no_persist: 2 } }), status: 400 },
  { name: 'header.sync_once: "1"', path: '/messages', headers: JSON_TYPE, body: send({ header: { sync_once: '1' } }), status: 400 },
  { name: 'header.red_dot: null', path: '/messages', headers: JSON_TYPE, body: send({ header: { red_dot: null } }), status: 400 },
  { name: 'is_stream: true', path: '/messages', headers: JSON_TYPE, body: send({ is_stream: true }), status: 400 },
  { name: 'channel_type beyond 2^53', path: '/messages', headers: JSON_TYPE, body: send().replace('"channel_type":2', '"channel_type":9007199254740993'), status: 400 },
  { name: 'a payload number beyond 2^53', path: '/messages', headers: JSON_TYPE, body: send({ payload: Buffer.from('{"type":1,"content":"x","n":9007199254740993}').toString('base64') }), status: 400 },
  { name: 'not JSON', path: '/messages', headers: JSON_TYPE, body: '{"from_uid":', status: 400 },
  { name: 'an empty body', path: '/messages', headers: JSON_TYPE, body: '', status: 400 },
  { name: 'one byte over 1 MiB', path: '/messages', headers: JSON_TYPE, body: send({ pad: 'x'.repeat(1024 * 1024) }), status: 413 },
  { name: 'a forward of 20,000 broken messages (bounded problem)', path: '/messages', headers: JSON_TYPE, body: hugeForward, status: 400 },
  { name: 'msg.notify', path: '/webhook?event=msg.notify', headers: JSON_TYPE, body: `[${message('1867301234567890123', 1)},${message('1867301234567890124', 2, b64({ type: 2, url: 5 }))}]`, status: 200 },
  { name: 'msg.notify with message_seq beyond 2^53', path: '/webhook?event=msg.notify', headers: JSON_TYPE, body: `[${message('1867301234567890125', '9007199254740993')}]`, status: 200 },
  { name: 'msg.notify with a fractional message_id', path: '/webhook?event=msg.notify', headers: JSON_TYPE, body: `[${message('9007199254740990.9', 4)}]`, status: 200 },
  { name: 'msg.notify without event (older servers)', path: '/webhook', headers: JSON_TYPE, body: `[${message('1867301234567890126', 5)}]`, status: 200 },
  { name: 'msg.notify that is not a list', path: '/webhook?event=msg.notify', headers: JSON_TYPE, body: '{"a":1}', status: 400 },
  { name: 'msg.notify as text/plain', path: '/webhook?event=msg.notify', headers: { 'content-type': 'text/plain' }, body: `[${message('1867301234567890127', 6)}]`, status: 415 },
  { name: 'msg.offline with to_uids', path: '/webhook?event=msg.offline', headers: JSON_TYPE, body: offline('"to_uids":["u2","u3"]'), status: 200 },
  { name: 'msg.offline with gzip compress_to_uids', path: '/webhook?event=msg.offline', headers: JSON_TYPE, body: offline(`"compress":"gzip","compress_to_uids":"${gzipSync(JSON.stringify(['u2', 'u3'])).toString('base64')}"`), status: 200 },
  { name: 'msg.offline whose body is not a message (never 4xx: sent once)', path: '/webhook?event=msg.offline', headers: JSON_TYPE, body: '[1,2]', status: 200 },
  { name: 'msg.offline that is not JSON (never 4xx)', path: '/webhook?event=msg.offline', headers: JSON_TYPE, body: '{"message_id":', status: 200 },
  { name: 'user.onlinestatus', path: '/webhook?event=user.onlinestatus', headers: JSON_TYPE, body: '["u1-1-1-123-1-2","u-2-0-1-456-0-18446744073709551617","bad"]', status: 200 },
  { name: 'an unknown event, kept raw', path: '/webhook?event=future.event', headers: JSON_TYPE, body: '{"id":1867301234567890123}', status: 200 },
]

describe('one answer for one request: the shared table on every example server', () => {
  let running: Running[]
  beforeAll(async () => {
    running = await startAll()
  })
  afterAll(async () => {
    for (const server of running) await server.close()
  })

  it.each(rows)('$name → $status, the same bytes from every server', async (row) => {
    const answers: string[] = []
    for (const server of running) {
      const response = await fetch(server.url + row.path, { method: 'POST', headers: row.headers, body: row.body })
      answers.push(JSON.stringify([response.status, response.headers.get('content-type')?.split(';')[0], await response.text()]))
    }
    const [first] = answers as [string]
    const [status, type, body] = JSON.parse(first) as [number, string, string]
    expect(status).toBe(row.status)
    if (status >= 400) {
      expect(type).toBe('application/problem+json')
      const problem = JSON.parse(body) as { status: number; errors: unknown[] }
      expect(problem.status).toBe(status)
      expect(problem.errors.length).toBeLessThanOrEqual(MAX_PROBLEM_ISSUES)
      expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_PROBLEM_BODY_BYTES)
    }
    expect(answers, running.map((s) => s.name).join(' / ')).toEqual([first, first, first])
  })

  it('the problem for 20,000 broken messages lists 100 issues and counts the rest', async () => {
    const response = await fetch(running[0]!.url + '/messages', { method: 'POST', headers: JSON_TYPE, body: hugeForward })
    const problem = (await response.json()) as { errors: unknown[]; errors_omitted?: number }
    expect(problem.errors).toHaveLength(MAX_PROBLEM_ISSUES)
    expect(problem.errors_omitted).toBeGreaterThan(1000)
  })
})

describe('a real webhook: every event as WuKongIM sends it reaches the application on every server', () => {
  let running: Running[]
  beforeAll(async () => {
    running = await startAll()
  })
  afterAll(async () => {
    for (const server of running) await server.close()
  })

  it('every msg.notify message, the msg.offline message, the statuses and unknown events', async () => {
    const calls: [string, string][] = [
      ['msg.notify', `[${message('1867301234567890123', 1)},${message('1867301234567890124', 2, b64({ type: 2, url: 5 }))},${message('1867301234567890125', 3, b64({ type: 21, amount: '888' }))}]`],
      ['msg.offline', offline(`"compress":"gzip","compress_to_uids":"${gzipSync(JSON.stringify(['u2'])).toString('base64')}"`)],
      ['user.onlinestatus', '["u1-1-1-123-1-2","u-2-0-1-456-0-0"]'],
      ['some.future.event', '{"n":1}'],
    ]
    for (const server of running) {
      for (const [event, body] of calls) {
        const response = await fetch(`${server.url}/webhook?event=${event}`, { method: 'POST', headers: JSON_TYPE, body })
        expect(response.status, `${server.name} ${event}`).toBe(200)
      }
      const ids = server.received.messages.map((m) => m.message_id)
      // Three from msg.notify (the invalid image too, with its error), one from msg.offline.
      expect(ids, server.name).toEqual(['1867301234567890123', '1867301234567890124', '1867301234567890125', '1867301234567890123'])
      expect(server.received.messages[1]?.error?.code).toBe('INVALID_PAYLOAD')
      expect(server.received.messages[2]?.payload?.type).toBe(21)
      expect(server.received.statuses).toBe(2)
      expect(server.received.unknown).toEqual(['some.future.event'])
    }
  })

  it('the ?event= path and the plain path give the same verdict for the same message', async () => {
    const body = `[${message('1867301234567890128', '9007199254740993', Buffer.from('{"type":1,"content":"x","n":9007199254740993}').toString('base64'))}]`
    const server = running[0]!
    const a = await (await fetch(`${server.url}/webhook?event=msg.notify`, { method: 'POST', headers: JSON_TYPE, body })).json()
    const b = await (await fetch(`${server.url}/webhook`, { method: 'POST', headers: JSON_TYPE, body })).json()
    expect(a).toEqual(b)
    expect((a as { failed: number }).failed).toBe(1)
  })
})

/**
 * The API boundary in real servers: the three example servers of docs/server-*.md (node:http,
 * Express-style middleware, Fastify) listen on 127.0.0.1 and get real HTTP requests. Each must
 * answer the same: 202 with the typed values handed to the application, or RFC 9457 problem
 * details (400/413) whose pointers name the field.
 */
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodePayload, type Payload, type SendMessageRequest, type WebhookMessage } from 'wukong-payload'
import { parseSendRequestBody, parseWebhookBody, problemFromFastifyError } from 'wukong-payload/server'
import { createFastifyServer } from '../examples/fastify-server.js'
import { createMiddlewareServer } from '../examples/middleware-server.js'
import { createMessageServer, type MessageHandlers } from '../examples/node-http-server.js'

interface Received {
  sends: { request: SendMessageRequest; payload: Payload }[]
  webhooks: WebhookMessage[][]
}

function recorder(): [Received, MessageHandlers] {
  const received: Received = { sends: [], webhooks: [] }
  return [received, { send: (request, payload) => void received.sends.push({ request, payload }), webhook: (messages) => void received.webhooks.push(messages) }]
}

interface Running {
  url: string
  close(): Promise<void>
}

const servers: [string, (handlers: MessageHandlers) => Promise<Running>][] = [
  [
    'node:http',
    async (handlers) => {
      const server = createMessageServer(handlers)
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
    },
  ],
  [
    'Express-style middleware',
    async (handlers) => {
      const server = createMiddlewareServer(handlers)
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
    },
  ],
  [
    'Fastify',
    async (handlers) => {
      const app = createFastifyServer(handlers)
      const url = await app.listen({ port: 0, host: '127.0.0.1' })
      return { url, close: () => app.close() }
    },
  ],
]

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64')
const body = (payload: string, extra: Record<string, unknown> = {}) => JSON.stringify({ from_uid: 'u1', channel_id: 'g1', channel_type: 2, payload, ...extra })

describe.each(servers)('%s', (_name, start) => {
  let server: Running
  let received: Received
  beforeAll(async () => {
    const [r, handlers] = recorder()
    received = r
    server = await start(handlers)
  })
  afterAll(() => server.close())

  const post = async (path: string, text: string) => {
    const response = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text })
    const json = (await response.json()) as Record<string, unknown> & { errors?: { pointer: string; code: string; detail: string }[] }
    return { status: response.status, type: response.headers.get('content-type') ?? '', json }
  }

  it('accepts a valid send request and hands the application typed, decoded values', async () => {
    const payload = { type: 1, content: '你好 @all 👋', mention: { all: 1 } } satisfies Payload
    const res = await post('/messages', body(encodePayload(payload), { header: { red_dot: 1 } }))
    expect(res).toMatchObject({ status: 202, json: { accepted: true, type: 1 } })
    const last = received.sends.at(-1)
    expect(last?.payload).toEqual(payload)
    expect(last?.request).toMatchObject({ channel_id: 'g1', channel_type: 2, header: { red_dot: 1 } })
  })

  it('answers wrong envelope types with 400 problem details naming each field (no coercion)', async () => {
    const before = received.sends.length
    const res = await post('/messages', JSON.stringify({ from_uid: 7, channel_id: 'g1', channel_type: '2', payload: encodePayload({ type: 1, content: 'x' }) }))
    expect(res.status).toBe(400)
    expect(res.type).toMatch(/^application\/problem\+json/)
    expect(res.json).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400, code: 'INVALID_REQUEST' })
    expect(res.json.errors?.map((e) => [e.pointer, e.code])).toEqual(expect.arrayContaining([['/from_uid', 'type'], ['/channel_type', 'type']]))
    expect(res.json.errors?.find((e) => e.pointer === '/channel_type')?.detail).toMatch(/must be an integer, not a string \("2"\)/)
    expect(received.sends.length).toBe(before)
  })

  it('answers a payload with type "text" with a pointer into the payload and the integer to use', async () => {
    const res = await post('/messages', body(b64({ type: 'text', content: 'hi' })))
    expect(res.status).toBe(400)
    const issue = res.json.errors?.find((e) => e.pointer === '/payload/type')
    expect(issue).toMatchObject({ code: 'type' })
    expect(issue?.detail).toMatch(/text is 1/)
  })

  it('answers bad Base64 and a mention.all of true with 400 and the fix', async () => {
    const bad = await post('/messages', body('eyJ0eXBlIjox!!!'))
    expect(bad.status).toBe(400)
    expect(bad.json.errors?.[0]).toMatchObject({ pointer: '/payload', code: 'invalid_base64' })
    const mention = await post('/messages', body(b64({ type: 1, content: 'hi', mention: { all: true } })))
    expect(mention.status).toBe(400)
    const issue = mention.json.errors?.find((e) => e.pointer === '/payload/mention/all')
    expect(issue?.detail).toMatch(/use 1 for @everyone/)
  })

  it('answers a body that is not JSON with 400 INVALID_JSON', async () => {
    const res = await post('/messages', '{"from_uid": "u1",')
    expect(res).toMatchObject({ status: 400, json: { code: 'INVALID_JSON' } })
  })

  it('answers a 5 MB body with 413 and stays up', async () => {
    const big = body(encodePayload({ type: 1, content: 'x' }), { padding: 'x'.repeat(5 * 1024 * 1024) })
    const res = await post('/messages', big)
    expect(res).toMatchObject({ status: 413, json: { status: 413, title: 'Content Too Large', code: 'TOO_LARGE' } })
    const after = await post('/messages', body(encodePayload({ type: 1, content: 'still here' })))
    expect(after.status).toBe(202)
  })

  it('decodes a webhook batch with exact int64 ids; a bad payload fails alone', async () => {
    const text = `[{"message_id":1867301234567890123,"message_seq":9,"from_uid":"u1","channel_id":"g1","channel_type":2,"timestamp":1732406400,"payload":"${b64({ type: 1, content: '早上好' })}"},{"message_id":1867301234567890124,"payload":"${b64({ type: 2, url: 'x' })}"}]`
    const res = await post('/webhook', text)
    expect(res).toMatchObject({ status: 200, json: { received: 2, failed: 1 } })
    const [ok, bad] = received.webhooks.at(-1) ?? []
    expect(ok).toMatchObject({ message_id: '1867301234567890123', message_seq: 9, payload: { type: 1, content: '早上好' }, error: undefined })
    expect(bad?.message_id).toBe('1867301234567890124')
    expect(bad?.payload).toBeUndefined()
    expect(bad?.error?.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['/width', '/height']))
  })

  it('answers a webhook body that is not a message list with 400', async () => {
    const res = await post('/webhook', '{"hello":"world"}')
    expect(res).toMatchObject({ status: 400, json: { code: 'INVALID_REQUEST', errors: [{ pointer: '', code: 'invalid' }] } })
  })
})

describe('the three servers answer every bad request with the same problem, byte for byte', () => {
  const running: Running[] = []
  beforeAll(async () => {
    for (const [, start] of servers) running.push(await start(recorder()[1]))
  })
  afterAll(async () => {
    for (const server of running) await server.close()
  })

  const valid = b64({ type: 1, content: 'x' })
  const requests: [string, string, string | Uint8Array<ArrayBuffer>][] = [
    ['wrong envelope types', '/messages', JSON.stringify({ from_uid: 7, channel_id: 'g1', channel_type: '2', payload: valid })],
    ['no channel and no subscribers', '/messages', JSON.stringify({ from_uid: 'u1', payload: valid })],
    ['payload "!!!"', '/messages', body('!!!')],
    ['payload of type "text"', '/messages', body(b64({ type: 'text', content: 'hi' }))],
    ['mention.all: true', '/messages', body(b64({ type: 1, content: 'hi', mention: { all: true } }))],
    ['payload as an object', '/messages', JSON.stringify({ from_uid: 'u1', channel_id: 'g1', channel_type: 2, payload: { type: 1, content: 'x' } })],
    ['bad envelope and bad payload', '/messages', JSON.stringify({ from_uid: 'u1', channel_id: 'g@1', channel_type: 2, payload: b64({ type: 2, url: 'x' }) })],
    ['a payload nested too deeply', '/messages', body(b64(Array.from({ length: 40 }).reduce<object>((inner) => ({ type: 1, content: 'q', reply: { message_id: '1', message_seq: 1, from_uid: 'u', payload: inner } }), { type: 1, content: 'x' })))],
    ['not JSON', '/messages', '{"from_uid": "u1",'],
    ['not UTF-8', '/messages', new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])],
    ['too large', '/messages', body(valid, { padding: 'x'.repeat(5 * 1024 * 1024) })],
    ['webhook {"a":1}', '/webhook', '{"a":1}'],
    ['webhook not JSON', '/webhook', '[{"message_id": 1,'],
  ]

  it.each(requests)('%s', async (_name, path, text) => {
    const answers: string[] = []
    for (const server of running) {
      const response = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text })
      answers.push(JSON.stringify([response.status, response.headers.get('content-type')?.split(';')[0], await response.text()]))
    }
    const [first] = answers
    const [status, type, problem] = JSON.parse(first as string) as [number, string, string]
    expect([400, 413]).toContain(status)
    expect(type).toBe('application/problem+json')
    // Every issue code is one of the documented union's (checked in test/issue-codes.test.ts too).
    expect((JSON.parse(problem) as { errors: unknown[] }).errors.length).toBeGreaterThan(0)
    expect(answers).toEqual([first, first, first])
  })
})

describe('the guides', () => {
  const root = join(import.meta.dirname, '..')
  it.each([
    ['docs/server-node-http.md', ['examples/node-http-server.ts', 'examples/middleware-server.ts']],
    ['docs/server-fastify.md', ['examples/fastify-server.ts']],
  ])('%s shows the tested code, verbatim', (guide, files) => {
    const text = readFileSync(join(root, guide), 'utf8')
    for (const file of files) expect(text, `${guide} must embed ${file} (npm run docs:guides)`).toContain('```ts\n' + readFileSync(join(root, file), 'utf8') + '```')
  })
})

describe('the boundary helpers on hostile input', () => {
  it('never throw: a value or problem details with status 400 or 413, whatever the body', () => {
    const bodies = fc.oneof(
      fc.anything(),
      fc.string(),
      fc.json(),
      fc.uint8Array({ maxLength: 200 }),
      fc.record({ from_uid: fc.anything(), channel_id: fc.anything(), channel_type: fc.anything(), payload: fc.oneof(fc.string(), fc.base64String(), fc.anything()) }, { requiredKeys: [] }),
    )
    fc.assert(
      fc.property(bodies, (body) => {
        for (const result of [parseSendRequestBody(body), parseWebhookBody(body)]) {
          if (!result.ok) {
            expect([400, 413]).toContain(result.problem.status)
            expect(result.problem.detail.length).toBeGreaterThan(0)
          }
        }
        const problem = problemFromFastifyError(body, body)
        if (problem) expect([400, 413]).toContain(problem.status)
      }),
      { seed: 20261124, numRuns: 3000 },
    )
    // Fastify-shaped errors whose validation list is not what Ajv writes.
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.anything(), fc.record({ instancePath: fc.oneof(fc.string(), fc.anything()), keyword: fc.oneof(fc.constantFrom('required', 'type', 'enum', 'minimum', 'pattern', 'minLength', 'anyOf'), fc.anything()), params: fc.anything() }, { requiredKeys: [] }))), fc.anything(), (validation, body) => {
        expect(problemFromFastifyError({ validation, validationContext: 'body' }, body)?.status).toBe(400)
      }),
      { seed: 20261124, numRuns: 3000 },
    )
  })
})

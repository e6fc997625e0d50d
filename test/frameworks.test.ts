/**
 * The framework recipes of docs/frameworks.md (examples/frameworks/*), each run against the real
 * framework from npm: Hono's fetch handler with @hono/standard-validator, a tRPC 11 caller,
 * Express 5 over HTTP on 127.0.0.1, TanStack Form's form-core, and Fastify 5 with
 * @fastify/type-provider-typebox 6 and `typebox` 1.x. The verdicts are the frameworks' own answers
 * (status codes, TRPCError codes, form errors); the payloads are encoded by Node's Buffer.
 */
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { TRPCError } from '@trpc/server'
import { afterEach, describe, expect, it } from 'vitest'
import type { ValidatedSendRequest } from '../src/entries/index.js'
import { app as honoApp } from '../examples/frameworks/hono.js'
import { createCaller } from '../examples/frameworks/trpc.js'
import { createExpressApp } from '../examples/frameworks/express.js'
import { createComposerForm } from '../examples/frameworks/tanstack-form.js'

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64')
const good = { from_uid: 'bot', channel_id: 'g1', channel_type: 2, payload: b64({ type: 1, content: '你好' }) }
const badPayload = { ...good, payload: b64({ type: 1, content: 'x', mention: { all: true } }) }

describe('Hono with @hono/standard-validator (fetch handler)', () => {
  const post = (path: string, body: unknown) => honoApp.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

  it('accepts a valid body, the handler gets the decoded payload', async () => {
    const res = await post('/message/send', good)
    expect(res.status).toBe(202)
    expect(await res.json()).toEqual({ accepted: true, channel_id: 'g1', type: 1 })
  })

  it('answers 400 with issues pointing into the decoded payload', async () => {
    const res = await post('/message/send', badPayload)
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { path: unknown[] }[] }
    expect(body.error.map((i) => i.path)).toContainEqual(['payload', 'mention', 'all'])
    expect((await post('/payloads', { type: 2 })).status).toBe(400)
    expect((await post('/payloads', { type: 2, url: 'https://x/y.png', width: 1, height: 1 })).status).toBe(200)
  })
})

describe('tRPC 11 .input(...)', () => {
  const caller = createCaller({})

  it('runs procedures whose input is the package Standard Schema objects', async () => {
    expect(await caller.send(good)).toEqual({ to: 'g1', type: 1 })
    expect(await caller.preview(b64({ type: 2, url: 'https://x/y.png', width: 1, height: 1 }))).toBe('[图片]')
    expect(await caller.echoText({ type: 1, content: 'hi' })).toBe('hi')
  })

  it('refuses invalid input with BAD_REQUEST and the issues as its cause', async () => {
    const error = await caller.send(badPayload).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TRPCError)
    expect((error as TRPCError).code).toBe('BAD_REQUEST')
    expect(JSON.stringify((error as TRPCError).cause)).toContain('/payload/mention/all')
    await expect(caller.preview('not base64!')).rejects.toThrow(TRPCError)
  })
})

describe('Express 5 with sendRequestMiddleware / webhookMiddleware', () => {
  let server: Server | undefined
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())))

  it('answers 202 for a valid body and a problem document for an invalid one, over HTTP', async () => {
    const seen: ValidatedSendRequest[] = []
    server = createExpressApp((sent) => seen.push(sent)).listen(0, '127.0.0.1')
    await new Promise((resolve) => server?.once('listening', resolve))
    const { port } = server.address() as AddressInfo
    const post = (path: string, body: string) => fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    const ok = await post('/message/send', JSON.stringify(good))
    expect(ok.status).toBe(202)
    expect(seen[0]?.payload).toEqual({ type: 1, content: '你好' })
    const bad = await post('/message/send', JSON.stringify(badPayload))
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/)
    expect(await bad.text()).toContain('/payload/mention/all')
    const hook = await post('/webhook', `[{"message_id":1234567890123456789,"message_seq":1,"client_msg_no":"c","from_uid":"u","channel_id":"g","channel_type":2,"timestamp":1,"payload":"${b64({ type: 1, content: 'x' })}"}]`)
    expect(await hook.json()).toEqual({ received: 1, failed: 0 })
  })
})

describe('TanStack Form (form-core 1.x) with a Standard Schema validator', () => {
  it('blocks submit with the issue on the field, and submits a valid payload', async () => {
    const submitted: unknown[] = []
    const form = createComposerForm((p) => submitted.push(p))
    // A wrong value as a user's script might set it (TanStack's field-path types go deep into the
    // recursive reply payload; the untyped setter keeps the compiler out of that).
    const loose = form as unknown as { setFieldValue(field: string, value: unknown): void }
    loose.setFieldValue('content', 42)
    await form.handleSubmit()
    expect(submitted).toEqual([])
    expect(JSON.stringify(form.state.errors)).toContain('content')
    loose.setFieldValue('content', 'hello')
    await form.handleSubmit()
    expect(submitted).toEqual([{ type: 1, content: 'hello' }])
  })
})

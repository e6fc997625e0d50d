/**
 * A bounded load test of the three example servers on 127.0.0.1: well-behaved clients mixed with
 * clients that abort mid-body, dribble their body slowly, declare an over-limit body or stream one.
 * Bounded in count (CONNECTIONS per server) and time (each client gives up after CLIENT_TIMEOUT_MS).
 * Every server must stay up: after the storm, a valid request still gets its 202, and nothing was
 * handed to the application that was not a complete, valid request. (An example that crashed
 * would surface here as an unhandled error, which fails the run.)
 */
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodePayload } from 'wukong-payload'
import { createFastifyServer } from '../examples/fastify-server.js'
import { createMiddlewareServer } from '../examples/middleware-server.js'
import { createMessageServer, type MessageHandlers } from '../examples/node-http-server.js'

const CONNECTIONS = 200
const CLIENT_TIMEOUT_MS = 5_000

interface Running {
  port: number
  close(): Promise<void>
}

const starters: [string, (h: MessageHandlers) => Promise<Running>][] = [
  ['node:http', async (h) => listen(createMessageServer(h))],
  ['Express-style middleware', async (h) => listen(createMiddlewareServer(h))],
  [
    'Fastify',
    async (h) => {
      const app = createFastifyServer(h)
      const url = new URL(await app.listen({ port: 0, host: '127.0.0.1' }))
      return { port: Number(url.port), close: () => app.close() }
    },
  ],
]

async function listen(server: import('node:http').Server): Promise<Running> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

const validBody = JSON.stringify({ from_uid: 'u1', channel_id: 'g1', channel_type: 2, payload: encodePayload({ type: 1, content: 'hi' }) })

type Behaviour = 'valid' | 'abort' | 'slow' | 'declared-too-large' | 'streamed-too-large' | 'webhook-abort'

/** One raw client; resolves with the status line it got ('' when none), never rejects. */
function client(port: number, behaviour: Behaviour): Promise<string> {
  return new Promise((resolve) => {
    let response = ''
    const socket = connect(port, '127.0.0.1')
    const done = () => {
      clearTimeout(timer)
      socket.destroy()
      resolve(response.split('\r\n')[0] ?? '')
    }
    const timer = setTimeout(done, CLIENT_TIMEOUT_MS)
    socket.on('data', (d) => {
      response += d.toString('latin1')
      if (behaviour === 'valid' && response.includes('\r\n\r\n')) done()
    })
    socket.on('error', done)
    socket.on('close', done)
    const head = (path: string, length: number | 'chunked') =>
      `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${length === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${length}`}\r\nConnection: close\r\n\r\n`
    socket.on('connect', () => {
      switch (behaviour) {
        case 'valid':
          socket.write(head('/messages', Buffer.byteLength(validBody)) + validBody)
          break
        case 'abort':
        case 'webhook-abort':
          socket.write(head(behaviour === 'abort' ? '/messages' : '/webhook', 100) + validBody.slice(0, 12))
          setTimeout(done, 10)
          break
        case 'slow': {
          socket.write(head('/messages', Buffer.byteLength(validBody)))
          let i = 0
          const drip = setInterval(() => {
            if (socket.destroyed) return clearInterval(drip)
            socket.write(validBody.slice(i, i + 16))
            i += 16
            if (i >= validBody.length) clearInterval(drip)
          }, 5)
          break
        }
        case 'declared-too-large':
          socket.write(head('/messages', 64 * 1024 * 1024) + '{"from_uid":"')
          break
        case 'streamed-too-large': {
          socket.write(head('/messages', 'chunked'))
          const chunk = 'x'.repeat(64 * 1024)
          let sent = 0
          const pump = () => {
            while (!socket.destroyed && sent < 20) {
              sent++
              if (!socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)) return void socket.once('drain', pump)
            }
            if (!socket.destroyed) socket.write('0\r\n\r\n')
          }
          pump()
          break
        }
      }
    })
  })
}

describe.each(starters)('%s under hostile load', (_name, start) => {
  let server: Running
  const accepted: unknown[] = []
  beforeAll(async () => {
    server = await start({ send: (request) => void accepted.push(request), webhook: () => {} })
  })
  afterAll(() => server.close())

  it(`${CONNECTIONS} clients (aborted, slow, over-limit, valid) leave the server up and answering`, async () => {
    const behaviours: Behaviour[] = ['valid', 'abort', 'slow', 'declared-too-large', 'streamed-too-large', 'webhook-abort', 'abort', 'valid']
    const results = await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => behaviours[i % behaviours.length] as Behaviour).map(async (b) => [b, await client(server.port, b)] as const))
    for (const [behaviour, status] of results) {
      if (behaviour === 'valid' || behaviour === 'slow') expect(status, behaviour).toBe('HTTP/1.1 202 Accepted')
      // The 413 is answered before the body is read; a client still writing may see a reset instead.
      if (behaviour === 'streamed-too-large') expect(['HTTP/1.1 413 Payload Too Large', ''], behaviour).toContain(status)
      if (behaviour === 'declared-too-large') expect(['HTTP/1.1 413 Payload Too Large', ''], behaviour).toContain(status)
    }
    // Only complete, valid requests reached the application.
    expect(accepted).toHaveLength(results.filter(([b]) => b === 'valid' || b === 'slow').length)
    const after = await fetch(`http://127.0.0.1:${server.port}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: validBody })
    expect(after.status).toBe(202)
  })
})

/**
 * docs/rest.md's example (examples/rest-proxy.ts, embedded there) run end to end: a fake
 * WuKongIM on 127.0.0.1 serving the Go-shaped fixtures byte for byte, the example's proxy in
 * front of it, and a client reading the proxy's JSON with the plain `JSON.parse` every browser
 * has: every id arrives exact (oracle: the digits in the fixture text).
 */
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRestProxy } from '../examples/rest-proxy.js'

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'api-fixtures', `${name}.json`))
const digits = (name: string, key: string) => [...fixture(name).toString('utf8').matchAll(new RegExp(`"${key}":"?([0-9]+)`, 'g'))].map((m) => m[1])

const servers: Server[] = []
let proxyUrl = ''
const listen = async (server: Server) => {
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

beforeAll(async () => {
  const wukong = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      const name = req.url === '/conversation/sync' ? 'conversation-sync' : req.url === '/channel/messagesync' ? 'messagesync' : undefined
      if (!name) res.writeHead(404).end()
      else res.writeHead(200, { 'content-type': 'application/json' }).end(fixture(name))
    })
  })
  proxyUrl = await listen(createRestProxy({ wukongUrl: await listen(wukong), token: 't' }))
})
afterAll(async () => {
  for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()))
})

describe('docs/rest.md: proxying conversations and history', () => {
  it('passes the conversation version and message ids on exactly', async () => {
    const list = (await (await fetch(`${proxyUrl}/api/conversations?uid=u1`)).json()) as { version: string; last: { id: string; peer: string | null } }[]
    expect(list.map((c) => c.version)).toEqual(digits('conversation-sync', 'version'))
    expect(list[0]?.last.id).toBe(digits('conversation-sync', 'message_idstr')[0])
    // The peer sent it (from u2, channel_id written as the reader's own uid u1): named correctly.
    expect(list[0]?.last.peer).toBe('u2')
  })

  it('passes a channel’s history on, a bad payload as an error beside the others', async () => {
    const page = (await (await fetch(`${proxyUrl}/api/history?uid=u1&channel_id=u2&channel_type=1`)).json()) as { more: boolean; messages: { id: string; seq: string; payload: unknown; error: string | null }[] }
    expect(page.more).toBe(true)
    expect(page.messages.map((m) => m.id)).toEqual(digits('messagesync', 'message_idstr'))
    expect(page.messages.map((m) => m.seq)).toEqual(digits('messagesync', 'message_seq'))
    expect(page.messages.map((m) => m.error === null)).toEqual([true, false, true, true])
  })
})

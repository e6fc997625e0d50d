/**
 * Webhooks by event: every body shape WuKongIM writes (WuKongIM/WuKongIM:internal/webhook/webhook.go,
 * internal/types/webhook.go at v2.2.5-20260422), gzip'd uid lists decoded by both platform layers
 * (compressed here with node:zlib, the oracle), the truncated gzip the server sends, fuzzed input,
 * and readWebhook's routing over a real request on 127.0.0.1.
 */
import fc from 'fast-check'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { parseOnlineStatus, parseWebhookEvent, type WebhookEvent } from 'wukong-payload'
import { readWebhook } from 'wukong-payload/server'
import * as nodePlatform from '../src/wire/platform-node.js'
import * as webPlatform from '../src/wire/platform-web.js'

const BIG_ID = '1867301234567890123'
const TEXT_PAYLOAD = Buffer.from(JSON.stringify({ type: 1, content: '你好' })).toString('base64')
const message = (extra = '') =>
  `{"header":{"no_persist":0,"red_dot":1,"sync_once":0},"setting":0,"message_id":${BIG_ID},"message_idstr":"${BIG_ID}","client_msg_no":"c1","message_seq":7,"from_uid":"u1","channel_id":"g1","channel_type":2,"expire":0,"timestamp":1760000000,"payload":"${TEXT_PAYLOAD}"${extra}}`
const gz = (uids: string[]) => gzipSync(Buffer.from(JSON.stringify(uids))).toString('base64')

async function ok(event: string, body: unknown): Promise<WebhookEvent> {
  const result = await parseWebhookEvent(event, body)
  if (!result.ok) throw result.error
  return result.value
}

describe('parseWebhookEvent', () => {
  it('msg.notify: the message list, ids exact, payloads decoded (also the v2.1.3–2.2.3 stream fields)', async () => {
    const value = await ok('msg.notify', `[${message()},${message(',"stream_no":"s1","stream_idstr":"0"')}]`)
    expect(value.event).toBe('msg.notify')
    if (value.event !== 'msg.notify') return
    expect(value.messages.map((m) => [m.message_id, m.payload])).toEqual([
      [BIG_ID, { type: 1, content: '你好' }],
      [BIG_ID, { type: 1, content: '你好' }],
    ])
  })

  it('msg.notify from bytes, and a system sender (from_uid "")', async () => {
    const value = await ok('msg.notify', new TextEncoder().encode(`[${message().replace('"from_uid":"u1"', '"from_uid":""')}]`))
    expect(value.event === 'msg.notify' && value.messages[0]?.from_uid).toBe('')
  })

  it('msg.offline: plain to_uids', async () => {
    const value = await ok('msg.offline', message(',"to_uids":["u2","u-3"],"source_id":1'))
    expect(value).toMatchObject({ event: 'msg.offline', to_uids: ['u2', 'u-3'], to_uids_error: undefined, compress: undefined, source_id: '1', message: { message_id: BIG_ID, payload: { type: 1 } } })
  })

  it('msg.offline: gzip compress_to_uids decoded (to_uids is [] then)', async () => {
    const uids = Array.from({ length: 3000 }, (_, i) => `user-${i}`)
    const value = await ok('msg.offline', message(`,"to_uids":[],"compress":"gzip","compress_to_uids":"${gz(uids)}","source_id":2`))
    expect(value).toMatchObject({ event: 'msg.offline', to_uids: uids, compress: 'gzip', to_uids_error: undefined })
  })

  it('msg.offline: the truncated gzip of WuKongIM ≤ v2.2.5 is reported, the message kept', async () => {
    for (const compressed of ['H4sIAAAAAAAA/w==', gzipSync(Buffer.from(JSON.stringify(['a', 'b', 'c']))).subarray(0, -6).toString('base64')]) {
      const value = await ok('msg.offline', message(`,"to_uids":[],"compress":"gzip","compress_to_uids":"${compressed}"`))
      expect(value.event).toBe('msg.offline')
      if (value.event !== 'msg.offline') return
      expect(value.to_uids).toBeUndefined()
      expect(value.to_uids_error?.message).toMatch(/truncated/)
      expect(value.message.payload).toEqual({ type: 1, content: '你好' })
    }
  })

  it('msg.offline: not gzip, bad Base64, an unknown compression — each reported on to_uids_error', async () => {
    for (const [extra, pattern] of [
      [',"compress":"gzip","compress_to_uids":"eHl6"', /gzip header/],
      [',"compress":"gzip","compress_to_uids":"!!"', /Base64/i],
      [`,"compress":"zstd","compress_to_uids":"${gz(['a'])}"`, /zstd/],
      [',"to_uids":"u1"', /list of uid strings/],
    ] as const) {
      const value = await ok('msg.offline', message(extra))
      expect(value.event === 'msg.offline' && value.to_uids_error?.message).toMatch(pattern)
    }
  })

  it('user.onlinestatus: each string parsed from the right (a uid may contain "-"), bad entries listed apart', async () => {
    const value = await ok('user.onlinestatus', '["u1-1-1-9007199254740993-1-2","a-b-c-0-0-12-0-1","bad","x-3-2-1-1-1"]')
    expect(value).toEqual({
      event: 'user.onlinestatus',
      statuses: [
        { uid: 'u1', deviceFlag: 1, online: true, connId: '9007199254740993', deviceOnlineCount: 1, totalOnlineCount: 2 },
        { uid: 'a-b-c', deviceFlag: 0, online: false, connId: '12', deviceOnlineCount: 0, totalOnlineCount: 1 },
      ],
      invalid: [
        { index: 2, value: 'bad', message: expect.stringContaining('at least 6') },
        { index: 3, value: 'x-3-2-1-1-1', message: expect.stringContaining('online is 2') },
      ],
    })
  })

  it('an unknown event is kept raw, int64s exact', async () => {
    expect(await ok('msg.stream', `{"id":${BIG_ID}}`)).toEqual({ event: 'unknown', name: 'msg.stream', body: { id: BIG_ID } })
  })

  it('a body that is not the event’s shape is an error, not a throw', async () => {
    for (const [event, body] of [['msg.notify', '{}'], ['msg.offline', '[]'], ['user.onlinestatus', '{"a":1}'], ['msg.notify', '[1'], ['msg.notify', new Uint8Array([0xff])]] as const) {
      const result = await parseWebhookEvent(event, body)
      expect(result.ok).toBe(false)
    }
  })

  it('never rejects, whatever the event and body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom('msg.notify', 'msg.offline', 'user.onlinestatus'), fc.string()),
        fc.oneof(fc.anything(), fc.json(), fc.string(), fc.uint8Array({ maxLength: 64 }), fc.array(fc.string()), fc.record({ to_uids: fc.anything(), compress: fc.anything(), compress_to_uids: fc.oneof(fc.base64String(), fc.anything()), payload: fc.anything() }, { requiredKeys: [] })),
        async (event, body) => {
          const result = await parseWebhookEvent(event, body)
          if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('parseOnlineStatus never throws', () => {
    fc.assert(fc.property(fc.oneof(fc.anything(), fc.stringMatching(/^[\w-]{0,30}$/)), (value) => void parseOnlineStatus(value)))
  })
})

describe.each([
  ['node (node:zlib)', nodePlatform.gunzip],
  ['web (DecompressionStream)', webPlatform.gunzip],
])('gunzip, %s', (_name, gunzip) => {
  it('decompresses what node:zlib compressed', async () => {
    const data = Buffer.from(JSON.stringify(Array.from({ length: 500 }, (_, i) => `uid${i}`)))
    expect(Buffer.from(await gunzip(gzipSync(data), 1 << 20)).equals(data)).toBe(true)
  })
  it('reports truncation, junk and a size over the limit', async () => {
    const whole = gzipSync(Buffer.from('x'.repeat(100_000)))
    await expect(gunzip(whole.subarray(0, 10), 1 << 20)).rejects.toThrow(/truncated/)
    await expect(gunzip(whole.subarray(0, whole.length - 3), 1 << 20)).rejects.toThrow(/truncated/)
    await expect(gunzip(new Uint8Array([1, 2, 3]), 1 << 20)).rejects.toThrow(/gzip header/)
    await expect(gunzip(whole, 1000)).rejects.toMatchObject({ code: 'TOO_LARGE' })
  })
})

describe('readWebhook routes on ?event=', () => {
  it('types the body by event; without one it is the message list, as before', async () => {
    const seen: unknown[] = []
    const server = createServer(async (req, res) => {
      const result = await readWebhook(req)
      seen.push(result.ok ? result.value : result.problem.status)
      res.writeHead(result.ok ? 200 : result.problem.status).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const post = (path: string, body: string) => fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.status)
      expect(await post('/hook?event=user.onlinestatus', '["u-1-1-1-1-1"]')).toBe(200)
      expect(await post('/hook?event=msg.offline', message(',"to_uids":["u2"]'))).toBe(200)
      expect(await post('/hook', `[${message()}]`)).toBe(200)
      expect(await post('/hook?event=msg.notify', '{"no":"list"}')).toBe(400)
      expect(seen[0]).toMatchObject({ event: 'user.onlinestatus', statuses: [{ uid: 'u', connId: '1' }] })
      expect(seen[1]).toMatchObject({ event: 'msg.offline', to_uids: ['u2'], message: { message_id: BIG_ID } })
      expect(Array.isArray(seen[2]) && (seen[2] as { message_id: string }[])[0]?.message_id).toBe(BIG_ID)
      expect(seen[3]).toBe(400)
    } finally {
      server.close()
    }
  })
})

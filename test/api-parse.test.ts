/**
 * The read side's parsers and writers, each against an independent oracle: int64s at 2^53+1 and
 * 2^63−1 in every int64/uint64 position (the expected digits are the ones written into the body
 * text); fuzzed
 * bodies never make a parser throw; `last_msg_seqs` round trips through a re-implementation of
 * the server's split; personChannelId against node:zlib's CRC-32; stringifyExact against
 * JSON.stringify and lossless-json; the JSON-RPC payload forms; an app codec from createCodec.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32 as zlibCrc32 } from 'node:zlib'
import fc from 'fast-check'
import { parse as losslessParse } from 'lossless-json'
import { describe, expect, it } from 'vitest'
import * as api from '../src/entries/api.js'
import { CHAT_FLAGS, definePayloadType } from '../src/entries/index.js'
import { createCodec } from '../src/entries/runtime.js'
import { Type } from '@sinclair/typebox'
import { parseJsonExact } from '../src/wire/json-exact.js'
import { independentValidator } from './helpers.js'

const P53 = '9007199254740993'
const MAX63 = '9223372036854775807'
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64')

/** A MessageResp text with `id` in message_id and `seq` in message_seq and stream_id (uint64). */
const messageText = (id: string, seq: string, payload = b64({ type: 1, content: 'x' })) =>
  `{"header":{"no_persist":0,"red_dot":0,"sync_once":0},"setting":0,"message_id":${id},"client_msg_no":"c","stream_id":${seq},"message_seq":${seq},"from_uid":"a","channel_id":"b","channel_type":2,"expire":0,"timestamp":1,"payload":"${payload}"}`

describe('int64 and uint64 at 2^53+1 and 2^63−1 in every position', () => {
  it.each([P53, MAX63])('%s', (n) => {
    const m = messageText(n, n)
    const sync = api.parseMessageSyncResponse(`{"start_message_seq":${n},"end_message_seq":${n},"more":0,"messages":[${m}]}`)
    expect(sync.ok && [sync.value.start_message_seq, sync.value.end_message_seq, sync.value.messages[0]?.message_id, sync.value.messages[0]?.message_seq, sync.value.messages[0]?.stream?.stream_id]).toEqual([n, n, n, n, n])
    const conv = api.parseConversationSyncResponse(
      `[{"channel_id":"g","channel_type":2,"unread":0,"timestamp":${n},"last_msg_seq":1,"last_client_msg_no":"","offset_msg_seq":${n},"readed_to_msg_seq":0,"version":${n},"recents":[${m}]}]`,
    )
    expect(conv.ok && [conv.value[0]?.timestamp, conv.value[0]?.offset_msg_seq, conv.value[0]?.version, conv.value[0]?.recents[0]?.message_id]).toEqual([n, n, n, n])
    const recent = api.parseConversationSyncMessagesResponse(`[{"channel_id":"g","channel_type":2,"messages":[${m}],"user_last_msg_seq":${n}}]`)
    expect(recent.ok && [recent.value[0]?.user_last_msg_seq, recent.value[0]?.messages[0]?.message_seq]).toEqual([n, n])
    const cmd = api.parseCmdSyncResponse(`[${m}]`)
    expect(cmd.ok && cmd.value[0]?.message_id).toBe(n)
    for (const parse of [api.parseMessageResponse, api.parseMessageByClientMsgNoResponse, api.parseChannelLastMessageResponse]) {
      const one = parse(m)
      expect(one.ok && one.value?.message_id).toBe(n)
    }
    expect(api.parseChannelMaxMessageSeqResponse(`{"message_seq":${n}}`)).toEqual({ ok: true, value: n })
    const search = api.parseSearchResponse(
      `{"cost":${n},"total":${n},"limit":1,"page":1,"messages":[{"message_id":${n},"message_seq":${n},"client_msg_no":"c","from_uid":"a","channel_id":"b","channel_type":2,"payload":null,"payload_json":"{\\"type\\":1,\\"content\\":\\"x\\"}","timestamp":1}]}`,
    )
    expect(search.ok && [search.value.cost, search.value.total, search.value.messages[0]?.message_id, search.value.messages[0]?.message_seq]).toEqual([n, n, n, n])
    // Requests: every int64 position written as the same bare digits.
    const bodies = [
      api.buildMessageSyncRequest({ login_uid: 'u', channel_id: 'g', channel_type: 2, start_message_seq: n, end_message_seq: BigInt(n), limit: 1 }),
      api.buildConversationSyncRequest({ uid: 'u', version: n, msg_count: 1 }),
      api.buildConversationSyncMessagesRequest({ uid: 'u', channels: [{ channel_id: 'g', channel_type: 2, last_msg_seq: n }] }),
      api.buildCmdSyncRequest({ uid: 'u', message_seq: n }),
      api.buildCmdSyncAckRequest({ uid: 'u', last_message_seq: BigInt(n) }),
      api.buildMessagesRequest({ channel_id: 'g', channel_type: 2, message_ids: [n, BigInt(n)] }),
      api.buildMessageRequest({ channel_id: 'g', channel_type: 2, message_id: n }),
    ]
    for (const body of bodies) {
      const text = api.stringifyExact(body)
      const numbers: string[] = []
      losslessParse(text, (_k, v) => {
        if (v !== null && typeof v === 'object' && 'isLosslessNumber' in v) numbers.push(String(v))
        return v
      })
      expect(numbers.filter((x) => x.length > 10)).not.toHaveLength(0)
      for (const x of numbers.filter((d) => d.length > 10)) expect(x).toBe(n)
    }
  })
})

describe('the exact parse the parsers use', () => {
  it('refuses nesting past the limit', () => {
    expect(() => parseJsonExact('['.repeat(300) + ']'.repeat(300))).toThrow(expect.objectContaining({ code: 'TOO_DEEP' }))
  })
})

describe('parsers never throw', () => {
  const parsers = Object.entries(api).filter(([name, f]) => /^parse\w+(Response|Body)$/.test(name) && typeof f === 'function') as [string, (body: unknown) => unknown][]
  const good = `{"start_message_seq":0,"end_message_seq":0,"more":0,"messages":[${messageText(MAX63, '1')}]}`

  it('on random text, bytes, mutated bodies and wrong types', () => {
    expect(parsers.length).toBeGreaterThanOrEqual(12)
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.uint8Array({ maxLength: 64 }),
          fc.tuple(fc.nat(), fc.string({ maxLength: 3 })).map(([at, s]) => good.slice(0, at % good.length) + s + good.slice((at % good.length) + 1)),
          fc.anything(),
        ),
        (body) => {
          for (const [, parse] of parsers) {
            const r = parse(body) as { ok: boolean; error?: unknown }
            expect(typeof r.ok).toBe('boolean')
            if (!r.ok) expect(r.error).toBeInstanceOf(api.ApiError)
          }
        },
      ),
      { numRuns: 400 },
    )
  })

  it('refuses a parsed object (ids already rounded) with a fix', () => {
    const r = api.parseMessageSyncResponse(JSON.parse(good) as never)
    expect(!r.ok && r.error.message).toMatch(/res\.text\(\)/)
  })
})

describe('last_msg_seqs', () => {
  /** The server's getChannelLastMsgSeqMap, re-implemented from internal/api/conversation.go@v2.2.5-20260422 L584-598. */
  const serverSplit = (s: string): Map<string, string> => {
    const out = new Map<string, string>()
    for (const entry of s.split('|')) {
      const f = entry.split(':')
      if (f.length !== 3) continue
      out.set(`${f[0]}-${Number.parseInt(f[1] as string, 10) || 0}`, /^[0-9]+$/.test(f[2] as string) ? BigInt(f[2] as string).toString() : '0')
    }
    return out
  }
  const entry = fc.record({ channel_id: fc.string({ minLength: 1 }).filter((s) => !/[:|]/.test(s)), channel_type: fc.integer({ min: 0, max: 255 }), last_msg_seq: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }) })
  const unique = fc.uniqueArray(entry, { selector: (e) => `${e.channel_id}-${e.channel_type}`, maxLength: 8 })

  it('round-trips, and the server reads every entry as written', () => {
    fc.assert(
      fc.property(unique, (entries) => {
        const text = api.formatLastMsgSeqs(entries)
        expect(api.parseLastMsgSeqs(text)).toEqual(entries.map((e) => ({ ...e, last_msg_seq: e.last_msg_seq.toString() })))
        expect(serverSplit(text)).toEqual(new Map(entries.map((e) => [`${e.channel_id}-${e.channel_type}`, e.last_msg_seq.toString()])))
      }),
    )
  })

  it('refuses a channel id the server would split', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(':', '|'), fc.string(), (a, sep, b) => {
        expect(() => api.formatLastMsgSeqs([{ channel_id: a + sep + b, channel_type: 2, last_msg_seq: 1 }])).toThrow(api.ApiError)
      }),
    )
  })
})

describe('person channels', () => {
  it('personChannelId orders by CRC-32 as the server does (oracle: node:zlib crc32)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        expect(api.crc32(a)).toBe(zlibCrc32(Buffer.from(a, 'utf8')))
        const [ca, cb] = [zlibCrc32(Buffer.from(a)), zlibCrc32(Buffer.from(b))]
        expect(api.personChannelId(a, b)).toBe(ca > cb ? `${a}@${b}` : `${b}@${a}`)
        if (ca !== cb) expect(api.personChannelId(a, b)).toBe(api.personChannelId(b, a))
      }),
    )
  })

  it('peerOf names the other party whoever sent the message', () => {
    expect(api.peerOf({ channel_type: 1, from_uid: 'u2', channel_id: 'u1' }, 'u1')).toBe('u2')
    expect(api.peerOf({ channel_type: 1, from_uid: 'u1', channel_id: 'u2' }, 'u1')).toBe('u2')
    expect(api.peerOf({ channel_type: 1, from_uid: 'u1', channel_id: api.personChannelId('u1', 'u2') }, 'u1')).toBe('u2')
    expect(api.peerOf({ channel_type: 2, from_uid: 'u1', channel_id: 'g' }, 'u1')).toBeUndefined()
  })
})

/** Whether a JSON value holds an integer a double cannot hold exactly. */
const hasUnsafeInteger = (v: unknown): boolean =>
  typeof v === 'number' ? Number.isInteger(v) && !Number.isSafeInteger(v) : typeof v === 'object' && v !== null ? Object.values(v).some(hasUnsafeInteger) : false

describe('stringifyExact', () => {
  it('equals JSON.stringify on JSON values and writes bigints as bare digits', () => {
    fc.assert(
      // Integers beyond 2^53 are refused (below): they are already rounded.
      fc.property(fc.jsonValue().filter((v) => !hasUnsafeInteger(v)), (v) => {
        expect(api.stringifyExact(v)).toBe(JSON.stringify(v))
      }),
    )
    fc.assert(
      fc.property(fc.bigInt(), (b) => {
        expect(String((losslessParse(api.stringifyExact({ id: b })) as { id: unknown }).id)).toBe(b.toString())
      }),
    )
  })

  it('refuses what JSON cannot hold exactly', () => {
    expect(() => api.stringifyExact({ id: 2 ** 60 })).toThrow(/bigint/)
    expect(() => api.stringifyExact(Number.NaN)).toThrow(TypeError)
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    expect(() => api.stringifyExact(cycle)).toThrow(/cycle/)
  })
})

describe('builders refuse what the server mis-handles', () => {
  it.each([
    ['messagesync limit 0', () => api.buildMessageSyncRequest({ login_uid: 'u', channel_id: 'g', channel_type: 2, limit: 0 }), '/limit'],
    ['conversation page_size 501', () => api.buildConversationSyncRequest({ uid: 'u', msg_count: 1, page_size: 501 }), '/page_size'],
    ['/message with both ids', () => api.buildMessageRequest({ channel_id: 'g', channel_type: 2, message_id: '1', client_msg_no: 'c' }), '/client_msg_no'],
    ['/message person channel without login_uid', () => api.buildMessageRequest({ channel_id: 'u2', channel_type: 1, message_id: '1' }), '/login_uid'],
    ['/messages rounded id', () => api.buildMessagesRequest({ channel_id: 'g', channel_type: 2, message_ids: [2 ** 60] }), '/message_ids/0'],
    ['syncack seq 0', () => api.buildCmdSyncAckRequest({ uid: 'u', last_message_seq: 0 }), '/last_message_seq'],
    ['search limit 1001', () => api.buildSearchRequest({ uid: 'u', limit: 1001 }), '/limit'],
    ['search highlight outside payload', () => api.buildSearchRequest({ uid: 'u', highlights: ['content'] }), '/highlights/0'],
    ['sendbatch invalid payload', () => api.buildSendBatchRequest({ from_uid: 's', subscribers: ['u'], payload: { type: 1 } as never }), '/payload/content'],
  ])('%s', (_name, build, path) => {
    let error: unknown
    try {
      build()
    } catch (e) {
      error = e
    }
    expect(api.isApiError(error) && error.kind).toBe('input')
    expect((error as api.ApiError).issues.map((i) => i.path)).toContain(path)
  })
})

describe('the JSON-RPC wire', () => {
  it('chooses the payload form by server version', () => {
    expect(['v2.2.2-20251229', '2.2.1', 'v2.2.3-20260128', '2.2.5', '3.0.0'].map(api.jsonRpcPayloadEncoding)).toEqual(['object', 'object', 'base64', 'base64', 'base64'])
    const input = { channelId: 'g1', channelType: 2, payload: { type: 99, cmd: 'x' } as const }
    const old = api.buildJsonRpcSendParams(input, { serverVersion: 'v2.2.2-20251229' })
    const now = api.buildJsonRpcSendParams(input, { payloadEncoding: 'base64' })
    expect(old.payload).toEqual({ type: 99, cmd: 'x' })
    expect(JSON.parse(Buffer.from(now.payload as string, 'base64').toString())).toEqual({ type: 99, cmd: 'x' })
    // A command's recommended flags as booleans: no red dot, sync once.
    expect(now.header).toEqual({ syncOnce: true })
  })

  it('reads both payload forms and easyjssdk’s silent fallback string', () => {
    const base = { messageId: MAX63, messageSeq: 1, timestamp: 1, channelId: 'g', channelType: 2, fromUid: 'u' }
    expect(api.readJsonRpcMessage({ ...base, payload: b64({ type: 1, content: 'hi' }) }).payload).toEqual({ type: 1, content: 'hi' })
    expect(api.readJsonRpcMessage({ ...base, payload: { type: 1, content: 'hi' } }).payloadEncoding).toBe('object')
    const fallback = api.readJsonRpcMessage({ ...base, payload: 'not base64!' })
    expect([fallback.payload, fallback.error?.code, fallback.messageId]).toEqual([undefined, 'INVALID_BASE64', MAX63])
  })

  it('says when easyjssdk will force the red dot', () => {
    expect(api.easySendArgs({ type: 99, cmd: 'x' }).redDotForced).toBe(true)
    expect(api.easySendArgs({ type: 1, content: 'hi' }).redDotForced).toBe(false)
  })
})

describe('the codec option', () => {
  it('decodes an app’s own type through createCodec, and fails it alone', () => {
    const Vote = definePayloadType({
      type: 120,
      name: 'vote',
      description: 'A vote (type 120).',
      fields: { question: Type.String({ minLength: 1 }) },
      flags: CHAT_FLAGS,
      digest: { zh: '[投票]', en: '[Vote]' },
      examples: [{ title: 'Vote', value: { type: 120, question: 'Lunch?' } }],
    })
    const codec = createCodec({ types: [Vote] as const })
    const body = `[${messageText('1', '1', b64({ type: 120, question: 'Lunch?' }))},${messageText('2', '2', b64({ type: 120, question: '' }))}]`
    const withCodec = api.parseCmdSyncResponse(body, { codec })
    expect(withCodec.ok && withCodec.value.map((m) => [m.payload, m.error?.issues[0]?.path])).toEqual([
      [{ type: 120, question: 'Lunch?' }, undefined],
      [undefined, '/question'],
    ])
    const builtIn = api.parseCmdSyncResponse(body)
    expect(builtIn.ok && builtIn.value.every((m) => m.error === undefined)).toBe(true)
  })
})

describe('the published schemas accept every fixture (oracle: @cfworker/json-schema on schemas/api-*.schema.json)', () => {
  const fixtures: [string, string][] = [
    ['messagesync', 'api-message-sync-response'],
    ['messagesync-empty', 'api-message-sync-response'],
    ['messages', 'api-message-sync-response'],
    ['conversation-sync', 'api-conversation-sync-response'],
    ['conversation-sync-empty', 'api-conversation-sync-response'],
    ['conversation-sync-messages', 'api-conversation-sync-messages-response'],
    ['cmd-sync', 'api-cmd-sync-response'],
    ['cmd-sync-disabled', 'api-cmd-sync-response'],
    ['status-200', 'api-status-response'],
    ['message', 'api-message-response'],
    ['not-found', 'api-message-response'],
    ['max-message-seq', 'api-channel-max-message-seq-response'],
    ['sendbatch', 'api-send-batch-response'],
    ['search', 'api-search-response'],
    ['error-400', 'api-error-body'],
  ]
  it.each(fixtures)('%s → %s', (name, schema) => {
    const text = readFileSync(join(import.meta.dirname, 'api-fixtures', `${name}.json`), 'utf8')
    // As the parsers read it: integers beyond 2^53 as decimal strings.
    expect(independentValidator(schema).validate(parseJsonExact(text)).errors).toEqual([])
  })
})

/**
 * wukong-payload/events: the schemas against examples taken from the server's behaviour (checked
 * by the generated validators and by @cfworker/json-schema on the published files), the request
 * builder, the push parser, the reducer against a model of the server's merge rules
 * (WuKongIM/WuKongIM:pkg/wkdb/message_event.go, pkg/wkcache/message_event_cache.go,
 * internal/api/message.go at v2.2.5-20260422), and textDeltasToEvents through a local test double.
 */
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import * as generated from '../src/generated/events.js'
import {
  applyStreamEvent,
  buildMessageEvent,
  createStreamState,
  hasApplied,
  isPayloadError,
  parseEventPush,
  streamText,
  textDeltasToEvents,
  validateEventMeta,
  validateEventSyncResponse,
  validateMessageEvent,
  validateMessageEventResponse,
  type EventMeta,
  type StreamEventLike,
  type StreamState,
} from 'wukong-payload/events'
import { streamReply } from '../examples/ai-stream.js'
import { independentValidator } from './helpers.js'

const BIG_ID = '1867301234567890123' // above 2^53: JSON.parse would round it

// ---- Schemas: examples and invalid examples (JSON Pointer of the problem), from the server's code ----
type Example = readonly [title: string, value: unknown]
type Invalid = readonly [title: string, value: unknown, pointer: string]
const base = { channel_id: 'g1', channel_type: 2, client_msg_no: 'c1', event_id: 'e1' }
const cases: Record<string, { validator: keyof typeof generated; valid: Example[]; invalid: Invalid[] }> = {
  'event-message-event-request': {
    validator: 'messageEventRequest',
    valid: [
      ['text delta', { ...base, event_type: 'stream.delta', event_key: 'main', payload: { kind: 'text', delta: '你好' } }],
      ['non-text delta (becomes the snapshot)', { ...base, event_type: 'stream.delta', payload: { kind: 'binary', data: 'AAE=' } }],
      ['snapshot', { ...base, event_type: 'stream.snapshot', payload: { kind: 'text', text: 'so far' } }],
      ['close with snapshot and end_reason', { ...base, event_type: 'stream.close', payload: { snapshot: { kind: 'text', text: 'all' }, end_reason: 0 } }],
      ['close without payload', { ...base, event_type: 'stream.close' }],
      ['error', { ...base, event_type: 'stream.error', payload: { error: 'model timed out' } }],
      ['cancel', { ...base, event_type: 'stream.cancel', payload: {} }],
      ['finish', { ...base, event_type: 'stream.finish' }],
      ['person channel with from_uid', { ...base, channel_type: 1, from_uid: 'bot', event_type: 'stream.delta', payload: { kind: 'text', delta: 'a' } }],
      ['custom type kept as it comes', { ...base, event_type: 'tool.call', event_key: 'tool:1', visibility: 'private', occurred_at: 1760000000000, payload: [1, 'x'], headers: { trace: 't' } }],
    ],
    invalid: [
      ['no channel_id', { channel_type: 2, client_msg_no: 'c1', event_id: 'e1', event_type: 'stream.delta', payload: { kind: 'text', delta: 'a' } }, '/channel_id'],
      ['blank event_id (the server trims)', { ...base, event_id: '  ', event_type: 'stream.close' }, '/event_id'],
      ['upper-case event_type (pushed as sent, stored lower-cased)', { ...base, event_type: 'Stream.Delta', payload: { kind: 'text', delta: 'a' } }, '/event_type'],
      ['delta without kind (the docs’ { delta })', { ...base, event_type: 'stream.delta', payload: { delta: 'a' } }, '/payload/kind'],
      ['text delta without delta', { ...base, event_type: 'stream.delta', payload: { kind: 'text' } }, '/payload/delta'],
      ['text snapshot as the docs write it ({ text })', { ...base, event_type: 'stream.snapshot', payload: { text: 'a' } }, '/payload/kind'],
      ['error without error', { ...base, event_type: 'stream.error', payload: {} }, '/payload/error'],
      ['end_reason out of uint8', { ...base, event_type: 'stream.close', payload: { end_reason: 300 } }, '/payload/end_reason'],
      ['person channel without from_uid', { ...base, channel_type: 1, event_type: 'stream.close' }, '/from_uid'],
      ['visibility not one of the three', { ...base, event_type: 'stream.close', visibility: 'secret' }, '/visibility'],
      ['unsafe message_id number', { ...base, event_type: 'stream.close', message_id: 2 ** 60 }, '/message_id'],
    ],
  },
  'event-message-event-response-data': {
    validator: 'messageEventResponseData',
    valid: [['delta reply', { client_msg_no: 'c1', event_key: 'main', event_id: 'e1', msg_event_seq: 0, stream_status: 'open', channel_id: 'g1', channel_type: 2, from_uid: '____system' }]],
    invalid: [['unknown status', { client_msg_no: 'c1', event_key: 'main', event_id: 'e1', msg_event_seq: 1, stream_status: 'done', channel_id: 'g1', channel_type: 2, from_uid: 'u' }, '/stream_status']],
  },
  'event-push-data': {
    validator: 'eventPushData',
    valid: [['close push', { client_msg_no: 'c1', channel_id: 'u2', channel_type: 1, from_uid: 'bot', message_id: BIG_ID, event_key: 'main', msg_event_seq: 3, stream_status: 'closed', payload: { end_reason: 0 } }]],
    invalid: [['no event_key', { client_msg_no: 'c1', channel_id: 'u2', channel_type: 1, from_uid: 'bot', message_id: 1, msg_event_seq: 3, stream_status: 'closed' }, '/event_key']],
  },
  'event-sync-request': {
    validator: 'eventSyncRequest',
    valid: [['all keys', { channel_id: 'g1', channel_type: 2, client_msg_no: 'c1', from_msg_event_seq: 0, limit: 200 }]],
    invalid: [
      ['negative limit', { channel_id: 'g1', channel_type: 2, client_msg_no: 'c1', limit: -1 }, '/limit'],
      ['no client_msg_no', { channel_id: 'g1', channel_type: 2 }, '/client_msg_no'],
    ],
  },
  'event-sync-response-data': {
    validator: 'eventSyncResponseData',
    valid: [
      [
        'one closed key',
        { client_msg_no: 'c1', from_msg_event_seq: 0, next_msg_event_seq: 2, more: 0, filtered_by_event_key: '', events: [{ msg_event_seq: 2, event_id: 'e9', event_key: 'main', event_type: 'stream.close', visibility: '', occurred_at: 1760000000000, payload: { kind: 'text', text: 'all' } }] },
      ],
    ],
    invalid: [['more as a boolean', { client_msg_no: 'c1', from_msg_event_seq: 0, next_msg_event_seq: 0, more: false, filtered_by_event_key: '', events: [] }, '/more']],
  },
  'event-meta': {
    validator: 'eventMeta',
    valid: [
      ['open stream', { has_events: true, completed: false, event_version: 1, last_msg_event_seq: 1, event_count: 1, open_event_count: 1, events: [{ event_key: 'main', status: 'open', last_msg_event_seq: 1, snapshot: { kind: 'text', text: 'he' } }] }],
      ['deltas only (seq 0 omitted)', { has_events: true, completed: false, events: [{ event_key: 'main', status: 'open', snapshot: { kind: 'text', text: 'he' } }] }],
    ],
    invalid: [['lane field names of the docs', { has_events: true, completed: false, lanes: [], events: [{ lane_id: 'main', status: 'open' }] }, '/events/0/event_key']],
  },
  'event-sync-hint': { validator: 'eventSyncHint', valid: [['hint', { client_msg_no: 'c1', from_msg_event_seq: 0 }]], invalid: [['no client_msg_no', { from_msg_event_seq: 0 }, '/client_msg_no']] },
  'event-stream-open-request-v2.1.3-v2.2.3': {
    validator: 'streamOpenRequestV2_1_3ToV2_2_3',
    valid: [['open', { header: { red_dot: 1 }, channel_id: 'g1', channel_type: 2, payload: 'eyJ0eXBlIjoxfQ==' }]],
    invalid: [['no payload', { channel_id: 'g1', channel_type: 2 }, '/payload']],
  },
  'event-stream-open-response-v2.0.8-v2.2.3': { validator: 'streamOpenResponseV2_0_8ToV2_2_3', valid: [['bare reply', { stream_no: 'a1b2' }]], invalid: [['enveloped', { status: 200, data: { stream_no: 'x' } }, '/stream_no']] },
  'event-stream-close-request-v2.1.3-v2.2.3': { validator: 'streamCloseRequestV2_1_3ToV2_2_3', valid: [['close', { stream_no: 'a1', channel_id: 'g1', channel_type: 2 }]], invalid: [['no stream_no', { channel_id: 'g1', channel_type: 2 }, '/stream_no']] },
  'event-event-request-v2.2.1-v2.2.3': {
    validator: 'eventRequestV2_2_1ToV2_2_3',
    valid: [['content chunk', { client_msg_no: 'c1', channel_id: 'g1', channel_type: 2, event: { type: '___TextMessageContent', data: 'Hel' } }]],
    invalid: [['no event type', { client_msg_no: 'c1', channel_id: 'g1', channel_type: 2, event: { data: 'x' } }, '/event/type']],
  },
}

describe.each(Object.entries(cases))('schema %s', (name, { validator, valid, invalid }) => {
  const published = independentValidator(name)
  const validate = generated[validator]
  it.each(valid)('accepts %s', (_title, value) => {
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true)
    expect(published.validate(value).errors).toEqual([])
  })
  it.each(invalid)('rejects %s', (_title, value, pointer) => {
    expect(validate(value)).toBe(false)
    expect(published.validate(value).valid).toBe(false)
    if (validator === 'messageEventRequest') {
      const result = validateMessageEvent(value)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.issues.map((i) => i.path)).toContain(pointer)
    }
  })
})

describe('published event schemas', () => {
  it('are draft 2020-12 with no keyword outside the standard', () => {
    for (const name of Object.keys(cases)) {
      const text = JSON.stringify(published(name))
      expect(text).toContain('"$schema":"https://json-schema.org/draft/2020-12/schema"')
      expect(text).not.toMatch(/"x-/)
    }
  })
})
function published(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), 'utf8'))
}

// ---- buildMessageEvent ----
describe('buildMessageEvent', () => {
  it('defaults event_key to "main", event_id to a fresh UUID, and writes event_type as the server stores it', () => {
    const a = buildMessageEvent({ ...base, event_id: undefined as never, event_type: '  Stream.Delta ', payload: { kind: 'text', delta: 'x' } })
    const b = buildMessageEvent({ channel_id: 'g1', channel_type: 2, client_msg_no: 'c1', event_type: 'stream.finish' })
    expect(a.event_key).toBe('main')
    expect(a.event_type).toBe('stream.delta')
    expect(b.event_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(a.event_id).not.toBe(b.event_id)
  })
  it('throws PayloadError with JSON Pointers', () => {
    try {
      buildMessageEvent({ channel_id: 'u2', channel_type: 1, client_msg_no: 'c1', event_type: 'stream.error', payload: {} })
      expect.unreachable()
    } catch (error) {
      expect(isPayloadError(error) && error.code).toBe('INVALID_PAYLOAD')
      if (isPayloadError(error)) expect(error.issues.map((i) => i.path).sort()).toEqual(['/from_uid', '/payload/error'])
    }
  })
  it('validateMessageEvent never throws', () => {
    fc.assert(fc.property(fc.anything(), (value) => void validateMessageEvent(value)))
  })
})

// ---- parseEventPush ----
const pushData = (fields: Record<string, unknown> = {}) =>
  `{"client_msg_no":"c1","channel_id":"u2","channel_type":1,"from_uid":"bot","message_id":${BIG_ID},"event_key":"main","msg_event_seq":0,"stream_status":"open","payload":{"kind":"text","delta":"hi"}${Object.entries(fields).map(([k, v]) => `,"${k}":${JSON.stringify(v)}`).join('')}}`

describe('parseEventPush', () => {
  it('keeps message_id exact from bytes (wukongimjssdk) and from a string (JSON-RPC, easyjssdk)', () => {
    for (const data of [new TextEncoder().encode(pushData()), pushData()]) {
      const result = parseEventPush({ id: 'e1', type: 'Stream.Delta', timestamp: 1760000000000, data })
      expect(result).toMatchObject({ ok: true, value: { message_id: BIG_ID, event_id: 'e1', event_type: 'stream.delta', occurred_at: 1760000000000, event_key: 'main', payload: { kind: 'text', delta: 'hi' } } })
    }
  })
  it('reads timestamp 0 / absent, and a bigint timestamp', () => {
    expect(parseEventPush({ id: 'e1', type: 'stream.delta', data: pushData() })).toMatchObject({ ok: true, value: { occurred_at: 0 } })
    expect(parseEventPush({ id: 'e1', type: 'stream.delta', timestamp: 5n, data: pushData() })).toMatchObject({ ok: true, value: { occurred_at: 5 } })
  })
  it('refuses a parsed object whose message_id JSON.parse already rounded', () => {
    const result = parseEventPush({ id: 'e1', type: 'stream.delta', data: JSON.parse(pushData()) })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/rounded/)
  })
  it('reports a v2.2.1–v2.2.3 raw chunk clearly instead of throwing (wukongimjssdk 1.3.5 throws here)', () => {
    const chunk = parseEventPush({ id: 'c1', type: '___TextMessageContent', timestamp: 0, data: new TextEncoder().encode('Hel') })
    expect(chunk.ok).toBe(false)
    const start = parseEventPush({ id: 'c1', type: '___TextMessageStart', timestamp: 0, data: '{"type":1,"content":""}' })
    expect(start.ok).toBe(false)
    if (!start.ok) expect(start.error.message).toMatch(/v2\.2\.4/)
  })
  it('never throws on any frame', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ id: fc.anything(), type: fc.anything(), timestamp: fc.anything(), data: fc.oneof(fc.string(), fc.uint8Array(), fc.json(), fc.anything()) })), (frame) => {
        const result = parseEventPush(frame as never)
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0)
      }),
    )
  })
})

// ---- A model of the server (the oracle), written from the Go code, not from the reducer ----
type OpKind = 'delta' | 'checkpoint' | 'custom' | 'close' | 'closeBare' | 'error' | 'cancel' | 'finish'
interface Op {
  readonly key: string
  readonly kind: OpKind
  readonly text: string
}
interface Push extends StreamEventLike {
  readonly event_id: string
  readonly event_type: string
  readonly event_key: string
  readonly msg_event_seq: number
  readonly stream_status: string
}
interface ModelKey {
  cacheText: string
  status: '' | 'open' | 'closed' | 'error' | 'cancelled'
  lastSeq: number
  storeText: string | undefined
  error: string | undefined
  endReason: number | undefined
}

class ServerModel {
  seq = 0
  completed = false
  readonly keys = new Map<string, ModelKey>()
  private n = 0

  /** One `/message/event` call → the push the server sends, or undefined when it rejects it. */
  post(op: Op): Push | undefined {
    const event_id = `e${this.n++}`
    if (op.kind === 'finish') {
      this.completed = true
      return { event_id, event_type: 'stream.finish', event_key: '__finish__', msg_event_seq: ++this.seq, stream_status: 'closed' }
    }
    let k = this.keys.get(op.key)
    const terminal = k !== undefined && ['closed', 'error', 'cancelled'].includes(k.status)
    const type = { delta: 'stream.delta', checkpoint: 'stream.snapshot', custom: 'tool.call', close: 'stream.close', closeBare: 'stream.close', error: 'stream.error', cancel: 'stream.cancel' }[op.kind]
    if (op.kind === 'delta') {
      if (terminal) return undefined // ErrStreamClosed: HTTP 400, no push
      k ??= this.newKey(op.key)
      k.cacheText += op.text
      k.status = 'open'
      return { event_id, event_type: type, event_key: op.key, payload: { kind: 'text', delta: op.text }, msg_event_seq: k.lastSeq, stream_status: 'open' }
    }
    const acc = k?.cacheText ?? ''
    const payload =
      op.kind === 'checkpoint' ? { kind: 'text', text: acc }
      : op.kind === 'close' ? { snapshot: { kind: 'text', text: acc }, end_reason: 0 }
      : op.kind === 'error' ? { error: op.text || 'boom' }
      : op.kind === 'custom' ? { name: op.text }
      : undefined
    if (k !== undefined && terminal) return { event_id, event_type: type, event_key: op.key, payload, msg_event_seq: k.lastSeq, stream_status: k.status } // projected, pushed anyway
    k ??= this.newKey(op.key)
    k.lastSeq = ++this.seq
    if (op.kind === 'checkpoint') k.storeText = acc
    if (op.kind === 'close' || op.kind === 'closeBare') [k.status, k.endReason] = ['closed', 0]
    if (op.kind === 'error') [k.status, k.error] = ['error', op.text || 'boom']
    if (op.kind === 'cancel') k.status = 'cancelled'
    // A terminal event's stored snapshot is the cache's text when it has one (mergeTerminalPayloadWithSnapshot).
    if (['close', 'closeBare', 'error', 'cancel'].includes(op.kind) && acc !== '') k.storeText = acc
    return { event_id, event_type: type, event_key: op.key, payload, msg_event_seq: k.lastSeq, stream_status: k.status }
  }

  private newKey(key: string): ModelKey {
    const k: ModelKey = { cacheText: '', status: '', lastSeq: 0, storeText: undefined, error: undefined, endReason: undefined }
    this.keys.set(key, k)
    return k
  }

  /** `event_meta` as fillMessagesEventMeta writes it (cache merged over the store while open). */
  meta(order: number): EventMeta {
    const events = [...this.keys].map(([event_key, k]) => {
      const open = k.status === '' || k.status === 'open'
      const text = open && k.cacheText !== '' ? k.cacheText : k.storeText
      return {
        event_key,
        status: open ? ('open' as const) : k.status,
        ...(k.lastSeq > 0 ? { last_msg_event_seq: k.lastSeq } : {}),
        ...(text === undefined ? {} : { snapshot: { kind: 'text', text } }),
        ...(k.endReason ? { end_reason: k.endReason } : {}),
        ...(k.error ? { error: k.error } : {}),
      }
    })
    // "The order of events is not guaranteed."
    if (order % 2 === 1) events.reverse()
    return { has_events: true, completed: this.completed, events }
  }
}

const opArb = fc.record({
  key: fc.constantFrom('main', 'main', 'reasoning', 'tool:1'),
  kind: fc.constantFrom<OpKind>('delta', 'delta', 'delta', 'delta', 'checkpoint', 'custom', 'close', 'closeBare', 'error', 'cancel', 'finish'),
  text: fc.string({ maxLength: 4 }),
})

function run(ops: readonly Op[]): { server: ServerModel; pushes: Push[]; metas: EventMeta[] } {
  const server = new ServerModel()
  const pushes: Push[] = []
  const metas: EventMeta[] = [server.meta(0)]
  for (const op of ops) {
    const push = server.post(op)
    if (push) pushes.push(push)
    metas.push(server.meta(pushes.length))
  }
  return { server, pushes, metas }
}

const reduce = (events: readonly StreamEventLike[], state: StreamState = createStreamState()) => events.reduce(applyStreamEvent, state)
const view = (state: StreamState) => Object.fromEntries([...state.keys].map(([key, k]) => [key, { text: k.text, status: k.status, error: k.error }]))
const modelView = (server: ServerModel) =>
  Object.fromEntries([...server.keys].map(([key, k]) => [key, { text: k.cacheText, status: k.status === '' ? 'open' : k.status, error: k.error }]))

describe('the stream reducer', () => {
  it('ends where the server does: each key’s text and status, and completed', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const { server, pushes } = run(ops)
        const state = reduce(pushes)
        expect(view(state)).toEqual(modelView(server))
        expect(state.completed).toBe(server.completed)
      }),
    )
  })

  it('is insensitive to duplicate pushes and to events after a key’s terminal event', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }), fc.array(opArb, { maxLength: 10 }), (ops, dupes, extra) => {
        const { server, pushes } = run(ops)
        const noisy: StreamEventLike[] = [...pushes]
        // Re-deliver earlier pushes at later positions.
        for (const [from, to] of dupes) {
          if (pushes.length === 0) break
          const original = pushes[from % pushes.length] as Push
          const at = noisy.indexOf(original) // where it is now (earlier insertions shift it)
          noisy.splice(at + 1 + (to % (noisy.length - at)), 0, original)
        }
        // Any event for a key after that key ended (fresh ids), appended at the end.
        const ended = [...server.keys].filter(([, k]) => ['closed', 'error', 'cancelled'].includes(k.status)).map(([key]) => key)
        extra.forEach((op, i) => {
          const key = ended[i % Math.max(ended.length, 1)]
          if (key !== undefined && op.kind !== 'finish') noisy.push({ event_id: `x${i}`, event_type: op.kind === 'delta' ? 'stream.delta' : 'stream.snapshot', event_key: key, payload: { kind: 'text', delta: 'NOISE', text: 'NOISE' } })
        })
        const clean = reduce(pushes)
        const state = reduce(noisy)
        expect(view(state)).toEqual(view(clean))
        expect(view(state)).toEqual(modelView(server))
        expect(state.completed).toBe(clean.completed)
      }),
    )
  })

  it('seeded from event_meta after a reconnect, then fed the later pushes, equals an unbroken session', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.nat(), (ops, cut) => {
        const { pushes, metas } = run(ops)
        const k = cut % (pushes.length + 1)
        const meta = metas.find((_, i) => i === metasIndexAfter(ops, k)) as EventMeta
        expect(validateEventMeta(meta).ok).toBe(true)
        const seeded = reduce(pushes.slice(k), createStreamState(meta))
        const unbroken = reduce(pushes)
        expect(view(seeded)).toEqual(view(unbroken))
        expect(seeded.completed).toBe(unbroken.completed)
        // A push that raced the sync (already in event_meta) changes nothing when it is persisted.
        const raced = pushes.slice(0, k).filter((p) => p.event_type !== 'stream.delta')
        expect(view(reduce([...raced, ...pushes.slice(k)], createStreamState(meta)))).toEqual(view(unbroken))
      }),
    )
  })

  it('applies /message/eventsync projections (payload = the key’s snapshot, or its status)', () => {
    const sync = validateEventSyncResponse(
      `{"status":200,"data":{"client_msg_no":"c1","from_msg_event_seq":0,"next_msg_event_seq":3,"more":0,"filtered_by_event_key":"","events":[` +
        `{"msg_event_seq":2,"event_id":"e5","event_key":"main","event_type":"stream.close","visibility":"","occurred_at":1,"payload":{"kind":"text","text":"Hello"}},` +
        `{"msg_event_seq":3,"event_id":"e6","event_key":"tool:1","event_type":"stream.error","visibility":"","occurred_at":1,"payload":{"status":"error","end_reason":0,"error":"quota"}}]}}`,
    )
    expect(sync.ok).toBe(true)
    if (!sync.ok) return
    const state = reduce(sync.value.events)
    expect(streamText(state)).toBe('Hello')
    expect(state.keys.get('main')?.status).toBe('closed')
    expect(state.keys.get('tool:1')).toMatchObject({ status: 'error', error: 'quota' })
  })

  it('never mutates a state, also when one state is extended twice', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), fc.nat(), (ops, at) => {
        const { pushes } = run(ops)
        const states = [createStreamState()]
        const seen: string[] = [JSON.stringify(view(states[0] as StreamState))]
        for (const push of pushes) {
          states.push(applyStreamEvent(states.at(-1) as StreamState, push))
          seen.push(JSON.stringify(view(states.at(-1) as StreamState)))
        }
        // Branch from an earlier state with a fresh event, then check every state again.
        const i = at % states.length
        const branch = applyStreamEvent(states[i] as StreamState, { event_id: 'branch', event_type: 'stream.delta', event_key: 'side', payload: { kind: 'text', delta: 'b' } })
        expect(streamText(branch, 'side')).toBe('b')
        states.forEach((s, j) => {
          expect(JSON.stringify(view(s))).toBe(seen[j])
          expect(hasApplied(s, 'branch')).toBe(false)
          pushes.forEach((p, n) => expect(hasApplied(s, p.event_id)).toBe(n < j && hasApplied(states[n + 1] as StreamState, p.event_id)))
        })
      }),
    )
  })

  it('streamText defaults to "main"; a non-text delta becomes the key’s snapshot', () => {
    const state = reduce([
      { event_id: 'a', event_type: 'stream.delta', payload: { kind: 'text', delta: 'Hi' } },
      { event_id: 'b', event_type: 'stream.delta', event_key: 'img', payload: { kind: 'binary', data: 'AAE=' } },
    ])
    expect(streamText(state)).toBe('Hi')
    expect(streamText(state, 'nope')).toBe('')
    expect(state.keys.get('img')?.snapshot).toEqual({ kind: 'binary', data: 'AAE=' })
  })
})

/** Index into run()'s metas of the state right after the k-th push. */
function metasIndexAfter(ops: readonly Op[], k: number): number {
  const server = new ServerModel()
  let pushes = 0
  if (k === 0) return 0
  for (let i = 0; i < ops.length; i++) {
    if (server.post(ops[i] as Op)) pushes++
    if (pushes === k) return i + 1
  }
  return ops.length
}

// ---- textDeltasToEvents ----
const target = { channel_id: 'u2', channel_type: 1, from_uid: 'bot', client_msg_no: 'anchor-1' }
async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const x of it) out.push(x)
  return out
}

describe('textDeltasToEvents', () => {
  it('deltas, then close with the whole text, then finish; one client_msg_no and event_key, distinct event_ids', async () => {
    async function* llm() {
      yield 'Hel'
      yield ''
      yield 'lo'
    }
    const bodies = await collect(textDeltasToEvents(llm(), target))
    expect(bodies.map((b) => [b.event_type, b.payload])).toEqual([
      ['stream.delta', { kind: 'text', delta: 'Hel' }],
      ['stream.delta', { kind: 'text', delta: 'lo' }],
      ['stream.close', { snapshot: { kind: 'text', text: 'Hello' }, end_reason: 0 }],
      ['stream.finish', undefined],
    ])
    expect(new Set(bodies.map((b) => b.client_msg_no + b.event_key))).toEqual(new Set(['anchor-1main']))
    expect(new Set(bodies.map((b) => b.event_id)).size).toBe(bodies.length)
    for (const body of bodies) expect(validateMessageEvent(body).ok).toBe(true)
    expect(streamText(reduce(bodies))).toBe('Hello')
  })

  it('a source that throws ends with stream.error holding the text so far', async () => {
    async function* llm() {
      yield 'Par'
      throw new Error('rate limited')
    }
    const bodies = await collect(textDeltasToEvents(llm(), target))
    expect(bodies.map((b) => b.event_type)).toEqual(['stream.delta', 'stream.error'])
    expect(bodies[1]?.payload).toEqual({ snapshot: { kind: 'text', text: 'Par' }, error: 'rate limited' })
    expect(reduce(bodies).keys.get('main')).toMatchObject({ status: 'error', text: 'Par', error: 'rate limited' })
  })

  it('an invalid target throws PayloadError, and the source is closed', async () => {
    let closed = false
    async function* llm() {
      try {
        yield 'a'
      } finally {
        closed = true
      }
    }
    await expect(collect(textDeltasToEvents(llm(), { ...target, from_uid: undefined as never }))).rejects.toSatisfy(isPayloadError)
    expect(closed).toBe(true)
  })
})

// ---- The example, against a local test double of WuKongIM's /message/send and /message/event ----
async function testDouble(): Promise<{ server: Server; url: string; received: unknown[]; text: () => string }> {
  const received: unknown[] = []
  let cache = ''
  let seq = 0
  let closed = false
  const server = createServer(async (req, res) => {
    let raw = ''
    for await (const chunk of req) raw += chunk
    const body = JSON.parse(raw) as Record<string, unknown>
    received.push(body)
    const reply = (status: number, json: string): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(json)
    if (req.url === '/message/send') return reply(200, `{"status":200,"data":{"message_id":${BIG_ID},"client_msg_no":${JSON.stringify(body.client_msg_no)}}}`)
    if (req.url !== '/message/event') return reply(404, '{}')
    // The server's own checks (message_model.go Check) and the delta cache (AppendDelta).
    for (const key of ['channel_id', 'client_msg_no', 'event_id', 'event_type']) if (typeof body[key] !== 'string' || (body[key] as string).trim() === '') return reply(400, `{"msg":"${key}不能为空！","status":400}`)
    const type = (body.event_type as string).trim().toLowerCase()
    const payload = body.payload as { kind?: string; delta?: string } | undefined
    if (type === 'stream.delta') {
      if (closed) return reply(400, '{"msg":"stream closed","status":400}')
      if (payload?.kind === 'text' && typeof payload.delta === 'string') cache += payload.delta
    } else {
      seq++
      if (type === 'stream.close') closed = true
    }
    const data = { client_msg_no: body.client_msg_no, event_key: type === 'stream.finish' ? '__finish__' : body.event_key ?? 'main', event_id: body.event_id, msg_event_seq: seq, stream_status: closed ? 'closed' : 'open', channel_id: body.channel_id, channel_type: body.channel_type, from_uid: body.from_uid ?? '____system' }
    return reply(200, JSON.stringify({ status: 200, data }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, text: () => cache }
}

describe('examples/ai-stream.ts', () => {
  it('sends the anchor with is_stream: 1, then the events, which the server merges into the whole reply', async () => {
    const double = await testDouble()
    try {
      async function* llm() {
        for (const token of ['WuKong', 'IM ', '流式', ' ✓']) yield token
      }
      const result = await streamReply({ apiUrl: double.url, fromUid: 'bot', channelId: 'u2', channelType: 1, deltas: llm() })
      expect(result).toEqual({ clientMsgNo: expect.any(String), messageId: BIG_ID, lastSeq: 2 })
      const [anchor, ...events] = double.received as Record<string, unknown>[]
      expect(anchor).toMatchObject({ is_stream: 1, client_msg_no: result.clientMsgNo, from_uid: 'bot' })
      expect(events.map((e) => e.event_type)).toEqual(['stream.delta', 'stream.delta', 'stream.delta', 'stream.delta', 'stream.close', 'stream.finish'])
      expect(double.text()).toBe('WuKongIM 流式 ✓')
      expect(streamText(reduce(events as never))).toBe('WuKongIM 流式 ✓')
    } finally {
      double.server.close()
    }
  })

  it('validateMessageEventResponse reads a reply and reports the server’s 400 message', () => {
    expect(validateMessageEventResponse('{"status":200,"data":{"client_msg_no":"c","event_key":"main","event_id":"e","msg_event_seq":0,"stream_status":"open","channel_id":"g","channel_type":2,"from_uid":"u"}}').ok).toBe(true)
    const bad = validateMessageEventResponse('{"msg":"event_id不能为空！","status":400}')
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.issues[0]?.message).toContain('event_id不能为空')
  })
})

describe('docs/streaming.md', () => {
  it('shows the tested example verbatim (npm run docs:guides)', () => {
    const guide = readFileSync(new URL('../docs/streaming.md', import.meta.url), 'utf8')
    expect(guide).toContain('```ts\n' + readFileSync(new URL('../examples/ai-stream.ts', import.meta.url), 'utf8') + '```')
  })
})

/**
 * A pure reducer that merges a stream message's events the way the WuKongIM v2.2.4+ server does
 * (WuKongIM/WuKongIM:pkg/wkdb/message_event.go `reduceEventState`,
 * pkg/wkcache/message_event_cache.go `AppendDelta`), for chat UIs: feed it parsed pushes and
 * `/message/eventsync` entries, in any mix, and read each key's text.
 */
import { DEFAULT_EVENT_KEY, FINISH_EVENT_KEY, StreamEventType, type EventMeta } from './schemas.js'

/** Status of one event key. */
export type StreamKeyStatus = 'open' | 'closed' | 'error' | 'cancelled'

/** What the reducer knows of one event key. */
export interface StreamKeyState {
  readonly status: StreamKeyStatus
  /** The text so far: deltas appended, replaced by a text snapshot. */
  readonly text: string
  /** The last snapshot of another kind than text (`{ kind: "binary", … }`, a non-text delta), as received. */
  readonly snapshot: unknown
  /** `stream.error`'s message. */
  readonly error: string | undefined
  /** `stream.close`'s `end_reason` (0 success, 1 timeout, 2 error, 3 cancelled, 4 forced). */
  readonly endReason: number | undefined
  /** Type of the last event applied to the key. */
  readonly lastEventType: string
  /** Greatest `msg_event_seq` seen for the key (deltas do not advance it). */
  readonly lastSeq: number
}

/**
 * One stream message's state. Never mutated: {@link applyStreamEvent} returns a new state (or
 * the same one when the event changes nothing, so a UI can skip a render).
 */
export interface StreamState {
  /** Per `event_key`, in the order keys first appeared. */
  readonly keys: ReadonlyMap<string, StreamKeyState>
  /** True once `stream.finish` arrived (or `event_meta.completed`): the whole message is done. */
  readonly completed: boolean
  /** Applied `event_id`s (opaque; read through {@link hasApplied}). */
  readonly applied: AppliedIds
}

/**
 * The set of applied event ids, shared by a line of states without copying: each state sees the
 * ids added up to its own version. A state that is extended twice (a branch) copies its view
 * first, so no state ever observes a change. O(1) per event instead of a copy per event.
 */
export class AppliedIds {
  readonly #ids: Map<string, number>
  readonly #head: { value: number }
  readonly #version: number

  private constructor(ids: Map<string, number>, head: { value: number }, version: number) {
    this.#ids = ids
    this.#head = head
    this.#version = version
  }

  static empty(): AppliedIds {
    return new AppliedIds(new Map(), { value: 0 }, 0)
  }

  has(id: string): boolean {
    const at = this.#ids.get(id)
    return at !== undefined && at <= this.#version
  }

  get size(): number {
    let n = 0
    for (const at of this.#ids.values()) if (at <= this.#version) n++
    return n
  }

  with(id: string): AppliedIds {
    const next = this.#version + 1
    if (this.#head.value === this.#version) {
      this.#ids.set(id, next)
      this.#head.value = next
      return new AppliedIds(this.#ids, this.#head, next)
    }
    const ids = new Map<string, number>()
    for (const [key, at] of this.#ids) if (at <= this.#version) ids.set(key, at)
    ids.set(id, next)
    return new AppliedIds(ids, { value: next }, next)
  }
}

/** What the reducer reads of an event: a parsed push, an eventsync entry, or a body you sent. */
export interface StreamEventLike {
  readonly event_id?: string | undefined
  readonly event_type: string
  readonly event_key?: string | undefined
  readonly payload?: unknown
  readonly msg_event_seq?: number | undefined
}

const TERMINAL: ReadonlySet<string> = new Set(['closed', 'error', 'cancelled'])

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function own(value: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined
}

/** `end_reason` as the server reads it: a number, or a numeric string. */
function endReasonOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value
  if (typeof value === 'string' && /^[0-9]{1,3}$/.test(value)) return Number(value)
  return undefined
}

/** A key's text and other snapshot after a snapshot value: text for `{ kind: "text", text }`, else kept whole. */
function withSnapshot(entry: StreamKeyState, snapshot: unknown): StreamKeyState {
  if (isObject(snapshot) && own(snapshot, 'kind') === 'text' && typeof own(snapshot, 'text') === 'string') return { ...entry, text: own(snapshot, 'text') as string }
  return { ...entry, snapshot }
}

/**
 * The snapshot a terminal event carries: `payload.snapshot` in a push or a body (the server's
 * `extractSnapshot`); an eventsync entry carries the key's snapshot as the payload itself (any
 * object with a string `kind`).
 */
function terminalSnapshot(payload: unknown): unknown {
  if (!isObject(payload)) return undefined
  if (Object.prototype.hasOwnProperty.call(payload, 'snapshot')) return payload.snapshot
  return typeof own(payload, 'kind') === 'string' ? payload : undefined
}

const NEW_KEY: StreamKeyState = { status: 'open', text: '', snapshot: undefined, error: undefined, endReason: undefined, lastEventType: '', lastSeq: 0 }

/** An empty state, or one seeded from `event_meta` of `/channel/messagesync` (after a reconnect). */
export function createStreamState(meta?: EventMeta): StreamState {
  const keys = new Map<string, StreamKeyState>()
  for (const key of meta?.events ?? []) {
    if (!isObject(key) || typeof key.event_key !== 'string' || key.event_key === FINISH_EVENT_KEY) continue
    const status: StreamKeyStatus = TERMINAL.has(key.status) ? (key.status as StreamKeyStatus) : 'open'
    const seeded: StreamKeyState = {
      ...NEW_KEY,
      status,
      error: typeof key.error === 'string' && key.error !== '' ? key.error : undefined,
      endReason: status === 'closed' ? endReasonOf(key.end_reason) ?? 0 : endReasonOf(key.end_reason),
      lastSeq: typeof key.last_msg_event_seq === 'number' ? key.last_msg_event_seq : 0,
    }
    keys.set(key.event_key, key.snapshot === undefined ? seeded : withSnapshot(seeded, key.snapshot))
  }
  return { keys, completed: meta?.completed === true, applied: AppliedIds.empty() }
}

/**
 * Applies one event, with the server's rules, per `event_key` (default "main"): a text delta
 * appends (`{ kind: "text", delta }`; any other delta payload becomes the key's `snapshot`), a
 * snapshot replaces, close/error/cancel end the key and later events for it are ignored, a
 * close's `snapshot` becomes the text, an `event_id` already applied is ignored, as is a
 * persisted event whose `msg_event_seq` the key has already passed (a push that raced a sync),
 * and `stream.finish` marks the whole message `completed`. Never mutates `state`; returns it
 * unchanged when the event changes nothing.
 */
export function applyStreamEvent(state: StreamState, event: StreamEventLike): StreamState {
  if (!isObject(event) || typeof event.event_type !== 'string') return state
  const type = event.event_type.trim().toLowerCase()
  const id = typeof event.event_id === 'string' ? event.event_id.trim() : ''
  if (id !== '' && state.applied.has(id)) return state
  if (type === StreamEventType.Finish) {
    return state.completed && id === '' ? state : { ...state, completed: true, applied: id === '' ? state.applied : state.applied.with(id) }
  }
  const key = typeof event.event_key === 'string' && event.event_key.trim() !== '' ? event.event_key.trim() : DEFAULT_EVENT_KEY
  const before = state.keys.get(key)
  if (before !== undefined && TERMINAL.has(before.status)) return state
  const seq = typeof event.msg_event_seq === 'number' && Number.isFinite(event.msg_event_seq) ? event.msg_event_seq : 0
  // Persisted events advance the key's seq; one at or below it was already merged (e.g. seeded from event_meta).
  if (type !== StreamEventType.Delta && before !== undefined && seq > 0 && seq <= before.lastSeq) return state
  const payload = event.payload
  let entry: StreamKeyState = { ...(before ?? NEW_KEY), lastEventType: type, lastSeq: Math.max(before?.lastSeq ?? 0, seq) }
  switch (type) {
    case StreamEventType.Delta: {
      const delta = isObject(payload) && own(payload, 'kind') === 'text' ? own(payload, 'delta') : undefined
      if (typeof delta === 'string') entry = { ...entry, text: entry.text + delta }
      else if (payload !== undefined) entry = { ...entry, snapshot: payload }
      break
    }
    case StreamEventType.Snapshot:
      if (payload !== undefined) entry = withSnapshot(entry, payload)
      break
    case StreamEventType.Close:
    case StreamEventType.Error:
    case StreamEventType.Cancel: {
      const snapshot = terminalSnapshot(payload)
      if (snapshot !== undefined) entry = withSnapshot(entry, snapshot)
      const fields = isObject(payload) ? payload : {}
      if (type === StreamEventType.Close) entry = { ...entry, status: 'closed', endReason: endReasonOf(own(fields, 'end_reason')) ?? 0 }
      else if (type === StreamEventType.Error) {
        const error = own(fields, 'error')
        entry = { ...entry, status: 'error', error: typeof error === 'string' ? error : '', endReason: endReasonOf(own(fields, 'end_reason')) }
      } else entry = { ...entry, status: 'cancelled' }
      break
    }
    default:
      break // an app's own event type: kept as the key's last event, content untouched (as the server does)
  }
  const keys = new Map(state.keys)
  keys.set(key, entry)
  return { ...state, keys, applied: id === '' ? state.applied : state.applied.with(id) }
}

/** The text of one key (default "main"); `""` for a key that has none yet. */
export function streamText(state: StreamState, key: string = DEFAULT_EVENT_KEY): string {
  return state.keys.get(key)?.text ?? ''
}

/** Whether an event id was applied to this state. */
export function hasApplied(state: StreamState, eventId: string): boolean {
  return state.applied.has(eventId)
}

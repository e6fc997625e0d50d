/**
 * The EVENT frame WuKongIM v2.2.4+ pushes for each `/message/event`, as the SDKs deliver it:
 * wukongimjssdk's `WKEvent` (`data` as bytes), easyjssdk's `EventNotification` and the JSON-RPC
 * `event` notification (`data` as a string).
 */
import { PayloadError, isPayloadError } from '../errors/payload-error.js'
import { eventPushData } from '../generated/events.js'
import { strictUtf8ToText } from '../wire/base64-check.js'
import { parseJsonExact } from '../wire/json-exact.js'
import { checkWith } from './request.js'
import { describeThrown, readPlain } from '../errors/foreign.js'
import type { EventPushData } from './schemas.js'

/** An EVENT frame: `id` = event_id, `type` = event_type as sent, `timestamp` = occurred_at as sent. */
export interface EventFrame {
  readonly id?: unknown
  readonly type?: unknown
  readonly timestamp?: unknown
  /** UTF-8 JSON, as a string or bytes (an already-parsed object is taken too, if its ids are exact). */
  readonly data?: unknown
}

/** A parsed v2.2.4+ event push: the data's fields, the frame's id, type and time. */
export interface EventPush extends Omit<EventPushData, 'message_id'> {
  /** Anchor message id, exact, as a decimal string ("0" when the server did not know it). */
  readonly message_id: string
  readonly event_id: string
  /** Trimmed and lower-cased, as the server interpreted it (the frame carries it as the sender wrote it). */
  readonly event_type: string
  /** Unix ms as the sender wrote it; 0 when it sent none (the stored event has the server's time). */
  readonly occurred_at: number
}

export type EventPushResult = { readonly ok: true; readonly value: EventPush } | { readonly ok: false; readonly error: PayloadError }

function fail(message: string, issues: PayloadError['issues'] = []): EventPushResult {
  return { ok: false, error: new PayloadError(issues.length > 0 ? 'INVALID_PAYLOAD' : 'INVALID_JSON', message, issues) }
}

function timestampOf(value: unknown): number | undefined {
  if (value === undefined || value === null) return 0
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'bigint') return Number(value)
  if (typeof value === 'string' && /^-?[0-9]+$/.test(value)) return Number(value)
  return undefined
}

/**
 * Parses an EVENT frame of WuKongIM v2.2.4+. `message_id` comes out exact as a decimal string
 * (the server writes an int64 beyond 2^53 as a JSON number). Never throws: a frame that is not a
 * v2.2.4+ event push (e.g. the raw chunks v2.2.1–v2.2.3 pushed) gives `{ ok: false, error }`.
 */
export function parseEventPush(frame: EventFrame): EventPushResult {
  // One plain-data snapshot first: a getter or Proxy trap that throws is an error result.
  const read = readPlain(frame)
  if (!read.ok) return fail(`unreadable EVENT frame: ${read.issue.message}`, [read.issue])
  try {
    const plain = read.value as EventFrame | null
    if (typeof plain !== 'object' || plain === null) return fail('an EVENT frame is an object { id, type, timestamp, data }')
    const { id, type, timestamp, data } = plain
    if (typeof id !== 'string' || id.trim() === '') return fail('the frame has no id (the event_id)')
    if (typeof type !== 'string' || type.trim() === '') return fail('the frame has no type (the event_type)')
    const occurredAt = timestampOf(timestamp)
    if (occurredAt === undefined) return fail(`the frame's timestamp must be a number of milliseconds, not ${typeof timestamp}`)
    let value: unknown
    if (typeof data === 'string') value = parseJsonExact(data)
    else if (data instanceof Uint8Array) value = parseJsonExact(strictUtf8ToText(data))
    else if (typeof data === 'object' && data !== null) {
      const id = (data as { message_id?: unknown }).message_id
      if (typeof id === 'number' && !Number.isSafeInteger(id)) return fail('data.message_id was already rounded by JSON.parse: pass the frame’s data as its text or bytes')
      value = data
    } else return fail('the frame has no data: WuKongIM v2.2.4+ pushes UTF-8 JSON')
    const checked = checkWith<EventPushData>(eventPushData, value)
    if (!checked.ok) {
      return fail(`not a WuKongIM v2.2.4+ event push (v2.2.1–v2.2.3 pushed the raw event.data): ${checked.issues.slice(0, 3).map((i) => `${i.path || '/'}: ${i.message}`).join('; ')}`, checked.issues)
    }
    const fields = checked.value
    return {
      ok: true,
      value: { ...fields, message_id: String(fields.message_id), event_id: id, event_type: type.trim().toLowerCase(), occurred_at: occurredAt },
    }
  } catch (error) {
    if (isPayloadError(error)) return { ok: false, error }
    return fail(`unreadable EVENT frame: ${describeThrown(error)}`)
  }
}

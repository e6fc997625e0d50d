/**
 * Reading what the server returns about events: the `/message/event` and `/message/eventsync`
 * replies and `event_meta`, with int64s exact when given as text.
 */
import { PayloadError, isPayloadError } from '../errors/payload-error.js'
import { eventMeta, eventSyncResponseData, messageEventResponseData } from '../generated/events.js'
import type { ValidateFunction } from '../generated/validators.js'
import { describeValue } from '../wire/exact-number.js'
import { exactNumbers, parseJsonExact } from '../wire/json-exact.js'
import type { ValidationResult } from '../validate/validate.js'
import { checkWith } from './request.js'
import { readPlain } from '../errors/foreign.js'
import type { EventMeta, EventSyncResponseData, MessageEventResponseData } from './schemas.js'

/**
 * A WuKongIM reply `{ status: 200, data }` (text or parsed) → its validated `data`; an error
 * reply (`{ status: 400, msg }`, HTTP 400) gives an issue with the server's message.
 */
function replyData<T>(validate: ValidateFunction, reply: unknown, what: string): ValidationResult<T> {
  let value: unknown
  // One plain-data snapshot of a parsed reply: a getter or Proxy trap that throws is an issue.
  const read = readPlain(reply)
  if (!read.ok) return { ok: false, issues: [read.issue] }
  try {
    // The exact-number rule on a parsed reply too: a bigint (json-bigint, a BigInt reviver) is an exact integer.
    value = typeof read.value === 'string' ? parseJsonExact(read.value) : exactNumbers(read.value)
  } catch (error) {
    const e = isPayloadError(error) ? error : new PayloadError('INVALID_JSON', String(error))
    return { ok: false, issues: [{ path: '', code: e.code === 'TOO_LARGE' ? 'too_large' : e.code === 'TOO_DEEP' ? 'too_deep' : 'invalid_json', message: e.message }] }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, issues: [{ path: '', code: 'type', message: `a ${what} reply is an object { "status": 200, "data": … }` }] }
  const { status, data, msg } = value as { status?: unknown; data?: unknown; msg?: unknown }
  if (status !== 200) return { ok: false, issues: [{ path: '/status', code: 'invalid', message: `the server answered status ${describeValue(status)}${typeof msg === 'string' ? `: ${msg}` : ''}` }] }
  const checked = checkWith<T>(validate, data)
  return checked.ok ? checked : { ok: false, issues: checked.issues.map((i) => ({ ...i, path: `/data${i.path}` })) }
}

/** The `/message/event` reply → its `data`. Never throws. */
export function validateMessageEventResponse(reply: unknown): ValidationResult<MessageEventResponseData> {
  return replyData(messageEventResponseData, reply, '/message/event')
}

/** The `/message/eventsync` reply → its `data`, whose `events` {@link applyStreamEvent} takes. Never throws. */
export function validateEventSyncResponse(reply: unknown): ValidationResult<EventSyncResponseData> {
  return replyData(eventSyncResponseData, reply, '/message/eventsync')
}

/** A synced message's `event_meta` (what {@link createStreamState} seeds from). Never throws. */
export function validateEventMeta(value: unknown): ValidationResult<EventMeta> {
  return checkWith<EventMeta>(eventMeta, value)
}

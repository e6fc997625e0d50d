/**
 * Decoding WuKongIM webhook bodies (`msg.notify` and friends): a JSON list of messages whose
 * `payload` is Base64 and whose `message_id` is an int64 beyond 2^53.
 */
import { isLosslessNumber, parse } from 'lossless-json'
import { safeDecodePayload, type DecodeOptions } from './codec/codec.js'
import { PayloadError } from './codec/errors.js'
import type { Payload } from './payload.js'

/** One message of a webhook body, with its payload decoded. */
export interface WebhookMessage {
  /** Exact, as a decimal string (from `message_idstr` when present). */
  readonly message_id: string | undefined
  readonly message_seq: number | undefined
  readonly client_msg_no: string | undefined
  readonly from_uid: string | undefined
  readonly channel_id: string | undefined
  readonly channel_type: number | undefined
  /** Unix seconds. */
  readonly timestamp: number | undefined
  /** Every field of the message as received, numbers beyond 2^53 as decimal strings. */
  readonly raw: Readonly<Record<string, unknown>>
  /** The decoded payload, or `undefined` when it failed (see {@link error}). */
  readonly payload: Payload | undefined
  /** Why this message's payload did not decode; the other messages are unaffected. */
  readonly error: PayloadError | undefined
}

/** Numbers as JS numbers when exact, decimal strings otherwise. */
function exactNumbers(value: unknown): unknown {
  if (isLosslessNumber(value)) {
    const text = value.toString()
    const n = Number(text)
    return Number.isSafeInteger(n) || (!/^-?[0-9]+$/.test(text) && Number.isFinite(n)) ? n : text
  }
  if (Array.isArray(value)) return value.map(exactNumbers)
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(value)) out[key] = exactNumbers(v)
    return out
  }
  return value
}

/**
 * Parses JSON keeping every integer exact: safe ones as numbers, larger ones (snowflake ids) as
 * decimal strings. Throws `PayloadError` (`INVALID_JSON`).
 */
export function parseJsonExact(text: string): unknown {
  try {
    return exactNumbers(parse(text))
  } catch (error) {
    throw new PayloadError('INVALID_JSON', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined
}
function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined
}

/**
 * Decodes a webhook body: the body text (preferred, so ids stay exact), an already-parsed list,
 * or `{ messages: [...] }`. A payload that fails to decode is reported on its own message and
 * does not drop the others. Throws `PayloadError` only when the body itself is not a message list.
 */
export function decodeWebhookMessages(body: string | unknown, options: DecodeOptions = {}): WebhookMessage[] {
  const value = typeof body === 'string' ? parseJsonExact(body) : body
  const list = Array.isArray(value) ? value : typeof value === 'object' && value !== null && Array.isArray((value as { messages?: unknown }).messages) ? (value as { messages: unknown[] }).messages : undefined
  if (list === undefined) throw new PayloadError('INVALID_PAYLOAD', 'a webhook body must be a JSON array of messages (or { "messages": [...] })')
  return list.map((entry, index): WebhookMessage => {
    const raw = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as Record<string, unknown>) : {}
    let payload: Payload | undefined
    let error: PayloadError | undefined
    if (raw.payload === undefined) error = new PayloadError('INVALID_PAYLOAD', `message ${index} has no payload`)
    else {
      const decoded = safeDecodePayload(raw.payload as string, options)
      if (decoded.ok) payload = decoded.value
      else error = decoded.error
    }
    if (typeof raw.message_id === 'number' && !Number.isSafeInteger(raw.message_id) && raw.message_idstr === undefined) {
      error ??= new PayloadError('INVALID_PAYLOAD', `message ${index}: message_id was already rounded by JSON.parse; pass the body text instead`)
    }
    return {
      message_id: str(raw.message_idstr) ?? str(raw.message_id),
      message_seq: num(raw.message_seq),
      client_msg_no: str(raw.client_msg_no),
      from_uid: str(raw.from_uid),
      channel_id: str(raw.channel_id),
      channel_type: num(raw.channel_type),
      timestamp: num(raw.timestamp),
      raw,
      payload,
      error,
    }
  })
}

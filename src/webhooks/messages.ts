/**
 * Decoding WuKongIM webhook bodies (`msg.notify` and friends): a JSON list of messages whose
 * `payload` is Base64 and whose `message_id` is an int64 beyond 2^53.
 */
import { safeDecodePayload, type DecodeOptions, type SafeDecodeResult } from '../codec/codec.js'
import { isLosslessNumber } from 'lossless-json'
import { PayloadError } from '../errors/payload-error.js'
import { exactInteger, exactSafeInteger } from '../wire/exact-number.js'
import { exactNumbers, parseJsonExact, parseJsonMarked, plainNumbers, type ExactJsonOptions, type UnsafeNumber } from '../wire/json-exact.js'
import type { Payload } from '../types/payload.js'
import { limitOption } from '../wire/limits.js'

export { parseJsonExact }

/**
 * What the boundary helpers need of a codec made by `createCodec` (`wukong-payload/runtime`):
 * its `safeDecodePayload`, so that an app's own message types are checked where bodies arrive.
 */
export interface PayloadCodec {
  safeDecodePayload(input: string, options?: DecodeOptions): SafeDecodeResult<{ readonly type: number }>
}

/** Options of the webhook decoders: the payload's limits, the body's, and the app's codec. */
export interface WebhookDecodeOptions extends DecodeOptions {
  /** Largest body (text), default 8 MiB; `Infinity`: no limit; an invalid value: the default. */
  readonly maxBodyBytes?: number
  /**
   * A codec from `createCodec` (`wukong-payload/runtime`): payloads are decoded with it, so that
   * the app's own types are validated too. Without it the built-in types are validated and other
   * types decode as `UnknownPayload` (forward compatible).
   */
  readonly codec?: PayloadCodec
  /**
   * Most entries (messages, or `user.onlinestatus` strings) in one body, default
   * {@link DEFAULT_MAX_WEBHOOK_ENTRIES}; more is a `TOO_LARGE` problem before any is decoded, so
   * that a body of millions of tiny entries (`[0,0,…]`) cannot cost more than its bytes.
   * WuKongIM sends up to 100 messages a call. `Infinity`: no limit; an invalid value: the default.
   */
  readonly maxMessages?: number
}

/**
 * 8 MiB: the largest webhook body read by default. Every shape of body costs at most 64 bytes
 * of heap per byte (about 30 at worst, deep single-element arrays), so a body at this limit
 * stays far inside a 512 MB process; WuKongIM's batches of 100 messages are a small fraction.
 */
export const DEFAULT_MAX_WEBHOOK_BODY_BYTES = 8 * 1024 * 1024

/** 100,000 entries: a thousand times WuKongIM's batch of 100, and a bounded cost per entry. */
export const DEFAULT_MAX_WEBHOOK_ENTRIES = 100_000

/** Throws `TOO_LARGE` when a list holds more entries than `maxMessages` allows. */
export function checkEntryCount(count: number, options: { readonly maxMessages?: number }, what: string): void {
  const max = limitOption(options.maxMessages, DEFAULT_MAX_WEBHOOK_ENTRIES)
  if (count > max) throw new PayloadError('TOO_LARGE', `a webhook body holds ${count} ${what}, more than maxMessages (${max}); WuKongIM sends up to 100 a call`)
}

/** One message of a webhook body, with its payload decoded. */
export interface WebhookMessage {
  /** Exact, as a decimal string (from `message_idstr` when present); `undefined` (with `error`) when not an exact integer. */
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
  /** Why this message's payload (or one of its numbered fields) could not be read; the other messages are unaffected. */
  readonly error: PayloadError | undefined
}

/** A marked number (parseJsonMarked) as its exact text; anything else as it is. */
function numberText(value: unknown): unknown {
  return isLosslessNumber(value) ? value.toString() : value
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined
}

/** The list of messages in a parsed body, or `undefined` when it is not one. */
function messageList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value
  if (typeof value === 'object' && value !== null && Array.isArray((value as { messages?: unknown }).messages)) return (value as { messages: unknown[] }).messages
  return undefined
}

/**
 * Decodes a webhook body: the body text (preferred, so ids stay exact), an already-parsed list
 * (numbers may be `bigint`s from a BigInt-aware parser), or `{ messages: [...] }`. A payload that
 * fails to decode is reported on its own message and does not drop the others. Every number
 * follows the exact-number rule: `message_id` is an exact integer or refused on its message
 * (never rounded: `9007199254740990.9` is not an id), `message_seq`, `channel_type` and
 * `timestamp` are safe integers or refused there; the exact text stays in `raw`. Throws
 * `PayloadError` only when the body itself is not a message list (or, as text, is over
 * `maxBodyBytes` — default 8 MiB — or nested over 256 levels).
 */
export function decodeWebhookMessages(body: string | unknown, options: WebhookDecodeOptions = {}): WebhookMessage[] {
  const bodyOptions: ExactJsonOptions = { maxBytes: limitOption(options.maxBodyBytes, DEFAULT_MAX_WEBHOOK_BODY_BYTES) }
  const countCheck = (parsed: unknown): void => {
    const entries = messageList(parsed)
    if (entries) checkEntryCount(entries.length, options, 'messages')
  }
  const value = typeof body === 'string' ? parseJsonMarked(body, bodyOptions, countCheck) : body
  const list = messageList(value)
  if (list === undefined) throw new PayloadError('INVALID_PAYLOAD', 'a webhook body must be a JSON array of messages (or { "messages": [...] })')
  checkEntryCount(list.length, options, 'messages')
  const out: WebhookMessage[] = new Array(list.length)
  for (let index = 0; index < list.length; index++) out[index] = decodeWebhookMessage(list[index], index, options)
  return out
}

const NUMBER_FIELDS = ['message_seq', 'channel_type', 'timestamp'] as const

/**
 * One message of a webhook body (parsed with {@link parseJsonMarked}, or by any parser): the
 * envelope's numbers exact, a payload sent as a JSON object with plain numbers (there a number a
 * double cannot hold is an error, as it is in a Base64 payload), the payload decoded.
 */
export function decodeWebhookMessage(entry: unknown, index: number, options: WebhookDecodeOptions = {}): WebhookMessage {
  const record = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as Record<string, unknown>) : {}
  const payloadIn = record.payload
  const converted = typeof payloadIn === 'object' && payloadIn !== null ? plainNumbers(payloadIn) : undefined
  const unsafe: UnsafeNumber | undefined = converted?.unsafe
  const raw = exactNumbers({ ...record, payload: undefined }) as Record<string, unknown>
  if (converted) raw.payload = converted.value
  else if (Object.hasOwn(record, 'payload')) raw.payload = exactNumbers(payloadIn)
  else delete raw.payload
  let payload: Payload | undefined
  let error: PayloadError | undefined
  const fail = (message: string, path: string, code: 'unsafe_number' | 'type' = 'type'): void => {
    error ??= new PayloadError('INVALID_PAYLOAD', `message ${index}: ${message}`, [{ path, code, message }])
  }
  if (raw.payload === undefined) error = new PayloadError('INVALID_PAYLOAD', `message ${index} has no payload`)
  else if (unsafe) {
    const message = `${unsafe.text} is beyond 2^53, where JavaScript rounds: send large ids as decimal strings`
    error = new PayloadError('INVALID_PAYLOAD', `message ${index}: invalid payload: ${unsafe.path}: ${message}`, [{ path: unsafe.path, code: 'unsafe_number', message }])
  } else {
    const decoded = options.codec ? options.codec.safeDecodePayload(raw.payload as string, options) : safeDecodePayload(raw.payload as string, options)
    if (decoded.ok) payload = decoded.value as Payload
    else error = decoded.error
  }
  // The id: message_idstr when present, else message_id; an exact integer or refused.
  const idField = record.message_idstr !== undefined && record.message_idstr !== null ? 'message_idstr' : 'message_id'
  let message_id: string | undefined
  if (record[idField] !== undefined && record[idField] !== null) {
    const id = exactInteger(numberText(record[idField]))
    if (id.ok) message_id = id.text
    else fail(`${idField} ${id.reason}; its text is kept in raw.${idField}`, `/${idField}`, 'unsafe_number')
  }
  const numbers: Partial<Record<(typeof NUMBER_FIELDS)[number], number>> = {}
  for (const field of NUMBER_FIELDS) {
    const v = record[field]
    if (v === undefined || v === null) continue
    const n = exactSafeInteger(numberText(v))
    if (n.ok) numbers[field] = n.value
    else fail(`${field} ${n.reason}; read it from raw.${field}`, `/${field}`, 'unsafe_number')
  }
  return {
    message_id,
    message_seq: numbers.message_seq,
    client_msg_no: str(raw.client_msg_no),
    from_uid: str(raw.from_uid),
    channel_id: str(raw.channel_id),
    channel_type: numbers.channel_type,
    timestamp: numbers.timestamp,
    raw,
    payload,
    error,
  }
}

export { parseJsonMarked }

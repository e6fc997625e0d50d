/**
 * Decoding WuKongIM webhook bodies (`msg.notify` and friends): a JSON list of messages whose
 * `payload` is Base64 and whose `message_id` is an int64 beyond 2^53.
 */
import { safeDecodePayload, type DecodeOptions } from '../codec/codec.js'
import { PayloadError } from '../errors/payload-error.js'
import { exactNumbers, parseJsonExact, parseJsonLossless, plainNumbers, type ExactJsonOptions, type UnsafeNumber } from '../wire/json-exact.js'

export { parseJsonExact }
import type { Payload } from '../types/payload.js'

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

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined
}
function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined
}

/**
 * Decodes a webhook body: the body text (preferred, so ids stay exact), an already-parsed list,
 * or `{ messages: [...] }`. A payload that fails to decode is reported on its own message and
 * does not drop the others. Throws `PayloadError` only when the body itself is not a message list
(or, as text, is over `maxBodyBytes` — default 16 MiB — or nested over 256 levels).
 */
export function decodeWebhookMessages(body: string | unknown, options: DecodeOptions & { readonly maxBodyBytes?: number } = {}): WebhookMessage[] {
  const bodyOptions: ExactJsonOptions = options.maxBodyBytes === undefined ? {} : { maxBytes: options.maxBodyBytes }
  const fromText = typeof body === 'string'
  const value = fromText ? parseJsonLossless(body, bodyOptions) : body
  const list = Array.isArray(value) ? value : typeof value === 'object' && value !== null && Array.isArray((value as { messages?: unknown }).messages) ? (value as { messages: unknown[] }).messages : undefined
  if (list === undefined) throw new PayloadError('INVALID_PAYLOAD', 'a webhook body must be a JSON array of messages (or { "messages": [...] })')
  return list.map((entry, index): WebhookMessage => {
    const record = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as Record<string, unknown>) : {}
    // From text, the envelope's numbers are exact (ids beyond 2^53 as decimal strings) while a
    // payload sent as a JSON object keeps plain numbers: there a number beyond 2^53 is an error,
    // as it is in a Base64 payload, not a string the schema never asked for.
    let unsafe: UnsafeNumber | undefined
    let raw = record
    if (fromText) {
      const payload = record.payload
      const converted = typeof payload === 'object' && payload !== null ? plainNumbers(payload) : undefined
      unsafe = converted?.unsafe
      raw = exactNumbers({ ...record, payload: undefined }) as Record<string, unknown>
      if (converted) raw.payload = converted.value
      else if (Object.hasOwn(record, 'payload')) raw.payload = exactNumbers(payload)
      else delete raw.payload
    }
    let payload: Payload | undefined
    let error: PayloadError | undefined
    if (raw.payload === undefined) error = new PayloadError('INVALID_PAYLOAD', `message ${index} has no payload`)
    else if (unsafe) {
      const message = `${unsafe.text} is beyond 2^53, where JavaScript rounds: send large ids as decimal strings`
      error = new PayloadError('INVALID_PAYLOAD', `message ${index}: invalid payload: ${unsafe.path}: ${message}`, [{ path: unsafe.path, code: 'unsafe_number', message }])
    } else {
      const decoded = safeDecodePayload(raw.payload as string, options)
      if (decoded.ok) payload = decoded.value
      else error = decoded.error
    }
    if (typeof raw.message_id === 'number' && !Number.isSafeInteger(raw.message_id) && raw.message_idstr === undefined) {
      error ??= new PayloadError('INVALID_PAYLOAD', `message ${index}: message_id was already rounded by JSON.parse; pass the body text instead`)
    }
    // Numeric fields typed `number`: one beyond 2^53 cannot be given exactly, so it is reported
    // (its exact text stays in `raw`) rather than silently left undefined.
    for (const field of ['message_seq', 'channel_type', 'timestamp'] as const) {
      const v = raw[field]
      if ((typeof v === 'string' && fromText && typeof record[field] !== 'string') || (typeof v === 'number' && !Number.isSafeInteger(v) && Math.abs(v) > Number.MAX_SAFE_INTEGER)) {
        error ??= new PayloadError('INVALID_PAYLOAD', `message ${index}: ${field} ${String(v)} is beyond 2^53 and cannot be a JavaScript number exactly; read it from raw.${field}`)
      }
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

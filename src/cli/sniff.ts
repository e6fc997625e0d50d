/**
 * What a user pasted: Base64, a payload object, a `/message/send` body or a webhook list. Each is
 * handed to the library function that owns it; nothing is decoded or checked here.
 */
import { safeDecodePayload as builtInSafeDecode } from '../codec/codec.js'
import { isPayloadError, PayloadError } from '../errors/payload-error.js'
import type { Payload } from '../types/payload.js'
import { validateSendRequest } from '../send/request.js'
import { invalidPayloadError } from '../errors/payload-error.js'
import { decodeWebhookMessages, parseJsonExact, type WebhookMessage } from '../webhooks/messages.js'
import type { Codec } from '../runtime/create-codec.js'

export type Sniffed =
  | { readonly kind: 'payload'; readonly payload: Payload }
  | { readonly kind: 'request'; readonly request: Record<string, unknown>; readonly payload: Payload }
  | { readonly kind: 'webhook'; readonly messages: WebhookMessage[] }
  | { readonly kind: 'error'; readonly error: PayloadError }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const encoder = new TextEncoder()

/**
 * JSON text: a list (or `{ messages: [...] }`) is a webhook body, decoded from the text so ids
 * stay exact; an object with `payload` and no `type` is a `/message/send` body, checked by
 * `validateSendRequest` (envelope and payload, issues at `/payload/…`); anything else a payload,
 * decoded from its UTF-8 bytes (so a BOM or a number beyond 2^53 is reported, not rounded).
 * Other text is Base64.
 */
export function sniff(input: string, lenient: boolean, codec?: Codec): Sniffed {
  const safeDecodePayload = codec ? codec.safeDecodePayload : builtInSafeDecode
  try {
    if (input.startsWith('{') || input.startsWith('[')) {
      const value = parseJsonExact(input)
      if (Array.isArray(value) || (isRecord(value) && Array.isArray(value.messages))) {
        const messages = decodeWebhookMessages(input, { lenient })
        if (messages.length === 0) return { kind: 'error', error: new PayloadError('INVALID_PAYLOAD', 'the webhook body holds no messages (an empty list)') }
        return { kind: 'webhook', messages: codec ? messages.map((m) => withAppTypes(m, codec)) : messages }
      }
      if (isRecord(value) && Object.hasOwn(value, 'payload') && !Object.hasOwn(value, 'type')) {
        const result = validateSendRequest(value, { lenient })
        if (!result.ok) return { kind: 'error', error: invalidPayloadError(result.issues, '/message/send body') }
        if (!codec) return { kind: 'request', request: value, payload: result.value.payload }
        // The envelope is checked above; the payload again by the app's codec (its own types).
        const own = codec.validatePayload(result.value.payload)
        if (!own.ok) return { kind: 'error', error: invalidPayloadError(own.issues.map((i) => ({ ...i, path: `/payload${i.path}` })), '/message/send body') }
        return { kind: 'request', request: value, payload: own.value }
      }
      const decoded = safeDecodePayload(encoder.encode(input))
      return decoded.ok ? { kind: 'payload', payload: decoded.value } : { kind: 'error', error: decoded.error }
    }
    if (input.charCodeAt(0) === 0xfeff) {
      // A BOM before JSON: the codec's own words for it.
      const decoded = safeDecodePayload(encoder.encode(input))
      if (!decoded.ok) return { kind: 'error', error: decoded.error }
    }
    const decoded = safeDecodePayload(input, { lenient })
    return decoded.ok ? { kind: 'payload', payload: decoded.value } : { kind: 'error', error: decoded.error }
  } catch (error) {
    if (isPayloadError(error)) return { kind: 'error', error }
    throw error
  }
}

/** A webhook message checked again by the app's codec: an app type that breaks its schema is an error. */
function withAppTypes(message: WebhookMessage, codec: Codec): WebhookMessage {
  if (!message.payload || message.error) return message
  const result = codec.validatePayload(message.payload)
  return result.ok ? { ...message, payload: result.value } : { ...message, error: invalidPayloadError(result.issues, 'payload') }
}

/**
 * The webhook receiver's side: a WuKongIM webhook body (`msg.notify` and friends) → typed
 * messages with exact int64 ids, or the problem details to answer with.
 */
import { strictUtf8ToText } from '../wire/base64-check.js'
import { isPayloadError } from '../errors/payload-error.js'
import { DEFAULT_MAX_BODY_BYTES } from '../wire/json-exact.js'
import { decodeWebhookMessages, type WebhookMessage } from '../webhooks/messages.js'
import { limitOption } from '../wire/limits.js'
import { readBody, type IncomingBody } from './body.js'
import { problemFromPayloadError, type BoundaryResult } from './problem.js'
import type { BoundaryOptions } from './send.js'

/**
 * Decodes a webhook body — raw bytes or text (so that ids beyond 2^53 stay exact), or a value a
 * framework has parsed. A message whose payload is bad carries its own `error`; the others are
 * unaffected. Only a body that is not a message list at all is a problem.
 */
export function parseWebhookBody(body: unknown, options: BoundaryOptions = {}): BoundaryResult<WebhookMessage[]> {
  try {
    const input = body instanceof Uint8Array ? strictUtf8ToText(body) : body
    return { ok: true, value: decodeWebhookMessages(input, options) }
  } catch (error) {
    if (isPayloadError(error)) return { ok: false, problem: problemFromPayloadError(error) }
    throw error
  }
}

/** WuKongIM batches messages in one webhook call: 16 MiB, as `decodeWebhookMessages` allows. */
export const DEFAULT_MAX_WEBHOOK_BODY_BYTES = DEFAULT_MAX_BODY_BYTES

/**
 * Reads a `node:http` request's body and decodes it as {@link parseWebhookBody} does. WuKongIM
 * batches messages in one call, so the body limit defaults to 16 MiB here (each payload still
 * has its own `maxBytes`).
 */
export async function readWebhook(request: IncomingBody, options: BoundaryOptions = {}): Promise<BoundaryResult<WebhookMessage[]>> {
  const body = await readBody(request, { maxBodyBytes: limitOption(options.maxBodyBytes, DEFAULT_MAX_WEBHOOK_BODY_BYTES) })
  return body.ok ? parseWebhookBody(body.value, options) : body
}

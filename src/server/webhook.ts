/**
 * The webhook receiver's side: a WuKongIM webhook body (`msg.notify` and friends) → typed
 * messages with exact int64 ids, or the problem details to answer with.
 */
import { strictUtf8ToText } from '../wire/base64-check.js'
import { isPayloadError } from '../errors/payload-error.js'
import { describeThrown, readPlain } from '../errors/foreign.js'
import { problemFromIssues } from './problem.js'
import { DEFAULT_MAX_BODY_BYTES } from '../wire/json-exact.js'
import { decodeWebhookMessages, type WebhookMessage } from '../webhooks/messages.js'
import { parseWebhookEvent, type WebhookEvent } from '../webhooks/events.js'
import { limitOption } from '../wire/limits.js'
import { readBody, type IncomingBody } from './body.js'
import { problemFromPayloadError, type BoundaryResult } from './problem.js'
import type { BoundaryOptions } from './send.js'

/**
 * Decodes a webhook body — raw bytes or text (so that ids beyond 2^53 stay exact), or a value a
 * framework has parsed. A message whose payload is bad carries its own `error`; the others are
 * unaffected. Only a body that is not a message list at all is a problem. Never throws: a parsed
 * value is read once into plain data first (a getter or Proxy trap that throws is a problem with
 * its JSON Pointer).
 */
export function parseWebhookBody(body: unknown, options: BoundaryOptions = {}): BoundaryResult<WebhookMessage[]> {
  const read = readPlain(body)
  if (!read.ok) return { ok: false, problem: problemFromIssues([read.issue]) }
  try {
    const input = read.value instanceof Uint8Array ? strictUtf8ToText(read.value) : read.value
    return { ok: true, value: decodeWebhookMessages(input, options) }
  } catch (error) {
    if (isPayloadError(error)) return { ok: false, problem: problemFromPayloadError(error) }
    // Plain data cannot make the decoder throw anything else; kept so that "never throws" holds even for a bug.
    return { ok: false, problem: problemFromIssues([{ path: '', code: 'invalid', message: `decoding the webhook body threw (${describeThrown(error)})` }]) }
  }
}

/** WuKongIM batches messages in one webhook call: 16 MiB, as `decodeWebhookMessages` allows. */
export const DEFAULT_MAX_WEBHOOK_BODY_BYTES = DEFAULT_MAX_BODY_BYTES

/** A request as node:http gives it: the body, its headers and the URL (path and query). */
export interface IncomingWebhook extends IncomingBody {
  readonly url?: string | undefined
}

/** The `event` query parameter of a request URL (`/hook?event=msg.notify`), or `undefined`. */
export function webhookEventName(url: string | undefined): string | undefined {
  if (url === undefined) return undefined
  try {
    return new URL(url, 'http://localhost').searchParams.get('event') ?? undefined
  } catch {
    return undefined
  }
}

/**
 * Reads a webhook request and decodes it by its `event` query parameter, which WuKongIM always
 * sends (`<webhook.httpAddr>?event=<name>`): the value is a {@link WebhookEvent}
 * (`msg.notify`, `msg.offline`, `user.onlinestatus`, or an unknown event kept raw). A request
 * without one is decoded as a message list, as before: the value is then `WebhookMessage[]`.
 * WuKongIM batches messages in one call, so the body limit defaults to 16 MiB here.
 */
export async function readWebhook(request: IncomingWebhook, options: BoundaryOptions = {}): Promise<BoundaryResult<WebhookMessage[] | WebhookEvent>> {
  const event = webhookEventName(request.url)
  return event === undefined ? readWebhookMessages(request, options) : readWebhookEvent(request, options, event)
}

/** Like {@link readWebhook}, always as a {@link WebhookEvent}: a request without `event` is read as `msg.notify`. */
export async function readWebhookEvent(request: IncomingWebhook, options: BoundaryOptions = {}, event = webhookEventName(request.url) ?? 'msg.notify'): Promise<BoundaryResult<WebhookEvent>> {
  const maxBodyBytes = limitOption(options.maxBodyBytes, DEFAULT_MAX_WEBHOOK_BODY_BYTES)
  const body = await readBody(request, { maxBodyBytes })
  if (!body.ok) return body
  const result = await parseWebhookEvent(event, body.value, { ...options, maxBodyBytes })
  return result.ok ? result : { ok: false, problem: problemFromPayloadError(result.error) }
}

async function readWebhookMessages(request: IncomingBody, options: BoundaryOptions): Promise<BoundaryResult<WebhookMessage[]>> {
  const body = await readBody(request, { maxBodyBytes: limitOption(options.maxBodyBytes, DEFAULT_MAX_WEBHOOK_BODY_BYTES) })
  return body.ok ? parseWebhookBody(body.value, options) : body
}

/**
 * The webhook receiver's side: WuKongIM calls `POST <webhook.httpAddr>?event=<name>` with a JSON
 * body and counts only HTTP 200 as delivered (`msg.notify` is retried up to five times, then
 * dropped; `msg.offline` is sent once). Every helper here routes on `event`, hands the app every
 * message, and answers so that a delivery is neither dropped nor retried once received: a
 * message that fails validation is reported in the 200 answer's body, never by the status.
 */
import { strictUtf8ToText } from '../wire/base64-check.js'
import { isPayloadError } from '../errors/payload-error.js'
import { describeThrown, readPlain } from '../errors/foreign.js'
import { problemFromIssues } from './problem.js'
import { DEFAULT_MAX_WEBHOOK_BODY_BYTES, decodeWebhookMessages, type WebhookMessage } from '../webhooks/messages.js'
import { parseWebhookEvent, WebhookEventName, type MsgNotifyEvent, type MsgOfflineEvent, type UnknownWebhookEvent, type UserOnlineStatusEvent, type WebhookEvent } from '../webhooks/events.js'
import { limitOption } from '../wire/limits.js'
import { readJsonBody, type IncomingBody } from './body.js'
import { MAX_PROBLEM_ISSUES, MAX_PROBLEM_TEXT, PROBLEM_CONTENT_TYPE, problemFromPayloadError, truncateText, type BoundaryResult, type ProblemDetails } from './problem.js'
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
    return { ok: true, value: decodeWebhookMessages(input, { ...options, maxBodyBytes: limitOption(options.maxBodyBytes, DEFAULT_MAX_WEBHOOK_BODY_BYTES) }) }
  } catch (error) {
    if (isPayloadError(error)) return { ok: false, problem: problemFromPayloadError(error) }
    // Plain data cannot make the decoder throw anything else; kept so that "never throws" holds even for a bug.
    return { ok: false, problem: problemFromIssues([{ path: '', code: 'invalid', message: `decoding the webhook body threw (${describeThrown(error)})` }]) }
  }
}

/** The webhook body limit (8 MiB), the same as `decodeWebhookMessages` and `parseWebhookEvent` apply. */
export { DEFAULT_MAX_WEBHOOK_BODY_BYTES }

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

/** The path of a request URL without its query (`/wukongim/<token>?event=msg.notify` → `/wukongim/<token>`): what to route a webhook on. */
export function webhookPath(url: string | undefined): string {
  const q = (url ?? '/').indexOf('?')
  return q === -1 ? (url ?? '/') : (url ?? '/').slice(0, q)
}

/**
 * Reads a webhook request and decodes it by its `event` query parameter, which WuKongIM always
 * sends (`<webhook.httpAddr>?event=<name>`): the value is a {@link WebhookEvent}
 * (`msg.notify`, `msg.offline`, `user.onlinestatus`, or an unknown event kept raw). A request
 * without one is decoded as a message list, as before: the value is then `WebhookMessage[]`
 * (the same messages, with the same verdicts, as `msg.notify` gives). The body limit defaults
 * to 8 MiB here; a body that is not declared JSON is a 415 problem.
 */
export async function readWebhook(request: IncomingWebhook, options: BoundaryOptions = {}): Promise<BoundaryResult<WebhookMessage[] | WebhookEvent>> {
  const event = webhookEventName(request.url)
  return event === undefined ? readWebhookMessages(request, options) : readWebhookEvent(request, options, event)
}

/** Like {@link readWebhook}, always as a {@link WebhookEvent}: a request without `event` is read as `msg.notify`. */
export async function readWebhookEvent(request: IncomingWebhook, options: BoundaryOptions = {}, event = webhookEventName(request.url) ?? 'msg.notify'): Promise<BoundaryResult<WebhookEvent>> {
  const maxBodyBytes = limitOption(options.maxBodyBytes, DEFAULT_MAX_WEBHOOK_BODY_BYTES)
  const body = await readJsonBody(request, { maxBodyBytes })
  if (!body.ok) return body
  return parseWebhookRequestBody(event, body.value, { ...options, maxBodyBytes })
}

/** {@link parseWebhookEvent} as a {@link BoundaryResult}: the problem to answer when the body is not the event's shape. */
export async function parseWebhookRequestBody(event: string, body: unknown, options: BoundaryOptions = {}): Promise<BoundaryResult<WebhookEvent>> {
  const result = await parseWebhookEvent(event, body, { ...options, maxBodyBytes: limitOption(options.maxBodyBytes, DEFAULT_MAX_WEBHOOK_BODY_BYTES) })
  return result.ok ? result : { ok: false, problem: problemFromPayloadError(result.error) }
}

async function readWebhookMessages(request: IncomingBody, options: BoundaryOptions): Promise<BoundaryResult<WebhookMessage[]>> {
  const body = await readJsonBody(request, { maxBodyBytes: limitOption(options.maxBodyBytes, DEFAULT_MAX_WEBHOOK_BODY_BYTES) })
  return body.ok ? parseWebhookBody(body.value, options) : body
}

/** The messages an event carries: `msg.notify`'s list, `msg.offline`'s one message, none otherwise. */
export function webhookMessagesOf(event: WebhookEvent): WebhookMessage[] {
  return event.event === 'msg.notify' ? event.messages : event.event === 'msg.offline' ? [event.message] : []
}

/** One thing the receiver could not read, in a {@link WebhookReceipt}. */
export interface WebhookReceiptError {
  /** Index of the message or status entry in the body (0 for `msg.offline`'s message). */
  readonly index: number
  /** The message's id when it was read. */
  readonly message_id?: string
  /** JSON Pointer into the body. */
  readonly pointer: string
  readonly detail: string
}

/**
 * The body of the 200 answer to a webhook call: what was received and what of it could not be
 * read (at most {@link MAX_PROBLEM_ISSUES} entries, the rest counted in `errors_omitted`).
 * WuKongIM ignores the body; it is for logs and for whoever replays a call by hand.
 */
export interface WebhookReceipt {
  readonly event: string
  /** Messages (or status entries) in the body. */
  readonly received: number
  /** How many of them could not be read (each is still handed to the app with its `error`). */
  readonly failed: number
  readonly errors: readonly WebhookReceiptError[]
  readonly errors_omitted?: number
}

/** The receipt for a decoded event: counts, and each message's or entry's error (bounded). */
export function webhookReceipt(event: WebhookEvent): WebhookReceipt {
  const errors: WebhookReceiptError[] = []
  let failed = 0
  let received = 0
  const add = (entry: WebhookReceiptError): void => {
    failed++
    if (errors.length < MAX_PROBLEM_ISSUES) errors.push({ ...entry, detail: truncateText(entry.detail, MAX_PROBLEM_TEXT) })
  }
  if (event.event === 'msg.notify' || event.event === 'msg.offline') {
    const messages = webhookMessagesOf(event)
    received = messages.length
    messages.forEach((m, index) => {
      if (m.error) add({ index, ...(m.message_id === undefined ? {} : { message_id: m.message_id }), pointer: event.event === 'msg.notify' ? `/${index}` : '', detail: m.error.message })
    })
    if (event.event === 'msg.offline' && event.to_uids_error && !event.message.error) add({ index: 0, ...(event.message.message_id === undefined ? {} : { message_id: event.message.message_id }), pointer: '/compress_to_uids', detail: event.to_uids_error.message })
  } else if (event.event === 'user.onlinestatus') {
    received = event.statuses.length + event.invalid.length
    for (const entry of event.invalid) add({ index: entry.index, pointer: `/${entry.index}`, detail: entry.message })
  }
  const name = event.event === 'unknown' ? event.name : event.event
  return { event: truncateText(name, MAX_PROBLEM_TEXT), received, failed, errors, ...(failed > errors.length ? { errors_omitted: failed - errors.length } : {}) }
}

/** What to answer an HTTP request with: the same status and bytes from every server helper. */
export interface HttpAnswer {
  readonly status: number
  readonly contentType: string
  readonly body: string
}

/** The answer for a problem: its status, `application/problem+json`, the problem as JSON. */
export function problemAnswer(problem: ProblemDetails): HttpAnswer {
  return { status: problem.status, contentType: PROBLEM_CONTENT_TYPE, body: JSON.stringify(problem) }
}

/**
 * The answer to a webhook call: 200 with the {@link WebhookReceipt} when the body was read; the
 * problem otherwise — except for `msg.offline`, which WuKongIM sends once and never retries, so
 * any body that was read (even one that is not a message) is answered 200 with the problem in
 * the receipt: a 4xx would lose it just the same and hide nothing from WuKongIM's log.
 */
export function webhookAnswer(event: string | undefined, result: BoundaryResult<WebhookEvent>): HttpAnswer {
  if (result.ok) return { status: 200, contentType: 'application/json', body: JSON.stringify(webhookReceipt(result.value)) }
  const { problem } = result
  if (event === WebhookEventName.MsgOffline && problem.status === 400 && problem.code !== 'CLIENT_ABORTED') {
    const receipt: WebhookReceipt = { event, received: 0, failed: 1, errors: [{ index: 0, pointer: '', detail: problem.detail }] }
    return { status: 200, contentType: 'application/json', body: JSON.stringify(receipt) }
  }
  return problemAnswer(problem)
}

/** One handler per event, each given the decoded event; all optional (an event without a handler is still answered 200). */
export interface WebhookHandlers {
  readonly 'msg.notify'?: (event: MsgNotifyEvent) => unknown
  readonly 'msg.offline'?: (event: MsgOfflineEvent) => unknown
  readonly 'user.onlinestatus'?: (event: UserOnlineStatusEvent) => unknown
  /** Events this package does not know, their body kept (int64s exact). */
  readonly unknown?: (event: UnknownWebhookEvent) => unknown
  /** A call whose body could not be read at all (not JSON, not the event's shape), with the problem answered. */
  readonly rejected?: (event: string, problem: ProblemDetails) => unknown
}

/** Runs the handler for `event` (awaited, so that a failing handler is a 500 and WuKongIM retries). */
export async function dispatchWebhook(handlers: WebhookHandlers, event: WebhookEvent): Promise<void> {
  switch (event.event) {
    case 'msg.notify':
      await handlers['msg.notify']?.(event)
      return
    case 'msg.offline':
      await handlers['msg.offline']?.(event)
      return
    case 'user.onlinestatus':
      await handlers['user.onlinestatus']?.(event)
      return
    default:
      await handlers.unknown?.(event)
  }
}

/**
 * A whole webhook call, as every server helper answers it: the `Content-Type` checked (415), the
 * body read with its limit (413), decoded by `?event=` (a call without one is `msg.notify`), the
 * handler run, and the answer to write. Never rejects unless a handler throws.
 */
export async function receiveWebhook(request: IncomingWebhook, handlers: WebhookHandlers = {}, options: BoundaryOptions = {}): Promise<HttpAnswer> {
  const event = webhookEventName(request.url) ?? WebhookEventName.MsgNotify
  const result = await readWebhookEvent(request, options, event)
  return settleWebhook(event, result, handlers)
}

/** Runs the handler for a read webhook call (or `rejected` for a problem) and gives the answer. */
export async function settleWebhook(event: string, result: BoundaryResult<WebhookEvent>, handlers: WebhookHandlers = {}): Promise<HttpAnswer> {
  if (result.ok) await dispatchWebhook(handlers, result.value)
  else if (result.problem.code !== 'CLIENT_ABORTED') await handlers.rejected?.(event, result.problem)
  return webhookAnswer(event, result)
}

/**
 * Express-style middleware `(req, res, next)` for `node:http`, Express, Connect and the like.
 * If a body parser already ran (`req.body` is set) its result is used — raw text or bytes are
 * parsed exactly, a parsed object as it is; otherwise the body is read from the request stream
 * with the size limit. A bad request is answered with problem details and `next` is not called.
 */
import type { ValidatedSendRequest } from '../send/request.js'
import type { WebhookMessage } from '../webhooks/messages.js'
import { WebhookEventName, type WebhookEvent } from '../webhooks/events.js'
import { checkJsonContentType, DEFAULT_MAX_BODY_BYTES, readBody, type IncomingBody } from './body.js'
import { limitOption } from '../wire/limits.js'
import { PROBLEM_CONTENT_TYPE, type BoundaryResult, type ProblemDetails } from './problem.js'
import { parseSendRequestBody, type BoundaryOptions } from './send.js'
import { DEFAULT_MAX_WEBHOOK_BODY_BYTES, parseWebhookRequestBody, webhookAnswer, webhookEventName, webhookMessagesOf, type HttpAnswer, type WebhookHandlers, settleWebhook } from './webhook.js'

/** What the middleware needs of a response (`http.ServerResponse` and Express's both fit). */
export interface ProblemResponse {
  statusCode: number
  /** Node's `ServerResponse`: the socket is gone (nothing can be written). */
  readonly destroyed?: boolean
  /** Node's `ServerResponse`: headers already went out (another answer was started). */
  readonly headersSent?: boolean
  /** Node's `ServerResponse`: the response has already ended. */
  readonly writableEnded?: boolean
  setHeader(name: string, value: string): unknown
  end(body: string): unknown
}

/**
 * Answers with a problem details body (`application/problem+json`). Writes nothing when the
 * client is already gone or another answer has started (`destroyed`, `headersSent`,
 * `writableEnded`): a `CLIENT_ABORTED` outcome usually has no one to answer.
 */
export function writeProblem(response: ProblemResponse, problem: ProblemDetails): void {
  if (response.destroyed === true || response.headersSent === true || response.writableEnded === true) return
  response.statusCode = problem.status
  response.setHeader('content-type', PROBLEM_CONTENT_TYPE)
  // An over-limit, refused or aborted body was not read to its end: the connection cannot be reused.
  if (problem.status === 413 || problem.status === 415 || problem.code === 'CLIENT_ABORTED') response.setHeader('connection', 'close')
  response.end(JSON.stringify(problem))
}

/** Writes an {@link HttpAnswer} (a webhook receipt or a problem); nothing when the client is gone or an answer has started. */
export function writeAnswer(response: ProblemResponse, answer: HttpAnswer): void {
  if (response.destroyed === true || response.headersSent === true || response.writableEnded === true) return
  response.statusCode = answer.status
  response.setHeader('content-type', answer.contentType)
  if (answer.status === 413 || answer.status === 415) response.setHeader('connection', 'close')
  response.end(answer.body)
}

/** A request as the middleware sees it: a readable body, and `body` if a parser already ran. */
export interface MiddlewareRequest extends IncomingBody {
  body?: unknown
}

/** The `next` callback of Express-style middleware. */
export type NextFunction = (error?: unknown) => void

async function bodyOf(request: MiddlewareRequest, maxBodyBytes: number): Promise<BoundaryResult<unknown>> {
  const problem = checkJsonContentType(request.headers)
  if (problem) return { ok: false, problem }
  return request.body === undefined ? readBody(request, { maxBodyBytes }) : { ok: true, value: request.body }
}

/**
 * Middleware for a route that accepts `/message/send` bodies: sets `req.sendRequest` (the
 * validated request and its decoded payload) and calls `next()`, or answers 400/413.
 */
export function sendRequestMiddleware(options: BoundaryOptions = {}) {
  return (request: MiddlewareRequest & { sendRequest?: ValidatedSendRequest }, response: ProblemResponse, next: NextFunction): void => {
    bodyOf(request, limitOption(options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES)).then((body) => {
      const result = body.ok ? parseSendRequestBody(body.value, options) : body
      if (!result.ok) return writeProblem(response, result.problem)
      request.sendRequest = result.value
      next()
    }).catch(next) // whatever throws, the route's handlers included, goes to the error handler
  }
}

/**
 * Middleware for a webhook route, routed on WuKongIM's `?event=` (mount it on the path alone:
 * the query is not part of the route). Sets `req.webhookEvent` (the decoded event; a call
 * without `event` is `msg.notify`) and `req.webhookMessages` (the messages it carries, each with
 * its payload or its own error) and calls `next()`; answer with `writeAnswer(res,
 * webhookAnswer(event, { ok: true, value }))` or use {@link webhookHandler}. A body that cannot be
 * read is answered here (415, 413, 400 — and 200 with the problem for `msg.offline`, which
 * WuKongIM never retries). Install it before any JSON body parser, or give it the raw text:
 * parsed JSON has already rounded the ids.
 */
export function webhookMiddleware(options: BoundaryOptions = {}) {
  return (request: MiddlewareRequest & { url?: string | undefined; webhookMessages?: WebhookMessage[]; webhookEvent?: WebhookEvent }, response: ProblemResponse, next: NextFunction): void => {
    const event = webhookEventName(request.url) ?? WebhookEventName.MsgNotify
    const maxBodyBytes = limitOption(options.maxBodyBytes, DEFAULT_MAX_WEBHOOK_BODY_BYTES)
    bodyOf(request, maxBodyBytes).then(async (body) => {
      const result = body.ok ? await parseWebhookRequestBody(event, body.value, { ...options, maxBodyBytes }) : body
      if (!result.ok) return writeAnswer(response, webhookAnswer(event, result))
      request.webhookEvent = result.value
      request.webhookMessages = webhookMessagesOf(result.value)
      next()
    }).catch(next) // whatever throws, the route's handlers included, goes to the error handler
  }
}

/**
 * The whole webhook route as one middleware: reads and decodes the call as
 * {@link webhookMiddleware} does, runs the handler for its event, and answers (200 with the
 * receipt, or the problem). A handler that throws goes to `next(error)` (answer 500 there, so
 * that WuKongIM retries).
 */
export function webhookHandler(handlers: WebhookHandlers, options: BoundaryOptions = {}) {
  return (request: MiddlewareRequest & { url?: string | undefined }, response: ProblemResponse, next: NextFunction): void => {
    const event = webhookEventName(request.url) ?? WebhookEventName.MsgNotify
    const maxBodyBytes = limitOption(options.maxBodyBytes, DEFAULT_MAX_WEBHOOK_BODY_BYTES)
    bodyOf(request, maxBodyBytes).then(async (body) => {
      const result = body.ok ? await parseWebhookRequestBody(event, body.value, { ...options, maxBodyBytes }) : body
      writeAnswer(response, await settleWebhook(event, result, handlers))
    }).catch(next)
  }
}

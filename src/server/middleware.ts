/**
 * Express-style middleware `(req, res, next)` for `node:http`, Express, Connect and the like.
 * If a body parser already ran (`req.body` is set) its result is used — raw text or bytes are
 * parsed exactly, a parsed object as it is; otherwise the body is read from the request stream
 * with the size limit. A bad request is answered with problem details and `next` is not called.
 */
import type { ValidatedSendRequest } from '../send/request.js'
import type { WebhookMessage } from '../webhooks/messages.js'
import { DEFAULT_MAX_BODY_BYTES, readBody, type IncomingBody } from './body.js'
import { limitOption } from '../wire/limits.js'
import { PROBLEM_CONTENT_TYPE, type BoundaryResult, type ProblemDetails } from './problem.js'
import { parseSendRequestBody, type BoundaryOptions } from './send.js'
import { DEFAULT_MAX_WEBHOOK_BODY_BYTES, parseWebhookBody } from './webhook.js'

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
  // An over-limit or aborted body was not read to its end: the connection cannot be reused.
  if (problem.status === 413 || problem.code === 'CLIENT_ABORTED') response.setHeader('connection', 'close')
  response.end(JSON.stringify(problem))
}

/** A request as the middleware sees it: a readable body, and `body` if a parser already ran. */
export interface MiddlewareRequest extends IncomingBody {
  body?: unknown
}

/** The `next` callback of Express-style middleware. */
export type NextFunction = (error?: unknown) => void

async function bodyOf(request: MiddlewareRequest, maxBodyBytes: number | undefined): Promise<BoundaryResult<unknown>> {
  return request.body === undefined ? readBody(request, maxBodyBytes === undefined ? {} : { maxBodyBytes }) : { ok: true, value: request.body }
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
 * Middleware for a webhook route: sets `req.webhookMessages` (each with its payload or its own
 * error) and calls `next()`, or answers 400/413 when the body is not a message list. Install it
 * before any JSON body parser, or give it the raw text: parsed JSON has already rounded the ids.
 */
export function webhookMiddleware(options: BoundaryOptions = {}) {
  return (request: MiddlewareRequest & { webhookMessages?: WebhookMessage[] }, response: ProblemResponse, next: NextFunction): void => {
    bodyOf(request, limitOption(options.maxBodyBytes, DEFAULT_MAX_WEBHOOK_BODY_BYTES)).then((body) => {
      const result = body.ok ? parseWebhookBody(body.value, options) : body
      if (!result.ok) return writeProblem(response, result.problem)
      request.webhookMessages = result.value
      next()
    }).catch(next)
  }
}

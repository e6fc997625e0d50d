/**
 * Fastify: its route schemas are JSON Schema compiled by Ajv, so `SendMessageRequestSchema` plugs
 * in as a route's `body` schema, and with `@fastify/type-provider-typebox` the handler's
 * `request.body` is typed. Nothing here imports Fastify: these are plain values and functions.
 */
import { isPayloadError } from '../errors/payload-error.js'
import { sendMessageRequest as validateEnvelope, type AjvError } from '../generated/validators.js'
import { validateSendRequest } from '../send/request.js'
import { issuesFromAjv, type ValidationIssue } from '../validate/issues.js'
import { strictUtf8ToText } from '../wire/base64-check.js'
import { parseJsonExact } from '../wire/json-exact.js'
import { checkJsonContentType } from './body.js'
import { bodyTooLargeProblem, invalidJsonProblem, PROBLEM_CONTENT_TYPE, problemFromIssues, problemFromPayloadError, type ProblemDetails } from './problem.js'
import type { BoundaryOptions } from './send.js'
import { DEFAULT_MAX_WEBHOOK_BODY_BYTES, parseWebhookRequestBody, settleWebhook, webhookEventName, type WebhookHandlers } from './webhook.js'
import { WebhookEventName } from '../webhooks/events.js'
import { limitOption } from '../wire/limits.js'

/**
 * Ajv options for Fastify (`Fastify({ ajv: { customOptions: fastifyAjvOptions } })`). Fastify's
 * defaults coerce types (`"2"` becomes `2`, `true` becomes `1`) and fill defaults: data changed
 * without a word. These make its Ajv check what the schema says and report every issue.
 */
export const fastifyAjvOptions = { coerceTypes: false, useDefaults: false, removeAdditional: false, allErrors: true } as const

interface FastifyLikeError {
  readonly code?: unknown
  readonly statusCode?: unknown
  readonly message?: unknown
  readonly validation?: readonly AjvError[]
  readonly validationContext?: unknown
}

/**
 * A Fastify content-type parser for JSON bodies (`app.addContentTypeParser('application/json',
 * { parseAs: 'buffer' }, fastifyJsonParser)`): the same strict UTF-8 and exact JSON as the
 * node:http helpers (ids beyond 2^53 kept as decimal strings), and the same `PayloadError` for a
 * body that is not JSON, so that {@link problemFromFastifyError} answers as they do.
 */
export function fastifyJsonParser(request: unknown, body: string | Uint8Array, done: (error: Error | null, value?: unknown) => void): void {
  // A route marked `config: { wukongPayload: 'raw' }` (the webhook route) gets the bytes: it parses them by event.
  if (rawRoute(request) && typeof body !== 'string') {
    done(null, body)
    return
  }
  let value: unknown
  try {
    value = parseJsonExact(typeof body === 'string' ? body : strictUtf8ToText(body))
  } catch (error) {
    done(error instanceof Error ? error : new Error(String(error)))
    return
  }
  done(null, value)
}

/** Options of {@link problemFromFastifyError}. */
export interface FastifyProblemOptions {
  /** The route's body limit (`request.routeOptions.bodyLimit`), named in the 413 problem. */
  readonly bodyLimit?: number
}

/**
 * Whether a body that failed a route schema fails the package's `/message/send` schema too: then
 * it is described as `parseSendRequestBody` describes it (one issue per 0/1 field, not the five
 * an `anyOf` gives in Fastify's Ajv), so that every server answers it with the same bytes.
 */
function failsAsSendRequest(_errors: readonly AjvError[], body: unknown): boolean {
  return !validateEnvelope(body)
}

function rawRoute(request: unknown): boolean {
  try {
    const config = (request as { routeOptions?: { config?: { wukongPayload?: unknown } } } | null)?.routeOptions?.config
    return config?.wukongPayload === 'raw'
  } catch {
    return false
  }
}

/**
 * The problem details for an error Fastify hands to its error handler: a route schema
 * validation failure (400, issues at their pointers, described from `body`), a body over
 * `bodyLimit` (413), a body that is not JSON (400), or a `PayloadError` (from
 * `decodeSendPayload` or {@link fastifyJsonParser}). A body that fails `SendMessageRequestSchema`
 * is described exactly as `parseSendRequestBody` describes it (the payload inside checked too),
 * so the Fastify server and the node:http helpers answer a request alike. Any other error gives
 * `undefined`: leave it to Fastify.
 */
export function problemFromFastifyError(error: unknown, body?: unknown, options: FastifyProblemOptions = {}): ProblemDetails | undefined {
  try {
    return problemOf(error, body, options)
  } catch {
    // A hostile error object (a getter or Proxy that throws): still a 400, never a throw.
    return problemFromIssues([{ path: '', code: 'invalid', message: 'the request failed validation (the error could not be read)' }])
  }
}

function problemOf(error: unknown, body: unknown, options: FastifyProblemOptions): ProblemDetails | undefined {
  if (isPayloadError(error)) return problemFromPayloadError(error)
  if (typeof error !== 'object' || error === null) return undefined
  const e = error as FastifyLikeError
  if (Array.isArray(e.validation)) {
    const issues: ValidationIssue[] = []
    const context = typeof e.validationContext === 'string' ? e.validationContext : 'body'
    // Only well-formed Ajv errors are described; anything else in the list is reported as is.
    // Array.from visits holes too (`new Array(1)`), which map would leave in the list.
    const errors = Array.from(e.validation as readonly unknown[], (v: unknown): AjvError => {
      const x = (typeof v === 'object' && v !== null ? v : {}) as Partial<AjvError>
      return { instancePath: typeof x.instancePath === 'string' ? x.instancePath : '', keyword: typeof x.keyword === 'string' ? x.keyword : 'invalid', params: typeof x.params === 'object' && x.params !== null ? x.params : {} }
    })
    if (context === 'body' && failsAsSendRequest(errors, body)) {
      const result = validateSendRequest(body)
      if (!result.ok) return problemFromIssues(result.issues)
    }
    try {
      issuesFromAjv(errors, context === 'body' ? body : undefined, '', issues)
    } catch {
      // Not the shape Ajv writes (params missing): report each error by its path and keyword.
      issues.length = 0
      for (const x of errors) issues.push({ path: x.instancePath, code: 'invalid', message: `fails ${x.keyword}` })
    }
    return problemFromIssues(issues, context === 'body' ? 'request body' : `request ${context}`)
  }
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return bodyTooLargeProblem(options.bodyLimit)
  if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (error instanceof SyntaxError && e.statusCode === 400)) {
    return invalidJsonProblem(String(e.message))
  }
  return undefined
}

/** What {@link useWukongPayload} needs of a Fastify instance (structural: nothing here imports Fastify). */
export interface FastifyInstanceLike {
  addHook(name: 'onRequest', hook: (request: FastifyRequestLike, reply: FastifyReplyLike, done: () => void) => void): unknown
  removeAllContentTypeParsers(): unknown
  addContentTypeParser(type: string, options: { parseAs: 'buffer' }, parser: typeof fastifyJsonParser): unknown
  setErrorHandler(handler: (error: unknown, request: FastifyRequestLike, reply: FastifyReplyLike) => unknown): unknown
}

/** The parts of a Fastify request the helpers read. */
export interface FastifyRequestLike {
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly body?: unknown
  readonly routeOptions?: { readonly bodyLimit?: number }
}

/** The parts of a Fastify reply the helpers write. */
export interface FastifyReplyLike {
  code(status: number): FastifyReplyLike
  type(contentType: string): FastifyReplyLike
  header(name: string, value: string): FastifyReplyLike
  send(body: string): unknown
}

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE', 'TRACE'])

function sendProblem(reply: FastifyReplyLike, problem: ProblemDetails): unknown {
  if (problem.status === 413 || problem.status === 415) reply.header('connection', 'close')
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem))
}

/**
 * Configures a Fastify instance to answer as the node:http helpers do, byte for byte: a body
 * whose `Content-Type` is not JSON gets the 415 problem (before Fastify's own 415, which is not
 * problem+json); every body is parsed by {@link fastifyJsonParser} (strict UTF-8, int64 ids
 * exact; routes with `config: { wukongPayload: 'raw' }` get the bytes); schema failures,
 * over-limit bodies, non-JSON bodies and payload errors become the same problem details. Call
 * it on the instance (not inside `register`), before the routes. `onError` gets errors that are
 * not the package's (default: Fastify's own answer).
 */
export function useWukongPayload(app: FastifyInstanceLike, options: { readonly onError?: (error: unknown, request: FastifyRequestLike, reply: FastifyReplyLike) => unknown } = {}): void {
  app.addHook('onRequest', (request, reply, done) => {
    const problem = BODYLESS.has(request.method) ? undefined : checkJsonContentType(request.headers)
    if (problem) {
      sendProblem(reply, problem)
      return
    }
    done()
  })
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer' }, fastifyJsonParser)
  app.setErrorHandler((error, request, reply) => {
    const problem = problemFromFastifyError(error, request.body, request.routeOptions?.bodyLimit === undefined ? {} : { bodyLimit: request.routeOptions.bodyLimit })
    if (problem) return sendProblem(reply, problem)
    if (options.onError) return options.onError(error, request, reply)
    throw error
  })
}

/**
 * A Fastify route handler for WuKongIM's webhook, as {@link receiveWebhook} answers on
 * node:http: routed on `?event=`, every message handed to its handler, 200 with the receipt (a
 * message that fails validation is reported there), `msg.offline` never refused once read. Mount
 * it with `config: { wukongPayload: 'raw' }` and the webhook body limit:
 * `app.post('/webhook', { bodyLimit: DEFAULT_MAX_WEBHOOK_BODY_BYTES, config: { wukongPayload: 'raw' } }, fastifyWebhookHandler(handlers))`.
 */
export function fastifyWebhookHandler(handlers: WebhookHandlers, options: BoundaryOptions = {}) {
  return async (request: FastifyRequestLike, reply: FastifyReplyLike): Promise<unknown> => {
    const event = webhookEventName(request.url) ?? WebhookEventName.MsgNotify
    const maxBodyBytes = limitOption(options.maxBodyBytes, DEFAULT_MAX_WEBHOOK_BODY_BYTES)
    const result = await parseWebhookRequestBody(event, request.body ?? new Uint8Array(0), { ...options, maxBodyBytes })
    const answer = await settleWebhook(event, result, handlers)
    return reply.code(answer.status).type(answer.contentType).send(answer.body)
  }
}

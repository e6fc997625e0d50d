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
import { bodyTooLargeProblem, invalidJsonProblem, problemFromIssues, problemFromPayloadError, type ProblemDetails } from './problem.js'

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
export function fastifyJsonParser(_request: unknown, body: string | Uint8Array, done: (error: Error | null, value?: unknown) => void): void {
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

/** Whether Fastify's errors are exactly those of the package's `/message/send` schema on `body`. */
function failsAsSendRequest(errors: readonly AjvError[], body: unknown): boolean {
  if (validateEnvelope(body)) return false
  const key = (e: AjvError) => `${e.instancePath} ${e.keyword}`
  const ours = new Set((validateEnvelope.errors ?? []).map(key))
  const theirs = new Set(errors.map(key))
  return ours.size === theirs.size && [...theirs].every((k) => ours.has(k))
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

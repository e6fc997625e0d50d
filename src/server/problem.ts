/**
 * RFC 9457 problem details for API boundaries: what a client gets back when its request or a
 * payload in it is wrong — the HTTP status, one sentence, and every issue at its JSON Pointer.
 *
 * @see {@link https://www.rfc-editor.org/rfc/rfc9457} "Problem Details for HTTP APIs"
 */
import { issueCodeOf, type PayloadError } from '../errors/payload-error.js'
import type { ValidationIssue, ValidationIssueCode } from '../validate/issues.js'

/** The media type of a problem details body. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

/**
 * What kind of problem, one vocabulary for every server helper: `INVALID_REQUEST` when the body
 * was read but what it says is wrong (the envelope, the payload inside it, a webhook body that
 * is not a message list; `errors` say where); otherwise why the body could not be read: not
 * JSON (`INVALID_JSON`), not UTF-8 (`INVALID_UTF8`), nested too deeply (`TOO_DEEP`) or over the
 * size limit (`TOO_LARGE`, status 413); `CLIENT_ABORTED` when the client went away before its
 * body ended (nothing can be answered).
 */
export type ProblemCode = 'INVALID_REQUEST' | 'INVALID_JSON' | 'INVALID_UTF8' | 'TOO_DEEP' | 'TOO_LARGE' | 'CLIENT_ABORTED' | 'UNSUPPORTED_MEDIA_TYPE'

/**
 * Bounds of every problem body, whatever the request: at most this many issues (the rest are
 * counted in `errors_omitted`), each pointer and issue detail at most {@link MAX_PROBLEM_TEXT}
 * characters, the top `detail` at most four times that. A hostile body with 200,000 errors gets
 * the same few kilobytes as one with 101 (at most {@link MAX_PROBLEM_BODY_BYTES} in all).
 */
export const MAX_PROBLEM_ISSUES = 100
/** Longest pointer or issue detail in a problem body, in UTF-16 code units (whole characters kept). */
export const MAX_PROBLEM_TEXT = 256
/** Largest problem body as JSON (UTF-8 bytes) that the bounds above allow: every character escaped to six bytes. */
export const MAX_PROBLEM_BODY_BYTES = 320 * 1024

/** `text` cut to `max` code units without splitting a surrogate pair, marked with `…` when cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text
  let end = max - 1
  const c = text.charCodeAt(end - 1)
  if (c >= 0xd800 && c <= 0xdbff) end--
  return `${text.slice(0, end)}…`
}

/** One issue of a problem, in the shape RFC 9457 §3 shows for validation errors. */
export interface ProblemIssue {
  /** JSON Pointer (RFC 6901) into the request body; `/payload/…` points into the decoded payload. */
  readonly pointer: string
  readonly code: ValidationIssueCode
  /** What is wrong and what to write instead. */
  readonly detail: string
}

/** An RFC 9457 problem details object, ready to send as `application/problem+json`. */
export interface ProblemDetails {
  /** `about:blank`: the status says what happened; {@link code} says which problem it is. */
  readonly type: 'about:blank'
  /** The status's reason phrase, as RFC 9457 asks for `about:blank`. */
  readonly title: string
  /** 400 for a request that is wrong, 413 for one over a size limit, 415 for a body that is not declared JSON. */
  readonly status: 400 | 413 | 415
  /** One sentence: what is wrong and how to fix it. */
  readonly detail: string
  readonly code: ProblemCode
  /** At most {@link MAX_PROBLEM_ISSUES}; see `errors_omitted`. */
  readonly errors: readonly ProblemIssue[]
  /** How many more issues there were than `errors` lists; absent when none. */
  readonly errors_omitted?: number
}

/** The outcome of reading a request at an API boundary: a typed value, or the problem to send back. */
export type BoundaryResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ProblemDetails }

const TITLES = { 400: 'Bad Request', 413: 'Content Too Large', 415: 'Unsupported Media Type' } as const

function problem(status: 400 | 413 | 415, code: ProblemCode, detail: string, issues: readonly ValidationIssue[]): ProblemDetails {
  const shown = issues.length > MAX_PROBLEM_ISSUES ? issues.slice(0, MAX_PROBLEM_ISSUES) : issues
  const errors: ProblemIssue[] = new Array(shown.length)
  for (let i = 0; i < shown.length; i++) {
    const issue = shown[i] as ValidationIssue
    errors[i] = { pointer: truncateText(String(issue.path), MAX_PROBLEM_TEXT), code: issue.code, detail: truncateText(String(issue.message), MAX_PROBLEM_TEXT) }
  }
  return {
    type: 'about:blank',
    title: TITLES[status],
    status,
    detail: truncateText(detail, 4 * MAX_PROBLEM_TEXT),
    code,
    errors,
    ...(issues.length > shown.length ? { errors_omitted: issues.length - shown.length } : {}),
  }
}

/**
 * The 415 problem for a body whose `Content-Type` is not JSON (`application/json` or a `+json`
 * type): every helper refuses it, so that a plain HTML form on any web page (which can send
 * `text/plain` or no type at all without a CORS preflight) cannot post to the API.
 */
export function unsupportedMediaTypeProblem(contentType: string | undefined): ProblemDetails {
  const detail = `request body must be JSON (Content-Type: application/json), not ${contentType === undefined ? 'a body without Content-Type' : JSON.stringify(truncateText(contentType, 100))}`
  return problem(415, 'UNSUPPORTED_MEDIA_TYPE', detail, [{ path: '', code: 'type', message: detail }])
}

/** A 400 problem listing validation issues (JSON Pointers into the request body). */
export function problemFromIssues(issues: readonly ValidationIssue[], what = 'request body'): ProblemDetails {
  const shown = issues.slice(0, 3).map((i) => `${truncateText(i.path, MAX_PROBLEM_TEXT) || '/'}: ${truncateText(i.message, MAX_PROBLEM_TEXT)}`)
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''
  return problem(400, 'INVALID_REQUEST', `invalid ${what}: ${shown.join('; ')}${more}`, issues)
}

/**
 * The problem for a {@link PayloadError} about a request body. `prefix` is the JSON Pointer of
 * the value inside the body (`/payload` for a send request's payload), prepended to the issues.
 * An error with issues is described by them, exactly as {@link problemFromIssues} describes
 * them (so a helper that throws and one that returns issues answer alike); one without issues
 * keeps its message, under the {@link ProblemCode} of its kind, as one issue at `prefix`.
 */
export function problemFromPayloadError(error: PayloadError, prefix = ''): ProblemDetails {
  const issues = (error.issues.length > MAX_PROBLEM_ISSUES + 1 ? error.issues.slice(0, MAX_PROBLEM_ISSUES) : error.issues).map((i) => ({ ...i, path: prefix + i.path }))
  if (issues.length < error.issues.length) return withOmitted(problemFromIssues(issues), error.issues.length - issues.length)
  if (issues.length > 0) return problemFromIssues(issues)
  const issue: ValidationIssue = { path: prefix, code: issueCodeOf(error.code), message: error.message }
  switch (error.code) {
    case 'TOO_LARGE':
      return problem(413, 'TOO_LARGE', error.message, [issue])
    case 'INVALID_JSON':
    case 'INVALID_UTF8':
    case 'TOO_DEEP':
      return problem(400, error.code, error.message, [issue])
    default:
      return problem(400, 'INVALID_REQUEST', error.message, [issue])
  }
}

/**
 * The outcome of a request whose body stream failed (the client disconnected mid-body, or the
 * stream errored): 400 `CLIENT_ABORTED`. The client is usually gone; {@link writeProblem} answers
 * only if the connection is still open.
 */
export function clientAbortedProblem(detail: string): ProblemDetails {
  return problem(400, 'CLIENT_ABORTED', detail, [])
}

/** The problem for a body over a size limit (413). */
export function tooLargeProblem(detail: string): ProblemDetails {
  return problem(413, 'TOO_LARGE', detail, [{ path: '', code: 'too_large', message: detail }])
}

/**
 * The 413 problem for a request body over `maxBytes`: the same words from every server helper
 * (the size itself is left out, since Fastify does not report it).
 */
export function bodyTooLargeProblem(maxBytes?: number): ProblemDetails {
  const limit = maxBytes === undefined ? 'the size limit' : `the limit of ${maxBytes} bytes`
  return tooLargeProblem(`request body is over ${limit}; send a smaller body`)
}

/** The 400 problem for a request body that is not JSON; `reason` is the parser's. */
export function invalidJsonProblem(reason: string): ProblemDetails {
  const detail = `request body is not valid JSON: ${reason}`
  return problem(400, 'INVALID_JSON', detail, [{ path: '', code: 'invalid_json', message: detail }])
}

function withOmitted(details: ProblemDetails, more: number): ProblemDetails {
  const omitted = (details.errors_omitted ?? 0) + more
  return { ...details, detail: details.detail.replace(/\(and [0-9]+ more\)$/, `(and ${details.errors.length + omitted - 3} more)`), errors_omitted: omitted }
}

/** Whether a `Content-Type` header names JSON: `application/json` or `application/<x>+json`, any parameters. */
export function isJsonContentType(header: string | readonly string[] | undefined): boolean {
  if (typeof header !== 'string') return false
  const semi = header.indexOf(';')
  const type = (semi === -1 ? header : header.slice(0, semi)).trim().toLowerCase()
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json') && !type.includes(' '))
}

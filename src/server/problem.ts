/**
 * RFC 9457 problem details for API boundaries: what a client gets back when its request or a
 * payload in it is wrong — the HTTP status, one sentence, and every issue at its JSON Pointer.
 *
 * @see {@link https://www.rfc-editor.org/rfc/rfc9457} "Problem Details for HTTP APIs"
 */
import type { PayloadError, PayloadErrorCode } from '../errors/payload-error.js'
import type { ValidationIssue, ValidationIssueCode } from '../validate/issues.js'

/** The media type of a problem details body. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

/**
 * What kind of problem: the codec's error codes, plus `INVALID_REQUEST` for envelope issues and
 * `CLIENT_ABORTED` for a client that went away before its body ended (nothing can be answered).
 */
export type ProblemCode = PayloadErrorCode | 'INVALID_REQUEST' | 'CLIENT_ABORTED'

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
  /** 400 for a request that is wrong, 413 for one over a size limit. */
  readonly status: 400 | 413
  /** One sentence: what is wrong and how to fix it. */
  readonly detail: string
  readonly code: ProblemCode
  readonly errors: readonly ProblemIssue[]
}

/** The outcome of reading a request at an API boundary: a typed value, or the problem to send back. */
export type BoundaryResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ProblemDetails }

const TITLES = { 400: 'Bad Request', 413: 'Content Too Large' } as const

function problem(status: 400 | 413, code: ProblemCode, detail: string, issues: readonly ValidationIssue[]): ProblemDetails {
  return {
    type: 'about:blank',
    title: TITLES[status],
    status,
    detail,
    code,
    errors: issues.map((i) => ({ pointer: i.path, code: i.code, detail: i.message })),
  }
}

/** A 400 problem listing validation issues (JSON Pointers into the request body). */
export function problemFromIssues(issues: readonly ValidationIssue[], what = 'request body'): ProblemDetails {
  const shown = issues.slice(0, 3).map((i) => `${i.path || '/'}: ${i.message}`)
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''
  return problem(400, 'INVALID_REQUEST', `invalid ${what}: ${shown.join('; ')}${more}`, issues)
}

/**
 * The problem for a {@link PayloadError}: 413 for `TOO_LARGE`, 400 otherwise. `prefix` is the JSON
 * Pointer of the payload inside the body (`/payload` for a send request), prepended to the issues.
 */
export function problemFromPayloadError(error: PayloadError, prefix = ''): ProblemDetails {
  const issues = error.issues.map((i) => ({ ...i, path: prefix + i.path }))
  if (issues.length === 0 && error.code !== 'TOO_LARGE') {
    issues.push({ path: prefix, code: error.code.toLowerCase() as ValidationIssueCode, message: error.message })
  }
  return problem(error.code === 'TOO_LARGE' ? 413 : 400, error.code, error.message, issues)
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
  return problem(413, 'TOO_LARGE', detail, [])
}

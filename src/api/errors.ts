/**
 * One error type for everything the read side can meet: the server's error body, an unreadable
 * or unexpected body, an input the server would mis-handle, and (in the client) HTTP, network,
 * timeout and cancellation. A `kind` to switch on, the server's own `msg` when it sent one,
 * issues with JSON Pointers, and the body as parsed (`value`) so that nothing received is lost.
 */
import type { ValidationIssue } from '../errors/issue.js'
import type { PayloadError } from '../errors/payload-error.js'

export type ApiErrorKind =
  /** The server answered its error body `{ msg, status }` (HTTP 400 in WuKongIM). */
  | 'server'
  /** The body is not JSON, too large, too deep, or not the shape this endpoint answers. */
  | 'body'
  /** A request the server would refuse or mis-handle; nothing was sent. */
  | 'input'
  /** An HTTP status other than 200 without WuKongIM's error body (a proxy, a 404 route, a 5xx). */
  | 'http'
  /** No answer within `timeoutMs`. */
  | 'timeout'
  /** The caller's `AbortSignal` fired. */
  | 'aborted'
  /** `fetch` itself failed (connection refused, DNS, TLS). */
  | 'network'

/** A typed failure of a read-side parser, builder or client call. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind
  /** The HTTP status (client), or the `status` of the server's error body. */
  readonly status: number | undefined
  /** WuKongIM's `msg` from its error body, verbatim (often Chinese, e.g. "login_uid不能为空！"). */
  readonly serverMessage: string | undefined
  /** What is wrong, with JSON Pointers into the body or the input. */
  readonly issues: readonly ValidationIssue[]
  /** The body as parsed (ids exact) or as text when it did not parse; undefined when none arrived. */
  readonly value: unknown
  /** The underlying error (a `PayloadError` for unreadable JSON, the `fetch` error, …). */
  override readonly cause: PayloadError | Error | undefined

  constructor(kind: ApiErrorKind, message: string, details: { status?: number | undefined; serverMessage?: string | undefined; issues?: readonly ValidationIssue[]; value?: unknown; cause?: PayloadError | Error | undefined } = {}) {
    super(message)
    this.name = 'ApiError'
    this.kind = kind
    this.status = details.status
    this.serverMessage = details.serverMessage
    this.issues = details.issues ?? []
    this.value = details.value
    this.cause = details.cause
  }
}

/** Whether a value is an {@link ApiError} (also across copies of the package). */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError || (error instanceof Error && error.name === 'ApiError' && typeof (error as { kind?: unknown }).kind === 'string')
}

/** `{ ok: true, value }` or `{ ok: false, error }`: what every parser and client method returns. */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError }

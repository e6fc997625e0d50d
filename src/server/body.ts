/**
 * Reading a request body from Node's `http.IncomingMessage` (or anything that yields its chunks)
 * with a size limit, without importing `node:http`: the types here are structural.
 */
import { limitOption } from '../wire/limits.js'
import { bodyTooLargeProblem, clientAbortedProblem, isJsonContentType, unsupportedMediaTypeProblem, type BoundaryResult, type ProblemDetails } from './problem.js'

/** What {@link readBody} needs of a request: its headers and its body chunks. */
export interface IncomingBody extends AsyncIterable<Uint8Array | string> {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  /** Present on Node streams: stops reading when a hostile body will not end. */
  destroy?(error?: Error): void
}

export interface ReadBodyOptions {
  /**
   * Largest body accepted, in bytes; a larger one is a 413 problem. Default 1 MiB. `Infinity`
   * switches the limit off; a value that is not an integer ≥ 0 — `NaN`, `-1`, `1.5`, `"100"` — is
   * ignored: the default applies (the one limit rule, `limitOption`).
   */
  readonly maxBodyBytes?: number
}

/** 1 MiB: WuKongIM's own frame limit, and Fastify's default `bodyLimit`. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

/** For string chunks (a stream given an encoding); made at first use. */
let encoder: TextEncoder | undefined

/**
 * A body larger than the limit is read on and dropped (so that the client, still sending, gets
 * the 413 instead of a reset connection) up to this many times the limit; past that the request
 * is destroyed.
 */
const DISCARD_FACTOR = 16

/** A short, safe description of whatever a stream threw (it may have no string form at all). */
function describeStreamError(error: unknown): string {
  try {
    const code = (error as { code?: unknown } | null)?.code
    const message = error instanceof Error ? error.message : ''
    return [typeof code === 'string' ? code : '', message].filter(Boolean).join(': ').slice(0, 200) || 'the stream failed'
  } catch {
    return 'the stream failed'
  }
}

/**
 * Reads a whole request body as bytes. A `Content-Length` over `maxBodyBytes` gives a 413 problem
 * at once, without reading the body; a body that grows over it, a 413 once it does (bytes beyond
 * the limit are never kept in memory). A stream that fails — the client disconnected mid-body —
 * gives a 400 `CLIENT_ABORTED` problem. Never rejects.
 */
export async function readBody(request: IncomingBody, options: ReadBodyOptions = {}): Promise<BoundaryResult<Uint8Array>> {
  const maxBytes = limitOption(options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES)
  const declared = Number(request.headers['content-length'])
  if (Number.isFinite(declared) && declared > maxBytes) {
    // Answered before reading: the caller's 413 goes out with `connection: close` (writeProblem).
    return { ok: false, problem: bodyTooLargeProblem(maxBytes) }
  }
  let tooLarge = false
  const chunks: Uint8Array[] = []
  let received = 0
  try {
    for await (const chunk of request) {
      const bytes = typeof chunk === 'string' ? (encoder ??= new TextEncoder()).encode(chunk) : chunk
      received += bytes.length
      if (received > maxBytes) tooLarge = true
      if (tooLarge) {
        chunks.length = 0
        if (received > maxBytes * DISCARD_FACTOR) {
          request.destroy?.()
          break
        }
        continue
      }
      chunks.push(bytes)
    }
  } catch (error) {
    return { ok: false, problem: clientAbortedProblem(`the request body ended early (${describeStreamError(error)}) after ${received} bytes; the client disconnected or the stream failed`) }
  }
  if (tooLarge) return { ok: false, problem: bodyTooLargeProblem(maxBytes) }
  const body = new Uint8Array(received)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.length
  }
  return { ok: true, value: body }
}

/**
 * The 415 problem when a request's `Content-Type` is not JSON (`application/json` or a `+json`
 * type, any parameters), else `undefined`. Every helper checks it before reading the body: a
 * `text/plain` or type-less POST is what an HTML form on any site can send without a preflight.
 */
export function checkJsonContentType(headers: Readonly<Record<string, string | string[] | undefined>>): ProblemDetails | undefined {
  const type = headers['content-type']
  return isJsonContentType(type) ? undefined : unsupportedMediaTypeProblem(typeof type === 'string' ? type : undefined)
}

/** {@link readBody} after {@link checkJsonContentType}: what every helper reads a JSON body with. */
export async function readJsonBody(request: IncomingBody, options: ReadBodyOptions = {}): Promise<BoundaryResult<Uint8Array>> {
  const problem = checkJsonContentType(request.headers)
  return problem ? { ok: false, problem } : readBody(request, options)
}

/**
 * The business server's side of `/message/send`: a body from its own clients → a validated
 * request with its payload decoded, or the problem details to answer with.
 */
import { strictUtf8ToText } from '../wire/base64-check.js'
import type { DecodeOptions } from '../codec/codec.js'
import { invalidPayloadError, isPayloadError } from '../errors/payload-error.js'
import { parseJsonExact } from '../wire/json-exact.js'
import type { Payload } from '../types/payload.js'
import type { SendMessageRequest } from '../send/request-schema.js'
import { validateSendRequest, type ValidatedSendRequest } from '../send/request.js'
import { readBody, type IncomingBody, type ReadBodyOptions } from './body.js'
import { problemFromIssues, problemFromPayloadError, type BoundaryResult } from './problem.js'

/** Options of the boundary helpers: the payload's limits and the body's. */
export interface BoundaryOptions extends DecodeOptions, ReadBodyOptions {}

/** Whether `body` is bytes; false, not a throw, for a Proxy whose prototype trap throws. */
function isBytes(body: unknown): body is Uint8Array {
  try {
    return body instanceof Uint8Array
  } catch {
    return false
  }
}

/**
 * Parses raw JSON body bytes or text exactly: strict UTF-8, the size and nesting limits, numbers
 * beyond 2^53 kept as decimal strings. Already-parsed values pass through.
 */
export function parseBody(body: unknown, options: ReadBodyOptions = {}): BoundaryResult<unknown> {
  if (typeof body !== 'string' && !isBytes(body)) return { ok: true, value: body }
  try {
    const text = typeof body === 'string' ? body : strictUtf8ToText(body)
    return { ok: true, value: parseJsonExact(text, options.maxBodyBytes === undefined ? {} : { maxBytes: options.maxBodyBytes }) }
  } catch (error) {
    if (isPayloadError(error)) return { ok: false, problem: problemFromPayloadError(error) }
    throw error
  }
}

/**
 * Checks a `/message/send` body from an untrusted client: the envelope against
 * `SendMessageRequestSchema`, then the Base64 payload decoded and validated. The body may be the
 * raw JSON (string or bytes) or a value a framework has parsed. Never throws for bad input.
 */
export function parseSendRequestBody(body: unknown, options: BoundaryOptions = {}): BoundaryResult<ValidatedSendRequest> {
  const parsed = parseBody(body, options)
  if (!parsed.ok) return parsed
  const result = validateSendRequest(parsed.value, options)
  return result.ok ? result : { ok: false, problem: problemFromIssues(result.issues) }
}

/** Reads a `node:http` request's body (with the size limit) and checks it as {@link parseSendRequestBody} does. */
export async function readSendRequest(request: IncomingBody, options: BoundaryOptions = {}): Promise<BoundaryResult<ValidatedSendRequest>> {
  const body = await readBody(request, options)
  return body.ok ? parseSendRequestBody(body.value, options) : body
}

/**
 * The payload of a send request whose envelope a framework has already validated against
 * `SendMessageRequestSchema` (Fastify's route schema): decoded and validated. Throws a
 * `PayloadError` whose issues point into the body (`/payload/mention/all`).
 */
export function decodeSendPayload(body: SendMessageRequest, options: DecodeOptions = {}): Payload {
  const result = validateSendRequest(body, options)
  if (!result.ok) throw invalidPayloadError(result.issues, '/message/send body')
  return result.value.payload
}

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
import { issueCodeOf } from '../errors/payload-error.js'
import type { ValidationIssue } from '../validate/issues.js'
import type { PayloadCodec } from '../webhooks/messages.js'
import { limitOption } from '../wire/limits.js'
import { DEFAULT_MAX_BODY_BYTES, readJsonBody, type IncomingBody, type ReadBodyOptions } from './body.js'
import { problemFromIssues, problemFromPayloadError, type BoundaryResult } from './problem.js'

/**
 * Options of the boundary helpers: the payload's limits, the body's, and the app's codec. Every
 * limit follows one rule: `Infinity` switches it off, an invalid value (`NaN`, negative,
 * fractional, not a number) means the default.
 */
export interface BoundaryOptions extends DecodeOptions, ReadBodyOptions {
  /**
   * A codec from `createCodec` (`wukong-payload/runtime`): payloads are decoded and validated
   * with it, so an app's own message types are checked at the boundary (a payload `{type: 21,
   * amount: "888"}` is refused when the codec defines 21 with a numeric `amount`). Without it,
   * the built-in types are checked and other types pass as `UnknownPayload` (forward compatible).
   */
  readonly codec?: PayloadCodec
}

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
  const parsed = parseBody(body, { maxBodyBytes: limitOption(options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES) })
  if (!parsed.ok) return parsed
  const result = options.codec ? validateWithCodec(parsed.value, options.codec, options) : validateSendRequest(parsed.value, options)
  return result.ok ? result : { ok: false, problem: problemFromIssues(result.issues) }
}

/**
 * {@link validateSendRequest} with the payload decoded by an app's codec: the envelope's issues
 * as always, the payload's from the codec (its own types known), at the same `/payload` pointers.
 */
function validateWithCodec(body: unknown, codec: PayloadCodec, options: DecodeOptions): ReturnType<typeof validateSendRequest> {
  const builtIn = validateSendRequest(body, options)
  const payloadText = typeof body === 'object' && body !== null ? (body as { payload?: unknown }).payload : undefined
  if (typeof payloadText !== 'string' || payloadText === '') return builtIn
  const issues: ValidationIssue[] = builtIn.ok ? [] : builtIn.issues.filter((i) => i.path !== '/payload' && !i.path.startsWith('/payload/'))
  const decoded = codec.safeDecodePayload(payloadText, options)
  if (!decoded.ok) {
    if (decoded.error.issues.length > 0) for (const issue of decoded.error.issues) issues.push({ ...issue, path: `/payload${issue.path}` })
    else issues.push({ path: '/payload', code: issueCodeOf(decoded.error.code), message: decoded.error.message })
  }
  if (issues.length > 0 || !decoded.ok) return { ok: false, issues }
  return { ok: true, value: { request: body as SendMessageRequest, payload: decoded.value as Payload } }
}

/** Reads a `node:http` request's body (with the size limit) and checks it as {@link parseSendRequestBody} does. */
export async function readSendRequest(request: IncomingBody, options: BoundaryOptions = {}): Promise<BoundaryResult<ValidatedSendRequest>> {
  const body = await readJsonBody(request, options)
  return body.ok ? parseSendRequestBody(body.value, options) : body
}

/**
 * The payload of a send request whose envelope a framework has already validated against
 * `SendMessageRequestSchema` (Fastify's route schema): decoded and validated. Throws a
 * `PayloadError` whose issues point into the body (`/payload/mention/all`).
 */
export function decodeSendPayload(body: SendMessageRequest, options: DecodeOptions & { readonly codec?: PayloadCodec } = {}): Payload {
  const result = options.codec ? validateWithCodec(body, options.codec, options) : validateSendRequest(body, options)
  if (!result.ok) throw invalidPayloadError(result.issues, '/message/send body')
  return result.value.payload
}

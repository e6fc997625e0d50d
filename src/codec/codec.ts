/**
 * `encodePayload` / `decodePayload`: validated payload ⇄ standard padded Base64 of UTF-8 JSON.
 */
import type { Payload, PayloadShape } from '../types/payload.js'
import type { ValidationIssue } from '../validate/issues.js'
import { validatePayload, type ValidateOptions, type ValidationResult } from '../validate/validate.js'
import { base64ToBytes, textToBase64, utf8Length, utf8ToText } from '#platform'
import { invalidPayloadError, isPayloadError, PayloadError } from '../errors/payload-error.js'
import { findUnencodable, hasUnsafeNumber } from './inspect.js'

/** 1 MiB: the largest frame WuKongIM's binary protocol accepts. */
export const DEFAULT_MAX_BYTES = 1024 * 1024

export interface DecodeOptions extends ValidateOptions {
  /** Accept URL-safe and unpadded Base64 (and whitespace). Default false: what the server accepts. */
  readonly lenient?: boolean
  /** Largest payload, in UTF-8 bytes, checked before decoding. Default 1 MiB. */
  readonly maxBytes?: number
}

export interface EncodeOptions extends ValidateOptions {
  /** Largest payload, in UTF-8 bytes. Default 1 MiB. */
  readonly maxBytes?: number
}

/** What `decodePayload` accepts: how WuKongIM deployments deliver a payload. */
export type PayloadInput = string | Uint8Array | ArrayBuffer | object

/** The outcome of a decode that does not throw: the payload, or the error `decodePayload` would throw. */
export type SafeDecodeResult<P = Payload> = { readonly ok: true; readonly value: P } | { readonly ok: false; readonly error: PayloadError }

function tooLarge(bytes: number, maxBytes: number): PayloadError {
  return new PayloadError('TOO_LARGE', `payload is ${bytes} bytes, more than maxBytes (${maxBytes}); WuKongIM's protocol caps a frame at 1 MiB`)
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    const position = /position (\d+)/.exec(detail)?.[1]
    const offset = position === undefined ? undefined : Number(position)
    const bom = text.charCodeAt(0) === 0xfeff ? ' (it starts with a byte-order mark; remove it)' : ''
    return new PayloadError('INVALID_JSON', `payload is not valid JSON${bom}: ${detail}`, [], offset)
  }
}

/** Validates a payload; the built-in `validatePayload` unless a codec brings its own. */
export type PayloadValidator = (value: unknown, options: ValidateOptions) => ValidationResult<Payload>

function validated(value: unknown, options: ValidateOptions, validate: PayloadValidator, what = 'payload'): Payload {
  const result = validate(value, options)
  if (!result.ok) throw invalidPayloadError(result.issues, what)
  return result.value
}

/** Decodes JSON text (already UTF-8 decoded) into a validated payload. */
function fromText(text: string, options: DecodeOptions, validate: PayloadValidator): Payload {
  const parsed = parseJson(text)
  if (isPayloadError(parsed)) throw parsed
  if (hasUnsafeNumber(parsed)) throw invalidPayloadError([findUnencodable(parsed, true) as ValidationIssue])
  return validated(parsed, options, validate)
}

/**
 * Decodes a payload as WuKongIM delivers it and validates it:
 * - a **string**: standard padded Base64 of UTF-8 JSON (REST `/message/send`, sync APIs, webhooks);
 * - a **Uint8Array** (or ArrayBuffer): the UTF-8 JSON bytes (binary protocol, after decryption);
 * - an **object**: an already-parsed payload (JSON-RPC, TangSengDaoDao's API).
 *
 * Limits are checked before the expensive work. Throws {@link PayloadError}.
 */
export function decodePayload(input: PayloadInput, options: DecodeOptions = {}): Payload {
  return decodeWith(validatePayload, input, options)
}

/** {@link decodePayload} with a given validator (used by `createCodec`). */
export function decodeWith(validate: PayloadValidator, input: PayloadInput, options: DecodeOptions = {}): Payload {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (typeof input === 'string') {
    const estimate = Math.floor((input.length * 3) / 4)
    if (estimate > maxBytes + 2) throw tooLarge(estimate, maxBytes)
    const bytes = base64ToBytes(input, options.lenient ?? false)
    if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes)
    return fromText(utf8ToText(bytes), options, validate)
  }
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input)
    if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes)
    return fromText(utf8ToText(bytes), options, validate)
  }
  if (typeof input === 'object' && input !== null) {
    const issue = findUnencodable(input, true, maxBytes)
    if (issue) throw invalidPayloadError([issue])
    return validated(input, options, validate)
  }
  const message = `decodePayload takes a Base64 string, UTF-8 bytes or a parsed payload object, not ${input === null ? 'null' : typeof input}`
  throw new PayloadError('INVALID_PAYLOAD', message, [{ path: '', code: 'type', message }])
}

/** {@link decodePayload} that returns its error instead of throwing. Never throws. */
export function safeDecodePayload(input: PayloadInput, options: DecodeOptions = {}): SafeDecodeResult {
  return safeDecodeWith(validatePayload, input, options)
}

/** {@link safeDecodePayload} with a given validator (used by `createCodec`). */
export function safeDecodeWith(validate: PayloadValidator, input: PayloadInput, options: DecodeOptions = {}): SafeDecodeResult {
  try {
    return { ok: true, value: decodeWith(validate, input, options) }
  } catch (error) {
    if (isPayloadError(error)) return { ok: false, error }
    // Not reachable by design; kept so that the contract "never throws" holds even for a bug.
    return { ok: false, error: new PayloadError('INVALID_PAYLOAD', `could not decode payload: ${String(error)}`) }
  }
}

/** JSON text of a validated payload, or the reason it cannot be written faithfully. */
export function payloadJson(payload: unknown, options: EncodeOptions = {}, what = 'payload', validate: PayloadValidator = validatePayload): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const problem: ValidationIssue | undefined = findUnencodable(payload, false, maxBytes)
  if (problem?.code === 'too_large') throw invalidPayloadError([problem], what)
  const result = validate(payload, options)
  if (!result.ok) throw invalidPayloadError(problem ? [...result.issues, problem] : result.issues, what)
  if (problem) throw invalidPayloadError([problem], what)
  const json = JSON.stringify(payload)
  // UTF-8 needs at most 3 bytes per UTF-16 unit: count exactly only when that bound is exceeded.
  if (json.length * 3 > maxBytes) {
    const bytes = utf8Length(json)
    if (bytes > maxBytes) throw tooLarge(bytes, maxBytes)
  }
  return json
}

/**
 * Validates a payload and encodes it as WuKongIM's `/message/send` wants it: standard padded
 * Base64 of its UTF-8 JSON (the only form the server's Go decoder accepts). Throws
 * {@link PayloadError}; never writes a value JSON would change (lone surrogates, NaN, BigInt).
 *
 * Typed strictly: a literal `type` requires exactly that type's shape, and a decoded `Payload`
 * passes as it is. A type this package does not define is written through an explicit type
 * argument, `encodePayload<RedPacketPayload>(packet)` (the argument is not inferred, so it is
 * never chosen by accident), or through `createCodec({ types })`.
 */
export function encodePayload<P extends PayloadShape = Payload>(payload: NoInfer<P>, options: EncodeOptions = {}): string {
  return textToBase64(payloadJson(payload, options))
}

/**
 * `encodePayload` / `decodePayload`: validated payload ⇄ standard padded Base64 of UTF-8 JSON.
 */
import type { Payload, PayloadShape } from '../types/payload.js'
import { DEFAULT_MAX_DEPTH, isCertainlyValid, validateForCodec, type DataRules, type ValidateOptions, type ValidationResult } from '../validate/validate.js'
import { base64ToBytes, base64ToText, textToBase64, utf8Length, utf8ToText } from '#platform'
import { invalidPayloadError, isPayloadError, PayloadError } from '../errors/payload-error.js'
import { limitOption } from '../wire/limits.js'

/** The options object of a call without options: recognised by identity, so that nothing is read from it. */
const NO_OPTIONS: DecodeOptions & EncodeOptions = {}

/** 1 MiB: the largest frame WuKongIM's binary protocol accepts. */
export const DEFAULT_MAX_BYTES = 1024 * 1024

export interface DecodeOptions extends ValidateOptions {
  /** Accept URL-safe and unpadded Base64 (and whitespace). Default false: what the server accepts. */
  readonly lenient?: boolean
  /**
   * Largest payload, in UTF-8 bytes (of the decoded JSON; CR/LF line breaks of wrapped Base64 do
   * not count), checked before decoding. Default 1 MiB. Not an integer ≥ 0 (`NaN`, `-1`, `1.5`):
   * the default applies.
   */
  readonly maxBytes?: number
}

export interface EncodeOptions extends ValidateOptions {
  /** Largest payload, in UTF-8 bytes. Default 1 MiB; not an integer ≥ 0: the default applies. */
  readonly maxBytes?: number
}

/** What `decodePayload` accepts: how WuKongIM deployments deliver a payload. */
export type PayloadInput = string | Uint8Array | ArrayBuffer | object

/** The outcome of a decode that does not throw: the payload, or the error `decodePayload` would throw. */
export type SafeDecodeResult<P = Payload> = { readonly ok: true; readonly value: P } | { readonly ok: false; readonly error: PayloadError }

function tooLarge(bytes: number, maxBytes: number): PayloadError {
  return new PayloadError('TOO_LARGE', `payload is ${bytes} bytes, more than maxBytes (${maxBytes}); WuKongIM's protocol caps a frame at 1 MiB`)
}

/** `JSON.parse`, throwing `INVALID_JSON` with the offset. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    const position = /position (\d+)/.exec(detail)?.[1]
    const offset = position === undefined ? undefined : Number(position)
    const bom = text.charCodeAt(0) === 0xfeff ? ' (it starts with a byte-order mark; remove it)' : ''
    throw new PayloadError('INVALID_JSON', `payload is not valid JSON${bom}: ${detail}`, [], offset)
  }
}

/**
 * Validates a payload with the codec's data rules; the built-in validators unless a codec brings
 * its own. The one notion of valid every entry shares (validatePayload is this with its defaults).
 */
export type PayloadValidator = (value: unknown, options: ValidateOptions, data: DataRules) => ValidationResult<Payload>

/** The built-in validators. */
const builtIn: PayloadValidator = validateForCodec

/**
 * `options` with an invalid `maxDepth` (`NaN`, negative, fractional) replaced by the default, so
 * that the validator never sees a limit that switches itself off. The same object when valid.
 */
function checkedOptions<T extends ValidateOptions>(options: T): T {
  const { maxDepth } = options
  return maxDepth === undefined || limitOption(maxDepth, -1) === maxDepth ? options : { ...options, maxDepth: DEFAULT_MAX_DEPTH }
}

/** What anything thrown says, even a value with no string form (`Object.create(null)`). */
function describeThrown(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error)
  } catch {
    return 'a value with no string form'
  }
}

/**
 * A `PayloadError` for something that was not one: a getter or Proxy trap of the input that
 * threw, or a validator that did. The codec throws nothing else.
 */
function foreignError(error: unknown, doing: string): PayloadError {
  if (isPayloadError(error)) return error
  const message = `${doing} threw (${describeThrown(error).slice(0, 200)}): pass plain JSON data, without getters or proxies that throw`
  return new PayloadError('INVALID_PAYLOAD', message, [{ path: '', code: 'invalid', message }])
}

/**
 * The validated payload, or the error with every issue (a limit hit as `TOO_DEEP`/`TOO_LARGE`).
 * `delivered`: the value came in (a decode), and the error carries it.
 */
function validated(value: unknown, options: ValidateOptions, validate: PayloadValidator, data: DataRules, what = 'payload'): Payload {
  let result: ValidationResult<Payload>
  try {
    result = validate(value, options, data)
  } catch (error) {
    throw foreignError(error, 'validating the payload')
  }
  if (!result.ok) throw invalidPayloadError(result.issues, what, data.sending ? undefined : { value })
  return result.value
}

/** Decodes JSON text (already UTF-8 decoded) into a validated payload: one parse, one validation. */
function fromText(text: string, options: DecodeOptions, validate: PayloadValidator, maxBytes: number): Payload {
  return validated(parseJson(text), options, validate, { maxBytes, sending: false })
}

/**
 * Characters of a Base64 string that carry data: all but CR/LF (which the server's Go decoder
 * skips), and with `lenient` all but whitespace. Counted only when the length alone is over.
 */
function base64DataLength(input: string, lenient: boolean): number {
  let n = 0
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i)
    if (c === 0x0d || c === 0x0a || (lenient && (c === 0x20 || c === 0x09 || c === 0x0c || c === 0x0b))) continue
    n++
  }
  return n
}

/**
 * Decodes a payload as WuKongIM delivers it and validates it:
 * - a **string**: standard padded Base64 of UTF-8 JSON (REST `/message/send`, sync APIs, webhooks);
 * - a **Uint8Array** (or ArrayBuffer): the UTF-8 JSON bytes (binary protocol, after decryption);
 * - an **object**: an already-parsed payload (JSON-RPC, TangSengDaoDao's API).
 *
 * Limits are checked before the expensive work. Throws {@link PayloadError}.
 */
export function decodePayload(input: PayloadInput, options?: DecodeOptions): Payload {
  const o = options ?? NO_OPTIONS
  if (typeof input === 'string') {
    const parsed = quickParse(input, o)
    // Parsed once: certainly valid is the common case; anything else is validated, with every issue, from here.
    if (parsed !== NOT_PARSED) return isCertainlyValid(parsed, o, maxBytesOf(o)) ? (parsed as Payload) : decodeParsed(parsed, o)
  }
  return decodeWith(builtIn, input, o)
}

/** What {@link quickParse} returns for a string it leaves to the complete path (which says why). */
const NOT_PARSED: unique symbol = Symbol('not parsed')

function maxBytesOf(options: DecodeOptions): number {
  return options === NO_OPTIONS ? DEFAULT_MAX_BYTES : limitOption(options.maxBytes, DEFAULT_MAX_BYTES)
}

/**
 * A string's JSON value when it is strict Base64 of UTF-8 JSON within the limits, each in one
 * step; {@link NOT_PARSED} for anything else (and for every error of the wire): the complete
 * path then decodes it and says what is wrong. The value is then validated once, the error path
 * included: the text is decoded once and parsed once.
 */
function quickParse(input: string, options: DecodeOptions): unknown {
  if (options.lenient || (input.length / 4) * 3 > maxBytesOf(options)) return NOT_PARSED
  const text = base64ToText(input)
  if (text === undefined) return NOT_PARSED
  try {
    return JSON.parse(text)
  } catch {
    return NOT_PARSED
  }
}

/** A parsed value the one-pass check did not take, validated completely (every issue, or the value). */
function decodeParsed(parsed: unknown, options: DecodeOptions): Payload {
  try {
    return validated(parsed, checkedOptions(options), builtIn, { maxBytes: maxBytesOf(options), sending: false })
  } catch (error) {
    throw foreignError(error, 'reading the payload')
  }
}

/** {@link decodePayload} with a given validator (used by `createCodec`). */
export function decodeWith(validate: PayloadValidator, input: PayloadInput, options: DecodeOptions = {}): Payload {
  try {
    return decodeChecked(validate, input, checkedOptions(options))
  } catch (error) {
    throw foreignError(error, 'reading the payload')
  }
}

function decodeChecked(validate: PayloadValidator, input: PayloadInput, options: DecodeOptions): Payload {
  const maxBytes = limitOption(options.maxBytes, DEFAULT_MAX_BYTES)
  const lenient = options.lenient ?? false
  if (typeof input === 'string') {
    let estimate = Math.floor((input.length * 3) / 4)
    // Line breaks of wrapped Base64 carry no data: count only the rest, and only when it matters.
    if (estimate > maxBytes + 2) estimate = Math.floor((base64DataLength(input, lenient) * 3) / 4)
    if (estimate > maxBytes + 2) throw tooLarge(estimate, maxBytes)
    const bytes = base64ToBytes(input, lenient)
    if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes)
    return fromText(utf8ToText(bytes), options, validate, maxBytes)
  }
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input)
    if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes)
    return fromText(utf8ToText(bytes), options, validate, maxBytes)
  }
  if (typeof input === 'object' && input !== null) {
    // The validation's plain-data walk comes first: a cycle, an exploding shared structure or a
    // 100,000-level nesting is refused in time bounded by maxBytes, before the validators run.
    return validated(input, options, validate, { maxBytes, sending: false })
  }
  const message = `decodePayload takes a Base64 string, UTF-8 bytes or a parsed payload object, not ${input === null ? 'null' : typeof input}`
  throw new PayloadError('INVALID_PAYLOAD', message, [{ path: '', code: 'type', message }])
}

/** {@link decodePayload} that returns its error instead of throwing. Never throws. */
export function safeDecodePayload(input: PayloadInput, options?: DecodeOptions): SafeDecodeResult {
  const o = options ?? NO_OPTIONS
  if (typeof input === 'string') {
    const parsed = quickParse(input, o)
    if (parsed !== NOT_PARSED) {
      if (isCertainlyValid(parsed, o, maxBytesOf(o))) return { ok: true, value: parsed as Payload }
      try {
        return { ok: true, value: decodeParsed(parsed, o) }
      } catch (error) {
        return { ok: false, error: foreignError(error, 'decoding the payload') }
      }
    }
  }
  return safeDecodeWith(builtIn, input, o)
}

/** {@link safeDecodePayload} with a given validator (used by `createCodec`). */
export function safeDecodeWith(validate: PayloadValidator, input: PayloadInput, options: DecodeOptions = {}): SafeDecodeResult {
  try {
    return { ok: true, value: decodeWith(validate, input, options) }
  } catch (error) {
    // decodeWith throws only PayloadErrors; kept so that "never throws" holds even for a bug.
    return { ok: false, error: foreignError(error, 'decoding the payload') }
  }
}

/**
 * JSON text of a validated payload, or the reason it cannot be written faithfully. What is
 * validated is what is written: the value is read once, by `JSON.stringify`, and its text parsed
 * back into one snapshot of plain data, which is validated (and is exactly what the text holds).
 * A getter that answers differently when read again, or a non-enumerable field that
 * `JSON.stringify` skips, can therefore not slip past the validation. Values JSON.stringify would
 * rewrite (`toJSON`, class instances, `Date`, `Map`, `NaN`, `undefined` in an array) are refused
 * on the value itself first, and so is a value certainly over `maxBytes` (a bounded walk), before
 * anything is serialised.
 */
export function payloadJson(payload: unknown, options: EncodeOptions = {}, what = 'payload', validate: PayloadValidator = builtIn): string {
  const json = quickJson(payload, options, validate)
  if (json !== undefined) return json
  try {
    return payloadJsonChecked(payload, checkedOptions(options), what, validate)
  } catch (error) {
    throw foreignError(error, 'reading the payload')
  }
}

/**
 * The JSON of a payload that is certainly valid plain data within the limit, or `undefined`: the
 * complete path then decides, and says why. Never throws. The one-pass check runs on the value
 * (nothing JSON.stringify would rewrite) and on the snapshot parsed back from its text (what is
 * written is valid).
 */
function quickJson(payload: unknown, options: EncodeOptions, validate: PayloadValidator): string | undefined {
  const maxBytes = options === NO_OPTIONS ? DEFAULT_MAX_BYTES : limitOption(options.maxBytes, DEFAULT_MAX_BYTES)
  if (validate !== builtIn || !isCertainlyValid(payload, options, maxBytes)) return undefined
  let json: string
  try {
    json = JSON.stringify(payload)
    if (!isCertainlyValid(JSON.parse(json), options, maxBytes)) return undefined
  } catch {
    return undefined
  }
  // Plain JSON data, valid: what is left is what JSON.stringify escapes, a lone surrogate (written
  // as `\udxxx`; a literal backslash before "ud" only sends it down the complete path).
  return !json.includes('\\ud') && (json.length * 3 <= maxBytes || utf8Length(json) <= maxBytes) ? json : undefined
}

function payloadJsonChecked(payload: unknown, options: EncodeOptions, what: string, validate: PayloadValidator): string {
  const maxBytes = limitOption(options.maxBytes, DEFAULT_MAX_BYTES)
  const data: DataRules = { maxBytes, sending: true }
  // The value itself: nothing JSON.stringify would rewrite, drop or choke on (and a limit hit),
  // reported with the schema's issues, as the value was given.
  const given = (() => {
    try {
      return validate(payload, options, data)
    } catch (error) {
      throw foreignError(error, 'validating the payload')
    }
  })()
  if (!given.ok) throw invalidPayloadError(given.issues, what)
  // The one snapshot: read once, validated, written.
  const json = JSON.stringify(payload)
  if (typeof json !== 'string') throw invalidPayloadError([{ path: '', code: 'type', message: 'JSON.stringify wrote nothing for this value (a toJSON returning undefined?); pass plain JSON data' }], what)
  validated(JSON.parse(json), options, validate, data, what)
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
export function encodePayload<P extends PayloadShape = Payload>(payload: NoInfer<P>, options?: EncodeOptions): string {
  return textToBase64(payloadJson(payload, options ?? NO_OPTIONS))
}

/**
 * `wukong-payload/codec`: decode, encode and validate, without the TypeBox schemas. The root
 * entry exports every schema (the single source of truth), and building them needs TypeBox's
 * builders at import; a server that only relays payloads can skip that and start faster.
 *
 * @module wukong-payload/codec
 */
export { decodePayload, encodePayload, safeDecodePayload, DEFAULT_MAX_BYTES } from '../codec/codec.js'
export type { DecodeOptions, EncodeOptions, PayloadInput, SafeDecodeResult } from '../codec/codec.js'
export { decodeForDisplay, unreadablePartOf } from '../codec/display.js'
export type { DisplayDecodeResult } from '../codec/display.js'
export { isPayloadError, PayloadError } from '../errors/payload-error.js'
export type { PayloadErrorCode } from '../errors/payload-error.js'
export { isKnownPayload, isPayload, isSystemPayload, validatePayload } from '../validate/validate.js'
export type { ValidateOptions, ValidationResult } from '../validate/validate.js'
export type { ValidationIssue, ValidationIssueCode } from '../validate/issues.js'
export type { GenericSystemPayload, KnownPayload, KnownSystemPayload, Payload, PayloadOfType, PayloadShape, SystemPayload, UnknownPayload, UnknownTypeNumber } from '../types/payload.js'

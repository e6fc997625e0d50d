/**
 * What the three platform adapters share: the conversion result that names what was lost, the
 * WuKongIM side of every conversion (a `/message/send` body, decoded and validated), and the
 * errors they throw.
 */
import { encodePayload, safeDecodePayload } from '../codec/codec.js'
import { readPlain } from '../errors/foreign.js'
import { invalidPayloadError, isPayloadError, PayloadError } from '../errors/payload-error.js'
import * as validators from '../generated/adapters.js'
import type { ValidateFunction } from '../generated/validators.js'
import type { Payload } from '../types/payload.js'
import type { SendMessageRequest } from '../send/request-schema.js'
import { validateSendRequest } from '../send/request.js'
import { issuesFromAjv, pointerSegment, type ValidationIssue } from '../validate/issues.js'

/** One field or meaning that the target platform cannot represent. */
export interface LostField {
  /** JSON Pointer into the *source* value: `/payload/mention`, `/header/red_dot`, `/expire`. */
  readonly path: string
  /** What the target does instead, or why nothing can carry it. */
  readonly reason: string
}

/** A conversion: the converted value, and everything it could not carry. Never silently lossy. */
export interface Conversion<T> {
  readonly value: T
  readonly lost: readonly LostField[]
}

/** The WuKongIM side of a conversion: a validated send request and its decoded payload. */
export interface WukongMessage {
  readonly request: SendMessageRequest
  readonly payload: Payload
}

/** Decodes and validates a WuKongIM `/message/send` body; throws `PayloadError` naming each issue. */
export function readWukongRequest(body: SendMessageRequest): WukongMessage {
  const result = validateSendRequest(body)
  if (!result.ok) throw invalidPayloadError(result.issues, '/message/send body')
  return result.value
}

/** Validates a platform body with its generated validator; throws `PayloadError` naming each issue. */
export function checkWith(validate: ValidateFunction, value: unknown, what: string, prefix = ''): void {
  if (validate(value)) return
  const issues: ValidationIssue[] = []
  issuesFromAjv(validate.errors ?? [], value, prefix, issues)
  throw invalidPayloadError(issues, what)
}

/**
 * Validates a platform body with its generated validator, then the part whose shape depends on
 * the message type — OpenIM's `content`, Lanying's `attachment`, CommsEase's `attach` (those two
 * JSON in a string) — with the generated validator `${prefix}${type}`, when that type has one.
 */
export function checkBody(body: ValidateFunction, value: unknown, typeKey: string, partKey: string, prefix: string, what: string): void {
  checkWith(body, value, what)
  const record = value as Record<string, unknown>
  const part = (validators as unknown as Record<string, ValidateFunction | undefined>)[`${prefix}${String(record[typeKey])}`]
  if (part === undefined) return
  const raw = record[partKey]
  const parsed = typeof raw === 'string' ? jsonObject(raw) : raw
  if (parsed === undefined) throw ruleError(`/${partKey}`, `${typeKey} ${String(record[typeKey])} needs ${partKey}: a JSON object in a string`, what)
  checkWith(part, parsed, what, `/${partKey}`)
}

/** A `PayloadError` for a rule of the target platform that the input breaks. */
export function ruleError(path: string, message: string, what: string): PayloadError {
  return invalidPayloadError([{ path, code: 'invalid', message }], what)
}

/** Records a payload field the mapping did not use: every key of `payload` outside `used`. */
export function lostKeys(payload: Readonly<Record<string, unknown>>, used: readonly string[], prefix: string, platform: string, lost: LostField[]): void {
  for (const key of Object.keys(payload)) {
    if (!used.includes(key)) lost.push({ path: `${prefix}/${pointerSegment(key)}`, reason: `${platform} has no field for it` })
  }
}

/** Envelope fields no peer platform carries, recorded when present. */
export function lostEnvelope(request: SendMessageRequest, fields: readonly (keyof SendMessageRequest)[], platform: string, lost: LostField[]): void {
  for (const field of fields) {
    if (request[field] !== undefined) lost.push({ path: `/${field}`, reason: `${platform} has no field for it` })
  }
}

/** The file extension of a name or URL, lower case, without the dot; '' when there is none. */
export function extensionOf(nameOrUrl: string): string {
  const path = nameOrUrl.split(/[?#]/)[0] ?? ''
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(path)
  return match ? (match[1] as string).toLowerCase() : ''
}

/** Parses a JSON string field of a platform body (attachments, `ext`, `data`); undefined when it is not a JSON object. */
export function jsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined || text === '') return undefined
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** Builds the WuKongIM body of a converted message: the payload encoded (and so validated). */
export function wukongRequest(fields: Omit<SendMessageRequest, 'payload'>, payload: Payload, what: string): SendMessageRequest {
  try {
    return { ...fields, payload: encodePayload(payload) }
  } catch (error) {
    if (isPayloadError(error)) throw new PayloadError(error.code, `${what} converts to an invalid WuKongIM payload: ${error.message}`, error.issues.map((i) => ({ ...i, path: `/payload${i.path}` })))
    throw error
  }
}

/**
 * A payload carried whole where the platform has no matching type: its JSON in the platform's
 * custom-data field, marked so that the way back restores it exactly.
 */
export const CARRIED_PAYLOAD_KEY = 'wukong_payload'

/** Whether two JSON values are equal, key order aside. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

function isContainer(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0
}

/** Adds each place where `back` differs from `original` (the highest such place) that no `lost` entry covers. */
function differences(original: unknown, back: unknown, path: string, platform: string, lost: LostField[]): void {
  const covered = lost.some((l) => path === l.path || path.startsWith(`${l.path}/`))
  if (covered || sameJson(original, back)) return
  if (isContainer(original) && isContainer(back) && Array.isArray(original) === Array.isArray(back)) {
    for (const key of Object.keys(original)) differences(original[key], back[key], `${path}/${pointerSegment(key)}`, platform, lost)
    return
  }
  lost.push({ path, reason: back === undefined ? `${platform} does not carry it: the way back leaves it out` : `${platform} does not carry it as it is: the way back gives ${JSON.stringify(back)?.slice(0, 60) ?? 'another value'}` })
}

/**
 * The one rule that keeps `lost` complete: converts the result back and names every field of the
 * original (envelope and payload, by JSON Pointer) that does not come back equal and that no
 * specific rule named already — an empty `mention: {}`, an image's `size: 0`, whatever a mapping
 * did not foresee. `back` is the way back (the platform's `from…` function); when it cannot read
 * the result, nothing is added (the specific rules stand).
 */
export function lostOnTheWayBack(original: WukongMessage, back: () => SendMessageRequest, platform: string, lost: LostField[]): void {
  let request: SendMessageRequest
  try {
    request = back()
  } catch {
    return
  }
  const { payload: _sent, ...envelope } = original.request
  const { payload: returned, ...backEnvelope } = request
  void _sent
  for (const key of Object.keys(envelope)) differences((envelope as Record<string, unknown>)[key], (backEnvelope as Record<string, unknown>)[key], `/${pointerSegment(key)}`, platform, lost)
  const decoded = safeDecodePayload(returned)
  differences(original.payload, decoded.ok ? decoded.value : undefined, '/payload', platform, lost)
}

/**
 * A platform body as one plain-data snapshot (see `readPlain`): text and `URLSearchParams` as
 * they are; a getter or Proxy trap that throws is a `PayloadError` at its JSON Pointer, so the
 * conversions throw nothing else.
 */
export function plainBody<T>(body: T, what: string): T {
  if (typeof body !== 'object' || body === null) return body
  try {
    if (body instanceof URLSearchParams) return body
  } catch {
    // A Proxy whose prototype trap throws: read below, as any object.
  }
  const read = readPlain(body)
  if (!read.ok) throw invalidPayloadError([read.issue], what)
  return read.value as T
}

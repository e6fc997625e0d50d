import type { ValidationIssue, ValidationIssueCode } from './issue.js'

/** Why a payload could not be encoded or decoded. */
export type PayloadErrorCode = 'INVALID_BASE64' | 'INVALID_UTF8' | 'INVALID_JSON' | 'INVALID_PAYLOAD' | 'TOO_LARGE' | 'TOO_DEEP'

/**
 * Every PayloadError constructed, by any copy of the package (ESM and CJS), is in this one set:
 * {@link isPayloadError} asks it, not a property of the value, so a value that merely carries a
 * brand (a thrown object with the old `Symbol.for` key, a Proxy) can never pass as one. The set is
 * shared through a `Symbol.for` key on `globalThis`, defined read-only by the first error
 * constructed (importing the package changes nothing global).
 */
const REGISTRY_KEY = Symbol.for('wukong-payload.PayloadError.instances')

/** The shared set, or `undefined` before any PayloadError exists; `create` makes it. */
function registry(create: boolean): WeakSet<object> | undefined {
  const existing = (globalThis as unknown as Record<symbol, unknown>)[REGISTRY_KEY]
  if (existing instanceof WeakSet) return existing as WeakSet<object>
  if (!create) return undefined
  const created = new WeakSet<object>()
  Object.defineProperty(globalThis, REGISTRY_KEY, { value: created, writable: false, enumerable: false, configurable: false })
  return created
}

/** This copy's handle on the shared set, once it exists. */
let instances: WeakSet<object> | undefined

/** Kept on each error for code that reads it; {@link isPayloadError} no longer trusts it. */
const BRAND = Symbol.for('wukong-payload.PayloadError')

/**
 * The one error the codec throws. `code` says what kind of problem it is, `message` what to fix,
 * `issues` where (JSON Pointers into the payload, or into the request body).
 */
export class PayloadError extends Error {
  readonly code: PayloadErrorCode
  readonly issues: readonly ValidationIssue[]
  /** Byte or character offset into the input, for Base64, UTF-8 and JSON errors. */
  readonly offset: number | undefined
  /**
   * The payload as delivered, when it parsed but failed validation: the parsed JSON (or the object
   * given), unchanged and not copied, so that a receiving app can still show what it can of it
   * (see `decodeForDisplay`). Absent when there was nothing to parse (bad Base64, UTF-8 or JSON,
   * a size limit) and on encode.
   */
  declare readonly value?: unknown

  constructor(code: PayloadErrorCode, message: string, issues: readonly ValidationIssue[] = [], offset?: number, delivered?: { readonly value: unknown }) {
    super(message)
    this.name = 'PayloadError'
    this.code = code
    this.issues = issues
    this.offset = offset
    // Set only when given: `'value' in error` then tells "parsed to null" from "nothing parsed".
    if (delivered) this.value = delivered.value
    Object.defineProperty(this, BRAND, { value: true })
    instances ??= registry(true)
    instances?.add(this)
  }
}

/**
 * Whether `error` is a {@link PayloadError} made by this package's constructor. Works across the
 * package's ESM and CJS copies (a dual-package install loads both, and `instanceof` then fails for
 * errors of the other copy). Unforgeable: a thrown object that copies the fields or the brand is
 * not one. Never throws, not even for a Proxy (a WeakSet lookup runs no trap).
 */
export function isPayloadError(error: unknown): error is PayloadError {
  if (typeof error !== 'object' || error === null) return false
  instances ??= registry(false)
  return instances !== undefined && instances.has(error)
}

/**
 * A {@link PayloadError} for schema issues, whose message lists the first few; `delivered` is the
 * value that failed (kept as {@link PayloadError.value}).
 */
export function invalidPayloadError(issues: readonly ValidationIssue[], what = 'payload', delivered?: { readonly value: unknown }): PayloadError {
  // A limit hit is reported under its own code (TOO_DEEP, TOO_LARGE), not as an invalid payload.
  const limit = issues.find((i) => i.code === 'too_deep' || i.code === 'too_large')
  if (limit) return new PayloadError(limit.code.toUpperCase() as PayloadErrorCode, `${what} is over a limit at ${limit.path || '/'}: ${limit.message}`, issues, undefined, delivered)
  const shown = issues.slice(0, 3).map((i) => `${i.path || '/'}: ${i.message}`)
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''
  return new PayloadError('INVALID_PAYLOAD', `invalid ${what}: ${shown.join('; ')}${more}`, issues, undefined, delivered)
}

const ISSUE_CODES: Readonly<Record<PayloadErrorCode, ValidationIssueCode>> = {
  INVALID_BASE64: 'invalid_base64',
  INVALID_UTF8: 'invalid_utf8',
  INVALID_JSON: 'invalid_json',
  INVALID_PAYLOAD: 'invalid',
  TOO_LARGE: 'too_large',
  TOO_DEEP: 'too_deep',
}

/** The issue code that reports a {@link PayloadError} of this code as one issue (an error without issues of its own). */
export function issueCodeOf(code: PayloadErrorCode): ValidationIssueCode {
  return ISSUE_CODES[code]
}

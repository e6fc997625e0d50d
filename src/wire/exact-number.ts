/**
 * The one exact-number rule for every number around a payload — envelopes, webhook bodies, send
 * responses, event replies: a number is taken as a JavaScript number only when the double holds
 * what was written; otherwise it is kept as its exact text, and a field that must be an integer
 * refuses it. Nothing is rounded: `9007199254740990.9` does not become `9007199254740991`,
 * `1e-400` does not become `0`, `18446744073709551617` does not become `18446744073709552000`.
 * A `bigint` (a body parsed by json-bigint or a BigInt reviver) is an exact integer.
 */

/** How a JSON number literal reads: `safe` as a JS number, else kept as text. */
export type NumberReading =
  | { readonly kind: 'safe'; readonly value: number }
  /** An integer beyond ±(2^53 − 1), as its canonical decimal text (`1.8e18` → `"1800000000000000000"`). */
  | { readonly kind: 'integer'; readonly text: string }
  /** A non-integer a double cannot hold as written (rounds to an integer, underflows to 0, overflows), as written. */
  | { readonly kind: 'inexact'; readonly text: string }

const NUMBER = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/

/** Digits of an integer in exponent form written out at most this long (a longer one stays as written). */
const MAX_INTEGER_DIGITS = 400

/**
 * How the JSON number literal `text` reads under the rule: a number when the double is exact
 * enough — a safe integer, or a non-integer whose double is still a non-zero non-integer (the
 * ordinary nearest-double reading of a fraction) — else its text. `undefined` when `text` is not
 * a JSON number literal.
 */
export function readNumberText(text: string): NumberReading | undefined {
  const m = NUMBER.exec(text)
  if (!m) return undefined
  const [, sign = '', int = '', frac = '', exp = ''] = m
  const n = Number(text)
  // The common cases first: plain short integers.
  if (frac === '' && exp === '') {
    if (int.length <= 15) return { kind: 'safe', value: n }
    // A 16+-digit literal within ±(2^53 − 1) converts exactly; beyond, Number() lands on 2^53 or past it.
    return Number.isSafeInteger(n) ? { kind: 'safe', value: n } : { kind: 'integer', text: canonical(sign, int) }
  }
  const integer = integerDigits(int, frac, exp)
  if (integer !== undefined) {
    const canon = canonical(sign, integer)
    const value = Number(canon)
    return Number.isSafeInteger(value) ? { kind: 'safe', value } : { kind: 'integer', text: canon }
  }
  // Not an integer (or an integer too long to write out): a number only when the double is a
  // finite, non-zero non-integer — it then keeps being a fraction, as written.
  if (Number.isFinite(n) && n !== 0 && !Number.isInteger(n)) return { kind: 'safe', value: n }
  return { kind: 'inexact', text }
}

function canonical(sign: string, digits: string): string {
  let start = 0
  while (start < digits.length - 1 && digits.charCodeAt(start) === 0x30) start++
  const d = digits.slice(start)
  return d === '0' ? '0' : sign + d
}

/** Whether `s` is only "0"s (or empty); a loop, not a regex (no backtracking to reason about). */
function allZeros(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 0x30) return false
  return true
}

/** The integer's digits when int.frac × 10^exp is an integer of at most MAX_INTEGER_DIGITS digits. */
function integerDigits(int: string, frac: string, exp: string): string | undefined {
  const e = exp === '' ? 0 : Number(exp)
  if (!Number.isSafeInteger(e)) return undefined
  let end = frac.length
  while (end > 0 && frac.charCodeAt(end - 1) === 0x30) end--
  const f = frac.slice(0, end)
  const digits = int + f
  const shift = e - f.length
  if (shift >= 0) {
    if (allZeros(digits)) return '0'
    let start = 0
    while (digits.charCodeAt(start) === 0x30) start++
    const significant = digits.slice(start)
    if (significant.length + shift > MAX_INTEGER_DIGITS) return undefined
    return significant + '0'.repeat(shift)
  }
  if (-shift > digits.length) return allZeros(digits) ? '0' : undefined
  if (!allZeros(digits.slice(digits.length + shift))) return undefined
  return digits.slice(0, digits.length + shift) || '0'
}

/** Why a value is not an exact integer, or the integer as canonical decimal text. */
export type ExactIntegerResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string }

/** A short description of any value for an error message (never throws: BigInt, symbols, Proxies). */
export function describeValue(value: unknown): string {
  try {
    if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)
    if (typeof value === 'bigint') return `${value}n`
    if (typeof value === 'number') return String(value)
    if (value === null) return 'null'
    if (Array.isArray(value)) return 'an array'
    return typeof value === 'object' ? 'an object' : typeof value
  } catch {
    return 'an unreadable value'
  }
}

/**
 * The rule for an integer field (ids, sequence numbers, counts, timestamps): a safe integer
 * number, a `bigint`, or a string of decimal digits (what the exact parse keeps beyond 2^53) is
 * the integer, as canonical decimal text; anything else — a number already rounded (beyond 2^53,
 * so `JSON.parse` changed it), a fraction, a string that is not an integer — is refused with why.
 */
export function exactInteger(value: unknown): ExactIntegerResult {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return { ok: true, text: String(value === 0 ? 0 : value) }
    if (Number.isInteger(value)) return { ok: false, reason: `${value} is beyond 2^53 and was already rounded (JSON.parse); read the body as text` }
    return { ok: false, reason: `${describeValue(value)} is not an integer` }
  }
  if (typeof value === 'bigint') return { ok: true, text: value.toString() }
  if (typeof value === 'string') {
    if (/^-?(0|[1-9][0-9]*)$/.test(value) && value !== '-0') return { ok: true, text: value }
    const reading = value.length <= 1000 ? readNumberText(value) : undefined
    if (reading?.kind === 'integer') return { ok: true, text: reading.text }
    return { ok: false, reason: `${describeValue(value)} is not an integer (a number written with a fraction or out of range is never rounded)` }
  }
  return { ok: false, reason: `${describeValue(value)} is not an integer` }
}

/**
 * The rule for an integer field that the API types as a JS `number` (sequence numbers, counts,
 * statuses, timestamps): {@link exactInteger}, and then within ±(2^53 − 1); beyond that it is
 * refused, not rounded (its exact text stays wherever the raw value is kept).
 */
export function exactSafeInteger(value: unknown): { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: string } {
  const integer = exactInteger(value)
  if (!integer.ok) return integer
  const n = Number(integer.text)
  if (!Number.isSafeInteger(n)) return { ok: false, reason: `${integer.text} is beyond 2^53 and cannot be a JavaScript number exactly` }
  return { ok: true, value: n }
}

/**
 * A number-like value as it should stand in an exact envelope: a safe number as is, a `bigint` as
 * a number when safe and as decimal text beyond, anything else unchanged.
 */
export function exactValue(value: unknown): unknown {
  if (typeof value !== 'bigint') return value
  const n = Number(value)
  return Number.isSafeInteger(n) ? n : value.toString()
}

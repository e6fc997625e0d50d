/**
 * The same result as `parseJsonExact` (json-exact.ts) at close to `JSON.parse`'s speed, for large
 * read-side bodies (a 1,000-message `/channel/messagesync` answer). One scan outside strings
 * (jumping over each string with `indexOf`) records the exact text of every integer a double
 * cannot hold and how many keys each object has; the native `JSON.parse` builds the value; one
 * walk in document order puts each recorded text where its rounded number landed, checking that
 * it is the same number. Anything the scan or the walk does not settle for certain — a fraction
 * or exponent beyond 2^53, an integer-like key (JavaScript reorders those), a duplicate key (a
 * key count that differs), a number that does not match — goes to `parseJsonExact`, which then
 * decides and reports. Text that is not JSON goes there too, for its error.
 */
import { PayloadError } from '../errors/payload-error.js'
import { DEFAULT_MAX_BODY_BYTES, MAX_BODY_NESTING, parseJsonExact, type ExactJsonOptions } from './json-exact.js'
import { limitOption } from './limits.js'

/** 2^53 − 1 has 16 digits: an integer token with fewer is always exact as a double. */
const SAFE_DIGITS = 15

/** Thrown inside the walk when it cannot settle the value: the reference parser decides. */
const UNSETTLED = Symbol('unsettled')

/**
 * Parses JSON like `parseJsonExact`: integers beyond ±(2^53 − 1) as canonical decimal strings,
 * every other number as a JS number, the last of duplicate keys, `__proto__` as an own key.
 * Throws `PayloadError` (`TOO_LARGE`, `TOO_DEEP`, `INVALID_JSON`).
 */
export function parseJsonExactQuick(text: string, options: ExactJsonOptions = {}): unknown {
  const maxBytes = limitOption(options.maxBytes, DEFAULT_MAX_BODY_BYTES)
  if (text.length > maxBytes) throw new PayloadError('TOO_LARGE', `JSON body is ${text.length} characters, more than maxBytes (${maxBytes})`)
  const tokens: string[] = []
  /** Keys of each object, in the order their `{` appear. */
  const keyCounts: number[] = []
  /** Index in keyCounts of each open object; -1 for an open array. */
  const open: number[] = []
  const n = text.length
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22 /* " */) {
      let j = text.indexOf('"', i + 1)
      for (;;) {
        if (j < 0) return parseJsonExact(text, options) // unterminated: the reference reports it
        let backslashes = 0
        for (let k = j - 1; text.charCodeAt(k) === 0x5c; k--) backslashes++
        if ((backslashes & 1) === 0) break
        j = text.indexOf('"', j + 1)
      }
      // A key: the next character that is not white space is ':'.
      let k = j + 1
      let d = text.charCodeAt(k)
      while (d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) d = text.charCodeAt(++k)
      if (d === 0x3a /* : */) {
        const top = open.length > 0 ? (open[open.length - 1] as number) : -1
        if (top < 0) return parseJsonExact(text, options)
        keyCounts[top] = (keyCounts[top] as number) + 1
        // An integer-like key ("0", "12"): JavaScript puts those first, out of document order.
        const first = text.charCodeAt(i + 1)
        if (first >= 0x30 && first <= 0x39) return parseJsonExact(text, options)
      }
      i = j
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (open.length >= MAX_BODY_NESTING) throw new PayloadError('TOO_DEEP', `JSON body nests more than ${MAX_BODY_NESTING} levels deep (at character ${i})`, [], i)
      if (c === 0x7b) {
        open.push(keyCounts.length)
        keyCounts.push(0)
      } else open.push(-1)
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) open.pop()
    else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      let j = i + 1
      let integer = true
      for (; j < n; j++) {
        const d = text.charCodeAt(j)
        if (d >= 0x30 && d <= 0x39) continue
        if (d === 0x2e /* . */ || d === 0x65 /* e */ || d === 0x45 /* E */ || d === 0x2b /* + */ || d === 0x2d /* - */) integer = false
        else break
      }
      const digits = c === 0x2d ? j - i - 1 : j - i
      if (digits > SAFE_DIGITS || !integer) {
        const token = text.slice(i, j)
        if (!(Math.abs(Number(token)) <= Number.MAX_SAFE_INTEGER)) {
          // An integer as JSON writes it (no leading zero) is its own canonical decimal; any
          // other form (a fraction, an exponent, a malformed token) is the reference's to decide.
          if (!integer || !/^-?[1-9][0-9]*$/.test(token)) return parseJsonExact(text, options)
          tokens.push(token)
        }
      }
      i = j - 1
    }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    // Not JSON: the reference parser gives the error with its position in the original text.
    return parseJsonExact(text, options)
  }
  if (tokens.length === 0) return value
  let t = 0
  let o = 0
  const exact = (v: number): string => {
    const token = tokens[t++]
    if (token === undefined || Number(token) !== v) throw UNSETTLED
    return token
  }
  const walk = (v: unknown): unknown => {
    if (typeof v === 'number') return Math.abs(v) <= Number.MAX_SAFE_INTEGER ? v : exact(v)
    if (typeof v !== 'object' || v === null) return v
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i]
        if (typeof item === 'object' ? item !== null : typeof item === 'number' && !(Math.abs(item) <= Number.MAX_SAFE_INTEGER)) {
          const next = walk(item)
          if (next !== item) v[i] = next
        }
      }
      return v
    }
    const record = v as Record<string, unknown>
    const expected = keyCounts[o++]
    let count = 0
    // JSON.parse makes plain objects: for-in visits exactly their own keys, in order.
    for (const key in record) {
      count++
      const item = record[key]
      if (typeof item === 'object' ? item !== null : typeof item === 'number' && !(Math.abs(item) <= Number.MAX_SAFE_INTEGER)) {
        const next = walk(item)
        // `=` on the key "__proto__" would set the prototype: an own property, as JSON.parse made it.
        if (next !== item) Object.defineProperty(record, key, { value: next, writable: true, enumerable: true, configurable: true })
      }
    }
    if (count !== expected) throw UNSETTLED // a duplicate key: document order is lost
    return v
  }
  try {
    // Objects without an unsafe number inside are walked too: the key counts follow every `{`.
    const out = walk(value)
    if (t !== tokens.length) throw UNSETTLED
    return out
  } catch (error) {
    if (error === UNSETTLED) return parseJsonExact(text, options)
    throw error
  }
}

/**
 * The same result as `parseJsonExact` (json-exact.ts) at close to `JSON.parse`'s speed, for large
 * read-side bodies (a 1,000-message `/channel/messagesync` answer): one scan outside strings
 * (jumping over each string with `indexOf`) finds the integers a double cannot hold, writes each
 * as a quoted decimal, and the native `JSON.parse` does the rest. Anything the scan does not
 * settle for certain (a fraction or exponent beyond 2^53, text that is not JSON) goes to
 * `parseJsonExact`, which then decides and reports.
 */
import { PayloadError } from '../errors/payload-error.js'
import { DEFAULT_MAX_BODY_BYTES, MAX_BODY_NESTING, parseJsonExact, type ExactJsonOptions } from './json-exact.js'
import { limitOption } from './limits.js'

/** 2^53 − 1 has 16 digits: an integer token with fewer is always exact as a double. */
const SAFE_DIGITS = 15

/**
 * Parses JSON like `parseJsonExact`: integers beyond ±(2^53 − 1) as canonical decimal strings,
 * every other number as a JS number, the last of duplicate keys, `__proto__` as an own key.
 * Throws `PayloadError` (`TOO_LARGE`, `TOO_DEEP`, `INVALID_JSON`).
 */
export function parseJsonExactQuick(text: string, options: ExactJsonOptions = {}): unknown {
  const maxBytes = limitOption(options.maxBytes, DEFAULT_MAX_BODY_BYTES)
  if (text.length > maxBytes) throw new PayloadError('TOO_LARGE', `JSON body is ${text.length} characters, more than maxBytes (${maxBytes})`)
  let pieces: string[] | undefined
  let copied = 0
  let depth = 0
  const n = text.length
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22 /* " */) {
      let j = text.indexOf('"', i + 1)
      for (;;) {
        if (j < 0) return parseJsonExact(text, options) // unterminated: let the reference report it
        let backslashes = 0
        for (let k = j - 1; text.charCodeAt(k) === 0x5c; k--) backslashes++
        if ((backslashes & 1) === 0) break
        j = text.indexOf('"', j + 1)
      }
      i = j
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > MAX_BODY_NESTING) throw new PayloadError('TOO_DEEP', `JSON body nests more than ${MAX_BODY_NESTING} levels deep (at character ${i})`, [], i)
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--
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
        const value = Number(token)
        if (!(Math.abs(value) <= Number.MAX_SAFE_INTEGER)) {
          // An integer as JSON writes it (no leading zero) is its own canonical decimal; any
          // other form (a fraction, an exponent, a malformed token) is the reference's to decide.
          if (!integer || !/^-?[1-9][0-9]*$/.test(token)) return parseJsonExact(text, options)
          pieces ??= []
          pieces.push(text.slice(copied, i), '"', token, '"')
          copied = j
        }
      }
      i = j - 1
    }
  }
  const source = pieces === undefined ? text : (pieces.push(text.slice(copied)), pieces.join(''))
  try {
    return JSON.parse(source)
  } catch {
    // Not JSON: the reference parser gives the error with its position in the original text.
    return parseJsonExact(text, options)
  }
}

/**
 * Whole-value checks that schemas cannot express: values JSON would silently change. Each walk
 * is iterative (an explicit stack), so a deeply nested input cannot overflow the call stack.
 */
import { pointerSegment, type ValidationIssue } from '../validate/issues.js'

/** Deepest object/array nesting the codec serializes (JSON.stringify recurses). */
export const MAX_JSON_NESTING = 1000

type Frame = [value: unknown, path: string, depth: number]

/** `String.prototype.isWellFormed`, with a fallback for browsers before 2023 (encodeURIComponent throws on a lone surrogate). */
function isWellFormed(s: string): boolean {
  if (typeof s.isWellFormed === 'function') return s.isWellFormed()
  try {
    encodeURIComponent(s)
    return true
  } catch {
    return false
  }
}

/**
 * The first value that `JSON.stringify` would change or drop, or that WuKongIM's server would
 * mangle: a lone surrogate (Go decodes `\ud800` to U+FFFD), a non-finite number (becomes
 * `null`), a number beyond ±2^53 (rounded by JavaScript readers), a BigInt (throws), `undefined`
 * in an array (becomes `null`), a function or symbol (dropped). Also stops at nesting deeper than
 * {@link MAX_JSON_NESTING}.
 *
 * Stops with a `too_large` issue once its strings and keys alone exceed `maxBytes` characters.
 *
 * With `parsed`, the value came from `JSON.parse` and only its numbers can be wrong: beyond ±2^53
 * (rounded; snowflake ids are ~1.9 × 10¹⁸) or out of double range (`1e400` parses to Infinity).
 * The decoder calls it so only when {@link hasUnsafeNumber} finds such a number.
 */
export function findUnencodable(value: unknown, parsed = false, maxBytes = Number.POSITIVE_INFINITY): ValidationIssue | undefined {
  const stack: Frame[] = [[value, '', 0]]
  // Characters of strings and keys seen so far: a lower bound of the UTF-8 size, so a value that
  // is certainly over maxBytes is refused before JSON.stringify copies it.
  let chars = 0
  while (stack.length > 0) {
    const [v, path, depth] = stack.pop() as Frame
    switch (typeof v) {
      case 'string':
        if (!parsed && !isWellFormed(v)) return { path, code: 'lone_surrogate', message: loneSurrogateMessage(v) }
        if ((chars += v.length) > maxBytes) return { path, code: 'too_large', message: `the payload's text alone is over maxBytes (${maxBytes})` }
        break
      case 'number':
        // One message both ways (parsed, `1e400` is Infinity): a shorter browser bundle.
        if (!Number.isFinite(v)) return { path, code: 'unsafe_number', message: `${v}: out of JSON's number range` }
        // The same rule both ways: beyond ±2^53 a reader cannot tell an exact value from a rounded one.
        if (Math.abs(v) > Number.MAX_SAFE_INTEGER) {
          return { path, code: 'unsafe_number', message: `${v} is beyond 2^53, where JavaScript rounds: send large ids as decimal strings` }
        }
        break
      case 'bigint':
      case 'function':
      case 'symbol':
        return { path, code: 'type', message: `a ${typeof v} is not JSON data${typeof v === 'bigint' ? ': write int64 ids as decimal strings' : ' (JSON.stringify would drop it)'}` }
      case 'undefined':
        if (/\/[0-9]+$/.test(path)) return { path, code: 'type', message: 'undefined in an array is not JSON data (JSON.stringify would write null)' }
        break
      case 'object':
        if (v === null) break
        if (depth >= MAX_JSON_NESTING && !parsed) return { path, code: 'too_deep', message: `nested more than ${MAX_JSON_NESTING} levels deep` }
        if (Array.isArray(v)) {
          for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}/${i}`, depth + 1])
        } else {
          const keys = Object.keys(v)
          for (let i = keys.length - 1; i >= 0; i--) {
            const key = keys[i] as string
            chars += key.length
            if (!parsed && !isWellFormed(key)) return { path: `${path}/${pointerSegment(key)}`, code: 'lone_surrogate', message: `property name: ${loneSurrogateMessage(key)}` }
            stack.push([(v as Record<string, unknown>)[key], `${path}/${pointerSegment(key)}`, depth + 1])
          }
        }
        break
    }
  }
  return undefined
}

function loneSurrogateMessage(s: string): string {
  const index = [...s].findIndex((ch) => ch.length === 1 && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff)
  const at = index >= 0 ? ` at character ${index}` : ''
  return `contains a lone UTF-16 surrogate${at} (a truncated emoji?); the server would turn it into U+FFFD, so fix the text first`
}

/**
 * Whether a value from `JSON.parse` holds a number beyond ±2^53 or out of double range: a walk
 * over values only (no paths, no allocation per property), about as fast as one regex test over
 * the JSON text and exact. {@link findUnencodable} then names the path, in the rare case it is true.
 */
export function hasUnsafeNumber(value: unknown): boolean {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v === 'number') {
      if (!(Math.abs(v) <= Number.MAX_SAFE_INTEGER)) return true
    } else if (typeof v === 'object' && v !== null) {
      if (Array.isArray(v)) for (let i = 0; i < v.length; i++) stack.push(v[i])
      else for (const key in v) stack.push((v as Record<string, unknown>)[key])
    }
  }
  return false
}

/**
 * Whole-value checks that schemas cannot express: values JSON would silently change. Each walk
 * is iterative (an explicit stack), so a deeply nested input cannot overflow the call stack.
 */
import { pointerSegment, type ValidationIssue, type ValidationIssueCode } from '../validate/issues.js'

/** Deepest object/array nesting the codec serializes (JSON.stringify recurses). */
export const MAX_JSON_NESTING = 1000

/** A value still to check, linked to its parent: the JSON Pointer is built only to report. */
type Frame = [value: unknown, parent: Frame | undefined, key: string | number, depth: number]

function issue(frame: Frame, code: ValidationIssueCode, message: string): ValidationIssue {
  return { path: pathOf(frame), code, message }
}

/** JSON Pointer of a frame's value. */
function pathOf(frame: Frame): string {
  let path = ''
  for (let f: Frame | undefined = frame; f?.[1]; f = f[1]) path = `/${pointerSegment(f[2])}${path}`
  return path
}

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
  const stack: Frame[] = [[value, undefined, '', 0]]
  // Characters of strings and keys seen so far: a lower bound of the UTF-8 size, so a value that
  // is certainly over maxBytes is refused before JSON.stringify copies it.
  let chars = 0
  while (stack.length > 0) {
    const frame = stack.pop() as Frame
    const [v, , key, depth] = frame
    switch (typeof v) {
      case 'string':
        if (!parsed && !isWellFormed(v)) return issue(frame, 'lone_surrogate', loneSurrogateMessage(v))
        if ((chars += v.length) > maxBytes) return issue(frame, 'too_large', `the payload's text alone is over maxBytes (${maxBytes})`)
        break
      case 'number':
        // One message both ways (parsed, `1e400` is Infinity): a shorter browser bundle.
        if (!Number.isFinite(v)) return issue(frame, 'unsafe_number', `${v}: out of JSON's number range`)
        // The same rule both ways: beyond ±2^53 a reader cannot tell an exact value from a rounded one.
        if (Math.abs(v) > Number.MAX_SAFE_INTEGER) return issue(frame, 'unsafe_number', `${v} is beyond 2^53, where JavaScript rounds: send large ids as decimal strings`)
        break
      case 'bigint':
      case 'function':
      case 'symbol':
        return issue(frame, 'type', `a ${typeof v} is not JSON data${typeof v === 'bigint' ? ': write int64 ids as decimal strings' : ' (JSON.stringify would drop it)'}`)
      case 'undefined':
        if (typeof key === 'number') return issue(frame, 'type', 'undefined in an array is not JSON data (JSON.stringify would write null)')
        break
      case 'object':
        if (v === null) break
        if (depth >= MAX_JSON_NESTING && !parsed) return issue(frame, 'too_deep', `nested more than ${MAX_JSON_NESTING} levels deep`)
        if (Array.isArray(v)) {
          for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], frame, i, depth + 1])
        } else {
          const keys = Object.keys(v)
          for (let i = keys.length - 1; i >= 0; i--) {
            const k = keys[i] as string
            chars += k.length
            if (!parsed && !isWellFormed(k)) return issue([k, frame, k, 0], 'lone_surrogate', `property name: ${loneSurrogateMessage(k)}`)
            stack.push([(v as Record<string, unknown>)[k], frame, k, depth + 1])
          }
        }
        break
    }
  }
  return undefined
}

/** Called only for a string that is not well formed: `\p{Cs}` under `u` matches exactly a lone surrogate. */
function loneSurrogateMessage(s: string): string {
  return `contains a lone UTF-16 surrogate at index ${s.search(/\p{Cs}/u)} (a truncated emoji?); the server would turn it into U+FFFD, so fix the text first`
}

/**
 * Whether a value from `JSON.parse` holds a number beyond ±2^53 or out of double range: a walk
 * over values only (no paths, no allocation per property), about as fast as one regex test over
 * the JSON text and exact. {@link findUnencodable} then names the path, in the rare case it is true.
 */
export function hasUnsafeNumber(value: unknown): boolean {
  // Scalars are read where they are found; only containers go on the
  // stack, which is kept between calls (each slot emptied when read: it retains no value).
  if (typeof value !== 'object' || value === null) return typeof value === 'number' && !(Math.abs(value) <= Number.MAX_SAFE_INTEGER)
  const stack = numberStack
  let top = 0
  stack[top++] = value
  let unsafe = false
  while (top > 0) {
    const v = stack[--top] as object
    stack[top] = undefined
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i]
        if (typeof item === 'number') {
          if (!(Math.abs(item) <= Number.MAX_SAFE_INTEGER)) unsafe = true
        } else if (typeof item === 'object' && item !== null) stack[top++] = item
      }
    } else {
      for (const key in v) {
        const item: unknown = (v as Record<string, unknown>)[key]
        if (typeof item === 'number') {
          if (!(Math.abs(item) <= Number.MAX_SAFE_INTEGER)) unsafe = true
        } else if (typeof item === 'object' && item !== null) stack[top++] = item
      }
    }
    if (unsafe) break
  }
  for (let i = 0; i < top; i++) stack[i] = undefined
  if (stack.length > 1024) stack.length = 0
  return unsafe
}

/** The containers {@link hasUnsafeNumber} has still to visit: reused, not reallocated per call. */
const numberStack: unknown[] = []

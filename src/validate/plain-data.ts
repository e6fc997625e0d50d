/**
 * Whole-value checks that schemas cannot express (part of what "valid" means: the one-pass check
 * and the complete path hold the same rules): values JSON would silently change. Each walk
 * is iterative (an explicit stack), so a deeply nested input cannot overflow the call stack.
 */
import { pointerSegment, type ValidationIssue, type ValidationIssueCode } from './issues.js'

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

/** Whether an object's prototype is one JSON.stringify treats as plain data. */
function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v)
  // `Object.prototype` of this realm, none (`Object.create(null)`), or another realm's (an
  // iframe's or vm context's): a prototype with none of its own and no toJSON.
  return proto === Object.prototype || proto === null || (Object.getPrototypeOf(proto) === null && typeof (proto as { toJSON?: unknown }).toJSON !== 'function')
}

/** Why an object with a foreign prototype is not written as it was validated. */
function notPlainMessage(v: object): string {
  let name = 'class'
  try {
    const ctor = (Object.getPrototypeOf(v) as { constructor?: { name?: unknown } }).constructor
    if (typeof ctor?.name === 'string' && ctor.name !== '') name = ctor.name
  } catch {
    // A hostile prototype: the generic name will do.
  }
  const writes = typeof (v as { toJSON?: unknown }).toJSON === 'function' ? 'what its toJSON() returns' : 'only its own enumerable properties'
  return `a ${name} instance is not plain data (its prototype is not Object.prototype): JSON.stringify would write ${writes}, not the value that was validated; pass a plain object (a Date as an ISO string, a Map as an object)`
}

/** Whether a frame's value also appears among its ancestors: the walk is inside a cycle. */
function inCycle(frame: Frame): boolean {
  const seen = new Set<unknown>()
  for (let f: Frame | undefined = frame; f; f = f[1]) {
    if (typeof f[0] === 'object' && f[0] !== null) {
      if (seen.has(f[0])) return true
      seen.add(f[0])
    }
  }
  return false
}

function cycleIssue(frame: Frame): ValidationIssue {
  return issue(frame, 'type', 'the value contains itself (a cycle): JSON cannot represent it; break the reference')
}

/**
 * The first value that `JSON.stringify` would change or drop, or that WuKongIM's server would
 * mangle: a lone surrogate (Go decodes `\ud800` to U+FFFD), a non-finite number (becomes
 * `null`), a number beyond ±2^53 (rounded by JavaScript readers), a BigInt (throws), `undefined`
 * in an array (becomes `null`), a function or symbol (dropped), an object that is not plain data
 * (a `Date`, a `Map`, a class instance, anything with an inherited `toJSON`: JSON.stringify would
 * write something other than what was validated). Also stops at nesting deeper than
 * {@link MAX_JSON_NESTING} (JSON.stringify recurses), reporting a value that contains itself as a
 * cycle.
 *
 * Stops with a `too_large` issue once a lower bound of the JSON size (each value at least one
 * character, each string and key its length plus quotes) exceeds `maxBytes`: a value that is
 * certainly too large, or that shares sub-values so that its JSON would explode, is refused
 * before JSON.stringify copies it, in time bounded by `maxBytes`.
 *
 * With `parsed`, the value came from `JSON.parse` or a JSON-RPC body: its strings are taken as
 * they are (lone surrogates included: faithful where we receive); numbers beyond ±2^53 (rounded;
 * snowflake ids are ~1.9 × 10¹⁸) or out of double range (`1e400` parses to Infinity) are still
 * reported. Part of every validation (`validateWith`), after the one-pass check said "not sure".
 */
export function findUnencodable(value: unknown, parsed = false, maxBytes = Number.POSITIVE_INFINITY): ValidationIssue | undefined {
  // Only containers become frames: a string, number, boolean or null is checked where it is
  // found (a frame is made for it only to report it), so a million-item array allocates nothing.
  const stack: Frame[] = []
  // A lower bound of the JSON size so far (see above).
  let size = 0
  /** Checks a value in place: the issue it makes, `undefined` when it is fine, `stack` for a container to walk. */
  const visit = (v: unknown, parent: Frame | undefined, key: string | number, depth: number): ValidationIssue | undefined | typeof stack => {
    if ((size += 1) > maxBytes) {
      const frame: Frame = [v, parent, key, depth]
      return inCycle(frame) ? cycleIssue(frame) : issue(frame, 'too_large', `the payload is over maxBytes (${maxBytes}) before it is even serialised`)
    }
    switch (typeof v) {
      case 'string':
        if (!parsed && !isWellFormed(v)) return issue([v, parent, key, depth], 'lone_surrogate', loneSurrogateMessage(v))
        if ((size += v.length + 1) > maxBytes) return issue([v, parent, key, depth], 'too_large', `the payload's text alone is over maxBytes (${maxBytes})`)
        return undefined
      case 'number':
        // One message both ways (parsed, `1e400` is Infinity): a shorter browser bundle.
        if (!Number.isFinite(v)) return issue([v, parent, key, depth], 'unsafe_number', `${v}: out of JSON's number range`)
        // The same rule both ways: beyond ±2^53 a reader cannot tell an exact value from a rounded one.
        if (Math.abs(v) > Number.MAX_SAFE_INTEGER) return issue([v, parent, key, depth], 'unsafe_number', `${v} is beyond 2^53, where JavaScript rounds: send large ids as decimal strings`)
        return undefined
      case 'bigint':
      case 'function':
      case 'symbol':
        return issue([v, parent, key, depth], 'type', `a ${typeof v} is not JSON data${typeof v === 'bigint' ? ': write int64 ids as decimal strings' : key === 'toJSON' ? ' (a toJSON method: JSON.stringify would write what it returns, not the value that was validated)' : ' (JSON.stringify would drop it)'}`)
      case 'undefined':
        if (typeof key === 'number') return issue([v, parent, key, depth], 'type', 'undefined in an array is not JSON data (JSON.stringify would write null)')
        return undefined
      case 'object':
        if (v === null) return undefined
        stack.push([v, parent, key, depth])
        return stack
      default:
        return undefined
    }
  }
  const first = visit(value, undefined, '', 0)
  if (first !== stack) return first as ValidationIssue | undefined
  while (stack.length > 0) {
    const frame = stack.pop() as Frame
    const [v, , , depth] = frame
    if (depth >= MAX_JSON_NESTING) return inCycle(frame) ? cycleIssue(frame) : issue(frame, 'too_deep', `nested more than ${MAX_JSON_NESTING} levels deep`)
    // Children in reverse, so that the stack pops them (and reports the first issue) in order.
    const mark = stack.length
    if (Array.isArray(v)) {
      if (Object.getPrototypeOf(v) !== Array.prototype && !parsed) return issue(frame, 'type', notPlainMessage(v))
      // Each element is at least one character: a huge array is refused before it is walked.
      if (size + v.length > maxBytes) return issue(frame, 'too_large', `an array of ${v.length} elements is over maxBytes (${maxBytes}) before it is even serialised`)
      for (let i = 0; i < v.length; i++) {
        const found = visit(v[i], frame, i, depth + 1)
        if (found !== undefined && found !== stack) return found as ValidationIssue
      }
    } else {
      if (!isPlainObject(v as object)) return issue(frame, 'type', notPlainMessage(v as object))
      const keys = Object.keys(v as object)
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i] as string
        size += k.length + 3
        if (!parsed && !isWellFormed(k)) return issue([k, frame, k, 0], 'lone_surrogate', `property name: ${loneSurrogateMessage(k)}`)
        const found = visit((v as Record<string, unknown>)[k], frame, k, depth + 1)
        if (found !== undefined && found !== stack) return found as ValidationIssue
      }
    }
    // The containers just found, first one on top.
    for (let lo = mark, hi = stack.length - 1; lo < hi; lo++, hi--) [stack[lo], stack[hi]] = [stack[hi] as Frame, stack[lo] as Frame]
  }
  return undefined
}

/** Called only for a string that is not well formed: `\p{Cs}` under `u` matches exactly a lone surrogate. */
function loneSurrogateMessage(s: string): string {
  return `contains a lone UTF-16 surrogate at index ${s.search(/\p{Cs}/u)} (a truncated emoji?); the server would turn it into U+FFFD, so fix the text first`
}

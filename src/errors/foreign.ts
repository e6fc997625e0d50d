/**
 * The one guard for foreign values: what every entry documented as never-throwing does with a
 * value that is not plain JSON data — a getter or Proxy trap that throws (even a value with no
 * string form, `Object.create(null)`), a `toString` that lies, a value that contains itself.
 *
 * `readPlain` takes one snapshot of such a value as plain data (own enumerable string keys, as
 * `JSON.stringify` reads them), reading each property once and catching what it throws, so that
 * the entry then works on data that can neither throw nor change between two reads; a read that
 * throws is an issue with its JSON Pointer. `describeThrown` says what anything thrown says,
 * without ever throwing itself.
 */
import type { ValidationIssue } from './issue.js'

/**
 * Most values one snapshot copies: 16 Mi, as many as a 16 MiB JSON text (the largest body the
 * package reads) can hold. A hostile value (a sparse array of length 2^32 − 1, a Proxy that
 * claims billions of keys) is refused instead of walked.
 */
export const MAX_SNAPSHOT_VALUES = 16 * 1024 * 1024

/** Most characters of a thrown value's description. */
const MAX_DESCRIPTION = 200

/**
 * What anything thrown says, as a short string: an Error's message, a string, a number…; never
 * throws (a Proxy, an object with no string form, a `message` getter that throws or is not a string).
 */
export function describeThrown(error: unknown): string {
  let text: string
  try {
    if (typeof error === 'string') text = error
    else if (typeof error === 'object' && error !== null) {
      const message: unknown = (error as { message?: unknown }).message
      text = typeof message === 'string' ? message : typeof message === 'number' || typeof message === 'boolean' ? String(message) : 'a thrown object with no message'
    } else if (typeof error === 'symbol') text = error.description === undefined ? 'a symbol' : `symbol ${error.description}`
    else text = String(error)
  } catch {
    text = 'a thrown value with no string form'
  }
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text
}

/** Whether `value` is a `Uint8Array` (false, not a throw, for a Proxy whose prototype trap throws). */
function isBytes(value: object): boolean {
  try {
    return value instanceof Uint8Array
  } catch {
    return false
  }
}

/** A JSON Pointer segment (RFC 6901): `~` → `~0`, `/` → `~1`. */
function segment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1')
}

/** The result of {@link readPlain}: the snapshot, or why the value could not be read. */
export type PlainRead = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issue: ValidationIssue }

interface Pending {
  readonly source: object
  readonly target: Record<string, unknown> | unknown[]
  readonly keys: readonly string[]
  readonly path: string
  next: number
}

/**
 * One snapshot of `value` as plain data: objects become plain objects of their own enumerable
 * string-keyed properties (symbol keys and non-enumerable properties are left out, as
 * `JSON.stringify` leaves them out), arrays plain arrays, each property read exactly once;
 * primitives (strings, numbers, booleans, `null`, `undefined`, bigints) are kept as they are,
 * for the entry to judge. A `Uint8Array` is kept as it is, anywhere (raw body or frame bytes).
 * Never throws: a read that throws, a value that contains itself, or more than
 * {@link MAX_SNAPSHOT_VALUES} values is an issue with a JSON Pointer. Iterative: no depth can
 * overflow the stack. A value shared between two places is copied once and shared in the copy.
 */
export function readPlain(value: unknown): PlainRead {
  if (typeof value !== 'object' || value === null || isBytes(value)) return { ok: true, value }
  const copies = new Map<object, unknown>()
  const open = new Set<object>()
  const stack: Pending[] = []
  let count = 0
  let root: unknown
  /** The copy of one value read from `path`, or an issue. */
  const copy = (input: unknown, path: string): { value: unknown } | ValidationIssue => {
    if (++count > MAX_SNAPSHOT_VALUES) return { path, code: 'too_large', message: `more than ${MAX_SNAPSHOT_VALUES} values: not a body the package reads` }
    if (typeof input === 'function') return { value: undefined }
    if (typeof input !== 'object' || input === null || isBytes(input)) return { value: input }
    if (open.has(input)) return { path, code: 'invalid', message: 'the value contains itself (a cycle); JSON cannot hold it' }
    const done = copies.get(input)
    if (done !== undefined) return { value: done }
    let keys: string[]
    let target: Record<string, unknown> | unknown[]
    try {
      if (Array.isArray(input)) {
        const length = (input as unknown[]).length
        if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || length > MAX_SNAPSHOT_VALUES - count) {
          return { path, code: 'too_large', message: `an array of length ${String(length)}: more values than a body can hold` }
        }
        keys = Array.from({ length }, (_, i) => String(i))
        target = []
      } else {
        keys = Object.keys(input)
        if (keys.length > MAX_SNAPSHOT_VALUES - count) return { path, code: 'too_large', message: `${keys.length} keys: more values than a body can hold` }
        target = {}
      }
    } catch (error) {
      return { path, code: 'invalid', message: `the value could not be read (${describeThrown(error)}); pass plain JSON data, without getters or proxies that throw` }
    }
    copies.set(input, target)
    open.add(input)
    stack.push({ source: input, target, keys, path, next: 0 })
    return { value: target }
  }
  const first = copy(value, '')
  if (!('value' in first)) return { ok: false, issue: first }
  root = first.value
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as Pending
    if (top.next >= top.keys.length) {
      open.delete(top.source)
      stack.pop()
      continue
    }
    const key = top.keys[top.next++] as string
    const path = `${top.path}/${segment(key)}`
    let raw: unknown
    try {
      raw = (top.source as Record<string, unknown>)[key]
    } catch (error) {
      return { ok: false, issue: { path, code: 'invalid', message: `reading ${path} threw (${describeThrown(error)}); pass plain JSON data, without getters or proxies that throw` } }
    }
    const result = copy(raw, path)
    if (!('value' in result)) return { ok: false, issue: result }
    if (Array.isArray(top.target)) top.target.push(result.value)
    else if (result.value !== undefined) {
      // defineProperty: a key named __proto__ stays an own property, as JSON.parse makes it.
      Object.defineProperty(top.target, key, { value: result.value, enumerable: true, writable: true, configurable: true })
    }
  }
  return { ok: true, value: root }
}

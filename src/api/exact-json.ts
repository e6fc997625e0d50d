/**
 * Writing request bodies exactly. The Go server reads ids as `int64` (`/messages` `message_ids`,
 * `/message` `message_id`, `/conversation/sync` `version`) and accepts only JSON numbers there,
 * which `JSON.stringify` cannot write beyond 2^53: it rounds a number and refuses a `bigint`.
 * {@link stringifyExact} writes a `bigint` as a bare JSON number, digit for digit.
 */
import { ApiError } from './errors.js'

/** Deepest nesting {@link stringifyExact} writes (request bodies are a few levels deep). */
const MAX_DEPTH = 1000

/**
 * `JSON.stringify(value)` with `bigint`s written as bare JSON numbers (`123n` → `123`), for
 * request bodies whose int64 positions hold ids beyond 2^53 (the builders put a `bigint` there).
 * Otherwise as `JSON.stringify`: `toJSON` is called, `undefined` and functions are left out of
 * objects (`null` in arrays). Throws `TypeError` on what JSON cannot hold exactly: a cycle, a
 * non-finite number (JSON.stringify would write `null`), a number beyond ±2^53 (already rounded:
 * hold it as a `bigint` or a decimal string given to a builder), nesting beyond 1000 levels.
 */
export function stringifyExact(value: unknown): string {
  const seen = new Set<object>()
  const write = (v: unknown, at: string, depth: number): string | undefined => {
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON(key: string): unknown }).toJSON(at)
    switch (typeof v) {
      case 'bigint':
        return v.toString()
      case 'number':
        if (!Number.isFinite(v)) throw new TypeError(`stringifyExact: ${String(v)} at ${at || '/'} is not a JSON number`)
        if (Number.isInteger(v) && !Number.isSafeInteger(v)) throw new TypeError(`stringifyExact: ${v} at ${at || '/'} is beyond 2^53 and already rounded; hold ids as bigint (or a decimal string given to a builder)`)
        return JSON.stringify(v)
      case 'string':
      case 'boolean':
        return JSON.stringify(v)
      case 'undefined':
      case 'function':
      case 'symbol':
        return undefined
    }
    if (v === null) return 'null'
    const object = v as object
    if (depth >= MAX_DEPTH) throw new TypeError(`stringifyExact: nesting deeper than ${MAX_DEPTH} levels at ${at}`)
    if (seen.has(object)) throw new TypeError(`stringifyExact: a cycle at ${at || '/'}`)
    seen.add(object)
    let out: string
    if (Array.isArray(object)) {
      out = `[${object.map((item, i) => write(item, `${at}/${i}`, depth + 1) ?? 'null').join(',')}]`
    } else {
      const parts: string[] = []
      for (const key of Object.keys(object)) {
        const item = write((object as Record<string, unknown>)[key], `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, depth + 1)
        if (item !== undefined) parts.push(`${JSON.stringify(key)}:${item}`)
      }
      out = `{${parts.join(',')}}`
    }
    seen.delete(object)
    return out
  }
  const out = write(value, '', 0)
  if (out === undefined) throw new TypeError('stringifyExact: the value has no JSON form (undefined, a function or a symbol)')
  return out
}

/** What a builder takes at an int64/uint64 position: an exact decimal string, a `bigint`, or a safe integer. */
export type Int64Input = string | bigint | number

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n
const UINT64_MAX = 2n ** 64n - 1n

/**
 * An id for an int64/uint64 position of a request: a number when exact as one (≤ 2^53), else a
 * `bigint` (which {@link stringifyExact} writes as a bare JSON number, and `JSON.stringify`
 * refuses loudly instead of rounding). Throws `ApiError` (`input`) on anything else.
 */
export function exactInteger(value: Int64Input, path: string, unsigned = false): number | bigint {
  let big: bigint
  if (typeof value === 'bigint') big = value
  else if (typeof value === 'string' && /^-?(0|[1-9][0-9]*)$/.test(value)) big = BigInt(value)
  else if (typeof value === 'number' && Number.isSafeInteger(value)) return checkRange(BigInt(value), path, unsigned, value)
  else if (typeof value === 'number' && Number.isInteger(value)) {
    throw new ApiError('input', `${path}: ${value} is beyond 2^53 and was already rounded; pass the id as a decimal string (e.g. message_idstr) or a bigint`, {
      issues: [{ path, code: 'unsafe_number', message: 'beyond 2^53: pass a decimal string or a bigint' }],
    })
  } else throw new ApiError('input', `${path}: ${JSON.stringify(String(value))} is not an integer id; pass a decimal string, a bigint or a safe integer`, { issues: [{ path, code: 'type', message: 'not an integer id' }] })
  return checkRange(big, path, unsigned, undefined)
}

function checkRange(big: bigint, path: string, unsigned: boolean, asNumber: number | undefined): number | bigint {
  const min = unsigned ? 0n : INT64_MIN
  const max = unsigned ? UINT64_MAX : INT64_MAX
  if (big < min || big > max) {
    throw new ApiError('input', `${path}: ${big} is outside Go's ${unsigned ? 'uint64' : 'int64'} (the server fails to read the body)`, { issues: [{ path, code: 'range', message: `outside ${unsigned ? 'uint64' : 'int64'}` }] })
  }
  if (asNumber !== undefined) return asNumber
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big
}

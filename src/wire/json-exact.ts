/**
 * JSON bodies around payloads (webhook message lists, /message/send responses) carry int64 ids
 * beyond 2^53, which `JSON.parse` silently rounds. They are read with lossless-json instead,
 * behind the same limits as payloads: a size cap and a nesting cap checked by one linear scan
 * before parsing (lossless-json recurses, so an unchecked 100,000-level body would overflow the
 * stack).
 */
import { isLosslessNumber, parse } from 'lossless-json'
import { PayloadError } from '../errors/payload-error.js'
import { limitOption } from './limits.js'

/** 16 MiB: a webhook batch holds many payloads of up to 1 MiB each. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024
/** Deepest nesting of a body; payloads inside are limited separately (maxDepth). */
export const MAX_BODY_NESTING = 256

export interface ExactJsonOptions {
  /** Largest body, in characters (each at least one UTF-8 byte). Default 16 MiB; not an integer ≥ 0: the default. */
  readonly maxBytes?: number
}

/** Throws TOO_DEEP when brackets nest deeper than {@link MAX_BODY_NESTING} (strings skipped). */
function checkNesting(text: string): void {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i)
        if (d === 0x5c /* \ */) i++
        else if (d === 0x22) break
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > MAX_BODY_NESTING) throw new PayloadError('TOO_DEEP', `JSON body nests more than ${MAX_BODY_NESTING} levels deep (at character ${i})`, [], i)
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--
  }
}

/** An own, enumerable property, even for the key `__proto__` (which `=` would turn into a prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true })
  else target[key] = value
}

/** Digits of an integer written in decimal or exponent form, at most this long, are written out. */
const MAX_INTEGER_DIGITS = 40

/**
 * The canonical decimal integer a number's text denotes, when it is an integer
 * (`1867301234567890123.0`, `1.867301234567890123e18` → `"1867301234567890123"`), else undefined.
 */
function integerText(text: string): string | undefined {
  const m = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/.exec(text)
  if (!m) return undefined
  const [, sign, int = '', frac = '', exp = '0'] = m
  let digits = int + frac
  const shift = Number(exp) - frac.length
  if (shift >= 0) {
    if (digits.length + shift > MAX_INTEGER_DIGITS) return undefined
    digits += '0'.repeat(shift)
  } else {
    if (-shift > digits.length || !/^0*$/.test(digits.slice(digits.length + shift))) return undefined
    digits = digits.slice(0, digits.length + shift)
  }
  digits = digits.replace(/^0+(?=[0-9])/, '')
  return digits === '0' || digits === '' ? '0' : sign + digits
}

/**
 * A number's text as a JS number when the double is exact enough (|n| ≤ 2^53), else a decimal
 * string that keeps it exact: the canonical integer when it is one, the text as written otherwise
 * (`12345678901234567890.5`, `1e400`). Never rounded.
 */
function exactNumber(text: string): number | string {
  const n = Number(text)
  if (Math.abs(n) <= Number.MAX_SAFE_INTEGER) return n
  return integerText(text) ?? text
}

/** Numbers as JS numbers when exact, decimal strings otherwise (depth already bounded). */
export function exactNumbers(value: unknown): unknown {
  if (isLosslessNumber(value)) return exactNumber(value.toString())
  if (Array.isArray(value)) return value.map(exactNumbers)
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value)) setOwn(out, key, exactNumbers((value as Record<string, unknown>)[key]))
    return out
  }
  return value
}

/** A number beyond what a JS number holds exactly, found by {@link plainNumbers}. */
export interface UnsafeNumber {
  /** JSON Pointer of the number inside the converted value. */
  readonly path: string
  /** The number as written. */
  readonly text: string
}

/**
 * Numbers as plain JS numbers, as `JSON.parse` gives them, for values that must be payload data
 * (where a string is not a number): the first number a double cannot hold exactly (beyond ±2^53,
 * out of range) is reported with its path and exact text instead of being silently rounded or
 * turned into a string. Depth is already bounded by the parse.
 */
export function plainNumbers(value: unknown, path = ''): { value: unknown; unsafe: UnsafeNumber | undefined } {
  let unsafe: UnsafeNumber | undefined
  const convert = (v: unknown, at: string): unknown => {
    if (isLosslessNumber(v)) {
      const text = v.toString()
      const n = Number(text)
      if (!(Math.abs(n) <= Number.MAX_SAFE_INTEGER)) unsafe ??= { path: at, text }
      return n
    }
    if (Array.isArray(v)) return v.map((item, i) => convert(item, `${at}/${i}`))
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {}
      for (const key of Object.keys(v)) setOwn(out, key, convert((v as Record<string, unknown>)[key], `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`))
      return out
    }
    return v
  }
  const converted = convert(value, path)
  return { value: converted, unsafe }
}

/**
 * Parses JSON behind the size and nesting limits, every number kept as a lossless-json
 * `LosslessNumber` (its exact text): for callers that convert parts differently
 * ({@link exactNumbers} for envelopes, {@link plainNumbers} for payload data).
 */
export function parseJsonLossless(text: string, options: ExactJsonOptions = {}): unknown {
  const maxBytes = limitOption(options.maxBytes, DEFAULT_MAX_BODY_BYTES)
  if (text.length > maxBytes) throw new PayloadError('TOO_LARGE', `JSON body is ${text.length} characters, more than maxBytes (${maxBytes})`)
  checkNesting(text)
  try {
    return parse(text, null, { onDuplicateKey: ({ newValue }) => newValue })
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    const position = /position (\d+)/.exec(detail)?.[1]
    throw new PayloadError('INVALID_JSON', `not valid JSON: ${detail}`, [], position === undefined ? undefined : Number(position))
  }
}

/**
 * Parses JSON keeping every integer exact: safe ones as numbers, larger ones (snowflake ids) as
 * canonical decimal strings (`1867301234567890123.0` too), other numbers a double cannot hold as
 * written. Duplicate keys: the last one wins, as in `JSON.parse` and in the server's Go decoder.
 * Throws `PayloadError`: `TOO_LARGE`, `TOO_DEEP`, `INVALID_JSON`.
 */
export function parseJsonExact(text: string, options: ExactJsonOptions = {}): unknown {
  return exactNumbers(parseJsonLossless(text, options))
}

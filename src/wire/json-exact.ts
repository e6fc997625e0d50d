/**
 * JSON bodies around payloads (webhook message lists, /message/send responses) carry int64 ids
 * beyond 2^53, which `JSON.parse` silently rounds. They are read with lossless-json instead,
 * behind the same limits as payloads: a size cap and a nesting cap checked by one linear scan
 * before parsing (lossless-json recurses, so an unchecked 100,000-level body would overflow the
 * stack).
 */
import { isLosslessNumber, parse } from 'lossless-json'
import { PayloadError } from '../errors/payload-error.js'

/** 16 MiB: a webhook batch holds many payloads of up to 1 MiB each. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024
/** Deepest nesting of a body; payloads inside are limited separately (maxDepth). */
export const MAX_BODY_NESTING = 256

export interface ExactJsonOptions {
  /** Largest body, in characters (each at least one UTF-8 byte). Default 16 MiB. */
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

/** Numbers as JS numbers when exact, decimal strings otherwise (depth already bounded). */
function exactNumbers(value: unknown): unknown {
  if (isLosslessNumber(value)) {
    const text = value.toString()
    const n = Number(text)
    return Number.isSafeInteger(n) || (!/^-?[0-9]+$/.test(text) && Number.isFinite(n)) ? n : text
  }
  if (Array.isArray(value)) return value.map(exactNumbers)
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value)) setOwn(out, key, exactNumbers((value as Record<string, unknown>)[key]))
    return out
  }
  return value
}

/**
 * Parses JSON keeping every integer exact: safe ones as numbers, larger ones (snowflake ids) and
 * numbers a double cannot hold as decimal strings. Duplicate keys: the last one wins, as in
 * `JSON.parse` and in the server's Go decoder. Throws `PayloadError`: `TOO_LARGE`, `TOO_DEEP`,
 * `INVALID_JSON`.
 */
export function parseJsonExact(text: string, options: ExactJsonOptions = {}): unknown {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BODY_BYTES
  if (text.length > maxBytes) throw new PayloadError('TOO_LARGE', `JSON body is ${text.length} characters, more than maxBytes (${maxBytes})`)
  checkNesting(text)
  let parsed: unknown
  try {
    parsed = parse(text, null, { onDuplicateKey: ({ newValue }) => newValue })
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    const position = /position (\d+)/.exec(detail)?.[1]
    throw new PayloadError('INVALID_JSON', `not valid JSON: ${detail}`, [], position === undefined ? undefined : Number(position))
  }
  return exactNumbers(parsed)
}

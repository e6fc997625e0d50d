/**
 * JSON bodies around payloads (webhook message lists, /message/send responses, event replies)
 * carry int64 ids beyond 2^53, which `JSON.parse` silently rounds. They are read by one linear
 * scan and then the engine's own `JSON.parse`: the scan checks the size and nesting limits and
 * quotes, as markers, only the number literals a double cannot hold as written (the exact-number
 * rule, `exact-number.ts`); after the parse the markers become exact values. A body's cost stays
 * a small multiple of its size whatever its shape (no object per number, no recursion in the
 * parse), and a body with nothing to quote is parsed by `JSON.parse` alone.
 */
import { isLosslessNumber, LosslessNumber, parse } from 'lossless-json'
import { PayloadError } from '../errors/payload-error.js'
import { exactValue, readNumberText } from './exact-number.js'
import { limitOption } from './limits.js'

/** 16 MiB: a webhook batch holds many payloads of up to 1 MiB each. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024
/** Deepest nesting of a body; payloads inside are limited separately (maxDepth). */
export const MAX_BODY_NESTING = 256

export interface ExactJsonOptions {
  /** Largest body, in characters (each at least one UTF-8 byte). Default 16 MiB; `Infinity`: no limit; not an integer ≥ 0: the default. */
  readonly maxBytes?: number
}

/** An own, enumerable property, even for the key `__proto__` (which `=` would turn into a prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true })
  else target[key] = value
}

/** The exact-number rule's envelope value for a number written as `text`: a number, or exact text. */
function envelopeNumber(text: string): number | string {
  const reading = readNumberText(text)
  if (reading === undefined) return text
  return reading.kind === 'safe' ? reading.value : reading.text
}

/**
 * Numbers as JS numbers when exact, decimal strings otherwise (the exact-number rule): a
 * `LosslessNumber` by its text, a `bigint` by its value. Returns a copy; depth already bounded.
 */
export function exactNumbers(value: unknown): unknown {
  if (isLosslessNumber(value)) return envelopeNumber(value.toString())
  if (typeof value === 'bigint') return exactValue(value)
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
 * (where a string is not a number): the first number a double cannot hold as written (beyond
 * ±2^53, a fraction that rounds to an integer, out of range) is reported with its path and exact
 * text instead of being silently rounded or turned into a string. Depth is already bounded.
 */
export function plainNumbers(value: unknown, path = ''): { value: unknown; unsafe: UnsafeNumber | undefined } {
  let unsafe: UnsafeNumber | undefined
  const convert = (v: unknown, at: string): unknown => {
    if (isLosslessNumber(v) || typeof v === 'bigint') {
      const text = v.toString()
      const reading = readNumberText(text)
      if (reading?.kind !== 'safe') unsafe ??= { path: at, text }
      return reading?.kind === 'safe' ? reading.value : Number(text)
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
 * `LosslessNumber` (its exact text). Kept for callers that want every number's text; it costs
 * an object per number — the package's own paths use {@link parseJsonMarked}.
 */
export function parseJsonLossless(text: string, options: ExactJsonOptions = {}): unknown {
  checkSize(text, options)
  scan(text, false)
  try {
    return parse(text, null, { onDuplicateKey: ({ newValue }) => newValue })
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    const position = /position (\d+)/.exec(detail)?.[1]
    throw new PayloadError('INVALID_JSON', `not valid JSON: ${detail}`, [], position === undefined ? undefined : Number(position))
  }
}

function checkSize(text: string, options: ExactJsonOptions): void {
  const maxBytes = limitOption(options.maxBytes, DEFAULT_MAX_BODY_BYTES)
  if (text.length > maxBytes) throw new PayloadError('TOO_LARGE', `JSON body is ${text.length} characters, more than maxBytes (${maxBytes})`)
}

/** What the scan found: the text to parse (rewritten when needed), the quoted numbers' texts, whether NULs were doubled. */
interface Scanned {
  readonly text: string
  /** Start and end offsets, in `text`'s original, of each quoted number literal (two entries each). */
  readonly numbers: readonly number[]
  readonly nul: boolean
}

/**
 * Text built from many pieces without holding one string per piece: pieces are joined in
 * batches, so the rewrite costs about the size of the text whatever the number of markers.
 */
class PieceBuffer {
  private batch: string[] = []
  private readonly joined: string[] = []
  push(a: string, b: string): void {
    this.batch.push(a, b)
    if (this.batch.length >= 4096) {
      this.joined.push(this.batch.join(''))
      this.batch = []
    }
  }
  finish(last: string): string {
    this.batch.push(last)
    this.joined.push(this.batch.join(''))
    return this.joined.join('')
  }
}

const NUL_ESCAPE = '\\u0000'

/**
 * One pass over the text: nesting depth checked (TOO_DEEP past {@link MAX_BODY_NESTING}), and,
 * when `mark`, every number literal the exact-number rule does not read as a safe number replaced
 * by the string `"\u0000<k>"` (k its index in `numbers`). So that a real string cannot pass for a
 * marker, every `\u0000` escape inside strings is doubled (the restore halves NUL runs again).
 * Invalid JSON is left for `JSON.parse` to report.
 */
function scan(text: string, mark: boolean): Scanned {
  const hasNul = mark && text.includes(NUL_ESCAPE)
  const numbers: number[] = []
  let pieces: PieceBuffer | undefined
  let copied = 0
  let depth = 0
  const n = text.length
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22 /* " */) {
      if (!hasNul) {
        // Jump to the closing quote: one not preceded by an odd run of backslashes.
        let j = text.indexOf('"', i + 1)
        while (j !== -1) {
          let k = j - 1
          while (text.charCodeAt(k) === 0x5c) k--
          if ((j - 1 - k) % 2 === 0) break
          j = text.indexOf('"', j + 1)
        }
        if (j === -1) break
        i = j
        continue
      }
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i)
        if (d === 0x22) break
        if (d === 0x5c) {
          if (text.startsWith(NUL_ESCAPE, i)) {
            pieces ??= new PieceBuffer()
            pieces.push(text.slice(copied, i + 6), NUL_ESCAPE)
            copied = i + 6
            i += 5
          } else i++
        }
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > MAX_BODY_NESTING) throw new PayloadError('TOO_DEEP', `JSON body nests more than ${MAX_BODY_NESTING} levels deep (at character ${i})`, [], i)
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--
    } else if (mark && (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39))) {
      let j = i + 1
      let plain = true
      for (; j < n; j++) {
        const d = text.charCodeAt(j)
        if (d >= 0x30 && d <= 0x39) continue
        if (d === 0x2e || d === 0x65 || d === 0x45 || d === 0x2b || d === 0x2d) plain = false
        else break
      }
      // Up to 15 digits (and a sign) is always a safe integer: nothing to look at.
      if (!plain || j - i > 15) {
        const literal = text.slice(i, j)
        const reading = readNumberText(literal)
        if (reading !== undefined && reading.kind !== 'safe') {
          pieces ??= new PieceBuffer()
          pieces.push(text.slice(copied, i), `"${NUL_ESCAPE}${numbers.length / 2}"`)
          numbers.push(i, j)
          copied = j
        }
      }
      i = j - 1
    }
  }
  if (pieces === undefined) return { text, numbers, nul: hasNul }
  return { text: pieces.finish(text.slice(copied)), numbers, nul: hasNul }
}

/** `JSON.parse`, its error a PayloadError positioned in the original text. */
function parseScanned(original: string, scanned: Scanned): unknown {
  try {
    return JSON.parse(scanned.text)
  } catch (error) {
    let detail = error instanceof Error ? error.message : String(error)
    if (scanned.text !== original) {
      try {
        JSON.parse(original)
      } catch (first) {
        detail = first instanceof Error ? first.message : String(first)
      }
    }
    const position = /position (\d+)/.exec(detail)?.[1]
    throw new PayloadError('INVALID_JSON', `not valid JSON: ${detail}`, [], position === undefined ? undefined : Number(position))
  }
}

const DOUBLED_NUL = /\0\0/g

/** A parsed string back to what was written: a marker → `number(k)`, NUL runs halved. */
function restoreString(s: string, nul: boolean, number: (k: number) => unknown): unknown {
  if (s.charCodeAt(0) === 0 && s.length > 1 && s.charCodeAt(1) !== 0) return number(Number(s.slice(1)))
  return nul && s.includes('\0') ? s.replace(DOUBLED_NUL, '\0') : s
}

/** Replaces markers in place (the parse's own fresh objects), keys' NULs halved; depth bounded by the scan. */
function restore(value: unknown, nul: boolean, number: (k: number) => unknown): unknown {
  if (typeof value === 'string') return restoreString(value, nul, number)
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i]
      if (typeof v === 'object' && v !== null) restore(v, nul, number)
      else if (typeof v === 'string' && (v.charCodeAt(0) === 0 || nul)) value[i] = restoreString(v, nul, number)
    }
    return value
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    for (const key of Object.keys(record)) {
      const v = record[key]
      if (typeof v === 'object' && v !== null) restore(v, nul, number)
      else if (typeof v === 'string' && (v.charCodeAt(0) === 0 || nul)) record[key] = restoreString(v, nul, number)
      if (nul && key.includes('\0')) {
        const halved = key.replace(DOUBLED_NUL, '\0')
        const moved = record[key]
        delete record[key]
        setOwn(record, halved, moved)
      }
    }
  }
  return value
}

function parseWith(text: string, options: ExactJsonOptions, number: (literal: string) => unknown, check?: (value: unknown) => void): unknown {
  checkSize(text, options)
  const scanned = scan(text, true)
  const value = parseScanned(text, scanned)
  // A caller's check of the shape (a count of entries) runs before any marker becomes a value.
  check?.(value)
  if (scanned.numbers.length === 0 && !scanned.nul) return value
  const { numbers } = scanned
  return restore(value, scanned.nul, (k) => number(text.slice(numbers[2 * k], numbers[2 * k + 1])))
}

/**
 * Parses JSON behind the size and nesting limits, with numbers a double holds as written as JS
 * numbers and every other number as a lossless-json `LosslessNumber` (its exact text): the input
 * of {@link exactNumbers} (envelopes) and {@link plainNumbers} (payload data), which can then
 * tell a number beyond 2^53 from a string. Throws `PayloadError`: `TOO_LARGE`, `TOO_DEEP`, `INVALID_JSON`.
 */
export function parseJsonMarked(text: string, options: ExactJsonOptions = {}, check?: (value: unknown) => void): unknown {
  return parseWith(text, options, (literal) => new LosslessNumber(literal), check)
}

/**
 * Parses JSON keeping every number exact (the exact-number rule): safe ones as numbers, integers
 * beyond 2^53 (snowflake ids) as canonical decimal strings (`1867301234567890123.0` too), other
 * numbers a double cannot hold as written (`9007199254740990.9`, `1e-400`, `1e400`) as their
 * text. Duplicate keys: the last one wins, as in `JSON.parse` and in the server's Go decoder.
 * Throws `PayloadError`: `TOO_LARGE`, `TOO_DEEP`, `INVALID_JSON`.
 */
export function parseJsonExact(text: string, options: ExactJsonOptions = {}): unknown {
  return parseWith(text, options, envelopeNumber)
}

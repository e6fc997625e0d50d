/**
 * The strict checks shared by both byte layers (platform-node.ts, platform-web.ts): every
 * platform decoder is too lenient for an API boundary (`Buffer` and `atob` skip what they do not
 * know; js-base64's `decode('!!!')` is `''`), so structure and UTF-8 are checked here.
 */
import { PayloadError } from '../errors/payload-error.js'

const BASE64_ALPHABET = /^[A-Za-z0-9+/]*$/

/**
 * Finds why a string is not standard padded Base64, Go-style ("illegal base64 data at input
 * byte N"), after CR/LF (which Go's decoder skips) are removed.
 */
function base64Error(input: string, cleaned: string): PayloadError {
  for (let i = 0; i < input.length; i++) {
    const c = input[i] as string
    if (c === '\r' || c === '\n') continue
    if (c === '-' || c === '_') {
      return new PayloadError('INVALID_BASE64', `payload is URL-safe Base64 ('${c}' at input byte ${i}); WuKongIM needs the standard alphabet (+ and /), or decode with { lenient: true }`, [], i)
    }
    if (c === '=') {
      const rest = input.slice(i).replace(/[\r\n]/g, '')
      if (/^={1,2}$/.test(rest)) break
      return new PayloadError('INVALID_BASE64', `illegal Base64 data at input byte ${i}: '=' may only end the string (at most two)`, [], i)
    }
    if (!/[A-Za-z0-9+/]/.test(c)) {
      const shown = c === ' ' ? 'a space' : JSON.stringify(c)
      return new PayloadError('INVALID_BASE64', `illegal Base64 data at input byte ${i}: ${shown} is not in the Base64 alphabet`, [], i)
    }
  }
  return new PayloadError(
    'INVALID_BASE64',
    `Base64 length ${cleaned.length} is not a multiple of 4: the padding '=' is missing or the data is truncated (decode with { lenient: true } to accept unpadded input)`,
    [],
    cleaned.length,
  )
}

/** Rewrites URL-safe or unpadded Base64 to the standard padded form. */
function normalizeLenient(input: string): string {
  let s = input.replace(/\s/g, '').replaceAll('-', '+').replaceAll('_', '/')
  // Trailing '=' removed by a loop: /=+$/ would backtrack quadratically on a long run of '='.
  let end = s.length
  while (end > 0 && s[end - 1] === '=') end--
  s = s.slice(0, end)
  while (s.length % 4 !== 0) s += '='
  return s
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
/** Value of each Base64 character by char code (built at the first call: no import-time work). */
let values: Uint8Array | undefined

/**
 * The bytes of a string {@link checkedBase64} accepted, decoded by hand: the path of runtimes
 * without `atob` (WeChat mini-programs, older React Native, embedded engines). Like `atob`, bits
 * after the last character are ignored. (js-base64's polyfill does the same, with its own regex
 * pass and about 0.7 KB gzip more in a bundle.)
 */
export function decodeCheckedBase64(s: string): Uint8Array {
  if (!values) {
    values = new Uint8Array(128)
    for (let i = 0; i < 64; i++) values[ALPHABET.charCodeAt(i)] = i
  }
  const v = values
  const padding = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0
  const out = new Uint8Array((s.length / 4) * 3 - padding)
  let at = 0
  for (let i = 0; i < s.length; i += 4) {
    const n = ((v[s.charCodeAt(i)] as number) << 18) | ((v[s.charCodeAt(i + 1)] as number) << 12) | ((v[s.charCodeAt(i + 2)] as number) << 6) | (v[s.charCodeAt(i + 3)] as number)
    out[at++] = n >> 16
    if (at < out.length) out[at++] = (n >> 8) & 0xff
    if (at < out.length) out[at++] = n & 0xff
  }
  return out
}

/** Standard padded Base64 of `bytes`, by hand: the path of runtimes without `btoa`. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number)
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!
  }
  const rest = bytes.length - i
  if (rest > 0) {
    const n = ((bytes[i] as number) << 16) | (rest === 2 ? (bytes[i + 1] as number) << 8 : 0)
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + (rest === 2 ? ALPHABET[(n >> 6) & 63]! : '=') + '='
  }
  return out
}

/** Checks the structure of a standard, padded Base64 string; returns it without CR/LF. Throws `INVALID_BASE64`. */
export function checkedBase64(input: string, lenient: boolean): string {
  let s = input
  if (lenient) s = normalizeLenient(s)
  else if (s.includes('\n') || s.includes('\r')) s = s.replace(/[\r\n]/g, '')
  const body = s.endsWith('==') ? s.slice(0, -2) : s.endsWith('=') ? s.slice(0, -1) : s
  if (s.length % 4 !== 0 || !BASE64_ALPHABET.test(body)) throw base64Error(input, s)
  return s
}

/** Offset of the first byte that is not valid UTF-8 (the input is known to be invalid). */
function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] as number
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0) return i
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      // Overlong 3/4-byte forms, surrogates and code points above U+10FFFF.
      if (k === 1 && ((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f) || (b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f))) return i
    }
    i += need + 1
  }
  return bytes.length
}

/**
 * The runtime's strict UTF-8 decoder, or `null` where there is none that refuses invalid input:
 * no `TextDecoder` (WeChat mini-programs, older React Native, embedded engines), a constructor
 * that rejects `fatal`, or a polyfill that ignores it (checked once on a lone 0xFF byte, which a
 * strict decoder refuses and a lenient one turns into U+FFFD).
 */
let fatalDecoder: { decode(bytes: Uint8Array): string } | null | undefined
function runtimeDecoder(): { decode(bytes: Uint8Array): string } | null {
  if (fatalDecoder !== undefined) return fatalDecoder
  const Decoder = (globalThis as { TextDecoder?: typeof TextDecoder }).TextDecoder
  fatalDecoder = null
  if (typeof Decoder !== 'function') return null
  try {
    const decoder = new Decoder('utf-8', { fatal: true, ignoreBOM: true })
    try {
      decoder.decode(Uint8Array.of(0xff))
    } catch {
      fatalDecoder = decoder
    }
  } catch {
    // An implementation without the `fatal` option: the decoder below is used.
  }
  return fatalDecoder
}

/**
 * Decodes UTF-8 without replacing anything. Throws `INVALID_UTF8` with the byte offset. Uses the
 * runtime's `TextDecoder` when it is strict, else decodes by hand: the same input is refused
 * either way, and U+FFFD appears only where the bytes spell it.
 */
export function strictUtf8ToText(bytes: Uint8Array): string {
  const decoder = runtimeDecoder()
  if (decoder) {
    try {
      return decoder.decode(bytes)
    } catch {
      // Invalid: the offset is found below.
    }
  }
  const offset = invalidUtf8Offset(bytes)
  if (offset === bytes.length) {
    // Valid (checked just above): the language's own UTF-8 decoder, over the bytes percent-escaped.
    let escaped = ''
    for (let i = 0; i < bytes.length; i++) escaped += ((bytes[i] as number) < 16 ? '%0' : '%') + (bytes[i] as number).toString(16)
    return decodeURIComponent(escaped)
  }
  throw new PayloadError('INVALID_UTF8', `payload is not valid UTF-8 (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at offset ${offset}); encode the JSON text as UTF-8`, [], offset)
}

let encoder: { encode(text: string): Uint8Array } | null | undefined

/**
 * The UTF-8 bytes of `text`: the runtime's `TextEncoder`, else the language's own encoder
 * (`encodeURIComponent`, whose escapes are the UTF-8 bytes), with the same result; a lone
 * surrogate, which callers have refused before, becomes U+FFFD as `TextEncoder` writes it.
 */
export function textToUtf8(text: string): Uint8Array {
  encoder ??= typeof (globalThis as { TextEncoder?: unknown }).TextEncoder === 'function' ? new TextEncoder() : null
  if (encoder) return encoder.encode(text)
  const escaped = encodeURIComponent(text.replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g, (m) => (m.length === 2 ? m : '\ufffd')))
  const out: number[] = []
  for (let i = 0; i < escaped.length; i++) {
    if (escaped[i] === '%') {
      out.push(Number.parseInt(escaped.slice(i + 1, i + 3), 16))
      i += 2
    } else out.push(escaped.charCodeAt(i))
  }
  return Uint8Array.from(out)
}

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

let fatalDecoder: TextDecoder | undefined

/** Decodes UTF-8 without replacing anything. Throws `INVALID_UTF8` with the byte offset. */
export function strictUtf8ToText(bytes: Uint8Array): string {
  try {
    return (fatalDecoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })).decode(bytes)
  } catch {
    const offset = invalidUtf8Offset(bytes)
    throw new PayloadError('INVALID_UTF8', `payload is not valid UTF-8 (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at offset ${offset}); encode the JSON text as UTF-8`, [], offset)
  }
}

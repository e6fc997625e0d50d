/**
 * Base64 and UTF-8, strict. On Node the work is done by `Buffer` (SIMD-backed since Node 20.13);
 * in browsers by native `Uint8Array.fromBase64`/`toBase64` where present, else `atob`/`btoa`,
 * with `TextDecoder`/`TextEncoder` for UTF-8. (js-base64 3.9 does exactly that in a browser, plus
 * regex passes: calling the platform directly is smaller and faster.) Every one of these is too
 * lenient for an API boundary (`atob` skips spaces; js-base64's `decode('!!!')` is `''`), so the
 * structure is checked here first.
 */
import { PayloadError } from './errors.js'

interface NodeBuffer extends Uint8Array {
  toString(encoding?: 'utf8' | 'base64'): string
}
interface NodeBufferConstructor {
  from(input: string, encoding: 'base64' | 'utf8'): NodeBuffer
  from(input: Uint8Array): NodeBuffer
  from(arrayBuffer: ArrayBufferLike, byteOffset: number, length: number): NodeBuffer
  byteLength(input: string, encoding: 'utf8'): number
}
interface NativeBase64 {
  fromBase64?: (input: string) => Uint8Array
}

/** Node's Buffer when present; read once (a global lookup, no import-time work beyond it). */
const NodeBufferImpl = (globalThis as { Buffer?: NodeBufferConstructor }).Buffer
const nativeFromBase64 = (Uint8Array as NativeBase64).fromBase64

const BASE64_ALPHABET = /^[A-Za-z0-9+/]*$/

/** A Buffer view of the same memory (no copy). */
function asBuffer(B: NodeBufferConstructor, bytes: Uint8Array): NodeBuffer {
  return 'readUInt8' in bytes ? (bytes as NodeBuffer) : B.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** Decoded length of a structurally valid, padded Base64 string. */
function decodedLength(input: string): number {
  const padding = input.endsWith('==') ? 2 : input.endsWith('=') ? 1 : 0
  return (input.length / 4) * 3 - padding
}

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
  let s = input.replace(/[\s]/g, '').replaceAll('-', '+').replaceAll('_', '/')
  s = s.replace(/=+$/, '')
  while (s.length % 4 !== 0) s += '='
  return s
}

/** Checks the structure of a standard, padded Base64 string; returns it without CR/LF. */
function checkedBase64(input: string, lenient: boolean): string {
  let s = input
  if (lenient) s = normalizeLenient(s)
  else if (s.includes('\n') || s.includes('\r')) s = s.replace(/[\r\n]/g, '')
  const body = s.endsWith('==') ? s.slice(0, -2) : s.endsWith('=') ? s.slice(0, -1) : s
  if (s.length % 4 !== 0 || !BASE64_ALPHABET.test(body)) throw base64Error(input, s)
  return s
}

/** Decodes standard padded Base64 to bytes. Throws `INVALID_BASE64`. */
export function base64ToBytes(input: string, lenient = false): Uint8Array {
  if (NodeBufferImpl) {
    // Fast path: Buffer skips characters it does not know, so a string is valid exactly when
    // its length is a multiple of 4, it has no URL-safe characters, and nothing was skipped.
    if (!lenient && input.length % 4 === 0 && !input.includes('-') && !input.includes('_')) {
      const bytes = NodeBufferImpl.from(input, 'base64')
      if (bytes.length === decodedLength(input)) return bytes
    }
    return NodeBufferImpl.from(checkedBase64(input, lenient), 'base64')
  }
  const s = checkedBase64(input, lenient)
  if (nativeFromBase64) return nativeFromBase64(s)
  const binary = atob(s)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Encodes bytes as standard padded Base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  if (NodeBufferImpl) return asBuffer(NodeBufferImpl, bytes).toString('base64')
  const native = (bytes as { toBase64?: () => string }).toBase64
  if (native) return native.call(bytes)
  // btoa takes a "binary string" (one char per byte), built in chunks that fit in an argument list.
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

const fatalDecoder = /*@__PURE__*/ lazy(() => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }))
const encoder = /*@__PURE__*/ lazy(() => new TextEncoder())

function lazy<T>(make: () => T): () => T {
  let value: T | undefined
  return () => (value ??= make())
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

/** Decodes UTF-8 without replacing anything. Throws `INVALID_UTF8` with the byte offset. */
export function utf8ToText(bytes: Uint8Array): string {
  if (NodeBufferImpl) {
    const text = asBuffer(NodeBufferImpl, bytes).toString('utf8')
    // Buffer replaces invalid sequences with U+FFFD; only then is a strict check needed.
    if (!text.includes('\uFFFD')) return text
  }
  try {
    return fatalDecoder().decode(bytes)
  } catch {
    const offset = invalidUtf8Offset(bytes)
    throw new PayloadError('INVALID_UTF8', `payload is not valid UTF-8 (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at offset ${offset}); encode the JSON text as UTF-8`, [], offset)
  }
}

/** Encodes text as UTF-8 bytes (the caller has checked it has no lone surrogate). */
export function textToUtf8(text: string): Uint8Array {
  return NodeBufferImpl ? NodeBufferImpl.from(text, 'utf8') : encoder().encode(text)
}

/** Base64 of the UTF-8 of `text`, in one step on Node. */
export function textToBase64(text: string): string {
  return NodeBufferImpl ? NodeBufferImpl.from(text, 'utf8').toString('base64') : bytesToBase64(encoder().encode(text))
}

/** UTF-8 byte length of `text`. */
export function utf8Length(text: string): number {
  return NodeBufferImpl ? NodeBufferImpl.byteLength(text, 'utf8') : encoder().encode(text).length
}

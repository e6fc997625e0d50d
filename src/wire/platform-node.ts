/**
 * Base64 and UTF-8 on Node: `Buffer`, SIMD-backed since Node 20.13 (js-base64 3.9 and
 * `atob`/`TextDecoder` are 2–10× slower there). Chosen by the `#platform` entry of package.json
 * "imports" under the `node` condition; falls back to platform-web.ts where a runtime claims the
 * `node` condition but has no global `Buffer`.
 */
import { checkedBase64, strictUtf8ToText } from './base64-check.js'
import * as web from './platform-web.js'
import { checkGzipFrame, gzipTooLarge, invalidGzip, isTruncationError, truncatedGzip } from './gzip-check.js'

interface NodeBuffer extends Uint8Array {
  toString(encoding?: 'utf8' | 'base64'): string
}
/** What {@link base64ToText} and {@link textToBase64} call on their reused Buffer (the `…Write`/`…Slice` methods: undocumented, present in Node since 0.x; checked). */
interface ScratchBuffer {
  write(input: string, offset: number, encoding: 'base64' | 'utf8'): number
  toString(encoding: 'utf8' | 'base64', start: number, end: number): string
  base64Write?: (input: string, offset: number, length: number) => number
  utf8Write?: (input: string, offset: number, length: number) => number
  utf8Slice?: (start: number, end: number) => string
  base64Slice?: (start: number, end: number) => string
}
interface NodeBufferConstructor {
  allocUnsafeSlow(size: number): ScratchBuffer
  from(input: string, encoding: 'base64' | 'utf8'): NodeBuffer
  from(arrayBuffer: ArrayBufferLike, byteOffset: number, length: number): NodeBuffer
  byteLength(input: string, encoding: 'utf8'): number
}

/** Read once, at the first call (no import-time work). */
let NodeBuffer: NodeBufferConstructor | null | undefined
function nodeBuffer(): NodeBufferConstructor | null {
  return (NodeBuffer ??= (globalThis as { Buffer?: NodeBufferConstructor }).Buffer ?? null)
}

/** A Buffer view of the same memory (no copy). */
function asBuffer(B: NodeBufferConstructor, bytes: Uint8Array): NodeBuffer {
  return 'readUInt8' in bytes ? (bytes as NodeBuffer) : B.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** Decoded length of a structurally valid, padded Base64 string. */
function decodedLength(input: string): number {
  const n = input.length
  const padding = input.charCodeAt(n - 1) !== 0x3d ? 0 : input.charCodeAt(n - 2) === 0x3d ? 2 : 1
  return (n / 4) * 3 - padding
}

/** Decodes standard padded Base64 (or, lenient, URL-safe/unpadded) to bytes. Throws `INVALID_BASE64`. */
export function base64ToBytes(input: string, lenient = false): Uint8Array {
  const B = nodeBuffer()
  if (!B) return web.base64ToBytes(input, lenient)
  // Fast path: Buffer skips characters it does not know, so an ASCII string is valid exactly when
  // its length is a multiple of 4, it has no URL-safe characters, and nothing was skipped. A
  // non-ASCII string never takes it: Buffer reads only the low byte of each UTF-16 unit ('ť',
  // U+0165, would decode as 'e'), so its UTF-8 length (native, one pass) must equal its length.
  if (!lenient && input.length % 4 === 0 && !input.includes('-') && !input.includes('_') && B.byteLength(input, 'utf8') === input.length) {
    const bytes = B.from(input, 'base64')
    if (bytes.length === decodedLength(input)) return bytes
  }
  return B.from(checkedBase64(input, lenient), 'base64')
}

/** Memory for {@link base64ToText} and {@link textToBase64}, reused: a payload's bytes need not be a new Buffer each. */
let scratch: ScratchBuffer | undefined
const SCRATCH_BYTES = 64 * 1024

/**
 * Strict standard Base64 of strict UTF-8, as text, in one step and without allocating the bytes
 * (decoded into reused memory): the common case of {@link base64ToBytes} then {@link utf8ToText}.
 * `undefined` when the input is not plainly valid or is larger than 64 KB: the caller then takes
 * those two, which decide and report. Never throws.
 */
export function base64ToText(input: string): string | undefined {
  const B = nodeBuffer()
  if (!B) return web.base64ToText(input)
  const n = input.length
  if (n === 0 || n % 4 !== 0 || (n / 4) * 3 > SCRATCH_BYTES) return undefined
  // As in base64ToBytes: no URL-safe character, ASCII only, nothing skipped.
  if (input.includes('-') || input.includes('_') || B.byteLength(input, 'utf8') !== n) return undefined
  const buffer = (scratch ??= B.allocUnsafeSlow(SCRATCH_BYTES))
  const length = decodedLength(input)
  // Buffer's own per-encoding methods where it has them (every Node; what write/toString call
  // after looking the encoding up), the documented ones otherwise.
  const written = buffer.base64Write ? buffer.base64Write(input, 0, SCRATCH_BYTES) : buffer.write(input, 0, 'base64')
  if (written !== length) return undefined
  const text = buffer.utf8Slice ? buffer.utf8Slice(0, length) : buffer.toString('utf8', 0, length)
  return text.includes('\uFFFD') ? undefined : text
}

/** Encodes bytes as standard padded Base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  const B = nodeBuffer()
  return B ? asBuffer(B, bytes).toString('base64') : web.bytesToBase64(bytes)
}

/** Decodes UTF-8 without replacing anything. Throws `INVALID_UTF8` with the byte offset. */
export function utf8ToText(bytes: Uint8Array): string {
  const B = nodeBuffer()
  if (B) {
    // No argument: Buffer's direct UTF-8 path (default encoding), without the encoding lookup.
    const text = asBuffer(B, bytes).toString()
    // Buffer replaces invalid sequences with U+FFFD; only then is a strict check needed.
    if (!text.includes('\uFFFD')) return text
  }
  return strictUtf8ToText(bytes)
}

/** Base64 of the UTF-8 of `text` (the caller has checked it has no lone surrogate), in one step. */
export function textToBase64(text: string): string {
  const B = nodeBuffer()
  if (!B) return web.textToBase64(text)
  // At most 3 bytes per UTF-16 unit: a text that surely fits is encoded in the reused memory.
  if (text.length * 3 > SCRATCH_BYTES) return B.from(text, 'utf8').toString('base64')
  const buffer = (scratch ??= B.allocUnsafeSlow(SCRATCH_BYTES))
  const length = buffer.utf8Write ? buffer.utf8Write(text, 0, SCRATCH_BYTES) : buffer.write(text, 0, 'utf8')
  return buffer.base64Slice ? buffer.base64Slice(0, length) : buffer.toString('base64', 0, length)
}

/** UTF-8 byte length of `text`. */
export function utf8Length(text: string): number {
  const B = nodeBuffer()
  return B ? B.byteLength(text, 'utf8') : web.utf8Length(text)
}

interface NodeZlib {
  gunzip(input: Uint8Array, options: { maxOutputLength: number }, callback: (error: (Error & { code?: string }) | null, result: Uint8Array) => void): void
}

/**
 * Decompresses gzip with node:zlib (loaded at the first call, so importing the codec stays as
 * fast as before), reading at most `maxBytes`. Throws `PayloadError`: truncated or invalid data,
 * or `TOO_LARGE`. Where the runtime has no node:zlib, the web version (DecompressionStream).
 */
export async function gunzip(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  checkGzipFrame(bytes)
  let zlib: NodeZlib
  try {
    zlib = (await import('node:zlib')) as unknown as NodeZlib
  } catch {
    return web.gunzip(bytes, maxBytes)
  }
  return new Promise((resolve, reject) => {
    // zlib takes 1 … 2^32 here (Node's buffer limit); a larger limit (Infinity: none) is the largest it takes.
    zlib.gunzip(bytes, { maxOutputLength: Math.max(1, Math.min(maxBytes, 2 ** 32)) }, (error, result) => {
      if (!error) resolve(result)
      else if (error.code === 'ERR_BUFFER_TOO_LARGE') reject(gzipTooLarge(maxBytes))
      else reject(isTruncationError(error) ? truncatedGzip(bytes.length) : invalidGzip(error.message))
    })
  })
}

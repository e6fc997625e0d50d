/**
 * Base64 and UTF-8 where there is no `Buffer` (browsers, workers): native
 * `Uint8Array.fromBase64`/`toBase64` where present, else `atob`/`btoa`, with
 * `TextDecoder`/`TextEncoder`. (js-base64 3.9 does exactly this in a browser, plus regex passes;
 * calling the platform directly is smaller and faster.) Where a runtime lacks `atob`/`btoa`
 * (WeChat mini-programs, older React Native, embedded engines), or a strict `TextDecoder` or a
 * `TextEncoder`, base64-check.ts does that part by hand, after the same strict checks. Chosen
 * over platform-node.ts by the `#platform` entry of package.json "imports" for every condition
 * but `node`.
 */
import { checkedBase64, decodeCheckedBase64, encodeBase64, strictUtf8ToText, textToUtf8 } from './base64-check.js'
import { isPayloadError } from '../errors/payload-error.js'
import { checkGzipFrame, gzipTooLarge, invalidGzip, isTruncationError, truncatedGzip } from './gzip-check.js'

interface NativeBase64 {
  fromBase64?: (input: string, options?: { lastChunkHandling?: 'loose' | 'strict' }) => Uint8Array
}

/** Decoded length of a padded Base64 string whose length is a multiple of 4. */
function decodedLength(input: string): number {
  const n = input.length
  const padding = input.charCodeAt(n - 1) !== 0x3d ? 0 : input.charCodeAt(n - 2) === 0x3d ? 2 : 1
  return (n / 4) * 3 - padding
}

/**
 * Base64 length above which the native decoder is used when there is one. In Chromium 156
 * (bench/browser-mixed.mjs) `atob` + a byte loop beats `Uint8Array.fromBase64` at 64 characters
 * and loses from 112 up (1.2–1.4×, 2.4× at 1.4 KB); with the threshold at 1024 the mixed stream
 * (Base64 of 48–452 characters) decoded at 1.6× the native floor, at 64–256 at 1.1–1.3×.
 */
const NATIVE_FROM = 96

/** Decodes standard padded Base64 (or, lenient, URL-safe/unpadded) to bytes. Throws `INVALID_BASE64`. */
export function base64ToBytes(input: string, lenient = false): Uint8Array {
  const native = (Uint8Array as NativeBase64).fromBase64
  // Fast path, instead of the alphabet regex (1.7× the native floor at 64 KB in Chromium): the
  // native decoder rejects characters outside the standard alphabet and, strict, a missing pad;
  // it skips ASCII whitespace, which then shows as a shorter output than the length implies.
  // Anything else takes the checked path below, which gives the error or the old result.
  // Below about 100 characters atob is the faster primitive (the native call's fixed cost):
  // the shortest payloads take the atob path below.
  if (native && !lenient && input.length % 4 === 0 && input.length > NATIVE_FROM) {
    try {
      const bytes = native(input, { lastChunkHandling: 'strict' })
      if (bytes.length === decodedLength(input)) return bytes
    } catch {
      // e.g. non-zero bits after the last character: accepted by the checked path, as by Buffer.
    }
  }
  // Without the native decoder, the same reasoning with atob (forgiving-base64): it rejects
  // characters outside the alphabet and misplaced '=', and skips ASCII whitespace, which shows as
  // a shorter output; with the length a multiple of 4 that is exactly the strict grammar.
  if ((!native || input.length <= NATIVE_FROM) && !lenient && input.length % 4 === 0 && typeof atob === 'function') {
    try {
      const binary = atob(input)
      if (binary.length === decodedLength(input)) return binaryToBytes(binary)
    } catch {
      // Not in the alphabet: the checked path below says where.
    }
  }
  const s = checkedBase64(input, lenient)
  return native ? native(s) : typeof atob === 'function' ? binaryToBytes(atob(s)) : decodeCheckedBase64(s)
}

/** The bytes of a "binary string" (one char per byte, as atob returns). */
function binaryToBytes(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * Strict standard Base64 of strict UTF-8, as text: {@link base64ToBytes} then {@link utf8ToText},
 * or `undefined` where either would throw (the caller calls them to report). Never throws.
 */
export function base64ToText(input: string): string | undefined {
  try {
    return strictUtf8ToText(base64ToBytes(input))
  } catch {
    return undefined
  }
}

/** Encodes bytes as standard padded Base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as { toBase64?: () => string }).toBase64
  if (native) return native.call(bytes)
  if (typeof btoa !== 'function') return encodeBase64(bytes)
  // btoa takes a "binary string" (one char per byte), built in chunks that fit in an argument list.
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** Decodes UTF-8 without replacing anything. Throws `INVALID_UTF8` with the byte offset. */
export const utf8ToText: (bytes: Uint8Array) => string = strictUtf8ToText

/** Base64 of the UTF-8 of `text` (the caller has checked it has no lone surrogate). */
export function textToBase64(text: string): string {
  return bytesToBase64(textToUtf8(text))
}

/** UTF-8 byte length of `text`. */
export function utf8Length(text: string): number {
  return textToUtf8(text).length
}

interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>
  cancel(): Promise<void>
}

/**
 * Decompresses gzip with `DecompressionStream` (every current browser, workers, Node ≥ 18),
 * reading at most `maxBytes`. Throws `PayloadError`: truncated or invalid data, or `TOO_LARGE`.
 */
export async function gunzip(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  checkGzipFrame(bytes)
  const Stream = (globalThis as { DecompressionStream?: new (format: 'gzip') => { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> } }).DecompressionStream
  if (!Stream) throw invalidGzip('this runtime has no DecompressionStream')
  const stream = new Stream('gzip')
  const writer = stream.writable.getWriter()
  // Errors surface on the readable side; the writer's own promises must not go unhandled.
  writer.write(bytes).catch(() => {})
  writer.close().catch(() => {})
  const reader = stream.readable.getReader() as unknown as ByteReader
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (!value) continue
      total += value.length
      if (total > maxBytes) {
        await reader.cancel().catch(() => {})
        throw gzipTooLarge(maxBytes)
      }
      chunks.push(value)
    }
  } catch (error) {
    if (isPayloadError(error)) throw error
    throw isTruncationError(error) ? truncatedGzip(bytes.length) : invalidGzip(error instanceof Error ? error.message : String(error))
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}

/**
 * What both platforms' gunzip share: the checks that need no decompressor, and the errors. A
 * gzip member is a 10-byte header, a deflate stream (2 bytes at least) and an 8-byte trailer, so
 * anything shorter than 20 bytes with a gzip header is truncated. WuKongIM v2 (≤ v2.2.5) reads its
 * gzip buffer before closing the writer, which for small lists leaves only the header
 * (`H4sIAAAAAAAA/w==`): that is reported as truncated, never guessed at.
 */
import { PayloadError } from '../errors/payload-error.js'

const MIN_GZIP_BYTES = 20

export function truncatedGzip(length: number): PayloadError {
  return new PayloadError(
    'INVALID_PAYLOAD',
    `the gzip data (${length} bytes) is truncated: it ends before its last block and trailer. WuKongIM v2 up to v2.2.5 sends compress_to_uids this way (the buffer is read before the gzip writer is closed); the uids cannot be recovered from it. Set channel.subscriberCompressOfCount to 0 on the server to receive to_uids uncompressed.`,
  )
}

export function invalidGzip(detail: string): PayloadError {
  return new PayloadError('INVALID_PAYLOAD', `not valid gzip data: ${detail}`)
}

export function gzipTooLarge(maxBytes: number): PayloadError {
  return new PayloadError('TOO_LARGE', `the gzip data decompresses to more than ${maxBytes} bytes`)
}

/** Throws for what is wrong before decompressing: not gzip, or too short to be whole. */
export function checkGzipFrame(bytes: Uint8Array): void {
  if (bytes.length < 3 || bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 0x08) throw invalidGzip('it does not start with the gzip header 1f 8b 08')
  if (bytes.length < MIN_GZIP_BYTES) throw truncatedGzip(bytes.length)
}

/** Whether a decompressor's error means the input ended early (zlib's Z_BUF_ERROR, browsers' wording). */
export function isTruncationError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'Z_BUF_ERROR') return true
  const message = error instanceof Error ? error.message : String(error)
  return /unexpected end|truncat|incomplete|end of (?:file|stream|input|data)/i.test(message)
}

/**
 * `decodeForDisplay`: the receive side of a chat UI. A delivered message is never dropped: when it
 * parses but fails validation, the parts that did validate are shown and the parts that did not
 * are named, so that the UI can show the text and mark only the quote (or one forwarded message)
 * as unreadable.
 */
import type { PayloadError } from '../errors/payload-error.js'
import type { ValidationIssue } from '../errors/issue.js'
import type { Payload, UnknownPayload } from '../types/payload.js'
import { safeDecodePayload, type DecodeOptions, type PayloadInput } from './codec.js'

/** What {@link decodeForDisplay} found; `status` says how much of the message can be shown. */
export type DisplayDecodeResult =
  /** Valid: show it (`issues` and `unreadable` are empty). */
  | { readonly status: 'ok'; readonly payload: Payload; readonly issues: readonly ValidationIssue[]; readonly unreadable: readonly string[] }
  /**
   * The message itself is valid; the parts listed in `unreadable` (its quote `/reply`, a forwarded
   * message `/msgs/0`, a quote's quote `/reply/payload/reply`, …) are not. `payload` is the
   * message as delivered: show it, and show each unreadable part as a placeholder instead of
   * reading its fields.
   */
  | { readonly status: 'partial'; readonly payload: Payload; readonly issues: readonly ValidationIssue[]; readonly unreadable: readonly string[]; readonly error: PayloadError }
  /**
   * The message itself is invalid. `payload` is what was delivered when it is at least an object
   * with an integer `type` (its fields unchecked: `digest(payload)` still gives the type's label,
   * e.g. "[语音]"), undefined when nothing usable arrived (bad Base64, UTF-8 or JSON, a limit).
   * `unreadable` is `['']`.
   */
  | { readonly status: 'unreadable'; readonly payload: UnknownPayload | undefined; readonly issues: readonly ValidationIssue[]; readonly unreadable: readonly string[]; readonly error: PayloadError }

/**
 * The part of a message an issue at `path` belongs to: `''` (the message), `/reply` (its quote),
 * `/msgs/<n>` (a forwarded message), and so on down nested payloads. A reply's own fields
 * (`/reply/message_id`) belong to the quote, not to the message that quotes.
 */
export function unreadablePartOf(path: string): string {
  const segments = path === '' ? [] : path.slice(1).split('/')
  let part = ''
  let payloadAt = ''
  for (let i = 0; i < segments.length; ) {
    const segment = segments[i]
    let next: number
    if (segment === 'reply') {
      part = `${payloadAt}/reply`
      next = i + 1
    } else if (segment === 'msgs' && i + 1 < segments.length && /^[0-9]+$/.test(segments[i + 1] as string)) {
      part = `${payloadAt}/msgs/${segments[i + 1] as string}`
      next = i + 2
    } else break
    // Go on into the nested payload only when the issue lies inside it (not on `payload` itself).
    if (segments[next] !== 'payload' || next + 1 >= segments.length) break
    payloadAt = `${part}/payload`
    i = next + 1
  }
  return part
}

/**
 * The smallest set of parts covering every issue: a part inside another listed part is dropped.
 * One pass over the sorted parts (O(n log n), not a comparison of every pair): the parts inside
 * a part `p` are exactly the strings starting `p/`, which sort right after `p` in one block
 * (a part's next character is `/` or a digit, and no digit sorts before `/`).
 */
function partsOf(issues: readonly ValidationIssue[]): string[] {
  const parts = [...new Set(issues.map((issue) => unreadablePartOf(issue.path)))].sort()
  if (parts[0] === '') return ['']
  const kept: string[] = []
  let last: string | undefined
  for (const part of parts) {
    if (last !== undefined && part.startsWith(`${last}/`)) continue
    kept.push(part)
    last = part
  }
  return kept
}

function isEnvelope(value: unknown): value is UnknownPayload {
  try {
    return typeof value === 'object' && value !== null && !Array.isArray(value) && Number.isInteger((value as { type?: unknown }).type)
  } catch {
    // A getter or Proxy trap that throws (a value passed in, not one that was parsed): nothing to show.
    return false
  }
}

/**
 * Decodes a delivered payload for display. Never throws, and never loses a message that parsed:
 * see {@link DisplayDecodeResult}. Options are those of `safeDecodePayload`.
 */
export function decodeForDisplay(input: PayloadInput, options: DecodeOptions = {}): DisplayDecodeResult {
  const result = safeDecodePayload(input, options)
  if (result.ok) return { status: 'ok', payload: result.value, issues: [], unreadable: [] }
  const error = result.error
  const delivered = 'value' in error && isEnvelope(error.value) ? error.value : undefined
  const unreadable = delivered === undefined ? [''] : partsOf(error.issues)
  if (delivered !== undefined && unreadable.length > 0 && !unreadable.includes('')) {
    // Every issue lies in a nested part, so the message's own fields validated.
    return { status: 'partial', payload: delivered as Payload, issues: error.issues, unreadable, error }
  }
  return { status: 'unreadable', payload: delivered, issues: error.issues, unreadable: [''], error }
}

/**
 * WuKongIM webhooks by event (`POST <webhook.httpAddr>?event=<name>`): `msg.notify` (a list of
 * messages), `msg.offline` (one message and the offline uids, possibly gzip-compressed) and
 * `user.onlinestatus` (a list of "uid-deviceFlag-online-connId-deviceCount-totalCount" strings).
 * Bodies as the server writes them in WuKongIM/WuKongIM:internal/webhook/webhook.go and
 * internal/types/webhook.go (v2.0–v2.2.5).
 */
import type { DecodeOptions } from '../codec/codec.js'
import { describeThrown, readPlain } from '../errors/foreign.js'
import { PayloadError, invalidPayloadError, isPayloadError } from '../errors/payload-error.js'
import { base64ToBytes, gunzip, utf8ToText } from '#platform'
import { strictUtf8ToText } from '../wire/base64-check.js'
import { exactInteger, exactSafeInteger } from '../wire/exact-number.js'
import { exactNumbers, parseJsonExact, parseJsonMarked } from '../wire/json-exact.js'
import { limitOption } from '../wire/limits.js'
import { checkEntryCount, DEFAULT_MAX_WEBHOOK_BODY_BYTES, decodeWebhookMessage, decodeWebhookMessages, type WebhookDecodeOptions, type WebhookMessage } from './messages.js'

/** The webhook events WuKongIM sends (`webhook.focusEvents` accepts exactly these). */
export const WebhookEventName = { MsgNotify: 'msg.notify', MsgOffline: 'msg.offline', UserOnlineStatus: 'user.onlinestatus' } as const

/** `msg.notify`: messages stored in the channel (batched, up to 100 a call, more on a retry). */
export interface MsgNotifyEvent {
  readonly event: 'msg.notify'
  readonly messages: WebhookMessage[]
}

/** `msg.offline`: one message, and this node's subscribers whose main device is offline. */
export interface MsgOfflineEvent {
  readonly event: 'msg.offline'
  readonly message: WebhookMessage
  /** The offline uids, decoded from `compress_to_uids` when compressed; `undefined` when they could not be read (see {@link to_uids_error}). */
  readonly to_uids: readonly string[] | undefined
  /** Why `to_uids` is missing (e.g. the truncated gzip WuKongIM ≤ v2.2.5 sends); the message itself is unaffected. */
  readonly to_uids_error: PayloadError | undefined
  /** `"gzip"` when `to_uids` came compressed. */
  readonly compress: string | undefined
  /** Id of the node that sent it (one call per message per node), exact as a decimal string. */
  readonly source_id: string | undefined
}

/** One entry of `user.onlinestatus`. */
export interface OnlineStatus {
  readonly uid: string
  /** 0 app, 1 web, 2 PC (99 system). */
  readonly deviceFlag: number
  readonly online: boolean
  /** Connection id, local to the node; exact, as a decimal string (an int64). */
  readonly connId: string
  /** Connections of this uid with this device flag, after the change. */
  readonly deviceOnlineCount: number
  /** Connections of this uid in total, after the change. */
  readonly totalOnlineCount: number
}

/** `user.onlinestatus`: the server's accumulated list (it resends the whole batch until answered 200). */
export interface UserOnlineStatusEvent {
  readonly event: 'user.onlinestatus'
  readonly statuses: OnlineStatus[]
  /** Entries that are not in the server's format, with why; the others are unaffected. */
  readonly invalid: readonly { readonly index: number; readonly value: unknown; readonly message: string }[]
}

/** An event this package does not know, with its body as parsed (int64s exact). */
export interface UnknownWebhookEvent {
  readonly event: 'unknown'
  readonly name: string
  readonly body: unknown
}

export type WebhookEvent = MsgNotifyEvent | MsgOfflineEvent | UserOnlineStatusEvent | UnknownWebhookEvent
export type WebhookEventResult = { readonly ok: true; readonly value: WebhookEvent } | { readonly ok: false; readonly error: PayloadError }

export interface WebhookEventOptions extends WebhookDecodeOptions {
  /**
   * Largest body; the bytes a gzip `compress_to_uids` inflates to count against it too. Default
   * 8 MiB; `Infinity`: no limit; an invalid value (`NaN`, negative, fractional, not a number): the default.
   */
  readonly maxBodyBytes?: number
}

const STATUS_NUMBER = /^[0-9]+$/

/**
 * One `user.onlinestatus` string, split from the right: a uid may itself contain `-`. Returns a
 * message saying what is wrong instead when it is not in the server's format.
 */
export function parseOnlineStatus(value: unknown): OnlineStatus | string {
  if (typeof value !== 'string') return `must be a string "uid-deviceFlag-online-connId-deviceOnlineCount-totalOnlineCount", not ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`
  const parts = value.split('-')
  if (parts.length < 6) return `has ${parts.length} "-"-separated fields, not at least 6 (uid-deviceFlag-online-connId-deviceOnlineCount-totalOnlineCount)`
  const numbers = parts.slice(-5)
  const bad = numbers.findIndex((n) => !STATUS_NUMBER.test(n))
  if (bad !== -1) return `field ${['deviceFlag', 'online', 'connId', 'deviceOnlineCount', 'totalOnlineCount'][bad]} is ${JSON.stringify(numbers[bad])}, not a non-negative integer`
  const [deviceFlag, online, connId, deviceCount, totalCount] = numbers as [string, string, string, string, string]
  if (online !== '0' && online !== '1') return `field online is ${online}, not 0 or 1`
  const uid = parts.slice(0, -5).join('-')
  if (uid === '') return 'has an empty uid'
  // The exact-number rule: a count beyond 2^53 is refused, never rounded by Number().
  const counts: number[] = []
  for (const [name, digits] of [['deviceFlag', deviceFlag], ['deviceOnlineCount', deviceCount], ['totalOnlineCount', totalCount]] as const) {
    const n = exactSafeInteger(digits.replace(/^0+(?=[0-9])/, ''))
    if (!n.ok) return `field ${name} ${n.reason}`
    counts.push(n.value)
  }
  const id = exactInteger(connId.replace(/^0+(?=[0-9])/, ''))
  return {
    uid,
    deviceFlag: counts[0] as number,
    online: online === '1',
    connId: id.ok ? id.text : connId,
    deviceOnlineCount: counts[1] as number,
    totalOnlineCount: counts[2] as number,
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

async function offlineUids(body: Record<string, unknown>, maxBytes: number): Promise<{ uids: readonly string[] | undefined; error: PayloadError | undefined }> {
  const compressed = body.compress_to_uids
  const hasCompressed = typeof compressed === 'string' && compressed !== ''
  if (!hasCompressed) {
    if (body.compress !== undefined && body.compress !== '' && body.compress !== null) {
      return { uids: undefined, error: new PayloadError('INVALID_PAYLOAD', `compress is ${JSON.stringify(body.compress)} but compress_to_uids is missing or empty`) }
    }
    const list = body.to_uids ?? []
    if (!Array.isArray(list) || !list.every((u) => typeof u === 'string')) return { uids: undefined, error: new PayloadError('INVALID_PAYLOAD', 'to_uids must be a list of uid strings') }
    return { uids: list as string[], error: undefined }
  }
  if (body.compress !== 'gzip') return { uids: undefined, error: new PayloadError('INVALID_PAYLOAD', `compress_to_uids is compressed with ${JSON.stringify(body.compress)}; only "gzip" is known`) }
  try {
    const text = utf8ToText(await gunzip(base64ToBytes(compressed), maxBytes === Number.POSITIVE_INFINITY ? maxBytes : Math.max(0, maxBytes)))
    // Only a list of strings is parsed: a list of anything else (`[{},{},…]` inflated from a few
    // kilobytes) is refused by a scan, without building it.
    if (!isStringListText(text)) throw new PayloadError('INVALID_PAYLOAD', 'compress_to_uids does not decompress to a JSON list of uid strings')
    const list = parseJsonExact(text, { maxBytes: Math.max(0, maxBytes) })
    if (!Array.isArray(list) || !list.every((u) => typeof u === 'string')) throw new PayloadError('INVALID_PAYLOAD', 'compress_to_uids does not decompress to a JSON list of uid strings')
    return { uids: list as string[], error: undefined }
  } catch (error) {
    if (!isPayloadError(error)) throw error
    return { uids: undefined, error: new PayloadError(error.code, `compress_to_uids: ${error.message}`, error.issues, error.offset) }
  }
}

/** Whether JSON text is a list whose items are all strings (`["a","b"]`, whitespace anywhere), by one scan. */
function isStringListText(text: string): boolean {
  let i = 0
  const n = text.length
  const ws = (): void => {
    while (i < n && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x0a || text.charCodeAt(i) === 0x0d || text.charCodeAt(i) === 0x09)) i++
  }
  ws()
  if (text.charCodeAt(i) !== 0x5b) return false
  i++
  ws()
  if (text.charCodeAt(i) === 0x5d) return true
  for (;;) {
    if (text.charCodeAt(i) !== 0x22) return false
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i)
      if (c === 0x5c) i++
      else if (c === 0x22) break
    }
    i++
    ws()
    const c = text.charCodeAt(i)
    if (c === 0x5d) {
      i++
      ws()
      return i === n
    }
    if (c !== 0x2c) return false
    i++
    ws()
  }
}

/** A node id under the exact-number rule; one that is not an exact integer is left out rather than rounded. */
function idString(value: unknown): string | undefined {
  const id = exactInteger(exactNumbers(value))
  return id.ok ? id.text : undefined
}

/** The bytes a string takes as UTF-8, without encoding it. */
function utf8Length(text: string): number {
  let n = text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1
  }
  return n
}

/**
 * Parses a webhook body by its event name (the `event` query parameter). The body is best given
 * as its text or bytes, so that int64 ids stay exact; an already-parsed value is taken too. Never
 * rejects: `{ ok: false, error }` when the body is not the event's shape at all; problems of one
 * message, one status string or the offline uid list are reported beside the rest instead.
 */
export async function parseWebhookEvent(event: string, body: unknown, options: WebhookEventOptions = {}): Promise<WebhookEventResult> {
  const maxBytes = limitOption(options.maxBodyBytes, DEFAULT_MAX_WEBHOOK_BODY_BYTES)
  // One plain-data snapshot of a parsed body: a getter or Proxy trap that throws is an error, not a rejection.
  const read = readPlain(body)
  if (!read.ok) return { ok: false, error: invalidPayloadError([read.issue], `${describeThrown(event)} webhook body`) }
  try {
    const bodyBytes = read.value instanceof Uint8Array ? read.value.length : typeof read.value === 'string' ? utf8Length(read.value) : 0
    const text = read.value instanceof Uint8Array ? strictUtf8ToText(read.value) : read.value
    // Numbers a double cannot hold stay marked until each part is read by its own rule.
    const countCheck = (parsed: unknown): void => {
      if (Array.isArray(parsed)) checkEntryCount(parsed.length, options, event === WebhookEventName.UserOnlineStatus ? 'status entries' : 'messages')
      else if (isRecord(parsed) && Array.isArray(parsed.messages)) checkEntryCount(parsed.messages.length, options, 'messages')
    }
    const value = typeof text === 'string' ? parseJsonMarked(text, { maxBytes }, countCheck) : text
    switch (event) {
      case WebhookEventName.MsgNotify: {
        if (!Array.isArray(value) && !(isRecord(value) && Array.isArray(value.messages))) throw new PayloadError('INVALID_PAYLOAD', 'a msg.notify body is a JSON list of messages')
        return { ok: true, value: { event, messages: decodeWebhookMessages(value, options) } }
      }
      case WebhookEventName.MsgOffline: {
        if (!isRecord(value)) throw new PayloadError('INVALID_PAYLOAD', 'a msg.offline body is one message object with to_uids')
        const message = decodeWebhookMessage(value, 0, options)
        // The inflated uid list counts against the same limit as the body it came in.
        const { uids, error } = await offlineUids(value, maxBytes - bodyBytes)
        const compress = typeof value.compress === 'string' && value.compress !== '' ? value.compress : undefined
        return { ok: true, value: { event, message, to_uids: uids, to_uids_error: error, compress, source_id: idString(value.source_id) } }
      }
      case WebhookEventName.UserOnlineStatus: {
        if (!Array.isArray(value)) throw new PayloadError('INVALID_PAYLOAD', 'a user.onlinestatus body is a JSON list of "uid-deviceFlag-online-connId-deviceOnlineCount-totalOnlineCount" strings')
        checkEntryCount(value.length, options, 'status entries')
        const statuses: OnlineStatus[] = []
        const invalid: { index: number; value: unknown; message: string }[] = []
        value.forEach((entry, index) => {
          const parsed = parseOnlineStatus(entry)
          if (typeof parsed === 'string') invalid.push({ index, value: entry, message: `entry ${index} ${parsed}` })
          else statuses.push(parsed)
        })
        return { ok: true, value: { event, statuses, invalid } }
      }
      default:
        return { ok: true, value: { event: 'unknown', name: describeThrown(event), body: exactNumbers(value) } }
    }
  } catch (error) {
    if (isPayloadError(error)) return { ok: false, error }
    return { ok: false, error: new PayloadError('INVALID_PAYLOAD', `unreadable ${describeThrown(event)} webhook body: ${describeThrown(error)}`) }
  }
}

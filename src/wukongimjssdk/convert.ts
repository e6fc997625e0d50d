/**
 * From the REST read side to the SDK's objects, for the provider callbacks the SDK asks the app to
 * implement (`syncMessagesCallback`, `syncConversationsCallback`: WuKongIM/WuKongIMJSSDK:src/provider.ts@3c507ea3e).
 * Users who return the raw JSON break the SDK (WuKongIM/WuKongIMJSSDK#9, WuKongIM/WuKongIM#365),
 * and the official example's converter reads `message_id` after `JSON.parse` rounded it
 * (WuKongIM/WuKongIMJSSDK:examples/src/services/convert.ts@3c507ea3e). These take the messages and
 * conversations of the package's read-side parsers (ids as exact decimal strings, each payload
 * decoded on its own), or any object with WuKongIM's REST field names, typed by the fields read.
 */
import { unknownContentClass } from './content.js'
import { sdkClasses, sharedSdk } from './sdk-module.js'
import type { SdkConversationLike, SdkMessageContentLike, SdkMessageLike, WKSDKLike } from './sdk-types.js'

/** An id the SDK keeps as a decimal string: a decimal string (exact), a bigint, or a safe integer. */
export type ExactId = string | bigint | number

/** A message as the read-side parsers give it (`MessageResp` of the server, ids exact). */
export interface ReadMessageLike {
  /** int64: a decimal string (the parsers' form), a bigint, or a number no larger than 2^53. */
  readonly message_id: ExactId
  readonly message_seq: ExactId
  readonly client_msg_no: string
  readonly from_uid: string
  readonly channel_id: string
  readonly channel_type: number
  /** Unix seconds. */
  readonly timestamp: number | string
  /** The decoded payload, or undefined when it failed to decode (then `error.value` or `payload_base64`). */
  readonly payload: unknown
  /** The parsers' per-message decode error; its `value` is the delivered JSON when it parsed. */
  readonly error?: { readonly value?: unknown } | undefined
  /** The Base64 payload as received, used when nothing decoded. */
  readonly payload_base64?: string | null | undefined
  readonly header?: { readonly no_persist?: number | boolean; readonly red_dot?: number | boolean; readonly sync_once?: number | boolean } | undefined
  /** Setting bits, read with the SDK's own `Setting.fromUint8`. */
  readonly setting?: number | undefined
  /** Servers before v2.2.4: `stream_no`. */
  readonly stream_no?: string | undefined
}

/** A conversation as the read-side parsers give it (`/conversation/sync`). */
export interface ReadConversationLike {
  readonly channel_id: string
  readonly channel_type: number
  readonly unread: number
  readonly timestamp: number | string
  readonly last_msg_seq?: ExactId | undefined
  readonly version?: ExactId | undefined
  readonly recents?: readonly ReadMessageLike[] | undefined
}

/** Options of the converters. */
export interface ConvertOptions {
  /** The SDK instance (default `WKSDK.shared()`): its registered classes decode the payloads. */
  readonly sdk?: WKSDKLike
}

const textEncoder = new TextEncoder()

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** An id as the exact decimal string the SDK keeps. Throws when a number is past 2^53 (already rounded). */
function idString(value: ExactId, field: string): string {
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return value
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value)
  throw new TypeError(
    `${field} ${typeof value === 'number' ? `${value} is a number beyond 2^53, already rounded by JSON.parse` : `must be a decimal string, not ${JSON.stringify(value)}`}; parse the response with wukong-payload/api (exact decimal strings) or read message_idstr`,
  )
}

/** A sequence number as the SDK's `number`. Throws when it is not exactly representable. */
function seqNumber(value: ExactId | undefined, field: string): number {
  if (value === undefined) return 0
  const n = typeof value === 'number' ? value : Number(value)
  if (!Number.isSafeInteger(n) || (typeof value !== 'number' && String(n) !== String(value).replace(/^0+(?=\d)/, ''))) {
    throw new RangeError(`${field} ${String(value)} is not an integer the SDK's number can hold exactly`)
  }
  return n
}

function flag(value: number | boolean | undefined): boolean {
  return value === true || value === 1
}

/**
 * The SDK content of a message: decoded by the class the SDK has registered for its type (so
 * register first), from the payload's JSON — the parsed value when it failed validation, kept with
 * its issues. Never throws: a class that throws (an SDK class) gives way to the bridge's
 * unknown-type content, which keeps the value.
 */
export function toSdkContent(message: Pick<ReadMessageLike, 'payload' | 'error' | 'payload_base64'>, options: ConvertOptions = {}): SdkMessageContentLike {
  const sdk = options.sdk ?? sharedSdk()
  const value = message.payload !== undefined ? message.payload : message.error?.value
  const keep = (): SdkMessageContentLike => {
    const content = new (unknownContentClass({ sdk }))()
    content.setPayload(value !== undefined ? value : (message.payload_base64 ?? null))
    return content as unknown as SdkMessageContentLike
  }
  if (!isRecord(value)) return keep()
  const type = typeof value.type === 'number' && Number.isInteger(value.type) ? value.type : 0
  try {
    const content = sdk.getMessageContent(type)
    content.decode(textEncoder.encode(JSON.stringify(value)))
    return content
  } catch {
    return keep()
  }
}

/**
 * A read-side message as the SDK's `Message`, for `syncMessagesCallback`: `messageID` the exact
 * decimal string, header and setting as the live receive path sets them, `content` decoded by the
 * registered class. Throws `TypeError`/`RangeError` for an id that is not exact (a number past 2^53).
 * `M` is the installed SDK's `Message` type (`import type { Message } from 'wukongimjssdk/lib/sdk'`
 * on 1.0.4, `from 'wukongimjssdk'` on 1.3.x), so the result fits the provider callback's type.
 */
export function toSdkMessage<M extends object = SdkMessageLike>(message: ReadMessageLike, options: ConvertOptions = {}): M {
  const sdk = options.sdk ?? sharedSdk()
  const { Message } = sdkClasses(sdk)
  const m = new Message()
  const header = message.header ?? {}
  m.header.reddot = flag(header.red_dot)
  m.header.noPersist = flag(header.no_persist)
  m.header.syncOnce = flag(header.sync_once)
  const SettingClass = (m.setting as { constructor?: { fromUint8?: (v: number) => unknown } } | undefined)?.constructor
  if (typeof message.setting === 'number' && typeof SettingClass?.fromUint8 === 'function') m.setting = SettingClass.fromUint8(message.setting)
  m.messageID = idString(message.message_id, 'message_id')
  m.messageSeq = seqNumber(message.message_seq, 'message_seq')
  m.clientMsgNo = message.client_msg_no
  if (message.stream_no) m.streamNo = message.stream_no
  m.fromUID = message.from_uid
  m.channel = sdk.newChannel(message.channel_id, message.channel_type)
  m.timestamp = typeof message.timestamp === 'number' ? message.timestamp : seqNumber(message.timestamp, 'timestamp')
  m.content = toSdkContent(message, { sdk })
  // MessageStatus.Normal (1): a message the server stored, as the live receive path marks it.
  m.status = 1
  return m as unknown as M
}

/**
 * A read-side conversation as the SDK's `Conversation`, for `syncConversationsCallback`:
 * `lastMessage` from the newest of `recents`; the exact `version` (int64 nanoseconds, beyond 2^53)
 * and `last_msg_seq` kept in `extra` as decimal strings, since the SDK's class has no field for them.
 * `C` is the installed SDK's `Conversation` type, as for {@link toSdkMessage}.
 */
export function toSdkConversation<C extends object = SdkConversationLike>(conversation: ReadConversationLike, options: ConvertOptions = {}): C {
  const sdk = options.sdk ?? sharedSdk()
  const { Conversation } = sdkClasses(sdk)
  const c = new Conversation()
  c.channel = sdk.newChannel(conversation.channel_id, conversation.channel_type)
  c.unread = conversation.unread
  c.timestamp = typeof conversation.timestamp === 'number' ? conversation.timestamp : seqNumber(conversation.timestamp, 'timestamp')
  const newest = conversation.recents?.[0]
  if (newest) c.lastMessage = toSdkMessage<SdkMessageLike>(newest, { sdk })
  c.extra = {
    ...(conversation.version !== undefined ? { version: idString(conversation.version, 'version') } : {}),
    ...(conversation.last_msg_seq !== undefined ? { lastMsgSeq: idString(conversation.last_msg_seq, 'last_msg_seq') } : {}),
  }
  return c as unknown as C
}

/**
 * What the read-side parsers give: a WuKongIM message (`MessageResp`) and a conversation as a
 * backend proxies them, every int64/uint64 of the Go side as an exact decimal string and each
 * payload decoded on its own. Facts from WuKongIM/WuKongIM:internal/types/message.go and
 * internal/api/conversation_model.go@v2.2.5-20260422.
 */
import type { PayloadError } from '../errors/payload-error.js'
import type { StreamState } from '../events/reducer.js'
import type { EventMeta, EventSyncHint } from '../events/schemas.js'
import type { Payload } from '../types/payload.js'

/** A message's header, as the server writes it (Go `int`s holding 0 or 1). */
export interface ApiMessageHeader {
  readonly no_persist: number
  readonly red_dot: number
  readonly sync_once: number
}

/**
 * The stream fields of a message (setting bit 0x02), typed, and the state the events reducer
 * builds from them: `event_meta` and `event_sync_hint` (server v2.2.4+), the legacy
 * `end`/`end_reason`/`error`/`stream_data` summary of the "main" key (v2.2.4+ keeps writing it),
 * and the v1 `stream_no`/`stream_id`/`streams` fields of servers before v2.2.4.
 */
export interface ApiMessageStream {
  /** 1 once the main key ended (`end`, omitted by the server when 0). */
  readonly end: number
  /** 0 success, 1 timeout, 2 error, 3 cancelled, 4 forced (omitted when 0). */
  readonly end_reason: number
  /** The main key's error text (the Go field `error`), or undefined. */
  readonly error: string | undefined
  /** `stream_data`: Base64 of the main key's merged content, as sent. */
  readonly stream_data: string | undefined
  /** `stream_data` as UTF-8 text, when it is valid UTF-8. */
  readonly stream_text: string | undefined
  /** `event_meta` (v2.2.4+), validated by the events entry's schema. */
  readonly event_meta: EventMeta | undefined
  /** `event_sync_hint` (v2.2.4+): what to pass to `/message/eventsync`. */
  readonly event_sync_hint: EventSyncHint | undefined
  /** `createStreamState(event_meta)`: feed later pushes and eventsync entries to `applyStreamEvent`. */
  readonly state: StreamState
  /** Servers before v2.2.4: `stream_no`. */
  readonly stream_no: string | undefined
  /** Servers before v2.2.4: `stream_id` (uint64), exact. */
  readonly stream_id: string | undefined
}

/**
 * One message of a read response (`MessageResp` of the Go server). Envelope fields are checked
 * for the whole response; the payload is decoded on its own, so one bad payload fails alone
 * (`payload` undefined, `error` set, `error.value` holding the parsed JSON when it parsed).
 */
export interface ApiMessage<P = Payload> {
  /** int64, exact (from `message_idstr` when the server sent it, else from `message_id`). */
  readonly message_id: string
  /** uint64, exact. */
  readonly message_seq: string
  readonly client_msg_no: string
  /** "" for the system uid. */
  readonly from_uid: string
  /**
   * As the server writes it: for a person channel, the party that is not `from_uid` — so a
   * reader sees its own uid on messages its peer sent ({@link peerOf} names the peer).
   */
  readonly channel_id: string
  readonly channel_type: number
  /** `topic` (omitted by the server when empty). */
  readonly topic: string | undefined
  readonly header: ApiMessageHeader
  /** Setting bits (0x02 stream, …). */
  readonly setting: number
  /** Seconds after `timestamp` when clients drop the message; 0 = never. */
  readonly expire: number
  /** Unix seconds (Go int32). */
  readonly timestamp: number
  /** The decoded, validated payload, or undefined when it failed (see `error`). */
  readonly payload: P | undefined
  /** Why this message's payload did not decode; the other messages are unaffected. */
  readonly error: PayloadError | undefined
  /** The Base64 payload exactly as received (null when the server had none). */
  readonly payload_base64: string | null
  /** Present when the message carries stream fields (or is a stream message by its setting). */
  readonly stream: ApiMessageStream | undefined
  /** Every field as received, numbers beyond 2^53 as decimal strings. */
  readonly raw: Readonly<Record<string, unknown>>
}

/**
 * One conversation of `/conversation/sync` (`syncUserConversationResp` of the Go server).
 */
export interface ApiConversation<P = Payload> {
  /** For a person channel: the peer's uid (the server resolves its internal `a@b` id). */
  readonly channel_id: string
  readonly channel_type: number
  readonly unread: number
  /** int64 (unix seconds of the last message), exact. */
  readonly timestamp: string
  /** uint32. */
  readonly last_msg_seq: number
  readonly last_client_msg_no: string
  /** int64, exact. */
  readonly offset_msg_seq: string
  /** uint32. */
  readonly readed_to_msg_seq: number
  /** int64 nanoseconds (≈1.8×10¹⁸, no string twin on the wire), exact. */
  readonly version: string
  /** The last `msg_count` messages, newest first, each decoded on its own. */
  readonly recents: readonly ApiMessage<P>[]
  /** Every field but `recents` as received, numbers beyond 2^53 as decimal strings. */
  readonly raw: Readonly<Record<string, unknown>>
}

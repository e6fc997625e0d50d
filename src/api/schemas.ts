/**
 * The read side of WuKongIM's REST API as TypeBox schemas: the requests and responses of the
 * endpoints a backend calls to read history, conversations and search results, and their error
 * body. Facts from WuKongIM/WuKongIM@v2.2.5-20260422: internal/types/message.go (`MessageResp`),
 * internal/api/message.go, internal/api/message_model.go, internal/api/channel_model.go,
 * internal/api/conversation.go, internal/api/conversation_model.go, pkg/wkhttp/http.go; the search
 * plugin from WuKongIM/plugins:search/main.go and search/search/search.go@10b17954.
 *
 * Every list endpoint here answers a bare JSON value (gin's `c.JSON`), not the `{status, data}`
 * envelope of `/message/send`; "not found" is HTTP 200 with `{"status":404}`; errors are HTTP 400
 * with `{"msg","status":400}`. Response schemas describe the value the parsers validate: a
 * position the Go side declares int64/uint64 is a JSON number on the wire, read exactly — as a
 * number up to 2^53, as a decimal string beyond. Unknown keys are allowed in responses (a newer
 * server's fields are kept); request schemas are strict on the keys the server reads (Go's
 * decoder silently drops the others).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { schemaId } from '../model/schema-ids.js'
import { jsonRpcSchemas } from './jsonrpc-schemas.js'

const ref = (name: string) => ({ $ref: schemaId(name) })

/** A string with at least one non-space character (the server trims, then rejects ""). */
const NonBlank = (description: string) => /* @__PURE__ */ Type.String({ pattern: '\\S', description })

/** Go `int64` as it reaches JavaScript: a number up to 2^53, a decimal string beyond (or as the caller holds it). */
const Int64 = (description: string) =>
  /* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.Integer(), /* @__PURE__ */ Type.String({ pattern: '^-?(0|[1-9][0-9]*)$' })], { description: `${description} (Go int64: a JSON number on the wire; beyond 2^53 read and written as a decimal string)` })

/** Go `uint64`, likewise. */
const Uint64 = (description: string) =>
  /* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.Integer({ minimum: 0 }), /* @__PURE__ */ Type.String({ pattern: '^(0|[1-9][0-9]*)$' })], { description: `${description} (Go uint64: a JSON number on the wire; beyond 2^53 read and written as a decimal string)` })

/** Go `uint8`. */
const Uint8 = (description: string) => /* @__PURE__ */ Type.Integer({ minimum: 0, maximum: 255, description })

/** A channel type the server accepts in a request (0 is "no channel"). */
const ChannelTypeIn = /* @__PURE__ */ Type.Integer({ minimum: 1, maximum: 255, description: 'Channel type: 1 person, 2 group, … (Go uint8; 0 is refused).' })

const Flag01 = (description: string) => /* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.Literal(0), /* @__PURE__ */ Type.Literal(1)], { description })

// ---------------------------------------------------------------- responses

/** `header` of a `MessageResp`: Go `int`s. */
export const ApiMessageHeaderSchema = /* @__PURE__ */ Type.Object(
  { no_persist: /* @__PURE__ */ Type.Integer(), red_dot: /* @__PURE__ */ Type.Integer(), sync_once: /* @__PURE__ */ Type.Integer() },
  { description: 'Header flags as the server writes them (0 or 1).' },
)

/** `MessageResp`, the element of every message list (internal/types/message.go). */
export const ApiMessageRespSchema = /* @__PURE__ */ Type.Object(
  {
    header: ApiMessageHeaderSchema,
    setting: /* @__PURE__ */ Uint8('Setting bits (0x02 = stream message).'),
    message_id: /* @__PURE__ */ Int64('Server message id'),
    message_idstr: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ pattern: '^-?[0-9]+$', description: 'message_id as a decimal string (written by every v2 server).' })),
    client_msg_no: /* @__PURE__ */ Type.String(),
    end: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Uint8('1 when the main stream key ended (omitted when 0).')),
    end_reason: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Uint8('0 success, 1 timeout, 2 error, 3 cancelled, 4 forced (omitted when 0).')),
    error: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'The main stream key’s error (v2.2.4+; omitted when empty).' })),
    stream_data: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.String(), /* @__PURE__ */ Type.Null()], { description: 'Base64 of the main key’s merged content (omitted when empty).' })),
    event_meta: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Unknown({ description: 'v2.2.4+ stream summary; checked against event-meta.schema.json.' })),
    event_sync_hint: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Unknown({ description: 'v2.2.4+; checked against event-sync-hint.schema.json.' })),
    stream_no: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Servers before v2.2.4.' })),
    stream_id: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Uint64('Servers before v2.2.4')),
    stream_idstr: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Servers before v2.2.4.' })),
    streams: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Unknown({ description: 'Servers before v2.2.4: the stream items.' })),
    message_seq: /* @__PURE__ */ Uint64('Message sequence in its channel'),
    from_uid: /* @__PURE__ */ Type.String({ description: '"" for the system uid.' }),
    channel_id: /* @__PURE__ */ Type.String({ description: 'For a person channel: the party that is not from_uid.' }),
    channel_type: /* @__PURE__ */ Uint8('Channel type.'),
    topic: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
    expire: /* @__PURE__ */ Type.Integer({ minimum: 0, maximum: 4294967295, description: 'Go uint32: seconds; 0 = never.' }),
    timestamp: /* @__PURE__ */ Type.Integer({ minimum: -2147483648, maximum: 2147483647, description: 'Go int32: unix seconds.' }),
    payload: /* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.String(), /* @__PURE__ */ Type.Null()], { description: 'Base64 of the payload’s UTF-8 JSON; null when the server has none.' }),
  },
  { $id: schemaId('api-message'), title: 'ApiMessageResp', description: 'A message as WuKongIM’s read endpoints return it (`MessageResp`).' },
)
export type ApiMessageResp = Static<typeof ApiMessageRespSchema>

const Messages = /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Unsafe<ApiMessageResp>(ref('api-message')))

/** `/channel/messagesync` and `/messages` (`syncMessageResp`, internal/api/channel_model.go). */
export const MessageSyncResponseSchema = /* @__PURE__ */ Type.Object(
  {
    start_message_seq: /* @__PURE__ */ Uint64('As requested'),
    end_message_seq: /* @__PURE__ */ Uint64('As requested'),
    more: /* @__PURE__ */ Type.Integer({ description: '1 = more messages in that direction.' }),
    messages: Messages,
  },
  {
    $id: schemaId('api-message-sync-response'),
    title: 'MessageSyncResponse',
    description: 'Reply of `POST /channel/messagesync` and `POST /messages`: a bare object (not an array, as the docs say; not `{status, data}`).',
  },
)
export type MessageSyncResponse = Static<typeof MessageSyncResponseSchema>

/** One conversation of `/conversation/sync` (`syncUserConversationResp`). */
export const ConversationRespSchema = /* @__PURE__ */ Type.Object(
  {
    channel_id: /* @__PURE__ */ Type.String(),
    channel_type: /* @__PURE__ */ Uint8('Channel type.'),
    unread: /* @__PURE__ */ Type.Integer(),
    timestamp: /* @__PURE__ */ Int64('Unix seconds of the last message'),
    last_msg_seq: /* @__PURE__ */ Type.Integer({ minimum: 0, maximum: 4294967295, description: 'Go uint32.' }),
    last_client_msg_no: /* @__PURE__ */ Type.String(),
    offset_msg_seq: /* @__PURE__ */ Int64('Offset message seq'),
    readed_to_msg_seq: /* @__PURE__ */ Type.Integer({ minimum: 0, maximum: 4294967295, description: 'Go uint32.' }),
    version: /* @__PURE__ */ Int64('UpdatedAt in nanoseconds (≈1.8×10¹⁸, no string twin)'),
    recents: /* @__PURE__ */ Type.Union([Messages, /* @__PURE__ */ Type.Null()], { description: 'The last msg_count messages, newest first.' }),
  },
  { $id: schemaId('api-conversation'), title: 'ApiConversationResp', description: 'One conversation of `POST /conversation/sync`.' },
)
export type ConversationResp = Static<typeof ConversationRespSchema>

export const ConversationSyncResponseSchema = /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Unsafe<ConversationResp>(ref('api-conversation')), {
  $id: schemaId('api-conversation-sync-response'),
  title: 'ConversationSyncResponse',
  description: 'Reply of `POST /conversation/sync`: a bare array.',
})
export type ConversationSyncResponse = Static<typeof ConversationSyncResponseSchema>

/** `/conversation/syncMessages` (`channelRecentMessage`). */
export const ChannelRecentMessagesSchema = /* @__PURE__ */ Type.Object(
  {
    channel_id: /* @__PURE__ */ Type.String(),
    channel_type: /* @__PURE__ */ Uint8('Channel type.'),
    messages: /* @__PURE__ */ Type.Union([Messages, /* @__PURE__ */ Type.Null()]),
    user_last_msg_seq: /* @__PURE__ */ Uint64('The reader’s own last message seq in the channel'),
  },
  { $id: schemaId('api-channel-recent-messages'), title: 'ChannelRecentMessages', description: 'One channel of `POST /conversation/syncMessages`.' },
)
export type ChannelRecentMessages = Static<typeof ChannelRecentMessagesSchema>

export const ConversationSyncMessagesResponseSchema = /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Unsafe<ChannelRecentMessages>(ref('api-channel-recent-messages')), {
  $id: schemaId('api-conversation-sync-messages-response'),
  title: 'ConversationSyncMessagesResponse',
  description: 'Reply of `POST /conversation/syncMessages`: a bare array.',
})

export const CmdSyncResponseSchema = /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Unsafe<ApiMessageResp>(ref('api-message')), {
  $id: schemaId('api-cmd-sync-response'),
  title: 'CmdSyncResponse',
  description: 'Reply of `POST /message/sync` (deprecated by the server): a bare array of messages; `[]` when the server disables CMD sync.',
})

/** `{"status":200}` (also `/message/syncack`'s reply) or `{"status":404}` (a lookup found nothing, HTTP 200). */
export const StatusResponseSchema = /* @__PURE__ */ Type.Object(
  { status: /* @__PURE__ */ Type.Integer() },
  { $id: schemaId('api-status-response'), title: 'StatusResponse', description: '`{"status":200}` (/message/syncack) or `{"status":404}` with HTTP 200 (/message, /message/byclientmsgno, /channel/last_message found nothing).' },
)

/** `/message`, `/message/byclientmsgno`, `/channel/last_message`: one message, or `{"status":404}` (HTTP 200). */
export const MessageResponseSchema = /* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.Unsafe<ApiMessageResp>(ref('api-message')), /* @__PURE__ */ Type.Unsafe<{ status: number }>(ref('api-status-response'))], {
  $id: schemaId('api-message-response'),
  title: 'MessageResponse',
  description: 'Reply of `POST /message`, `GET /message/byclientmsgno` and `GET /channel/last_message`: a bare message, or `{"status":404}` with HTTP 200 when there is none.',
})

/** `/messages` answers the same bare object as `/channel/messagesync` (start/end 0, more 0). */
export const MessagesResponseSchema = MessageSyncResponseSchema
/** `/message/syncack` answers `{"status":200}`. */
export const CmdSyncAckResponseSchema = StatusResponseSchema
/** Same schema as {@link MessageResponseSchema}. */
export const MessageByClientMsgNoResponseSchema = MessageResponseSchema
/** Same schema as {@link MessageResponseSchema}. */
export const ChannelLastMessageResponseSchema = MessageResponseSchema

export const ChannelMaxMessageSeqResponseSchema = /* @__PURE__ */ Type.Object(
  { message_seq: /* @__PURE__ */ Uint64('Largest message seq of the channel; 0 for a channel with no messages') },
  { $id: schemaId('api-channel-max-message-seq-response'), title: 'ChannelMaxMessageSeqResponse', description: 'Reply of `GET /channel/max_message_seq`.' },
)

export const SendBatchResponseSchema = /* @__PURE__ */ Type.Object(
  {
    fail_uids: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.String()),
    reason: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.String(), { description: 'One reason per failed uid, same order.' }),
  },
  { $id: schemaId('api-send-batch-response'), title: 'SendBatchResponse', description: 'Reply of `POST /message/sendbatch`: HTTP 200 even when every uid failed.' },
)
export type SendBatchResponse = Static<typeof SendBatchResponseSchema>

/** One hit of the search plugin. */
export const SearchMessageSchema = /* @__PURE__ */ Type.Object(
  {
    message_id: /* @__PURE__ */ Int64('Message id'),
    message_idstr: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ pattern: '^-?[0-9]+$' })),
    message_seq: /* @__PURE__ */ Uint64('Message seq'),
    client_msg_no: /* @__PURE__ */ Type.String(),
    from_uid: /* @__PURE__ */ Type.String(),
    channel_id: /* @__PURE__ */ Type.String(),
    channel_type: /* @__PURE__ */ Uint8('Channel type.'),
    stream_no: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
    stream_id: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Uint64('Stream id')),
    payload: /* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.String(), /* @__PURE__ */ Type.Null()], { description: 'Base64 of the payload re-serialized with highlighted fields replaced by HTML (`<mark>…</mark>`): for display only.' }),
    payload_json: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'The payload’s original JSON text.' })),
    topic: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
    timestamp: /* @__PURE__ */ Type.Integer({ minimum: 0 }),
    score: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Number()),
  },
  { $id: schemaId('api-search-message'), title: 'SearchMessage', description: 'One message found by the search plugin (wk.plugin.search).' },
)

export const SearchResponseSchema = /* @__PURE__ */ Type.Object(
  {
    cost: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Uint64('Nanoseconds the search took')),
    total: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Uint64('Hits in all')),
    limit: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer()),
    page: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer()),
    messages: /* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Unsafe<Static<typeof SearchMessageSchema>>(ref('api-search-message'))), /* @__PURE__ */ Type.Null()]),
  },
  { $id: schemaId('api-search-response'), title: 'SearchResponse', description: 'Reply of the search plugin’s `/usersearch` and `/search`: a bare object.' },
)

/** The error body of every endpoint: HTTP 400 (`ResponseError`). */
export const ApiErrorBodySchema = /* @__PURE__ */ Type.Object(
  { msg: /* @__PURE__ */ Type.String(), status: /* @__PURE__ */ Type.Integer() },
  { $id: schemaId('api-error-body'), title: 'ApiErrorBody', description: 'WuKongIM’s error body `{"msg","status"}` (HTTP 400; `status` 400 or the handler’s own).' },
)
export type ApiErrorBody = Static<typeof ApiErrorBodySchema>

// ---------------------------------------------------------------- requests

/** Largest `limit` `/channel/messagesync` honours (a larger one is cut to it). */
export const MESSAGE_SYNC_MAX_LIMIT = 10000
/** Largest `page_size` of `/conversation/sync`. */
export const CONVERSATION_PAGE_SIZE_MAX = 500
/** Largest `limit` of the search plugin's `/usersearch` (beyond it, or ≤ 0, it uses 20). */
export const SEARCH_MAX_LIMIT = 1000

export const MessageSyncRequestSchema = /* @__PURE__ */ Type.Object(
  {
    login_uid: /* @__PURE__ */ NonBlank('The reader (required; builds the internal id of a person channel).'),
    channel_id: /* @__PURE__ */ NonBlank('Channel; for a person channel the peer’s uid.'),
    channel_type: ChannelTypeIn,
    start_message_seq: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Uint64('Start seq, included')),
    end_message_seq: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Uint64('End seq, excluded; 0 with start 0 = the latest messages')),
    limit: /* @__PURE__ */ Type.Integer({ minimum: 1, maximum: MESSAGE_SYNC_MAX_LIMIT, description: 'At most 10000 (the server cuts a larger one); 0 returns nothing.' }),
    pull_mode: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Flag01('0 down (older), 1 up (newer).')),
    event_summary_mode: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.Literal('full'), /* @__PURE__ */ Type.Literal('basic')], { description: 'v2.2.4+: "full" (default) includes each key’s snapshot.' })),
  },
  { additionalProperties: false, $id: schemaId('api-message-sync-request'), title: 'MessageSyncRequest', description: 'Body of `POST /channel/messagesync`.' },
)
export type MessageSyncRequest = Static<typeof MessageSyncRequestSchema>

export const ConversationSyncRequestSchema = /* @__PURE__ */ Type.Object(
  {
    uid: /* @__PURE__ */ NonBlank('The reader.'),
    version: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Int64('Client’s greatest conversation version (nanoseconds)')),
    last_msg_seqs: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: '`channel_id:channel_type:last_msg_seq` joined by `|`; write it with formatLastMsgSeqs (a channel id with `:` or `|` breaks it).' })),
    msg_count: /* @__PURE__ */ Type.Integer({ minimum: 1, description: 'Recent messages per conversation; must be > 0, or the server returns no conversation at all.' }),
    only_unread: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Flag01('1 = only conversations with unread messages.')),
    exclude_channel_types: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Array(/* @__PURE__ */ Uint8('Channel type.'))),
    page: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer({ minimum: 0, description: 'From 1; 0 = no paging.' })),
    page_size: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer({ minimum: 1, maximum: CONVERSATION_PAGE_SIZE_MAX, description: 'Default 100, at most 500.' })),
  },
  { additionalProperties: false, $id: schemaId('api-conversation-sync-request'), title: 'ConversationSyncRequest', description: 'Body of `POST /conversation/sync`.' },
)
export type ConversationSyncRequest = Static<typeof ConversationSyncRequestSchema>

export const ConversationSyncMessagesRequestSchema = /* @__PURE__ */ Type.Object(
  {
    uid: /* @__PURE__ */ NonBlank('The reader.'),
    channels: /* @__PURE__ */ Type.Array(
      /* @__PURE__ */ Type.Object({ channel_id: /* @__PURE__ */ NonBlank('Channel.'), channel_type: ChannelTypeIn, last_msg_seq: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Uint64('Messages after this seq')) }, { additionalProperties: false }),
      { minItems: 1 },
    ),
    msg_count: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer({ minimum: 1, description: 'Default 15 (0 or less).' })),
    order_by_last: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Flag01('1 = newest first.')),
  },
  { additionalProperties: false, $id: schemaId('api-conversation-sync-messages-request'), title: 'ConversationSyncMessagesRequest', description: 'Body of `POST /conversation/syncMessages`.' },
)
export type ConversationSyncMessagesRequest = Static<typeof ConversationSyncMessagesRequestSchema>

export const CmdSyncRequestSchema = /* @__PURE__ */ Type.Object(
  {
    uid: /* @__PURE__ */ NonBlank('The reader.'),
    message_seq: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Uint64('Client’s greatest message seq')),
    limit: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer({ minimum: 0, description: '0 → 200; a negative one is refused.' })),
  },
  { additionalProperties: false, $id: schemaId('api-cmd-sync-request'), title: 'CmdSyncRequest', description: 'Body of `POST /message/sync` (CMD messages; deprecated by the server).' },
)
export type CmdSyncRequest = Static<typeof CmdSyncRequestSchema>

export const CmdSyncAckRequestSchema = /* @__PURE__ */ Type.Object(
  { uid: /* @__PURE__ */ NonBlank('The reader.'), last_message_seq: /* @__PURE__ */ Uint64('Last seq received; 0 is refused') },
  { additionalProperties: false, $id: schemaId('api-cmd-sync-ack-request'), title: 'CmdSyncAckRequest', description: 'Body of `POST /message/syncack` (deprecated by the server).' },
)
export type CmdSyncAckRequest = Static<typeof CmdSyncAckRequestSchema>

export const MessagesRequestSchema = /* @__PURE__ */ Type.Object(
  {
    login_uid: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'The reader; required for a person channel.' })),
    channel_id: /* @__PURE__ */ NonBlank('Channel.'),
    channel_type: ChannelTypeIn,
    message_seqs: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Integer({ minimum: 0, maximum: 4294967295 }), { description: 'Go []uint32.' })),
    message_ids: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Array(/* @__PURE__ */ Int64('Message id'), { description: 'Go []int64: JSON numbers only; stringifyExact writes them exactly.' })),
    client_msg_nos: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.String())),
  },
  { additionalProperties: false, $id: schemaId('api-messages-request'), title: 'MessagesRequest', description: 'Body of `POST /messages` (channel_id required, contrary to the docs).' },
)
export type MessagesRequest = Static<typeof MessagesRequestSchema>

export const MessageRequestSchema = /* @__PURE__ */ Type.Object(
  {
    login_uid: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'The reader; required for a person channel.' })),
    channel_id: /* @__PURE__ */ NonBlank('Channel.'),
    channel_type: ChannelTypeIn,
    message_id: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Int64('Message id (or client_msg_no)')),
    client_msg_no: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
  },
  { additionalProperties: false, $id: schemaId('api-message-request'), title: 'MessageRequest', description: 'Body of `POST /message`: one message by message_id or client_msg_no.' },
)
export type MessageRequest = Static<typeof MessageRequestSchema>

export const SendBatchRequestSchema = /* @__PURE__ */ Type.Object(
  {
    header: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Object({ no_persist: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Flag01('')), red_dot: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Flag01('')), sync_once: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Flag01('')) }, { additionalProperties: false })),
    from_uid: /* @__PURE__ */ NonBlank('Sender.'),
    subscribers: /* @__PURE__ */ Type.Array(/* @__PURE__ */ NonBlank('A recipient uid.'), { minItems: 1, description: 'Each receives a person message (no groups).' }),
    payload: /* @__PURE__ */ Type.String({ minLength: 1, contentEncoding: 'base64', description: 'Base64 of the payload’s UTF-8 JSON.' }),
  },
  { additionalProperties: false, $id: schemaId('api-send-batch-request'), title: 'SendBatchRequest', description: 'Body of `POST /message/sendbatch`.' },
)
export type SendBatchRequest = Static<typeof SendBatchRequestSchema>

export const SearchRequestSchema = /* @__PURE__ */ Type.Object(
  {
    uid: /* @__PURE__ */ NonBlank('The reader (usersearch).'),
    payload: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Record(/* @__PURE__ */ Type.String(), /* @__PURE__ */ Type.String(), { description: 'Field → words, e.g. `{ "content": "北京" }` (Go map[string]string).' })),
    payload_types: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Integer())),
    from_uid: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
    channel_id: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
    channel_type: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Uint8('Channel type.')),
    topic: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
    limit: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer({ minimum: 1, maximum: SEARCH_MAX_LIMIT, description: 'Default 20; beyond 1000 the plugin uses 20.' })),
    page: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer({ minimum: 0 })),
    start_time: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer({ minimum: 0 })),
    end_time: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer({ minimum: 0 })),
    highlights: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.String(), { description: 'Fields to highlight, e.g. `["payload.content"]`.' })),
  },
  { $id: schemaId('api-search-request'), title: 'SearchRequest', description: 'Body of the search plugin’s `POST /plugins/wk.plugin.search/usersearch`.' },
)
export type SearchRequest = Static<typeof SearchRequestSchema>

/** Query of `GET /channel/last_message` and `GET /channel/max_message_seq`. */
export const ChannelQuerySchema = /* @__PURE__ */ Type.Object(
  {
    login_uid: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'The reader; required for a person channel (unless channel_id is already the internal `a@b` id, max_message_seq only).' })),
    channel_id: /* @__PURE__ */ NonBlank('Channel.'),
    channel_type: ChannelTypeIn,
  },
  { additionalProperties: false, $id: schemaId('api-channel-query'), title: 'ChannelQuery', description: 'Query of `GET /channel/last_message` and `GET /channel/max_message_seq`.' },
)
export type ChannelQuery = Static<typeof ChannelQuerySchema>

/** Query of `GET /message/byclientmsgno`. */
export const MessageByClientMsgNoQuerySchema = /* @__PURE__ */ Type.Object(
  {
    channel_id: /* @__PURE__ */ NonBlank('Channel; for a person channel the internal id `a@b` (personChannelId), which this endpoint does not compute.'),
    channel_type: ChannelTypeIn,
    client_msg_no: /* @__PURE__ */ NonBlank('The message’s client_msg_no.'),
  },
  { additionalProperties: false, $id: schemaId('api-message-by-client-msg-no-query'), title: 'MessageByClientMsgNoQuery', description: 'Query of `GET /message/byclientmsgno`.' },
)
export type MessageByClientMsgNoQuery = Static<typeof MessageByClientMsgNoQuerySchema>

/**
 * Every api schema with its generated validator's name; the generator (scripts/generate/api.ts)
 * and the parsers read this one list.
 */
export const apiSchemas: readonly (readonly [validator: string, schema: TSchema])[] = [
  ['apiMessage', ApiMessageRespSchema],
  ['messageSyncResponse', MessageSyncResponseSchema],
  ['apiConversation', ConversationRespSchema],
  ['conversationSyncResponse', ConversationSyncResponseSchema],
  ['channelRecentMessages', ChannelRecentMessagesSchema],
  ['conversationSyncMessagesResponse', ConversationSyncMessagesResponseSchema],
  ['cmdSyncResponse', CmdSyncResponseSchema],
  ['messageResponse', MessageResponseSchema],
  ['statusResponse', StatusResponseSchema],
  ['channelMaxMessageSeqResponse', ChannelMaxMessageSeqResponseSchema],
  ['sendBatchResponse', SendBatchResponseSchema],
  ['searchMessage', SearchMessageSchema],
  ['searchResponse', SearchResponseSchema],
  ['apiErrorBody', ApiErrorBodySchema],
  ['messageSyncRequest', MessageSyncRequestSchema],
  ['conversationSyncRequest', ConversationSyncRequestSchema],
  ['conversationSyncMessagesRequest', ConversationSyncMessagesRequestSchema],
  ['cmdSyncRequest', CmdSyncRequestSchema],
  ['cmdSyncAckRequest', CmdSyncAckRequestSchema],
  ['channelQuery', ChannelQuerySchema],
  ['messageByClientMsgNoQuery', MessageByClientMsgNoQuerySchema],
  ['messagesRequest', MessagesRequestSchema],
  ['messageRequest', MessageRequestSchema],
  ['sendBatchRequest', SendBatchRequestSchema],
  ['searchRequest', SearchRequestSchema],
  ...jsonRpcSchemas,
]

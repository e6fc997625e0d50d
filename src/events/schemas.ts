/**
 * WuKongIM v2 message events (streaming), as TypeBox schemas: the v2.2.4+ surface
 * (`POST /message/event`, the EVENT push, `POST /message/eventsync`, `event_meta` on synced
 * messages) and, under names that carry their server versions, the generations before it.
 *
 * Facts from WuKongIM/WuKongIM:internal/api/message.go, internal/api/message_model.go,
 * internal/types/message.go, pkg/wkdb/message_event.go and pkg/wkcache/message_event_cache.go at
 * tag v2.2.5-20260422 (identical at v2.2.4-20260313 for what is typed here); the older
 * generations from internal/api/stream.go and internal/api/event.go at v2.1.5-20250424 and
 * v2.2.3-20260128. The server decodes request bodies with Go `encoding/json`, which silently
 * drops unknown keys, so the request schemas are strict on the keys they know.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { schemaId } from '../model/schema-ids.js'

/** A string with at least one non-space character (the server trims, then rejects ""). */
const NonBlank = (description: string) => /* @__PURE__ */ Type.String({ pattern: '\\S', description })

/** Go's `uint8`: 0–255 (a larger number fails the body's decoding). */
const Uint8 = (description: string) => /* @__PURE__ */ Type.Integer({ minimum: 0, maximum: 255, description })

/** Go's `uint64` as it reaches JavaScript. */
const Seq = (description: string) => /* @__PURE__ */ Type.Integer({ minimum: 0, description })

/** The built-in event types, as the server stores them (lower-case). */
export const StreamEventType = {
  Delta: 'stream.delta',
  Snapshot: 'stream.snapshot',
  Close: 'stream.close',
  Error: 'stream.error',
  Cancel: 'stream.cancel',
  Finish: 'stream.finish',
} as const
export type StreamEventTypeName = (typeof StreamEventType)[keyof typeof StreamEventType]

/** The default `event_key`, and the one the server forces for `stream.finish`. */
export const DEFAULT_EVENT_KEY = 'main'
export const FINISH_EVENT_KEY = '__finish__'

/** `stream_status` / `status` of an event key. `""` for a key whose first persisted event is not a stream event. */
export const StreamStatusSchema = /* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.Literal('open'), /* @__PURE__ */ Type.Literal('closed'), /* @__PURE__ */ Type.Literal('error'), /* @__PURE__ */ Type.Literal('cancelled'), /* @__PURE__ */ Type.Literal('')], {
  description: 'State of the event key after the event: open, closed, error, cancelled; "" for a key that only has custom events.',
})
export type StreamStatus = Static<typeof StreamStatusSchema>

/** `visibility` of an event. Hidden from `/message/eventsync` unless `include_private: 1` (private, restricted). */
export const VisibilitySchema = /* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.Literal('public'), /* @__PURE__ */ Type.Literal('private'), /* @__PURE__ */ Type.Literal('restricted')], {
  description: 'public, private or restricted; the server has no default and does not check the value, eventsync hides private and restricted entries unless include_private is 1.',
})

/** `stream.delta` payload the server appends: `{ kind: "text", delta }`. */
export const TextDeltaPayloadSchema = /* @__PURE__ */ Type.Object(
  {
    kind: /* @__PURE__ */ Type.Literal('text'),
    delta: /* @__PURE__ */ Type.String({ description: 'Text to append to the key’s text. An empty delta changes nothing.' }),
  },
  { $id: schemaId('event-text-delta-payload'), title: 'TextDeltaPayload', description: '`stream.delta` payload: a piece of text appended to the event key’s text.' },
)
export type TextDeltaPayload = Static<typeof TextDeltaPayloadSchema>

/** A snapshot of a key: `{ kind: "text", text }` for text; any other `kind` is the app's own. */
export const SnapshotSchema = /* @__PURE__ */ Type.Object(
  {
    kind: /* @__PURE__ */ Type.String({ minLength: 1, description: '"text" for text (then `text` is required); any other kind (e.g. "binary" with `data`) is kept as it is.' }),
    text: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'The whole text so far (kind "text").' })),
  },
  {
    $id: schemaId('event-snapshot'),
    title: 'EventSnapshot',
    description: 'The whole content of an event key: `{ kind: "text", text }`, or an object of another kind kept as it is. The server docs’ `{ text }` without `kind` is not what the server reads.',
    if: { properties: { kind: { const: 'text' } } },
    then: { required: ['text'], properties: { text: { type: 'string' } } },
  },
)
export type EventSnapshot = Static<typeof SnapshotSchema>
/** A text snapshot. */
export interface TextSnapshot {
  readonly kind: 'text'
  readonly text: string
}

const snapshotRef = (description: string) => /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Unsafe<EventSnapshot>({ $ref: schemaId('event-snapshot'), description }))

/** `stream.close` payload. */
export const ClosePayloadSchema = /* @__PURE__ */ Type.Object(
  {
    snapshot: snapshotRef('Final content. While the key has cached deltas the server keeps its own concatenation instead.'),
    end_reason: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Uint8('Why it ended: 0 success, 1 timeout, 2 error, 3 cancelled, 4 forced (the server also reads a numeric string).')),
  },
  { $id: schemaId('event-close-payload'), title: 'ClosePayload', description: '`stream.close` payload: ends the event key with status `closed`.' },
)
export type ClosePayload = Static<typeof ClosePayloadSchema>

/** `stream.error` payload. */
export const ErrorPayloadSchema = /* @__PURE__ */ Type.Object(
  {
    snapshot: snapshotRef('Content up to the error.'),
    error: /* @__PURE__ */ Type.String({ minLength: 1, description: 'What went wrong, shown to the reader.' }),
  },
  { $id: schemaId('event-error-payload'), title: 'ErrorPayload', description: '`stream.error` payload: ends the event key with status `error`.' },
)
export type ErrorPayload = Static<typeof ErrorPayloadSchema>

/** `stream.cancel` payload. */
export const CancelPayloadSchema = /* @__PURE__ */ Type.Object(
  { snapshot: snapshotRef('Content up to the cancellation.') },
  { $id: schemaId('event-cancel-payload'), title: 'CancelPayload', description: '`stream.cancel` payload: ends the event key with status `cancelled`.' },
)
export type CancelPayload = Static<typeof CancelPayloadSchema>

const ref = (name: string) => ({ $ref: schemaId(name) })
const whenType = (type: string, then: object) => ({ if: { properties: { event_type: { const: type } }, required: ['event_type'] }, then })

/** Body of `POST /message/event` (v2.2.4+). */
export const MessageEventRequestSchema = /* @__PURE__ */ Type.Object(
  {
    channel_id: /* @__PURE__ */ NonBlank('Channel of the anchor message: for a person (1) or agent (11) channel, the peer’s uid.'),
    channel_type: /* @__PURE__ */ Type.Integer({ minimum: 1, maximum: 255, description: 'Channel type of the anchor message (1 person, 2 group, 11 agent, …).' }),
    from_uid: /* @__PURE__ */ Type.Optional(
      /* @__PURE__ */ Type.String({ description: 'Sender of the anchor. Required for person and agent channels, whose internal id is derived from it; otherwise the server takes it from its cache or uses the system uid.' }),
    ),
    message_id: /* @__PURE__ */ Type.Optional(
      /* @__PURE__ */ Type.Integer({
        minimum: 0,
        maximum: Number.MAX_SAFE_INTEGER,
        description: 'Anchor message id; only echoed in the push. Leave it out: the server fills it from its cache, and a JSON number cannot carry an id above 2^53 exactly.',
      }),
    ),
    client_msg_no: /* @__PURE__ */ NonBlank('`client_msg_no` of the anchor message (`/message/send` with `is_stream: 1`).'),
    event_id: /* @__PURE__ */ NonBlank('Unique id of this event. The server ignores a repeat of the key’s last persisted event_id, never a repeated delta.'),
    event_type: /* @__PURE__ */ Type.String({
      pattern: '^[^\\sA-Z](?:[^A-Z]*[^\\sA-Z])?$',
      description: 'stream.delta, stream.snapshot, stream.close, stream.error, stream.cancel, stream.finish or an app’s own type. Written lower-case and trimmed: the server stores it so, but pushes it as sent.',
    }),
    event_key: /* @__PURE__ */ Type.Optional(
      /* @__PURE__ */ Type.String({ pattern: '^\\S(?:.*\\S)?$', description: 'Which part of the message the event belongs to; default "main". Forced to "__finish__" for stream.finish.' }),
    ),
    visibility: /* @__PURE__ */ Type.Optional(VisibilitySchema),
    occurred_at: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer({ minimum: 0, description: 'Unix milliseconds; 0 or absent → the server’s clock for the stored event (the push carries the value as sent).' })),
    payload: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Unknown({ description: 'The event’s content, by event_type (see the payload schemas).' })),
    headers: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Record(/* @__PURE__ */ Type.String(), /* @__PURE__ */ Type.String(), { description: 'String headers; stored with the event, returned by no read API.' })),
  },
  {
    $id: schemaId('event-message-event-request'),
    title: 'MessageEventRequest',
    description: 'Body of WuKongIM `POST /message/event` (server v2.2.4+): one event of a stream message.',
    allOf: [
      { if: { properties: { channel_type: { enum: [1, 11] } }, required: ['channel_type'] }, then: { required: ['from_uid'] } },
      whenType('stream.delta', {
        required: ['payload'],
        // `kind` is required: a delta without one (the docs' `{ delta }`) would silently replace the snapshot.
        properties: { payload: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } }, if: { properties: { kind: { const: 'text' } } }, then: ref('event-text-delta-payload') } },
      }),
      whenType('stream.snapshot', { required: ['payload'], properties: { payload: ref('event-snapshot') } }),
      whenType('stream.close', { properties: { payload: ref('event-close-payload') } }),
      whenType('stream.error', { required: ['payload'], properties: { payload: ref('event-error-payload') } }),
      whenType('stream.cancel', { properties: { payload: ref('event-cancel-payload') } }),
    ],
  },
)
export type MessageEventRequest = Static<typeof MessageEventRequestSchema>

/** `data` of the `POST /message/event` reply. There is no `message_seq`. */
export const MessageEventResponseDataSchema = /* @__PURE__ */ Type.Object(
  {
    client_msg_no: /* @__PURE__ */ Type.String(),
    event_key: /* @__PURE__ */ Type.String({ description: 'As stored ("main" by default, "__finish__" for stream.finish).' }),
    event_id: /* @__PURE__ */ Type.String(),
    msg_event_seq: /* @__PURE__ */ Seq('Sequence of the last persisted event of the message; a delta does not advance it.'),
    stream_status: StreamStatusSchema,
    channel_id: /* @__PURE__ */ Type.String({ description: 'As sent.' }),
    channel_type: /* @__PURE__ */ Type.Integer(),
    from_uid: /* @__PURE__ */ Type.String({ description: 'As sent, or filled from the cache, or the system uid.' }),
  },
  { $id: schemaId('event-message-event-response-data'), title: 'MessageEventResponseData', description: '`data` of the WuKongIM `POST /message/event` reply `{ "status": 200, "data": … }` (v2.2.4+).' },
)
export type MessageEventResponseData = Static<typeof MessageEventResponseDataSchema>

/** `data` of an EVENT push (v2.2.4+), as the server writes it. `message_id` is an int64. */
export const EventPushDataSchema = /* @__PURE__ */ Type.Object(
  {
    client_msg_no: /* @__PURE__ */ Type.String(),
    channel_id: /* @__PURE__ */ Type.String({ description: 'The sender’s value: on a person channel that is the recipient’s own uid (not adjusted as RECV is).' }),
    channel_type: /* @__PURE__ */ Type.Integer(),
    from_uid: /* @__PURE__ */ Type.String(),
    message_id: /* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.Integer({ minimum: 0 }), /* @__PURE__ */ Type.String({ pattern: '^[0-9]+$' })], { description: 'Anchor message id (0 when unknown): an int64 beyond 2^53; parseEventPush gives it as a decimal string.' }),
    event_key: /* @__PURE__ */ Type.String(),
    msg_event_seq: /* @__PURE__ */ Seq('Sequence of the key’s last persisted event; not advanced by deltas.'),
    stream_status: StreamStatusSchema,
    visibility: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
    payload: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Unknown({ description: 'The sender’s payload as sent (a terminal push does not carry the merged snapshot).' })),
  },
  { $id: schemaId('event-push-data'), title: 'EventPushData', description: '`data` (UTF-8 JSON) of the EVENT frame WuKongIM v2.2.4+ pushes for each `/message/event`.' },
)
export type EventPushData = Static<typeof EventPushDataSchema>

/** Body of `POST /message/eventsync` (v2.2.4+). */
export const EventSyncRequestSchema = /* @__PURE__ */ Type.Object(
  {
    channel_id: /* @__PURE__ */ NonBlank('Channel of the anchor message.'),
    channel_type: /* @__PURE__ */ Type.Integer({ minimum: 1, maximum: 255 }),
    from_uid: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Sender of the anchor; builds the internal id of a person channel.' })),
    client_msg_no: /* @__PURE__ */ NonBlank('`client_msg_no` of the anchor message.'),
    event_key: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Only this key.' })),
    from_msg_event_seq: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Seq('Entries with a greater seq; 0 = all.')),
    limit: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer({ minimum: 0, maximum: 2000, description: '0 → 200; the server caps it at 2000 and rejects a negative one.' })),
    include_private: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.Literal(0), /* @__PURE__ */ Type.Literal(1)], { description: '1 = include private and restricted entries.' })),
  },
  { $id: schemaId('event-sync-request'), title: 'EventSyncRequest', description: 'Body of WuKongIM `POST /message/eventsync` (v2.2.4+).' },
)
export type EventSyncRequest = Static<typeof EventSyncRequestSchema>

/** One entry of `/message/eventsync`: a projection of one key, not a replay of its events. */
export const EventSyncEntrySchema = /* @__PURE__ */ Type.Object(
  {
    msg_event_seq: /* @__PURE__ */ Seq('Seq of the key’s last persisted event.'),
    event_id: /* @__PURE__ */ Type.String({ description: 'The key’s last persisted event_id.' }),
    event_key: /* @__PURE__ */ Type.String(),
    event_type: /* @__PURE__ */ Type.String({ description: 'Type of the key’s last persisted event.' }),
    visibility: /* @__PURE__ */ Type.String(),
    occurred_at: /* @__PURE__ */ Type.Integer(),
    payload: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Unknown({ description: 'The key’s snapshot, or `{ status, end_reason, error? }` when it has none; a string when it is not JSON.' })),
  },
  { $id: schemaId('event-sync-entry'), title: 'EventSyncEntry', description: 'One event key as `/message/eventsync` returns it: its state, typed by its last persisted event.' },
)
export type EventSyncEntry = Static<typeof EventSyncEntrySchema>

/** `data` of the `/message/eventsync` reply. */
export const EventSyncResponseDataSchema = /* @__PURE__ */ Type.Object(
  {
    client_msg_no: /* @__PURE__ */ Type.String(),
    from_msg_event_seq: /* @__PURE__ */ Seq('As requested.'),
    next_msg_event_seq: /* @__PURE__ */ Seq('Seq of the last entry returned (the request’s when none).'),
    more: /* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.Literal(0), /* @__PURE__ */ Type.Literal(1)]),
    events: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Unsafe<EventSyncEntry>(ref('event-sync-entry')), { description: 'One entry per key with a persisted event after from_msg_event_seq, by seq. A stream with only deltas so far has none.' }),
    filtered_by_event_key: /* @__PURE__ */ Type.String(),
  },
  { $id: schemaId('event-sync-response-data'), title: 'EventSyncResponseData', description: '`data` of the WuKongIM `POST /message/eventsync` reply (v2.2.4+), read from disk only.' },
)
export type EventSyncResponseData = Static<typeof EventSyncResponseDataSchema>

/** One key in `event_meta.events`. */
export const EventKeyMetaSchema = /* @__PURE__ */ Type.Object(
  {
    event_key: /* @__PURE__ */ Type.String(),
    status: StreamStatusSchema,
    last_msg_event_seq: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Seq('Seq of the key’s last persisted event (absent when 0).')),
    snapshot: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Unknown({ description: 'The key’s content so far (the cache’s text while open); absent with event_summary_mode other than "full".' })),
    end_reason: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer({ minimum: 0, maximum: 255 })),
    error: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
  },
  { $id: schemaId('event-key-meta'), title: 'EventKeyMeta', description: 'One event key of `event_meta.events`.' },
)
export type EventKeyMeta = Static<typeof EventKeyMetaSchema>

/** `event_meta` of a stream message in `/channel/messagesync` (v2.2.4+). */
export const EventMetaSchema = /* @__PURE__ */ Type.Object(
  {
    has_events: /* @__PURE__ */ Type.Boolean(),
    completed: /* @__PURE__ */ Type.Boolean({ description: 'true once stream.finish was sent.' }),
    event_version: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Seq('Equals last_msg_event_seq.')),
    last_msg_event_seq: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Seq('Greatest seq over the keys.')),
    event_count: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer({ minimum: 0, description: 'Keys in `events` (the finish key excluded).' })),
    open_event_count: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer({ minimum: 0 })),
    events: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Unsafe<EventKeyMeta>(ref('event-key-meta')), { description: 'In no particular order.' })),
  },
  { $id: schemaId('event-meta'), title: 'EventMeta', description: '`event_meta` on a stream message (setting bit 0x02) of `/channel/messagesync`, server v2.2.4+.' },
)
export type EventMeta = Static<typeof EventMetaSchema>

/** `event_sync_hint` beside `event_meta`. */
export const EventSyncHintSchema = /* @__PURE__ */ Type.Object(
  { client_msg_no: /* @__PURE__ */ Type.String(), from_msg_event_seq: /* @__PURE__ */ Seq('Always 0.') },
  { $id: schemaId('event-sync-hint'), title: 'EventSyncHint', description: '`event_sync_hint` on a stream message of `/channel/messagesync` (v2.2.4+): what to pass to `/message/eventsync`.' },
)
export type EventSyncHint = Static<typeof EventSyncHintSchema>

// ---- Older generations, named by the server versions that have them ----

/** `/stream/start` (v2.0.8–v2.1.2) and `/stream/open` (v2.1.3–v2.2.3) take the same body. */
const streamOpenProperties = {
  header: /* @__PURE__ */ Type.Optional(
    /* @__PURE__ */ Type.Object({
      no_persist: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.Literal(0), /* @__PURE__ */ Type.Literal(1)])),
      red_dot: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.Literal(0), /* @__PURE__ */ Type.Literal(1)])),
      sync_once: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.Literal(0), /* @__PURE__ */ Type.Literal(1)])),
    }),
  ),
  client_msg_no: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Default: a UUID followed by "0".' })),
  from_uid: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Default: the system uid.' })),
  channel_id: /* @__PURE__ */ NonBlank('Target channel.'),
  channel_type: /* @__PURE__ */ Type.Integer({ minimum: 1, maximum: 255 }),
  payload: /* @__PURE__ */ Type.String({ minLength: 1, description: 'Base64 of the anchor payload’s JSON.' }),
}

export const StreamOpenRequestV2_1_3ToV2_2_3Schema = /* @__PURE__ */ Type.Object(streamOpenProperties, {
  $id: schemaId('event-stream-open-request-v2.1.3-v2.2.3'),
  title: 'StreamOpenRequestV2_1_3ToV2_2_3',
  description: 'Body of `POST /stream/open` (WuKongIM v2.1.3–v2.2.3; removed in v2.2.4). `/stream/start` of v2.0.8–v2.1.2 takes the same body.',
})
export type StreamOpenRequestV2_1_3ToV2_2_3 = Static<typeof StreamOpenRequestV2_1_3ToV2_2_3Schema>

export const StreamOpenResponseV2_0_8ToV2_2_3Schema = /* @__PURE__ */ Type.Object(
  { stream_no: /* @__PURE__ */ Type.String({ minLength: 1, description: 'Pass it as `stream_no` to /message/send for each chunk.' }) },
  {
    $id: schemaId('event-stream-open-response-v2.0.8-v2.2.3'),
    title: 'StreamOpenResponseV2_0_8ToV2_2_3',
    description: 'Reply of `/stream/start` (v2.0.8–v2.1.2) and `/stream/open` (v2.1.3–v2.2.3): the bare object, without the `{status, data}` envelope.',
  },
)
export type StreamOpenResponseV2_0_8ToV2_2_3 = Static<typeof StreamOpenResponseV2_0_8ToV2_2_3Schema>

export const StreamCloseRequestV2_1_3ToV2_2_3Schema = /* @__PURE__ */ Type.Object(
  { stream_no: /* @__PURE__ */ NonBlank('From /stream/open.'), channel_id: /* @__PURE__ */ Type.String(), channel_type: /* @__PURE__ */ Type.Integer({ minimum: 1, maximum: 255 }) },
  {
    $id: schemaId('event-stream-close-request-v2.1.3-v2.2.3'),
    title: 'StreamCloseRequestV2_1_3ToV2_2_3',
    description: 'Body of `POST /stream/close` (v2.1.3–v2.2.3): the server does nothing with it and answers `{"status":200}`.',
  },
)
export type StreamCloseRequestV2_1_3ToV2_2_3 = Static<typeof StreamCloseRequestV2_1_3ToV2_2_3Schema>

/** `event.type` values of `POST /event` (v2.2.1–v2.2.3); any other string is pushed only. */
export const LegacyEventTypeV2_2_1ToV2_2_3 = {
  TextMessageStart: '___TextMessageStart',
  TextMessageContent: '___TextMessageContent',
  TextMessageEnd: '___TextMessageEnd',
  ToolCallStart: '___ToolCallStart',
  ToolCallArgs: '___ToolCallArgs',
  ToolCallEnd: '___ToolCallEnd',
  ToolCallResult: '___ToolCallResult',
} as const

export const EventRequestV2_2_1ToV2_2_3Schema = /* @__PURE__ */ Type.Object(
  {
    client_msg_no: /* @__PURE__ */ NonBlank('Identifies the stream (unique per message).'),
    channel_id: /* @__PURE__ */ NonBlank('Target channel.'),
    channel_type: /* @__PURE__ */ Type.Integer({ minimum: 1, maximum: 255 }),
    from_uid: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Default: the system uid.' })),
    event: /* @__PURE__ */ Type.Object(
      {
        type: /* @__PURE__ */ Type.String({ minLength: 1, description: '___TextMessageStart, ___TextMessageContent, ___TextMessageEnd, ___ToolCall* or an app’s own type (pushed, not stored).' }),
        id: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Overwritten with client_msg_no for ___TextMessageContent.' })),
        timestamp: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer()),
        data: /* @__PURE__ */ Type.Optional(
          /* @__PURE__ */ Type.String({ description: 'Start: the anchor payload’s JSON text. Content: a chunk. End: empty = success (end_reason 0), otherwise the error (end_reason 2, v2.2.2+).' }),
        ),
      },
      { description: 'The event.' },
    ),
  },
  {
    $id: schemaId('event-event-request-v2.2.1-v2.2.3'),
    title: 'EventRequestV2_2_1ToV2_2_3',
    description: 'Body of `POST /event` (WuKongIM v2.2.1–v2.2.3; removed in v2.2.4). Query `?force=1` ends another open stream of the channel. Reply `{"status":200}`.',
  },
)
export type EventRequestV2_2_1ToV2_2_3 = Static<typeof EventRequestV2_2_1ToV2_2_3Schema>

/**
 * Every events schema with the name of its published file (`schemas/<name>.schema.json`) and of
 * its generated validator. The generator and the validators read this one list.
 */
export const eventSchemas: readonly (readonly [validator: string, schema: TSchema])[] = [
  ['textDeltaPayload', TextDeltaPayloadSchema],
  ['snapshot', SnapshotSchema],
  ['closePayload', ClosePayloadSchema],
  ['errorPayload', ErrorPayloadSchema],
  ['cancelPayload', CancelPayloadSchema],
  ['messageEventRequest', MessageEventRequestSchema],
  ['messageEventResponseData', MessageEventResponseDataSchema],
  ['eventPushData', EventPushDataSchema],
  ['eventSyncRequest', EventSyncRequestSchema],
  ['eventSyncEntry', EventSyncEntrySchema],
  ['eventSyncResponseData', EventSyncResponseDataSchema],
  ['eventKeyMeta', EventKeyMetaSchema],
  ['eventMeta', EventMetaSchema],
  ['eventSyncHint', EventSyncHintSchema],
  ['streamOpenRequestV2_1_3ToV2_2_3', StreamOpenRequestV2_1_3ToV2_2_3Schema],
  ['streamOpenResponseV2_0_8ToV2_2_3', StreamOpenResponseV2_0_8ToV2_2_3Schema],
  ['streamCloseRequestV2_1_3ToV2_2_3', StreamCloseRequestV2_1_3ToV2_2_3Schema],
  ['eventRequestV2_2_1ToV2_2_3', EventRequestV2_2_1ToV2_2_3Schema],
]

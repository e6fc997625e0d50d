/**
 * `wukong-payload/events`: WuKongIM v2 message events — AI replies streamed token by token
 * (server v2.2.4+: an anchor message sent with `is_stream: 1`, then `POST /message/event`).
 * Request builders and validators, the EVENT push parser, a pure reducer for chat UIs, the
 * LLM-stream adapter, and the schemas of every generation. See docs/streaming.md.
 *
 * @module wukong-payload/events
 */
export { buildMessageEvent, newEventId, validateMessageEvent } from '../events/request.js'
export type { MessageEventInput } from '../events/request.js'
export { parseEventPush } from '../events/push.js'
export type { EventFrame, EventPush, EventPushResult } from '../events/push.js'
export { AppliedIds, applyStreamEvent, createStreamState, hasApplied, streamText } from '../events/reducer.js'
export type { StreamEventLike, StreamKeyState, StreamKeyStatus, StreamState } from '../events/reducer.js'
export { textDeltasToEvents } from '../events/deltas.js'
export type { StreamTarget } from '../events/deltas.js'
export { validateEventMeta, validateEventSyncResponse, validateMessageEventResponse } from '../events/read.js'
export {
  CancelPayloadSchema,
  ClosePayloadSchema,
  DEFAULT_EVENT_KEY,
  ErrorPayloadSchema,
  EventKeyMetaSchema,
  EventMetaSchema,
  EventPushDataSchema,
  EventRequestV2_2_1ToV2_2_3Schema,
  EventSyncEntrySchema,
  EventSyncHintSchema,
  EventSyncRequestSchema,
  EventSyncResponseDataSchema,
  FINISH_EVENT_KEY,
  LegacyEventTypeV2_2_1ToV2_2_3,
  MessageEventRequestSchema,
  MessageEventResponseDataSchema,
  SnapshotSchema,
  StreamCloseRequestV2_1_3ToV2_2_3Schema,
  StreamEventType,
  StreamOpenRequestV2_1_3ToV2_2_3Schema,
  StreamOpenResponseV2_0_8ToV2_2_3Schema,
  StreamStatusSchema,
  TextDeltaPayloadSchema,
  VisibilitySchema,
} from '../events/schemas.js'
export type {
  CancelPayload,
  ClosePayload,
  ErrorPayload,
  EventKeyMeta,
  EventMeta,
  EventPushData,
  EventRequestV2_2_1ToV2_2_3,
  EventSnapshot,
  EventSyncEntry,
  EventSyncHint,
  EventSyncRequest,
  EventSyncResponseData,
  MessageEventRequest,
  MessageEventResponseData,
  StreamCloseRequestV2_1_3ToV2_2_3,
  StreamEventTypeName,
  StreamOpenRequestV2_1_3ToV2_2_3,
  StreamOpenResponseV2_0_8ToV2_2_3,
  StreamStatus,
  TextDeltaPayload,
  TextSnapshot,
} from '../events/schemas.js'
export { isPayloadError, PayloadError } from '../errors/payload-error.js'
export type { PayloadErrorCode } from '../errors/payload-error.js'
export type { ValidationIssue, ValidationIssueCode } from '../validate/issues.js'
export type { ValidationResult } from '../validate/validate.js'

/** The `/message/event` body as Standard Schema V1 (docs/frameworks.md). */
export { messageEventValidator } from '../standard/events.js'

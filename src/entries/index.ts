/**
 * wukong-payload: typed, validated, fast WuKongIM message payloads.
 *
 * Root entry. Rendering and digests alone: `wukong-payload/render`; runtime schema compilation
 * for an app's own types: `wukong-payload/runtime`; JSON Schemas: `wukong-payload/schemas/*.json`.
 *
 * @module wukong-payload
 */
export { ChannelType, isSystemType, SYSTEM_TYPE_MAX, SYSTEM_TYPE_MIN } from '../model/message-type.js'
export { MessageType } from '../generated/message-type.js'
// The building blocks of a definition, for an app's own types (docs/adding-a-type.md).
export type { CommonFields } from '../model/fields.js'
export { commonFields, DecimalId, EntitySchema, Flag01, FLAG_HINT, hint, ID_HINT, MentionSchema, NonNegative, PayloadEnvelopeSchema, ReplySchema, SystemExtraSchema, UidSchema } from '../model/fields.js'
export type { Entity, Mention, Reply, SystemExtra } from '../model/fields.js'
// How a schema carries its static type for TypeBox 0.34 and 1.x (docs/frameworks.md).
export type { StaticSchema } from '../model/fields.js'
export type { TypeBox1Static } from '../model/define.js'
export { CHAT_FLAGS, COMMAND_FLAGS, DOCS_SYSTEM_FLAGS, HeaderFlagsSchema, HISTORY_SYSTEM_FLAGS } from '../model/flags.js'
export type { HeaderFlags } from '../model/flags.js'
export { PAYLOAD_SCHEMA_ID, schemaId } from '../model/schema-ids.js'
export { definePayloadType } from '../model/define.js'
export type { BuilderTemplates, DigestSpec, InvalidPayloadExample, Locale, PayloadDefinition, PayloadExample, PayloadTypeFacts, PayloadTypeSchema, PayloadTypeSpec } from '../model/define.js'
export type { GenericSystemPayload, KnownPayload, KnownSystemPayload, Payload, PayloadOfType, PayloadShape, SystemPayload, UnknownPayload, UnknownTypeNumber } from '../types/payload.js'
export { PayloadSchema, PayloadReferences } from '../types/payload-schema.js'
export { payloadDefinitions } from '../types/definitions.js'
export type { KnownPayloadDefinition, TypeFileExports } from '../types/definitions.js'
// Every type file's exports: its definition (`textDefinition` …), schema (`TextSchema`), payload
// type (`TextPayload`) and builder (`buildGroupCreated` …), from the one list in types/index.ts.
export * from '../types/index.js'
export { GenericSystemSchema } from '../types/system/generic.js'

// Decode, encode and validate: the same list as the schema-free `wukong-payload/codec` entry.
export * from './codec.js'

export { SendMessageRequestSchema } from '../send/request-schema.js'
export type { SendMessageRequest } from '../send/request-schema.js'
export { buildSendRequest, validateSendRequest } from '../send/request.js'
export type { SendMessageInput, ValidatedSendRequest } from '../send/request.js'
export { parseSendResponse } from '../send/response.js'
export type { SendMessageFailure, SendMessageResponse, SendMessageSuccess } from '../send/response.js'
export { recommendFlags } from '../send/flags.js'
export type { RecommendFlagsOptions } from '../send/flags.js'
export { lintPayload, lintSendRequest } from '../send/lint.js'
export type { LintCode, LintFinding } from '../send/lint.js'
// Who a text @-mentions (mention.all, mention.uids and mention entities together); the rest of text handling: `wukong-payload/text`.
export { isMentioned, mentionsOf } from '../text/mentions.js'
export type { MentionSpan, Mentions } from '../text/mentions.js'

export * from './render.js'

export { decodeWebhookMessages, parseJsonExact } from '../webhooks/messages.js'
export type { ExactJsonOptions } from '../wire/json-exact.js'
export type { WebhookMessage } from '../webhooks/messages.js'
export { parseOnlineStatus, parseWebhookEvent, WebhookEventName } from '../webhooks/events.js'
export type { MsgNotifyEvent, MsgOfflineEvent, OnlineStatus, UnknownWebhookEvent, UserOnlineStatusEvent, WebhookEvent, WebhookEventOptions, WebhookEventResult } from '../webhooks/events.js'

// Standard Schema V1 (with Standard JSON Schema) for tRPC, Hono, form and AI libraries: docs/frameworks.md.
export { createStandardValidator, createStandardCheck, pointerToPath, STANDARD_VENDOR } from '../standard/create.js'
export type { CheckResult, StandardCheck, StandardIssue, StandardValidator, StandardValidatorSpec } from '../standard/create.js'
export { JSON_SCHEMA_TARGETS, toTargetJsonSchema } from '../standard/json-schema.js'
export type { JsonSchemaTarget } from '../standard/json-schema.js'
export { payloadFromBase64, payloadValidator, payloadValidatorOf, sendMessageRequestValidator, webhookEventValidator } from '../standard/validators.js'

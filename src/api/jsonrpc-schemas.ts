/**
 * The JSON-RPC (WebSocket) wire of WuKongIM: `send` params and `recv` notification params, from
 * WuKongIM/WuKongIM:pkg/jsonrpc/types.go. camelCase keys, boolean header and setting flags,
 * `messageId` as a string. The payload changed with v2.2.3-20260128 (commit c66439219, "change
 * json.RawMessage to []byte"): a JSON object up to v2.2.2-20251229, Base64 from v2.2.3; the
 * schemas are named by the server versions that have them, as the events entry names its
 * generations.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { schemaId } from '../model/schema-ids.js'

/** `Header` (all `omitempty` booleans). */
export const JsonRpcHeaderSchema = /* @__PURE__ */ Type.Object(
  {
    noPersist: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Boolean()),
    redDot: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Boolean()),
    syncOnce: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Boolean()),
    dup: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Boolean()),
    end: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Boolean()),
  },
  { description: 'Header flags as booleans (REST uses 0/1 `no_persist`, `red_dot`, `sync_once`).' },
)
export type JsonRpcHeader = Static<typeof JsonRpcHeaderSchema>

/** `SettingFlags`. */
export const JsonRpcSettingSchema = /* @__PURE__ */ Type.Object(
  { receipt: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Boolean()), signal: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Boolean()), stream: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Boolean()), topic: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Boolean()) },
  { description: 'Setting flags as booleans (the REST `setting` is a bit field).' },
)
export type JsonRpcSetting = Static<typeof JsonRpcSettingSchema>

const sendProperties = {
  header: /* @__PURE__ */ Type.Optional(JsonRpcHeaderSchema),
  setting: /* @__PURE__ */ Type.Optional(JsonRpcSettingSchema),
  msgKey: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
  expire: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer({ minimum: 0, maximum: 4294967295 })),
  clientMsgNo: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
  streamNo: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
  channelId: /* @__PURE__ */ Type.String({ minLength: 1 }),
  channelType: /* @__PURE__ */ Type.Integer({ minimum: 1, maximum: 255 }),
  topic: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
}

export const JsonRpcSendParamsSchema = /* @__PURE__ */ (() => Type.Object(
  { ...sendProperties, payload: /* @__PURE__ */ Type.String({ minLength: 1, contentEncoding: 'base64', description: 'Base64 of the payload’s UTF-8 JSON (Go []byte).' }) },
  { $id: schemaId('api-jsonrpc-send-params'), title: 'JsonRpcSendParams', description: '`params` of the JSON-RPC `send` request, WuKongIM v2.2.3-20260128 and later: payload as Base64.' },
))()
export type JsonRpcSendParams = Static<typeof JsonRpcSendParamsSchema>

export const JsonRpcSendParamsUpToV2_2_2Schema = /* @__PURE__ */ (() => Type.Object(
  { ...sendProperties, payload: /* @__PURE__ */ Type.Record(/* @__PURE__ */ Type.String(), /* @__PURE__ */ Type.Unknown(), { description: 'The payload as a JSON object (Go json.RawMessage).' }) },
  { $id: schemaId('api-jsonrpc-send-params-up-to-v2.2.2'), title: 'JsonRpcSendParamsUpToV2_2_2', description: '`params` of the JSON-RPC `send` request up to WuKongIM v2.2.2-20251229: payload as a JSON object.' },
))()
export type JsonRpcSendParamsUpToV2_2_2 = Static<typeof JsonRpcSendParamsUpToV2_2_2Schema>

const recvProperties = {
  header: /* @__PURE__ */ Type.Optional(JsonRpcHeaderSchema),
  setting: /* @__PURE__ */ Type.Optional(JsonRpcSettingSchema),
  msgKey: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
  expire: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer({ minimum: 0 })),
  messageId: /* @__PURE__ */ Type.String({ pattern: '^-?[0-9]+$', description: 'int64 as a decimal string (exact).' }),
  messageSeq: /* @__PURE__ */ Type.Integer({ minimum: 0, maximum: 4294967295 }),
  clientMsgNo: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
  streamNo: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
  streamId: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
  streamFlag: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer()),
  timestamp: /* @__PURE__ */ Type.Integer(),
  channelId: /* @__PURE__ */ Type.String(),
  channelType: /* @__PURE__ */ Type.Integer({ minimum: 0, maximum: 255 }),
  topic: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
  fromUid: /* @__PURE__ */ Type.String(),
}

export const JsonRpcRecvParamsSchema = /* @__PURE__ */ (() => Type.Object(
  { ...recvProperties, payload: /* @__PURE__ */ Type.String({ description: 'Base64 of the payload’s UTF-8 JSON.' }) },
  { $id: schemaId('api-jsonrpc-recv-params'), title: 'JsonRpcRecvParams', description: '`params` of the JSON-RPC `recv` notification, WuKongIM v2.2.3-20260128 and later: payload as Base64.' },
))()
export type JsonRpcRecvParams = Static<typeof JsonRpcRecvParamsSchema>

export const JsonRpcRecvParamsUpToV2_2_2Schema = /* @__PURE__ */ (() => Type.Object(
  { ...recvProperties, payload: /* @__PURE__ */ Type.Unknown({ description: 'The payload as the JSON the sender wrote (Go json.RawMessage).' }) },
  { $id: schemaId('api-jsonrpc-recv-params-up-to-v2.2.2'), title: 'JsonRpcRecvParamsUpToV2_2_2', description: '`params` of the JSON-RPC `recv` notification up to WuKongIM v2.2.2-20251229: payload as JSON.' },
))()
export type JsonRpcRecvParamsUpToV2_2_2 = Static<typeof JsonRpcRecvParamsUpToV2_2_2Schema>

export const jsonRpcSchemas: readonly (readonly [validator: string, schema: TSchema])[] = [
  ['jsonRpcSendParams', JsonRpcSendParamsSchema],
  ['jsonRpcSendParamsUpToV2_2_2', JsonRpcSendParamsUpToV2_2_2Schema],
  ['jsonRpcRecvParams', JsonRpcRecvParamsSchema],
  ['jsonRpcRecvParamsUpToV2_2_2', JsonRpcRecvParamsUpToV2_2_2Schema],
]

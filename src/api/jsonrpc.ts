/**
 * The JSON-RPC (WebSocket) wire and easyjssdk (WuKongIM/WuKongEasySDK-JS:src/index.ts@f13b7fb):
 * `send` params built from a validated payload, with the payload as a JSON object (servers up to
 * v2.2.2) or Base64 (v2.2.3 and later), detected from the server version or chosen; received
 * messages read with the payload decoded on its own, saying what easyjssdk hides (it hands over
 * the raw string, silently, when a payload does not decode; it forces `redDot: true` on send).
 */
import { encodePayload, safeDecodePayload } from '../codec/codec.js'
import { PayloadError } from '../errors/payload-error.js'
import type { HeaderFlags } from '../model/flags.js'
import type { Payload, PayloadShape } from '../types/payload.js'
import { recommendFlags } from '../send/flags.js'
import { jsonRpcSendParams, jsonRpcSendParamsUpToV2_2_2 } from '../generated/api.js'
import { issuesFromAjv, type ValidationIssue } from '../validate/issues.js'
import { ApiError } from './errors.js'
import type { JsonRpcHeader, JsonRpcRecvParams, JsonRpcRecvParamsUpToV2_2_2, JsonRpcSendParams, JsonRpcSendParamsUpToV2_2_2, JsonRpcSetting } from './jsonrpc-schemas.js'
import type { PayloadDecoder } from './parse.js'

/** How the server carries `payload` on the JSON-RPC wire. */
export type JsonRpcPayloadEncoding = 'object' | 'base64'

/**
 * The payload encoding of a server version (`"v2.2.2-20251229"`, `"2.2.3"`): a JSON object up to
 * v2.2.2, Base64 from v2.2.3 (WuKongIM/WuKongIM commit c66439219). Throws `ApiError` (`input`)
 * for a version it cannot read, rather than guessing.
 */
export function jsonRpcPayloadEncoding(serverVersion: string): JsonRpcPayloadEncoding {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(serverVersion.trim())
  if (!m) throw new ApiError('input', `cannot read the server version ${JSON.stringify(serverVersion)}: pass payloadEncoding 'object' (≤ v2.2.2) or 'base64' (≥ v2.2.3)`)
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const atLeast223 = major !== 2 ? major > 2 : minor !== 2 ? minor > 2 : patch >= 3
  return atLeast223 ? 'base64' : 'object'
}

/** REST header flags (0/1) as the JSON-RPC header (booleans; absent = false). */
export function toJsonRpcHeader(flags: Partial<HeaderFlags>): JsonRpcHeader {
  return {
    ...(flags.no_persist === 1 ? { noPersist: true } : {}),
    ...(flags.red_dot === 1 ? { redDot: true } : {}),
    ...(flags.sync_once === 1 ? { syncOnce: true } : {}),
  }
}

export interface JsonRpcSendInput<P extends PayloadShape = Payload> {
  readonly channelId: string
  readonly channelType: number
  readonly payload: P
  /** Header flags (REST form); default: the type's `recommendFlags`. */
  readonly header?: Partial<HeaderFlags>
  readonly setting?: JsonRpcSetting
  readonly clientMsgNo?: string
  readonly expire?: number
  readonly topic?: string
}

/**
 * `params` of a JSON-RPC `send`: the payload validated and written as the server reads it —
 * Base64 (`payloadEncoding: 'base64'`, v2.2.3+) or the JSON object (`'object'`, ≤ v2.2.2); give
 * `serverVersion` instead to choose from it. Throws `PayloadError` for an invalid payload and
 * `ApiError` (`input`) for invalid params.
 */
export function buildJsonRpcSendParams<P extends PayloadShape = Payload>(
  input: JsonRpcSendInput<NoInfer<P>>,
  encoding: { readonly payloadEncoding: JsonRpcPayloadEncoding } | { readonly serverVersion: string },
): JsonRpcSendParams | JsonRpcSendParamsUpToV2_2_2 {
  const how = 'payloadEncoding' in encoding ? encoding.payloadEncoding : jsonRpcPayloadEncoding(encoding.serverVersion)
  const base64 = encodePayload<PayloadShape>(input.payload)
  const header = toJsonRpcHeader(input.header ?? recommendFlags<PayloadShape>(input.payload))
  const params = {
    ...(Object.keys(header).length > 0 ? { header } : {}),
    ...(input.setting ? { setting: input.setting } : {}),
    ...(input.clientMsgNo !== undefined ? { clientMsgNo: input.clientMsgNo } : {}),
    ...(input.expire !== undefined ? { expire: input.expire } : {}),
    ...(input.topic !== undefined ? { topic: input.topic } : {}),
    channelId: input.channelId,
    channelType: input.channelType,
    // The object form: the payload as validated (what encodePayload wrote, parsed back).
    payload: how === 'base64' ? base64 : (input.payload as unknown as Record<string, unknown>),
  }
  const validate = how === 'base64' ? jsonRpcSendParams : jsonRpcSendParamsUpToV2_2_2
  if (!validate(params)) {
    const issues: ValidationIssue[] = []
    issuesFromAjv(validate.errors ?? [], params, '', issues)
    throw new ApiError('input', `invalid JSON-RPC send params: ${issues.slice(0, 3).map((i) => `${i.path || '/'}: ${i.message}`).join('; ')}`, { issues })
  }
  return params as JsonRpcSendParams | JsonRpcSendParamsUpToV2_2_2
}

/** A received message (JSON-RPC `recv` params or easyjssdk's `RecvMessage`), its payload decoded on its own. */
export interface JsonRpcMessage<P = Payload> {
  /** int64 as the server sends it on this wire: a decimal string, exact. */
  readonly messageId: string
  readonly messageSeq: number
  readonly clientMsgNo: string | undefined
  readonly channelId: string
  readonly channelType: number
  readonly fromUid: string
  readonly timestamp: number
  readonly header: JsonRpcHeader
  readonly setting: JsonRpcSetting | undefined
  readonly payload: P | undefined
  /** Why the payload did not decode (`error.value`: what was delivered, when it parsed). */
  readonly error: PayloadError | undefined
  /** How the payload arrived: Base64 (v2.2.3+ wire, or easyjssdk's silent fallback string) or JSON. */
  readonly payloadEncoding: JsonRpcPayloadEncoding
}

/**
 * Reads a received message: JSON-RPC `recv` params (payload Base64 from v2.2.3, JSON up to
 * v2.2.2, told apart by its type) or easyjssdk's `RecvMessage`, whose `payload` is the parsed
 * JSON — or, when easyjssdk could not decode it, the original string, which this decodes again to
 * give the precise Base64 / UTF-8 / JSON error instead of a string posing as a payload. Never throws.
 */
export function readJsonRpcMessage<P = Payload>(params: JsonRpcRecvParams | JsonRpcRecvParamsUpToV2_2_2 | Readonly<Record<string, unknown>>, options: { readonly codec?: PayloadDecoder<P> & { safeDecodePayload(input: unknown): unknown } } = {}): JsonRpcMessage<P> {
  const p = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>
  const decode = (options.codec ?? { safeDecodePayload }) as { safeDecodePayload(input: unknown): { ok: true; value: P } | { ok: false; error: PayloadError } }
  const raw = p.payload
  let payload: P | undefined
  let error: PayloadError | undefined
  if (raw === undefined || raw === null) error = new PayloadError('INVALID_PAYLOAD', 'the message has no payload')
  else {
    const decoded = decode.safeDecodePayload(raw)
    if (decoded.ok) payload = decoded.value
    else error = decoded.error
  }
  const messageId = p.messageId
  return {
    messageId: typeof messageId === 'string' ? messageId : typeof messageId === 'number' && Number.isSafeInteger(messageId) ? String(messageId) : String(messageId),
    messageSeq: p.messageSeq as number,
    clientMsgNo: typeof p.clientMsgNo === 'string' ? p.clientMsgNo : undefined,
    channelId: p.channelId as string,
    channelType: p.channelType as number,
    fromUid: p.fromUid as string,
    timestamp: p.timestamp as number,
    header: (typeof p.header === 'object' && p.header !== null ? p.header : {}) as JsonRpcHeader,
    setting: (typeof p.setting === 'object' && p.setting !== null ? p.setting : undefined) as JsonRpcSetting | undefined,
    payload,
    error,
    payloadEncoding: typeof raw === 'string' ? 'base64' : 'object',
  }
}

/** What to pass to easyjssdk's `send(channelId, channelType, payload, options)`. */
export interface EasySendArgs {
  /** The validated payload object (easyjssdk encodes it itself). */
  readonly payload: Record<string, unknown>
  readonly options: { readonly header: JsonRpcHeader & { redDot: true }; readonly clientMsgNo?: string; readonly setting?: JsonRpcSetting; readonly topic?: string }
  /**
   * True when the type's flags say no red dot but easyjssdk will send `redDot: true` anyway (its
   * `send` overwrites the header's redDot and mutates the object given). Send through the REST
   * API (`/message/send`) when the red dot matters.
   */
  readonly redDotForced: boolean
}

/**
 * Arguments for easyjssdk's `send`: the payload validated (throws `PayloadError`), the header
 * from the type's `recommendFlags` (or `header`), and what easyjssdk will override, said.
 */
export function easySendArgs<P extends PayloadShape = Payload>(payload: NoInfer<P>, options: { readonly header?: Partial<HeaderFlags>; readonly clientMsgNo?: string; readonly setting?: JsonRpcSetting; readonly topic?: string } = {}): EasySendArgs {
  encodePayload<PayloadShape>(payload)
  const flags = options.header ?? recommendFlags<PayloadShape>(payload)
  const header = { ...toJsonRpcHeader(flags), redDot: true as const }
  return {
    payload: payload as unknown as Record<string, unknown>,
    options: {
      header,
      ...(options.clientMsgNo !== undefined ? { clientMsgNo: options.clientMsgNo } : {}),
      ...(options.setting ? { setting: options.setting } : {}),
      ...(options.topic !== undefined ? { topic: options.topic } : {}),
    },
    redDotForced: flags.red_dot !== 1,
  }
}

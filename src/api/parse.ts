/**
 * Response parsers of the read side: the body's text or bytes in, `{ ok: true, value }` or
 * `{ ok: false, error }` out, never a throw. Each body is read with every integer exact
 * (parseJsonExact), its envelope checked once by the generated validator of its endpoint,
 * and then each message's payload decoded on its own through the codec: a bad payload fails
 * alone (`message.error`, the parsed JSON kept as `error.value`), as on every receive path.
 */
import { safeDecodePayload, type DecodeOptions, type SafeDecodeResult } from '../codec/codec.js'
import type { ValidationIssue } from '../errors/issue.js'
import { PayloadError, isPayloadError } from '../errors/payload-error.js'
import { createStreamState } from '../events/reducer.js'
import { validateEventMeta } from '../events/read.js'
import type { EventMeta, EventSyncHint } from '../events/schemas.js'
import { eventSyncHint } from '../generated/events.js'
import {
  apiErrorBody,
  channelMaxMessageSeqResponse,
  cmdSyncResponse,
  conversationSyncMessagesResponse,
  conversationSyncResponse,
  messageResponse,
  messageSyncResponse,
  searchResponse,
  sendBatchResponse,
  statusResponse,
} from '../generated/api.js'
import type { ValidateFunction } from '../generated/validators.js'
import type { Payload } from '../types/payload.js'
import { issuesFromAjv } from '../validate/issues.js'
import { base64ToBytes } from '#platform'
import { strictUtf8ToText } from '../wire/base64-check.js'
import { parseJsonExact } from '../wire/json-exact.js'
import { ApiError, type ApiResult } from './errors.js'
import type { ApiMessage, ApiMessageStream, ApiConversation } from './types.js'

/** What decodes each payload: the package's built-in codec, or one from `createCodec` (`wukong-payload/runtime`). */
export interface PayloadDecoder<P = Payload> {
  safeDecodePayload(input: string | Uint8Array, options?: DecodeOptions): SafeDecodeResult<P>
}

/** Options of every read-side parser. */
export interface ApiParseOptions<P = Payload> extends DecodeOptions {
  /**
   * The codec that decodes and validates each payload: an object from `createCodec({ types })`,
   * so that an app's own message types are checked here too. Default: the built-in types.
   */
  readonly codec?: PayloadDecoder<P>
  /** Largest body, in characters. Default 16 MiB. */
  readonly maxBodyBytes?: number
}

/** A response body as `fetch` gives it: `await res.text()` or the bytes (never `res.json()`, which rounds ids). */
export type ApiBody = string | Uint8Array | ArrayBuffer

type Json = Record<string, unknown>

/** A uint64/int64 read exactly (a number up to 2^53, a decimal string beyond) as a decimal string. */
function dec(value: unknown): string {
  return typeof value === 'string' ? value : String(value)
}

function bodyText(body: unknown): string {
  if (typeof body === 'string') return body
  if (body instanceof Uint8Array) return strictUtf8ToText(body)
  if (body instanceof ArrayBuffer) return strictUtf8ToText(new Uint8Array(body))
  throw new ApiError('body', `pass the response body as text (await res.text()) or bytes, not ${body === null ? 'null' : typeof body}: a parsed object has already rounded every id beyond 2^53`)
}

/** Reads and parses the body, or gives the error that stops there. */
function readBody(body: unknown, options: ApiParseOptions<unknown>): { ok: true; value: unknown } | { ok: false; error: ApiError } {
  let text: string
  try {
    text = bodyText(body)
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error }
    const cause = isPayloadError(error) ? error : undefined
    return { ok: false, error: new ApiError('body', `the body is not UTF-8: ${error instanceof Error ? error.message : String(error)}`, { cause }) }
  }
  try {
    return { ok: true, value: parseJsonExact(text, options.maxBodyBytes === undefined ? {} : { maxBytes: options.maxBodyBytes }) }
  } catch (error) {
    const cause = isPayloadError(error) ? error : new PayloadError('INVALID_JSON', String(error))
    const hint = /^\s*</.test(text) ? ' (it looks like HTML: a proxy or a wrong URL answered, not WuKongIM)' : ''
    return { ok: false, error: new ApiError('body', `the body is not readable JSON${hint}: ${cause.message}`, { cause, value: text.length > 4096 ? `${text.slice(0, 4096)}…` : text }) }
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** WuKongIM's error body `{ msg, status }` as an ApiError, when the value is one. */
function serverError(value: unknown, what: string): ApiError | undefined {
  if (!isObject(value) || typeof value.msg !== 'string' || typeof value.status !== 'number' || value.status === 200) return undefined
  if (!apiErrorBody(value)) return undefined
  return new ApiError('server', `WuKongIM refused ${what}: ${value.msg} (status ${value.status})`, { status: value.status, serverMessage: value.msg, value })
}

function check(validate: ValidateFunction, value: unknown, what: string): ApiError | undefined {
  if (validate(value)) return undefined
  const issues: ValidationIssue[] = []
  issuesFromAjv(validate.errors ?? [], value, '', issues)
  const shown = issues.slice(0, 3).map((i) => `${i.path || '/'}: ${i.message}`)
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''
  return new ApiError('body', `not a ${what} reply: ${shown.join('; ')}${more}`, { issues, value })
}

/** Parse, recognise the error body, validate the envelope: the shared start of every parser. */
function envelope(body: unknown, options: ApiParseOptions<unknown>, validate: ValidateFunction, what: string): { ok: true; value: unknown } | { ok: false; error: ApiError } {
  const read = readBody(body, options)
  if (!read.ok) return read
  const refused = serverError(read.value, what)
  if (refused) return { ok: false, error: refused }
  const invalid = check(validate, read.value, what)
  return invalid ? { ok: false, error: invalid } : read
}

const STREAM_SETTING = 0x02

/** Decodes each message of a checked list; the extra issues (a stream field of the wrong shape) fail the response. */
class MessageReader<P> {
  readonly issues: ValidationIssue[] = []
  readonly #decode: PayloadDecoder<P>
  readonly #options: DecodeOptions | undefined

  constructor(options: ApiParseOptions<P>) {
    this.#decode = options.codec ?? (builtIn as PayloadDecoder<P>)
    const { codec: _codec, maxBodyBytes: _max, ...decodeOptions } = options
    // No options: undefined, so that the codec takes its quick path for calls without options.
    this.#options = Object.keys(decodeOptions).length === 0 ? undefined : decodeOptions
  }

  read(m: Json, path: string): ApiMessage<P> {
    const idstr = m.message_idstr
    const message_id = typeof idstr === 'string' && idstr !== '' ? idstr : dec(m.message_id)
    let payload: P | undefined
    let error: PayloadError | undefined
    const encoded = m.payload as string | null
    if (encoded === null) error = new PayloadError('INVALID_PAYLOAD', `${path}/payload is null: the server has no payload for message ${message_id}`, [{ path: `${path}/payload`, code: 'type', message: 'null instead of a Base64 payload' }])
    else {
      const decoded = this.#decode.safeDecodePayload(encoded, this.#options)
      if (decoded.ok) payload = decoded.value
      else error = decoded.error
    }
    const setting = m.setting as number
    const stream = (setting & STREAM_SETTING) !== 0 || m.event_meta !== undefined || m.stream_data !== undefined || m.end !== undefined || m.stream_no !== undefined || m.stream_id !== undefined ? this.#stream(m, path) : undefined
    return {
      message_id,
      message_seq: dec(m.message_seq),
      client_msg_no: m.client_msg_no as string,
      from_uid: m.from_uid as string,
      channel_id: m.channel_id as string,
      channel_type: m.channel_type as number,
      topic: m.topic as string | undefined,
      header: m.header as ApiMessage['header'],
      setting,
      expire: m.expire as number,
      timestamp: m.timestamp as number,
      payload,
      error,
      payload_base64: encoded,
      stream,
      raw: m,
    }
  }

  #stream(m: Json, path: string): ApiMessageStream {
    let meta: EventMeta | undefined
    if (m.event_meta !== undefined && m.event_meta !== null) {
      const checked = validateEventMeta(m.event_meta)
      if (checked.ok) meta = checked.value
      else for (const issue of checked.issues) this.issues.push({ ...issue, path: `${path}/event_meta${issue.path}` })
    }
    let hint: EventSyncHint | undefined
    if (m.event_sync_hint !== undefined && m.event_sync_hint !== null) {
      if (eventSyncHint(m.event_sync_hint)) hint = m.event_sync_hint as EventSyncHint
      else this.issues.push({ path: `${path}/event_sync_hint`, code: 'invalid', message: 'not { client_msg_no, from_msg_event_seq }' })
    }
    const data = typeof m.stream_data === 'string' ? m.stream_data : undefined
    let text: string | undefined
    if (data !== undefined) {
      try {
        text = strictUtf8ToText(base64ToBytes(data))
      } catch {
        text = undefined
      }
    }
    return {
      end: (m.end as number | undefined) ?? 0,
      end_reason: (m.end_reason as number | undefined) ?? 0,
      error: typeof m.error === 'string' && m.error !== '' ? m.error : undefined,
      stream_data: data,
      stream_text: text,
      event_meta: meta,
      event_sync_hint: hint,
      state: createStreamState(meta),
      stream_no: typeof m.stream_no === 'string' ? m.stream_no : undefined,
      stream_id: m.stream_id === undefined ? undefined : dec(m.stream_id),
    }
  }

  list(messages: readonly Json[], path: string): ApiMessage<P>[] {
    const out = new Array<ApiMessage<P>>(messages.length)
    for (let i = 0; i < messages.length; i++) out[i] = this.read(messages[i] as Json, `${path}/${i}`)
    return out
  }

  /** The result, or the response's failure when a stream field was malformed. */
  finish<T>(value: T, body: unknown, what: string): ApiResult<T> {
    if (this.issues.length === 0) return { ok: true, value }
    const shown = this.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`)
    return { ok: false, error: new ApiError('body', `not a ${what} reply: ${shown.join('; ')}`, { issues: this.issues, value: body }) }
  }
}

const builtIn: PayloadDecoder = { safeDecodePayload: (input, options) => safeDecodePayload(input, options) }

/** Runs a parser body, turning any unexpected throw into a failure: parsers never throw. */
function guarded<T>(what: string, run: () => ApiResult<T>): ApiResult<T> {
  try {
    return run()
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error }
    return { ok: false, error: new ApiError('body', `unreadable ${what} reply: ${error instanceof Error ? error.message : String(error)}`, { cause: error instanceof Error ? error : undefined }) }
  }
}

// ---------------------------------------------------------------- results

/** `/channel/messagesync` and `/messages`. */
export interface MessageSyncResult<P = Payload> {
  /** uint64, as requested. */
  readonly start_message_seq: string
  readonly end_message_seq: string
  /** 1 = more messages in the pulled direction. */
  readonly more: number
  readonly messages: readonly ApiMessage<P>[]
}

/** One channel of `/conversation/syncMessages`. */
export interface ChannelRecentMessagesResult<P = Payload> {
  readonly channel_id: string
  readonly channel_type: number
  readonly messages: readonly ApiMessage<P>[]
  /** uint64, exact. */
  readonly user_last_msg_seq: string
}

/** `/message/sendbatch`: the uids that failed, each with the server's reason. */
export interface SendBatchResult {
  readonly failures: readonly { readonly uid: string; readonly reason: string | undefined }[]
  /** True when every subscriber failed (the server still answers HTTP 200). */
  readonly allFailed: boolean
}

/** One search hit: the real payload and the highlighted one kept apart. */
export interface SearchHit<P = Payload> {
  readonly message_id: string
  readonly message_seq: string
  readonly client_msg_no: string
  readonly from_uid: string
  readonly channel_id: string
  readonly channel_type: number
  readonly topic: string | undefined
  readonly timestamp: number
  readonly score: number | undefined
  /** The payload as sent, from `payload_json`, validated through the codec. */
  readonly payload: P | undefined
  /** Why `payload_json` did not decode. */
  readonly error: PayloadError | undefined
  /**
   * The plugin's re-serialized payload whose highlighted fields hold HTML (`…<mark>北京</mark>…`),
   * parsed but NOT validated and not a payload: render its strings as HTML only after
   * sanitizing them (only `<mark>` is the plugin's; the rest is the sender's text, unescaped).
   */
  readonly highlighted: Readonly<Record<string, unknown>> | undefined
  readonly raw: Readonly<Record<string, unknown>>
}

export interface SearchResult<P = Payload> {
  /** uint64 (nanoseconds), exact. */
  readonly cost: string | undefined
  /** uint64, exact. */
  readonly total: string | undefined
  readonly limit: number | undefined
  readonly page: number | undefined
  readonly messages: readonly SearchHit<P>[]
}

// ---------------------------------------------------------------- parsers

/**
 * Reads a `POST /channel/messagesync` reply: the bare `{ start_message_seq, end_message_seq,
 * more, messages }` (not the array the docs show, WuKongIM/WuKongIM#446). Never throws.
 */
export function parseMessageSyncResponse<P = Payload>(body: ApiBody, options: ApiParseOptions<P> = {}): ApiResult<MessageSyncResult<P>> {
  return guarded('/channel/messagesync', () => {
    const env = envelope(body, options, messageSyncResponse, '/channel/messagesync')
    if (!env.ok) return env
    const v = env.value as Json
    const reader = new MessageReader<P>(options)
    const messages = reader.list(v.messages as Json[], '/messages')
    return reader.finish({ start_message_seq: dec(v.start_message_seq), end_message_seq: dec(v.end_message_seq), more: v.more as number, messages }, v, '/channel/messagesync')
  })
}

/** Reads a `POST /messages` reply (the same bare object as messagesync, seqs 0). Never throws. */
export function parseMessagesResponse<P = Payload>(body: ApiBody, options: ApiParseOptions<P> = {}): ApiResult<MessageSyncResult<P>> {
  return parseMessageSyncResponse(body, options)
}

/**
 * Reads a `POST /conversation/sync` reply: a bare array of conversations whose `version` (an
 * int64 of nanoseconds with no string twin) comes out exact. Never throws.
 */
export function parseConversationSyncResponse<P = Payload>(body: ApiBody, options: ApiParseOptions<P> = {}): ApiResult<ApiConversation<P>[]> {
  return guarded('/conversation/sync', () => {
    const env = envelope(body, options, conversationSyncResponse, '/conversation/sync')
    if (!env.ok) return env
    const list = env.value as Json[]
    const reader = new MessageReader<P>(options)
    const out = list.map((c, i): ApiConversation<P> => {
      const { recents, ...rest } = c
      return {
        channel_id: c.channel_id as string,
        channel_type: c.channel_type as number,
        unread: c.unread as number,
        timestamp: dec(c.timestamp),
        last_msg_seq: c.last_msg_seq as number,
        last_client_msg_no: c.last_client_msg_no as string,
        offset_msg_seq: dec(c.offset_msg_seq),
        readed_to_msg_seq: c.readed_to_msg_seq as number,
        version: dec(c.version),
        recents: recents === null ? [] : reader.list(recents as Json[], `/${i}/recents`),
        raw: rest,
      }
    })
    return reader.finish(out, list, '/conversation/sync')
  })
}

/** Reads a `POST /conversation/syncMessages` reply (a bare array, one entry per channel). Never throws. */
export function parseConversationSyncMessagesResponse<P = Payload>(body: ApiBody, options: ApiParseOptions<P> = {}): ApiResult<ChannelRecentMessagesResult<P>[]> {
  return guarded('/conversation/syncMessages', () => {
    const env = envelope(body, options, conversationSyncMessagesResponse, '/conversation/syncMessages')
    if (!env.ok) return env
    const list = env.value as Json[]
    const reader = new MessageReader<P>(options)
    const out = list.map((c, i) => ({
      channel_id: c.channel_id as string,
      channel_type: c.channel_type as number,
      messages: c.messages === null ? [] : reader.list(c.messages as Json[], `/${i}/messages`),
      user_last_msg_seq: dec(c.user_last_msg_seq),
    }))
    return reader.finish(out, list, '/conversation/syncMessages')
  })
}

/** Reads a `POST /message/sync` reply (offline CMD messages; a bare array). Never throws. */
export function parseCmdSyncResponse<P = Payload>(body: ApiBody, options: ApiParseOptions<P> = {}): ApiResult<ApiMessage<P>[]> {
  return guarded('/message/sync', () => {
    const env = envelope(body, options, cmdSyncResponse, '/message/sync')
    if (!env.ok) return env
    const reader = new MessageReader<P>(options)
    return reader.finish(reader.list(env.value as Json[], ''), env.value, '/message/sync')
  })
}

/** Reads a `POST /message/syncack` reply (`{"status":200}`). Never throws. */
export function parseCmdSyncAckResponse(body: ApiBody, options: ApiParseOptions<unknown> = {}): ApiResult<true> {
  return guarded('/message/syncack', () => {
    const env = envelope(body, options, statusResponse, '/message/syncack')
    if (!env.ok) return env
    const status = (env.value as Json).status
    return status === 200 ? { ok: true, value: true } : { ok: false, error: new ApiError('server', `/message/syncack answered status ${String(status)}`, { status: status as number, value: env.value }) }
  })
}

function oneMessage<P>(what: string) {
  return (body: ApiBody, options: ApiParseOptions<P> = {}): ApiResult<ApiMessage<P> | null> =>
    guarded<ApiMessage<P> | null>(what, () => {
      const env = envelope(body, options, messageResponse, what)
      if (!env.ok) return env
      const v = env.value as Json
      if (v.message_id === undefined && typeof v.status === 'number') {
        if (v.status === 404) return { ok: true, value: null }
        return { ok: false, error: new ApiError('server', `${what} answered status ${v.status}`, { status: v.status, value: v }) }
      }
      const reader = new MessageReader<P>(options)
      return reader.finish(reader.read(v, ''), v, what)
    })
}

/**
 * Reads a `POST /message` reply: the message, or `null` for the server's "not found"
 * (`{"status":404}` with HTTP 200). Never throws.
 */
export function parseMessageResponse<P = Payload>(body: ApiBody, options?: ApiParseOptions<P>): ApiResult<ApiMessage<P> | null> {
  return oneMessage<P>('/message')(body, options)
}

/** Reads a `GET /message/byclientmsgno` reply: the message, or `null` when not found. Never throws. */
export function parseMessageByClientMsgNoResponse<P = Payload>(body: ApiBody, options?: ApiParseOptions<P>): ApiResult<ApiMessage<P> | null> {
  return oneMessage<P>('/message/byclientmsgno')(body, options)
}

/** Reads a `GET /channel/last_message` reply: the message, or `null` for an empty channel. Never throws. */
export function parseChannelLastMessageResponse<P = Payload>(body: ApiBody, options?: ApiParseOptions<P>): ApiResult<ApiMessage<P> | null> {
  return oneMessage<P>('/channel/last_message')(body, options)
}

/** Reads a `GET /channel/max_message_seq` reply: the seq (uint64) as a decimal string. Never throws. */
export function parseChannelMaxMessageSeqResponse(body: ApiBody, options: ApiParseOptions<unknown> = {}): ApiResult<string> {
  return guarded('/channel/max_message_seq', () => {
    const env = envelope(body, options, channelMaxMessageSeqResponse, '/channel/max_message_seq')
    return env.ok ? { ok: true, value: dec((env.value as Json).message_seq) } : env
  })
}

/**
 * Reads a `POST /message/sendbatch` reply `{ fail_uids, reason }`. The server answers HTTP 200
 * even when every uid failed (WuKongIM/WuKongIM#393): `allFailed` is for the caller to decide,
 * given how many it sent. Never throws.
 */
export function parseSendBatchResponse(body: ApiBody, options: ApiParseOptions<unknown> & { readonly sent?: number } = {}): ApiResult<SendBatchResult> {
  return guarded('/message/sendbatch', () => {
    const env = envelope(body, options, sendBatchResponse, '/message/sendbatch')
    if (!env.ok) return env
    const v = env.value as { fail_uids: string[]; reason: string[] }
    const failures = v.fail_uids.map((uid, i) => ({ uid, reason: v.reason[i] }))
    return { ok: true, value: { failures, allFailed: options.sent !== undefined && options.sent > 0 && failures.length >= options.sent } }
  })
}

/**
 * Reads a reply of the search plugin (`/plugins/wk.plugin.search/usersearch` or `/search`): the
 * real payload from `payload_json` (validated through the codec) and the highlighted copy
 * from `payload` (HTML inside fields) kept apart. Never throws.
 */
export function parseSearchResponse<P = Payload>(body: ApiBody, options: ApiParseOptions<P> = {}): ApiResult<SearchResult<P>> {
  return guarded('search', () => {
    const env = envelope(body, options, searchResponse, 'search plugin')
    if (!env.ok) return env
    const v = env.value as Json
    const decode = options.codec ?? (builtIn as PayloadDecoder<P>)
    const { codec: _codec, maxBodyBytes: _max, ...decodeOptions } = options
    const hits = ((v.messages as Json[] | null) ?? []).map((m, i): SearchHit<P> => {
      let payload: P | undefined
      let error: PayloadError | undefined
      if (typeof m.payload_json === 'string' && m.payload_json !== '') {
        const decoded = decode.safeDecodePayload(utf8Bytes(m.payload_json), decodeOptions)
        if (decoded.ok) payload = decoded.value
        else error = decoded.error
      } else error = new PayloadError('INVALID_PAYLOAD', `/messages/${i}/payload_json is empty: the plugin stored no payload text`)
      let highlighted: Record<string, unknown> | undefined
      if (typeof m.payload === 'string' && m.payload !== '') {
        try {
          const parsed: unknown = JSON.parse(strictUtf8ToText(base64ToBytes(m.payload)))
          if (isObject(parsed)) highlighted = parsed
        } catch {
          highlighted = undefined
        }
      }
      const idstr = m.message_idstr
      return {
        message_id: typeof idstr === 'string' && idstr !== '' ? idstr : dec(m.message_id),
        message_seq: dec(m.message_seq),
        client_msg_no: m.client_msg_no as string,
        from_uid: m.from_uid as string,
        channel_id: m.channel_id as string,
        channel_type: m.channel_type as number,
        topic: m.topic as string | undefined,
        timestamp: m.timestamp as number,
        score: m.score as number | undefined,
        payload,
        error,
        highlighted,
        raw: m,
      }
    })
    return {
      ok: true,
      value: { cost: v.cost === undefined ? undefined : dec(v.cost), total: v.total === undefined ? undefined : dec(v.total), limit: v.limit as number | undefined, page: v.page as number | undefined, messages: hits },
    }
  })
}

/** `payload_json` is text; the codec takes Base64 or bytes, so it goes in as UTF-8 bytes. */
function utf8Bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

/** Reads WuKongIM's error body `{ msg, status }`, for a caller that got HTTP 400. Never throws. */
export function parseApiErrorBody(body: ApiBody): ApiResult<{ readonly msg: string; readonly status: number }> {
  return guarded('error', () => {
    const read = readBody(body, {})
    if (!read.ok) return read
    const invalid = check(apiErrorBody, read.value, 'WuKongIM error')
    return invalid ? { ok: false, error: invalid } : { ok: true, value: read.value as { msg: string; status: number } }
  })
}

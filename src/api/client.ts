/**
 * A typed WuKongIM REST client over `fetch` alone (Node 18+, browsers, Deno, Bun, workers): one
 * method per endpoint, each validating its input, calling, and returning the parsed, exact
 * response as `{ ok, value } | { ok: false, error: ApiError }` — never a throw. Reads may retry
 * (network errors, timeouts, 429 and 5xx); writes never retry on their own (a retried send is a
 * second message). The manager token goes in the `token` header, as the server reads it
 * (WuKongIM/WuKongIM:internal/api/server_http.go@v2.2.5-20260422).
 */
import type { DecodeOptions } from '../codec/codec.js'
import { isPayloadError } from '../errors/payload-error.js'
import { validateEventSyncResponse, validateMessageEventResponse } from '../events/read.js'
import { buildMessageEvent, checkWith, type MessageEventInput } from '../events/request.js'
import type { EventSyncRequest, EventSyncResponseData, MessageEventResponseData } from '../events/schemas.js'
import { eventSyncRequest } from '../generated/events.js'
import { buildSendRequest, type SendMessageInput } from '../send/request.js'
import { parseSendResponse, type SendMessageSuccess } from '../send/response.js'
import type { Payload, PayloadShape } from '../types/payload.js'
import type { ValidationResult } from '../validate/validate.js'
import { ApiError, type ApiResult } from './errors.js'
import { stringifyExact } from './exact-json.js'
import {
  parseChannelLastMessageResponse,
  parseChannelMaxMessageSeqResponse,
  parseCmdSyncAckResponse,
  parseCmdSyncResponse,
  parseConversationSyncMessagesResponse,
  parseConversationSyncResponse,
  parseMessageByClientMsgNoResponse,
  parseMessageResponse,
  parseMessageSyncResponse,
  parseMessagesResponse,
  parseSearchResponse,
  parseSendBatchResponse,
  type ApiBody,
  type ApiParseOptions,
  type ChannelRecentMessagesResult,
  type MessageSyncResult,
  type PayloadDecoder,
  type SearchResult,
  type SendBatchResult,
} from './parse.js'
import {
  buildChannelQuery,
  buildCmdSyncAckRequest,
  buildCmdSyncRequest,
  buildConversationSyncMessagesRequest,
  buildConversationSyncRequest,
  buildMessageByClientMsgNoQuery,
  buildMessageRequest,
  buildMessageSyncRequest,
  buildMessagesRequest,
  buildSearchRequest,
  buildSendBatchRequest,
  toQueryString,
  type CmdSyncAckInput,
  type CmdSyncInput,
  type ConversationSyncInput,
  type ConversationSyncMessagesInput,
  type MessageInput,
  type MessageSyncInput,
  type MessagesInput,
  type SendBatchInput,
} from './requests.js'
import type { ChannelQuery, MessageByClientMsgNoQuery, SearchRequest } from './schemas.js'
import type { ApiConversation, ApiMessage } from './types.js'

/** The `fetch` the client calls (the global one by default). */
export type FetchLike = (input: string, init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal }) => Promise<{
  readonly status: number
  readonly headers: { get(name: string): string | null }
  readonly body?: unknown
  arrayBuffer(): Promise<ArrayBuffer>
}>

export interface WukongClientOptions<P = Payload> {
  /** WuKongIM's HTTP API, e.g. `http://127.0.0.1:5001` (a trailing slash is fine). */
  readonly baseUrl: string
  /** The manager token (`token` header); leave it out when the server runs without one. */
  readonly token?: string
  /** Default: `globalThis.fetch`. */
  readonly fetch?: FetchLike
  /** Per attempt, in ms. Default 10000. */
  readonly timeoutMs?: number
  /** Extra attempts of a read after a network error, a timeout, 429 or 5xx. Default 2; writes never retry. */
  readonly retries?: number
  /** First retry delay in ms, doubled each time. Default 200. */
  readonly retryDelayMs?: number
  /** Largest response body, in bytes. Default 16 MiB. */
  readonly maxBodyBytes?: number
  /** The codec that decodes payloads (from `createCodec`), for the app's own types. */
  readonly codec?: PayloadDecoder<P>
  /** Decode options for every payload (limits, `unknownTypes`). */
  readonly decode?: DecodeOptions
  /** Extra headers on every request. */
  readonly headers?: Readonly<Record<string, string>>
}

/** Per call: a signal that cancels it. */
export interface CallOptions {
  readonly signal?: AbortSignal
}

/** The client: one method per endpoint, each returning an {@link ApiResult}. */
export interface WukongClient<P = Payload> {
  messageSync(input: MessageSyncInput, call?: CallOptions): Promise<ApiResult<MessageSyncResult<P>>>
  conversationSync(input: ConversationSyncInput, call?: CallOptions): Promise<ApiResult<ApiConversation<P>[]>>
  conversationSyncMessages(input: ConversationSyncMessagesInput, call?: CallOptions): Promise<ApiResult<ChannelRecentMessagesResult<P>[]>>
  cmdSync(input: CmdSyncInput, call?: CallOptions): Promise<ApiResult<ApiMessage<P>[]>>
  /** A write (it moves the server's sync cursor): never retried. */
  cmdSyncAck(input: CmdSyncAckInput, call?: CallOptions): Promise<ApiResult<true>>
  messages(input: MessagesInput, call?: CallOptions): Promise<ApiResult<MessageSyncResult<P>>>
  /** The message, or `null` when the server has none. */
  message(input: MessageInput, call?: CallOptions): Promise<ApiResult<ApiMessage<P> | null>>
  messageByClientMsgNo(query: MessageByClientMsgNoQuery, call?: CallOptions): Promise<ApiResult<ApiMessage<P> | null>>
  channelLastMessage(query: ChannelQuery, call?: CallOptions): Promise<ApiResult<ApiMessage<P> | null>>
  /** uint64 as a decimal string. */
  channelMaxMessageSeq(query: ChannelQuery, call?: CallOptions): Promise<ApiResult<string>>
  /** The search plugin's `/usersearch`. */
  search(input: SearchRequest, call?: CallOptions): Promise<ApiResult<SearchResult<P>>>
  /** `/message/send` (a write: never retried). */
  send<I extends PayloadShape = Payload>(input: SendMessageInput<NoInfer<I>>, call?: CallOptions): Promise<ApiResult<SendMessageSuccess>>
  /** `/message/sendbatch` (a write: never retried); `allFailed` when every subscriber failed. */
  sendBatch(input: SendBatchInput, call?: CallOptions): Promise<ApiResult<SendBatchResult>>
  /** `/message/event` (v2.2.4+; a write: never retried). */
  event(input: MessageEventInput, call?: CallOptions): Promise<ApiResult<MessageEventResponseData>>
  /** `/message/eventsync` (v2.2.4+). */
  eventSync(input: EventSyncRequest, call?: CallOptions): Promise<ApiResult<EventSyncResponseData>>
}

const DEFAULT_TIMEOUT_MS = 10_000
const DEFAULT_RETRIES = 2
const DEFAULT_MAX_BODY = 16 * 1024 * 1024

type Attempt = { ok: true; status: number; body: Uint8Array } | { ok: false; error: ApiError; retry: boolean }

/** Reads a body up to `max` bytes (streamed when possible), refusing a larger one. */
async function readLimited(res: Awaited<ReturnType<FetchLike>>, max: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > max) throw new ApiError('body', `the response is ${declared} bytes, more than maxBodyBytes (${max})`, { status: res.status })
  const stream = res.body as { getReader?: () => { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } } | null | undefined
  if (stream && typeof stream.getReader === 'function') {
    const reader = stream.getReader()
    const chunks: Uint8Array[] = []
    let size = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (!value) continue
      size += value.byteLength
      if (size > max) {
        await reader.cancel().catch(() => undefined)
        throw new ApiError('body', `the response is more than maxBodyBytes (${max}) bytes`, { status: res.status })
      }
      chunks.push(value)
    }
    const out = new Uint8Array(size)
    let at = 0
    for (const c of chunks) {
      out.set(c, at)
      at += c.byteLength
    }
    return out
  }
  const bytes = new Uint8Array(await res.arrayBuffer())
  if (bytes.byteLength > max) throw new ApiError('body', `the response is ${bytes.byteLength} bytes, more than maxBodyBytes (${max})`, { status: res.status })
  return bytes
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes)
}

/** A failed validation result of the events entry as an ApiResult. */
function fromValidation<T>(result: ValidationResult<T>, what: string, kind: 'body' | 'input'): ApiResult<T> {
  if (result.ok) return result
  const server = result.issues.find((i) => i.path === '/status')
  const shown = result.issues.slice(0, 3).map((i) => `${i.path || '/'}: ${i.message}`)
  return { ok: false, error: new ApiError(server ? 'server' : kind, `${what}: ${shown.join('; ')}`, { issues: result.issues }) }
}

/**
 * A client for WuKongIM's REST API over `fetch`. Every method validates its input (refusing
 * what the server would mis-handle), sends ids exactly (`stringifyExact`), and parses the reply
 * with every int64 exact and each payload decoded on its own. Never throws: failures are
 * {@link ApiError}s of kind `input`, `server` (WuKongIM's `msg`), `http`, `body`, `timeout`,
 * `aborted` or `network`.
 */
export function createWukongClient<P = Payload>(options: WukongClientOptions<P>): WukongClient<P> {
  // Trailing slashes dropped by a loop (a /\/+$/ regex backtracks quadratically on hostile input).
  const url = String(options.baseUrl)
  let end = url.length
  while (end > 0 && url.charCodeAt(end - 1) === 0x2f) end--
  const base = url.slice(0, end)
  const doFetch: FetchLike | undefined = options.fetch ?? (globalThis.fetch as unknown as FetchLike | undefined)
  const timeoutMs = Number.isFinite(options.timeoutMs) && (options.timeoutMs as number) > 0 ? (options.timeoutMs as number) : DEFAULT_TIMEOUT_MS
  const retries = Number.isInteger(options.retries) && (options.retries as number) >= 0 ? Math.min(options.retries as number, 10) : DEFAULT_RETRIES
  const retryDelay = Number.isFinite(options.retryDelayMs) && (options.retryDelayMs as number) >= 0 ? (options.retryDelayMs as number) : 200
  const maxBody = Number.isInteger(options.maxBodyBytes) && (options.maxBodyBytes as number) > 0 ? (options.maxBodyBytes as number) : DEFAULT_MAX_BODY
  const parseOptions: ApiParseOptions<P> = { ...options.decode, ...(options.codec ? { codec: options.codec } : {}), maxBodyBytes: maxBody }

  async function attempt(method: 'GET' | 'POST', path: string, body: string | undefined, signal: AbortSignal | undefined): Promise<Attempt> {
    if (!doFetch) return { ok: false, error: new ApiError('network', 'no fetch: pass options.fetch (Node 18+ and browsers have a global one)'), retry: false }
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)
    const onAbort = () => controller.abort()
    signal?.addEventListener('abort', onAbort, { once: true })
    try {
      const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
      if (options.token !== undefined) headers.token = options.token
      if (body !== undefined) headers['content-type'] = 'application/json'
      const res = await doFetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body }), signal: controller.signal })
      const bytes = await readLimited(res, maxBody)
      return { ok: true, status: res.status, body: bytes }
    } catch (error) {
      if (signal?.aborted) return { ok: false, error: new ApiError('aborted', `${method} ${path} was cancelled`, { cause: error instanceof Error ? error : undefined }), retry: false }
      if (timedOut) return { ok: false, error: new ApiError('timeout', `${method} ${path}: no answer within ${timeoutMs} ms`), retry: true }
      if (error instanceof ApiError) return { ok: false, error, retry: false }
      return { ok: false, error: new ApiError('network', `${method} ${path} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error instanceof Error ? error : undefined }), retry: true }
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
  }

  function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        signal?.removeEventListener('abort', done)
        resolve()
      }
      signal?.addEventListener('abort', done, { once: true })
    })
  }

  /** Calls, retrying reads; a 200 body goes to `parse`, WuKongIM's error body becomes a `server` error. */
  async function call<T>(method: 'GET' | 'POST', path: string, body: string | undefined, write: boolean, signal: AbortSignal | undefined, parse: (body: ApiBody) => ApiResult<T>): Promise<ApiResult<T>> {
    for (let n = 0; ; n++) {
      if (signal?.aborted) return { ok: false, error: new ApiError('aborted', `${method} ${path} was cancelled`) }
      const got = await attempt(method, path, body, signal)
      let failure: ApiError
      let retry: boolean
      if (got.ok && got.status === 200) return parse(got.body)
      if (got.ok) {
        const text = utf8(got.body)
        let server: { msg?: unknown; status?: unknown } | undefined
        try {
          const parsed: unknown = JSON.parse(text)
          if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { msg?: unknown }).msg === 'string') server = parsed as { msg: string }
        } catch {
          server = undefined
        }
        failure = server
          ? new ApiError('server', `WuKongIM answered HTTP ${got.status} to ${method} ${path}: ${String(server.msg)}`, { status: got.status, serverMessage: String(server.msg), value: server })
          : new ApiError('http', `HTTP ${got.status} from ${method} ${path}${text ? `: ${text.slice(0, 200)}` : ''}`, { status: got.status, value: text.length > 4096 ? `${text.slice(0, 4096)}…` : text })
        retry = got.status === 429 || got.status >= 500
      } else {
        failure = got.error
        retry = got.retry
      }
      if (write || !retry || n >= retries) return { ok: false, error: failure }
      await sleep(retryDelay * 2 ** n, signal)
    }
  }

  /** Builds the input (a builder's ApiError, or a PayloadError, becomes the `input` failure). */
  function built<B>(build: () => B): { ok: true; value: B } | { ok: false; error: ApiError } {
    try {
      return { ok: true, value: build() }
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error }
      if (isPayloadError(error)) return { ok: false, error: new ApiError('input', error.message, { issues: error.issues, cause: error }) }
      return { ok: false, error: new ApiError('input', error instanceof Error ? error.message : String(error), { cause: error instanceof Error ? error : undefined }) }
    }
  }

  function post<B, T>(path: string, build: () => B, write: boolean, signal: AbortSignal | undefined, parse: (body: ApiBody) => ApiResult<T>): Promise<ApiResult<T>> {
    const b = built(() => stringifyExact(build()))
    return b.ok ? call('POST', path, b.value, write, signal, parse) : Promise.resolve(b)
  }

  function get<T>(path: string, build: () => Record<string, string | number | undefined>, signal: AbortSignal | undefined, parse: (body: ApiBody) => ApiResult<T>): Promise<ApiResult<T>> {
    const b = built(build)
    return b.ok ? call('GET', `${path}?${toQueryString(b.value)}`, undefined, false, signal, parse) : Promise.resolve(b)
  }

  const text = (body: ApiBody): string => (typeof body === 'string' ? body : utf8(body instanceof Uint8Array ? body : new Uint8Array(body)))

  return {
    messageSync: (input, c = {}) => post('/channel/messagesync', () => buildMessageSyncRequest(input), false, c.signal, (b) => parseMessageSyncResponse(b, parseOptions)),
    conversationSync: (input, c = {}) => post('/conversation/sync', () => buildConversationSyncRequest(input), false, c.signal, (b) => parseConversationSyncResponse(b, parseOptions)),
    conversationSyncMessages: (input, c = {}) => post('/conversation/syncMessages', () => buildConversationSyncMessagesRequest(input), false, c.signal, (b) => parseConversationSyncMessagesResponse(b, parseOptions)),
    cmdSync: (input, c = {}) => post('/message/sync', () => buildCmdSyncRequest(input), false, c.signal, (b) => parseCmdSyncResponse(b, parseOptions)),
    cmdSyncAck: (input, c = {}) => post('/message/syncack', () => buildCmdSyncAckRequest(input), true, c.signal, (b) => parseCmdSyncAckResponse(b, parseOptions as ApiParseOptions<unknown>)),
    messages: (input, c = {}) => post('/messages', () => buildMessagesRequest(input), false, c.signal, (b) => parseMessagesResponse(b, parseOptions)),
    message: (input, c = {}) => post('/message', () => buildMessageRequest(input), false, c.signal, (b) => parseMessageResponse(b, parseOptions)),
    messageByClientMsgNo: (query, c = {}) => get('/message/byclientmsgno', () => buildMessageByClientMsgNoQuery(query), c.signal, (b) => parseMessageByClientMsgNoResponse(b, parseOptions)),
    channelLastMessage: (query, c = {}) => get('/channel/last_message', () => buildChannelQuery(query, '/channel/last_message'), c.signal, (b) => parseChannelLastMessageResponse(b, parseOptions)),
    channelMaxMessageSeq: (query, c = {}) => get('/channel/max_message_seq', () => buildChannelQuery(query, '/channel/max_message_seq'), c.signal, (b) => parseChannelMaxMessageSeqResponse(b, parseOptions as ApiParseOptions<unknown>)),
    search: (input, c = {}) => post('/plugins/wk.plugin.search/usersearch', () => buildSearchRequest(input), false, c.signal, (b) => parseSearchResponse(b, parseOptions)),
    send: (input, c = {}) =>
      post('/message/send', () => buildSendRequest<PayloadShape>(input as SendMessageInput<PayloadShape>), true, c.signal, (b) => {
        try {
          const r = parseSendResponse(text(b))
          return r.ok ? { ok: true, value: r } : { ok: false, error: new ApiError('server', `WuKongIM refused /message/send: ${r.message}`, { status: r.status, serverMessage: r.message }) }
        } catch (error) {
          return { ok: false, error: new ApiError('body', `unreadable /message/send reply: ${error instanceof Error ? error.message : String(error)}`, { cause: isPayloadError(error) ? error : undefined }) }
        }
      }),
    sendBatch: (input, c = {}) => post('/message/sendbatch', () => buildSendBatchRequest(input), true, c.signal, (b) => parseSendBatchResponse(b, { sent: input.subscribers.length })),
    event: (input, c = {}) => post('/message/event', () => buildMessageEvent(input), true, c.signal, (b) => fromValidation(validateMessageEventResponse(text(b)), '/message/event reply', 'body')),
    eventSync: (input, c = {}) => {
      const checked = checkWith<EventSyncRequest>(eventSyncRequest, input)
      if (!checked.ok) return Promise.resolve(fromValidation(checked, 'invalid /message/eventsync request', 'input'))
      return post('/message/eventsync', () => input, false, c.signal, (b) => fromValidation(validateEventSyncResponse(text(b)), '/message/eventsync reply', 'body'))
    },
  }
}

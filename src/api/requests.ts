/**
 * Request builders of the read side: each checks its input against the endpoint's schema and
 * against what the Go server would silently mis-handle, and returns the body (or query) to send,
 * with int64 positions as numbers when exact and `bigint`s beyond 2^53 (write it with
 * `stringifyExact`). They throw `ApiError` (`kind: 'input'`) with issues; nothing is defaulted
 * that the server would default differently.
 */
import { encodePayload } from '../codec/codec.js'
import type { ValidationIssue } from '../errors/issue.js'
import { isPayloadError } from '../errors/payload-error.js'
import {
  channelQuery,
  cmdSyncAckRequest,
  cmdSyncRequest,
  conversationSyncMessagesRequest,
  conversationSyncRequest,
  messageByClientMsgNoQuery,
  messageRequest,
  messageSyncRequest,
  messagesRequest,
  searchRequest,
  sendBatchRequest,
} from '../generated/api.js'
import type { ValidateFunction } from '../generated/validators.js'
import type { Payload } from '../types/payload.js'
import { issuesFromAjv } from '../validate/issues.js'
import { ApiError } from './errors.js'
import { exactInteger, type Int64Input } from './exact-json.js'
import { formatLastMsgSeqs, type LastMsgSeq } from './person.js'
import type {
  ChannelQuery,
  CmdSyncAckRequest,
  CmdSyncRequest,
  ConversationSyncMessagesRequest,
  ConversationSyncRequest,
  MessageByClientMsgNoQuery,
  MessageRequest,
  MessageSyncRequest,
  MessagesRequest,
  SearchRequest,
  SendBatchRequest,
} from './schemas.js'

/** An int64/uint64 position of a built body: a number when exact, a `bigint` beyond 2^53. */
export type Int64Out = number | bigint

/** Replaces the int64 positions `K` of a schema type by what builders take / give. */
/** `T` with its int64 positions `K` as what builders take (`V`). */
export type WithIds<T, K extends keyof T, V> = Omit<T, K> & { [P in K]?: undefined extends T[P] ? V | undefined : V }

function refuse(what: string, issues: readonly ValidationIssue[]): never {
  const shown = issues.slice(0, 3).map((i) => `${i.path || '/'}: ${i.message}`)
  throw new ApiError('input', `invalid ${what} request: ${shown.join('; ')}${issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''}`, { issues })
}

/** The input as the schema sees it: a `bigint` id as its decimal string. */
function schemaForm(value: unknown, depth = 0): unknown {
  if (typeof value === 'bigint') return value.toString()
  if (depth > 8 || typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map((v) => schemaForm(v, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = schemaForm(v, depth + 1)
  return out
}

function checked(validate: ValidateFunction, input: unknown, what: string, extra: ValidationIssue[] = []): void {
  const issues: ValidationIssue[] = []
  const value = schemaForm(input)
  if (!validate(value)) issuesFromAjv(validate.errors ?? [], value, '', issues)
  issues.push(...extra)
  if (issues.length > 0) refuse(what, issues)
}

/** Leaves out keys whose value is undefined (Go reads a missing key as its zero value). */
function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v
  return out as { [K in keyof T]: Exclude<T[K], undefined> }
}

const PERSON = 1

// ---------------------------------------------------------------- /channel/messagesync

export type MessageSyncInput = WithIds<MessageSyncRequest, 'start_message_seq' | 'end_message_seq', Int64Input>
export type MessageSyncBody = WithIds<MessageSyncRequest, 'start_message_seq' | 'end_message_seq', Int64Out>

/**
 * A `POST /channel/messagesync` body. Refuses a missing `login_uid` (the server answers
 * 400), `limit` 0 (nothing comes back) or beyond 10000 (the server silently cuts it).
 */
export function buildMessageSyncRequest(input: MessageSyncInput): MessageSyncBody {
  checked(messageSyncRequest, input, '/channel/messagesync')
  return defined({
    ...input,
    start_message_seq: input.start_message_seq === undefined ? undefined : exactInteger(input.start_message_seq, '/start_message_seq', true),
    end_message_seq: input.end_message_seq === undefined ? undefined : exactInteger(input.end_message_seq, '/end_message_seq', true),
  })
}

// ---------------------------------------------------------------- /conversation/sync

export interface ConversationSyncInput extends Omit<ConversationSyncRequest, 'version' | 'last_msg_seqs'> {
  /** Client's greatest conversation `version` (int64 nanoseconds): a decimal string or bigint from a parsed conversation. */
  readonly version?: Int64Input
  /** The client's last seq per conversation: a list (written for you) or the string as the server reads it. */
  readonly last_msg_seqs?: readonly LastMsgSeq[] | string
}
export type ConversationSyncBody = Omit<ConversationSyncRequest, 'version'> & { readonly version?: Int64Out }

/**
 * A `POST /conversation/sync` body. Refuses `msg_count` missing or 0 (the server then returns
 * no conversation at all, WuKongIM/WuKongIM#523), a `last_msg_seqs` entry whose channel id holds
 * `:` or `|` (the server splits on them, #492), `page_size` beyond 500.
 */
export function buildConversationSyncRequest(input: ConversationSyncInput): ConversationSyncBody {
  const { version, last_msg_seqs, ...rest } = input
  const extra: ValidationIssue[] = []
  let seqs: string | undefined
  if (typeof last_msg_seqs === 'string') seqs = last_msg_seqs
  else if (last_msg_seqs !== undefined) {
    try {
      seqs = formatLastMsgSeqs(last_msg_seqs)
    } catch (error) {
      if (error instanceof ApiError) extra.push(...error.issues.map((i) => ({ ...i, path: `/last_msg_seqs${i.path}` })))
      else throw error
    }
  }
  const form = defined({ ...rest, last_msg_seqs: seqs })
  checked(conversationSyncRequest, { ...form, ...(version === undefined ? {} : { version }) }, '/conversation/sync', extra)
  return defined({ ...form, version: version === undefined ? undefined : exactInteger(version, '/version') })
}

// ---------------------------------------------------------------- /conversation/syncMessages

export interface ConversationSyncMessagesInput extends Omit<ConversationSyncMessagesRequest, 'channels'> {
  readonly channels: readonly { readonly channel_id: string; readonly channel_type: number; readonly last_msg_seq?: Int64Input }[]
}
export interface ConversationSyncMessagesBody extends Omit<ConversationSyncMessagesRequest, 'channels'> {
  readonly channels: readonly { readonly channel_id: string; readonly channel_type: number; readonly last_msg_seq?: Int64Out }[]
}

/** A `POST /conversation/syncMessages` body (at least one channel). */
export function buildConversationSyncMessagesRequest(input: ConversationSyncMessagesInput): ConversationSyncMessagesBody {
  checked(conversationSyncMessagesRequest, input, '/conversation/syncMessages')
  return defined({
    ...input,
    channels: input.channels.map((c, i) => defined({ ...c, last_msg_seq: c.last_msg_seq === undefined ? undefined : exactInteger(c.last_msg_seq, `/channels/${i}/last_msg_seq`, true) })),
  })
}

// ---------------------------------------------------------------- /message/sync, /message/syncack

export type CmdSyncInput = WithIds<CmdSyncRequest, 'message_seq', Int64Input>
export type CmdSyncBody = WithIds<CmdSyncRequest, 'message_seq', Int64Out>

/** A `POST /message/sync` body (offline CMD messages; `limit` 0 means 200). */
export function buildCmdSyncRequest(input: CmdSyncInput): CmdSyncBody {
  checked(cmdSyncRequest, input, '/message/sync')
  return defined({ ...input, message_seq: input.message_seq === undefined ? undefined : exactInteger(input.message_seq, '/message_seq', true) })
}

export interface CmdSyncAckInput extends Omit<CmdSyncAckRequest, 'last_message_seq'> {
  readonly last_message_seq: Int64Input
}
export interface CmdSyncAckBody extends Omit<CmdSyncAckRequest, 'last_message_seq'> {
  readonly last_message_seq: Int64Out
}

/** A `POST /message/syncack` body; `last_message_seq` 0 is refused (as the server does). */
export function buildCmdSyncAckRequest(input: CmdSyncAckInput): CmdSyncAckBody {
  const seq = input.last_message_seq
  const extra: ValidationIssue[] = seq === 0 || seq === '0' || seq === 0n ? [{ path: '/last_message_seq', code: 'range', message: 'must not be 0 (the server refuses it): pass the seq of the last message received' }] : []
  checked(cmdSyncAckRequest, input, '/message/syncack', extra)
  return { ...input, last_message_seq: exactInteger(seq, '/last_message_seq', true) }
}

// ---------------------------------------------------------------- /messages, /message

export interface MessagesInput extends Omit<MessagesRequest, 'message_ids'> {
  /** Ids exactly: decimal strings (e.g. `message_id` of a parsed message) or bigints. */
  readonly message_ids?: readonly Int64Input[]
}
export interface MessagesBody extends Omit<MessagesRequest, 'message_ids'> {
  readonly message_ids?: readonly Int64Out[]
}

/**
 * A `POST /messages` body. The server reads `message_ids` as Go `[]int64`, JSON numbers only:
 * send the body with `stringifyExact` so ids beyond 2^53 go out exact. Refuses a missing
 * `channel_id` (the docs leave it out; the server needs it) and a person channel without `login_uid`.
 */
export function buildMessagesRequest(input: MessagesInput): MessagesBody {
  const extra: ValidationIssue[] = []
  if (input.channel_type === PERSON && !(typeof input.login_uid === 'string' && input.login_uid.trim() !== '')) extra.push({ path: '/login_uid', code: 'required', message: 'required for a person channel (the server builds the channel’s internal id from it)' })
  checked(messagesRequest, input, '/messages', extra)
  return defined({ ...input, message_ids: input.message_ids?.map((id, i) => exactInteger(id, `/message_ids/${i}`)) })
}

export interface MessageInput extends Omit<MessageRequest, 'message_id'> {
  readonly message_id?: Int64Input
}
export interface MessageBody extends Omit<MessageRequest, 'message_id'> {
  readonly message_id?: Int64Out
}

/** A `POST /message` body: exactly one of `message_id` / `client_msg_no`; `login_uid` for a person channel. */
export function buildMessageRequest(input: MessageInput): MessageBody {
  const extra: ValidationIssue[] = []
  if (input.channel_type === PERSON && !(typeof input.login_uid === 'string' && input.login_uid.trim() !== '')) extra.push({ path: '/login_uid', code: 'required', message: 'required for a person channel (the server answers 400 without it)' })
  const hasId = input.message_id !== undefined
  const hasNo = typeof input.client_msg_no === 'string' && input.client_msg_no !== ''
  if (hasId === hasNo) extra.push({ path: hasId ? '/client_msg_no' : '/message_id', code: hasId ? 'invalid' : 'required', message: 'give exactly one of message_id and client_msg_no (the server matches on both)' })
  checked(messageRequest, input, '/message', extra)
  return defined({ ...input, message_id: input.message_id === undefined ? undefined : exactInteger(input.message_id, '/message_id') })
}

// ---------------------------------------------------------------- GET queries

/**
 * The query of `GET /message/byclientmsgno`. For a person channel the server does not compute
 * its internal id: `channel_id` must be `personChannelId(a, b)` (`a@b`).
 */
export function buildMessageByClientMsgNoQuery(input: MessageByClientMsgNoQuery): MessageByClientMsgNoQuery {
  const extra: ValidationIssue[] =
    input.channel_type === PERSON && typeof input.channel_id === 'string' && input.channel_id.split('@').length !== 2
      ? [{ path: '/channel_id', code: 'pattern', message: 'a person channel here is the internal id "a@b": use personChannelId(sender, recipient)' }]
      : []
  checked(messageByClientMsgNoQuery, input, '/message/byclientmsgno', extra)
  return { ...input }
}

/** The query of `GET /channel/last_message` and `GET /channel/max_message_seq`; `login_uid` for a person channel. */
export function buildChannelQuery(input: ChannelQuery, endpoint: '/channel/last_message' | '/channel/max_message_seq' = '/channel/last_message'): ChannelQuery {
  const internal = endpoint === '/channel/max_message_seq' && typeof input.channel_id === 'string' && input.channel_id.includes('@')
  const extra: ValidationIssue[] =
    input.channel_type === PERSON && !internal && !(typeof input.login_uid === 'string' && input.login_uid.trim() !== '') ? [{ path: '/login_uid', code: 'required', message: 'required for a person channel (the server answers 400 without it)' }] : []
  checked(channelQuery, input, endpoint, extra)
  return defined({ ...input })
}

/** A query object as URL parameters, in key order. */
export function toQueryString(query: Readonly<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.append(k, String(v))
  return params.toString()
}

// ---------------------------------------------------------------- /message/sendbatch, search

export interface SendBatchInput extends Omit<SendBatchRequest, 'payload'> {
  /** A payload object (validated and encoded here) or its Base64. */
  readonly payload: Payload | string
}

/**
 * A `POST /message/sendbatch` body: the payload validated and Base64-encoded. Each subscriber
 * receives a person message from `from_uid` (no groups, WuKongIM/WuKongIM#393); the reply is HTTP
 * 200 even when every uid failed — read it with `parseSendBatchResponse`.
 */
export function buildSendBatchRequest(input: SendBatchInput): SendBatchRequest {
  let payload: string
  if (typeof input.payload === 'string') payload = input.payload
  else {
    try {
      payload = encodePayload(input.payload)
    } catch (error) {
      if (isPayloadError(error)) refuse('/message/sendbatch', error.issues.length > 0 ? error.issues.map((i) => ({ ...i, path: `/payload${i.path}` })) : [{ path: '/payload', code: 'invalid', message: error.message }])
      throw error
    }
  }
  const body = { ...input, payload }
  checked(sendBatchRequest, body, '/message/sendbatch')
  return body
}

/** A search plugin `/usersearch` body; refuses `limit` beyond 1000 (the plugin silently uses 20 then). */
export function buildSearchRequest(input: SearchRequest): SearchRequest {
  const extra: ValidationIssue[] = []
  for (const [i, h] of (input.highlights ?? []).entries()) if (typeof h === 'string' && !h.startsWith('payload.')) extra.push({ path: `/highlights/${i}`, code: 'pattern', message: 'highlights name payload fields, e.g. "payload.content": only those are replaced in the returned payload' })
  checked(searchRequest, input, 'search', extra)
  return { ...input }
}

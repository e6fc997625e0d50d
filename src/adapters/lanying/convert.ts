/**
 * `wukong-payload/adapters/lanying`: WuKongIM `/message/send` bodies ⇄ Lanying IM `/message/send`
 * bodies. Lanying ids are int64: they stay decimal strings here, and `lanyingRequestJson` writes
 * them as exact JSON numbers. Both directions return `{ value, lost }`. Facts: Lanying IM's server
 * API, section 5 (maxim-top/im.gitbook:en/reference/server-api/message.md@f938297).
 */
import { LosslessNumber, stringify } from 'lossless-json'
import { isPayloadError } from '../../errors/payload-error.js'
import { parseJsonExact } from '../../wire/json-exact.js'
import type { Reply } from '../../model/fields.js'
import * as validators from '../../generated/adapters.js'
import type { Payload } from '../../types/payload.js'
import { recommendFlags } from '../../send/flags.js'
import type { SendMessageRequest } from '../../send/request-schema.js'
import { digest } from '../../render/digest.js'
import { isPayload } from '../../validate/validate.js'
import { CARRIED_PAYLOAD_KEY, checkBody, jsonObject, lostEnvelope, lostKeys, readWukongRequest, ruleError, wukongRequest, type Conversion, type LostField, lostOnTheWayBack, plainBody } from '../common.js'
import { LanyingContentType, type LanyingSendMessageRequest } from './schema.js'

export * from './schema.js'
export type { Conversion, LostField } from '../common.js'

const WHAT = 'Lanying message'
const INT64 = /^(0|[1-9][0-9]{0,18})$/
const isInt64 = (s: string) => INT64.test(s) && BigInt(s) <= 9223372036854775807n
/** The `ext` key that carries a WuKongIM `reply` (Lanying has no reply field). */
const REPLY_KEY = 'wukong_reply'

export interface ToLanyingOptions {
  /** Lanying `from_user_id` when the WuKongIM `from_uid` is not itself an int64 (map your ids first). */
  readonly fromUserId?: string
}

function int64(value: string | undefined, path: string, what: string): string {
  if (value === undefined || !isInt64(value)) throw ruleError(path, `Lanying ${what} are int64 numbers; ${JSON.stringify(value)} is not one — map the id first`, WHAT)
  return value
}

/**
 * A WuKongIM `/message/send` body as a Lanying IM `/message/send` body. Throws `PayloadError`
 * for an invalid body, or ids Lanying cannot take (they must be int64).
 */
export function toLanying(body: SendMessageRequest, options: ToLanyingOptions = {}): Conversion<LanyingSendMessageRequest> {
  const { request, payload } = readWukongRequest(body)
  const lost: LostField[] = []
  if (request.channel_type !== 1 && request.channel_type !== 2) throw ruleError('/channel_type', `Lanying sends to users (1) and groups (2) only; WuKongIM channel type ${String(request.channel_type)} has no equivalent`, WHAT)
  const from_user_id = int64(options.fromUserId ?? request.from_uid, '/from_uid', 'user ids')
  const target = int64(request.channel_id, '/channel_id', request.channel_type === 1 ? 'user ids' : 'group ids')
  const p = payload as Record<string, unknown> & Payload
  const ext: Record<string, unknown> = {}
  let content = ''
  let content_type: number
  let attachment: Record<string, unknown> | undefined
  let config: Record<string, unknown> | undefined
  switch (payload.type) {
    case 1: {
      content_type = LanyingContentType.Text
      content = p.content as string
      const mention = p.mention as { all?: number; uids?: string[] } | undefined
      if (mention) {
        const uids = mention.uids ?? []
        const bad = uids.findIndex((u) => !isInt64(u))
        if (bad >= 0) throw ruleError(`/payload/mention/uids/${bad}`, `Lanying mentions are int64 user ids; ${JSON.stringify(uids[bad])} is not one — map the id first`, WHAT)
        config = { mentionAll: mention.all === 1, mentionList: uids.map((u) => new LosslessNumber(u)) }
      }
      if (p.reply !== undefined) {
        ext[REPLY_KEY] = p.reply
        lost.push({ path: '/payload/reply', reason: `Lanying has no reply field: carried in ext.${REPLY_KEY} for the way back; Lanying clients do not show it` })
      }
      lostKeys(p, ['type', 'content', 'mention', 'reply'], '/payload', 'Lanying', lost)
      break
    }
    case 2:
    case 3:
      content_type = LanyingContentType.Image
      attachment = { url: p.url, width: p.width, height: p.height, ...(payload.type === 2 && p.size !== undefined ? { fLen: p.size } : {}), ...(payload.type === 3 ? { dName: 'image.gif' } : {}) }
      if (payload.type === 3) lost.push({ path: '/payload/type', reason: 'Lanying has no GIF type: sent as an IMAGE whose dName is "image.gif", which reads back as a GIF' })
      lostKeys(p, ['type', 'url', 'width', 'height', ...(payload.type === 2 ? ['size'] : [])], '/payload', 'Lanying', lost)
      break
    case 4:
      content_type = LanyingContentType.Audio
      attachment = { url: p.url, duration: p.timeTrad }
      lostKeys(p, ['type', 'url', 'timeTrad'], '/payload', 'Lanying', lost)
      break
    case 5:
      content_type = LanyingContentType.Video
      attachment = { url: p.url, tUrl: p.cover, duration: p.second, width: p.width, height: p.height, ...(p.size !== undefined ? { fLen: p.size } : {}) }
      lostKeys(p, ['type', 'url', 'cover', 'second', 'width', 'height', 'size'], '/payload', 'Lanying', lost)
      break
    case 8:
      content_type = LanyingContentType.File
      attachment = { url: p.url, dName: p.name, fLen: p.size }
      lostKeys(p, ['type', 'url', 'name', 'size'], '/payload', 'Lanying', lost)
      break
    case 99:
      content_type = LanyingContentType.Command
      content = p.cmd as string
      ext[CARRIED_PAYLOAD_KEY] = payload
      break
    default:
      // No Lanying type: a text with the digest for Lanying clients, the payload whole in ext.
      content_type = LanyingContentType.Text
      content = digest(payload)
      ext[CARRIED_PAYLOAD_KEY] = payload
      lost.push({ path: '/payload/type', reason: `Lanying has no type for WuKongIM type ${payload.type}: sent as TEXT showing its digest, the payload carried whole in ext.${CARRIED_PAYLOAD_KEY}` })
  }
  const header = request.header ?? {}
  if (header.red_dot === 0) lost.push({ path: '/header/red_dot', reason: 'Lanying has no per-message unread flag' })
  if (header.sync_once === 1) lost.push({ path: '/header/sync_once', reason: 'Lanying has no sync-once delivery' })
  let transaction_id: string | undefined
  if (request.client_msg_no !== undefined) {
    if (isInt64(request.client_msg_no)) transaction_id = request.client_msg_no
    else lost.push({ path: '/client_msg_no', reason: "Lanying's dedupe key (transaction_id) is an int64; this client_msg_no is not one" })
  }
  lostEnvelope(request, ['stream_no', 'is_stream', 'expire', 'tag_key', 'subscribers'], 'Lanying', lost)
  const value: LanyingSendMessageRequest = {
    ...(attachment ? { attachment: JSON.stringify(attachment) } : {}),
    ...(config ? { config: stringify(config) as string } : {}),
    content,
    content_type: content_type as LanyingSendMessageRequest['content_type'],
    ...(Object.keys(ext).length > 0 ? { ext: JSON.stringify(ext) } : {}),
    from_user_id,
    ...(header.no_persist === 1 ? { online_only: true } : {}),
    targets: [target],
    ...(transaction_id === undefined ? {} : { transaction_id }),
    type: request.channel_type === 1 ? 1 : 2,
  }
  checkLanying(value)
  // Whatever the mapping did not foresee: every field that does not come back is named.
  lostOnTheWayBack({ request, payload }, () => fromLanying(value).value, 'Lanying', lost)
  return { value, lost }
}

function checkLanying(value: unknown): asserts value is LanyingSendMessageRequest {
  checkBody(validators.lanyingSendMessageRequest, value, 'content_type', 'attachment', 'lanyingAttachment', WHAT)
}

/** The body as JSON text for Lanying, its int64 ids written as exact JSON numbers. */
export function lanyingRequestJson(value: LanyingSendMessageRequest): string {
  const n = (id: string) => new LosslessNumber(id)
  return stringify({
    ...value,
    targets: value.targets.map(n),
    ...(value.from_user_id === undefined ? {} : { from_user_id: n(value.from_user_id) }),
    ...(value.transaction_id === undefined ? {} : { transaction_id: n(value.transaction_id) }),
    ...(value.related_mid === undefined ? {} : { related_mid: n(value.related_mid) }),
  }) as string
}

/** Ids given as JSON numbers become decimal strings; a number already rounded is refused. */
function idsAsStrings(body: Record<string, unknown>): Record<string, unknown> {
  const id = (v: unknown, path: string): unknown => {
    if (typeof v !== 'number') return v
    if (!Number.isSafeInteger(v)) throw ruleError(path, `${v} was already rounded by JSON.parse: pass the body text, or ids as decimal strings`, WHAT)
    return String(v)
  }
  const out: Record<string, unknown> = { ...body }
  for (const key of ['from_user_id', 'transaction_id', 'related_mid']) if (key in out) out[key] = id(out[key], `/${key}`)
  if (Array.isArray(out.targets)) out.targets = out.targets.map((t, i) => id(t, `/targets/${i}`))
  return out
}

export interface FromLanyingOptions {
  /** WuKongIM `from_uid` when the body has no `from_user_id` (Lanying then takes it from the token). */
  readonly fromUid?: string
}

/**
 * A Lanying IM `/message/send` body — its JSON text (ids kept exact) or a value with ids as
 * strings — as a WuKongIM `/message/send` body. One target per WuKongIM request.
 */
export function fromLanying(body: LanyingSendMessageRequest | string, options: FromLanyingOptions = {}): Conversion<SendMessageRequest> {
  body = plainBody(body, WHAT)
  let parsed: unknown
  try {
    parsed = typeof body === 'string' ? parseJsonExact(body, { maxBytes: 1024 * 1024 }) : body
  } catch (error) {
    if (isPayloadError(error)) throw ruleError('', error.message, WHAT)
    throw error
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw ruleError('', 'a Lanying send body is a JSON object', WHAT)
  const value = idsAsStrings(parsed as Record<string, unknown>)
  checkLanying(value)
  const lost: LostField[] = []
  if (value.targets.length !== 1) throw ruleError('/targets', `a WuKongIM request goes to one channel; convert once per target (${value.targets.length} here)`, WHAT)
  const from_uid = value.from_user_id ?? options.fromUid
  if (from_uid === undefined) throw ruleError('/from_user_id', 'no sender: give from_user_id, or options.fromUid', WHAT)
  const ext = jsonObject(value.ext) ?? {}
  const attachment = jsonObject(value.attachment) ?? {}
  const carried = isPayload(ext[CARRIED_PAYLOAD_KEY]) ? (ext[CARRIED_PAYLOAD_KEY] as Payload) : undefined
  let payload: Payload
  switch (value.content_type) {
    case LanyingContentType.Text: {
      if (carried) {
        payload = carried
        break
      }
      const config = exactConfig(value.config)
      const uids = Array.isArray(config?.mentionList) ? config.mentionList.map(String) : []
      const mention = config?.mentionAll === true || uids.length > 0 ? { all: config?.mentionAll === true ? 1 : 0, ...(uids.length > 0 ? { uids } : {}) } : undefined
      const reply = ext[REPLY_KEY] as Reply | undefined
      payload = { type: 1, content: value.content, ...(mention ? { mention } : {}), ...(reply ? { reply } : {}) } as Payload
      break
    }
    case LanyingContentType.Image: {
      const gif = typeof attachment.dName === 'string' && attachment.dName.toLowerCase().endsWith('.gif')
      payload = gif
        ? { type: 3, url: attachment.url as string, width: attachment.width as number, height: attachment.height as number }
        : { type: 2, url: attachment.url as string, width: attachment.width as number, height: attachment.height as number, ...(attachment.fLen !== undefined ? { size: attachment.fLen as number } : {}) }
      if (!gif && attachment.dName !== undefined) lost.push({ path: '/attachment/dName', reason: 'WuKongIM images have no name' })
      if (gif && attachment.fLen !== undefined) lost.push({ path: '/attachment/fLen', reason: 'WuKongIM GIFs carry no size' })
      if (attachment.tUrl !== undefined) lost.push({ path: '/attachment/tUrl', reason: 'WuKongIM images have no thumbnail URL' })
      break
    }
    case LanyingContentType.Audio:
      payload = { type: 4, url: attachment.url as string, timeTrad: attachment.duration as number }
      for (const key of ['dName', 'fLen']) if (attachment[key] !== undefined) lost.push({ path: `/attachment/${key}`, reason: 'WuKongIM voice messages have no field for it' })
      break
    case LanyingContentType.Video:
      payload = { type: 5, url: String(attachment.url), cover: String(attachment.tUrl ?? ''), second: Number(attachment.duration ?? 0), width: Number(attachment.width ?? 0), height: Number(attachment.height ?? 0), ...(attachment.fLen !== undefined ? { size: attachment.fLen as number } : {}) }
      break
    case LanyingContentType.File:
      if (attachment.fLen === undefined) throw ruleError('/attachment/fLen', 'a WuKongIM file needs its size in bytes (fLen)', WHAT)
      payload = { type: 8, url: attachment.url as string, name: attachment.dName as string, size: attachment.fLen as number }
      break
    case LanyingContentType.Command:
      payload = carried ?? ({ type: 99, cmd: value.content, param: ext } as Payload)
      if (!carried && value.ext !== undefined) lost.push({ path: '/ext', reason: 'becomes the command param' })
      break
    default:
      throw ruleError('/content_type', `Lanying content_type ${value.content_type} has no WuKongIM payload type`, WHAT)
  }
  if (value.related_mid !== undefined) lost.push({ path: '/related_mid', reason: 'WuKongIM send requests have no field for it' })
  const header = { ...recommendFlags(payload), no_persist: value.online_only === true ? (1 as const) : (0 as const) }
  const request = wukongRequest(
    { header, ...(value.transaction_id === undefined ? {} : { client_msg_no: value.transaction_id }), from_uid, channel_id: value.targets[0] as string, channel_type: value.type },
    payload,
    WHAT,
  )
  return { value: request, lost }
}

/** The `config` JSON object, its int64 mention ids read exactly (as decimal strings); undefined when it is not one. */
function exactConfig(config: string | undefined): { mentionAll?: unknown; mentionList?: unknown } | undefined {
  if (config === undefined) return undefined
  try {
    const parsed = parseJsonExact(config)
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined
  } catch {
    return undefined
  }
}

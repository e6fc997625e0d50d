/**
 * `wukong-payload/adapters/commsease`: WuKongIM `/message/send` bodies ⇄ CommsEase (NetEase
 * Yunxin) chat room directional messages (`sendMsgToSomeone.action`). CommsEase takes form
 * fields: `commsEaseForm` encodes them. Durations are milliseconds there, seconds in WuKongIM.
 * Both directions return `{ value, lost }`. Facts: netease-im/yunxin-server-sdk-golang:
 * src/im/v1/chatroom_message/chatroom_message_v1_requests.go@6aae05a and the CommsEase server API
 * page "Send a directional message" (doc.commsease.com/en/messaging/server-apis/DkzNTA5NTI).
 */
import type { Reply } from '../../model/fields.js'
import * as validators from '../../generated/adapters.js'
import type { Payload } from '../../types/payload.js'
import { recommendFlags } from '../../send/flags.js'
import type { SendMessageRequest } from '../../send/request-schema.js'
import { isPayload } from '../../validate/validate.js'
import { CARRIED_PAYLOAD_KEY, checkBody, extensionOf, jsonObject, lostEnvelope, lostKeys, readWukongRequest, ruleError, wukongRequest, type Conversion, type LostField, lostOnTheWayBack, plainBody } from '../common.js'
import { COMMSEASE_MAX_ATTACH, CommsEaseMsgType, type CommsEaseChatroomMessage } from './schema.js'

export * from './schema.js'
export type { Conversion, LostField } from '../common.js'

const WHAT = 'CommsEase chat room message'
/** The `ext` key that carries a WuKongIM mention and reply (chat room messages have neither). */
const CARRIED_FIELDS_KEY = 'wukong'

export interface ToCommsEaseOptions {
  /** Recipients (accids, at most 100). Default: the request's `subscribers`. */
  readonly toAccids?: readonly string[]
}

/** Whole milliseconds of a duration in seconds. */
const ms = (seconds: number) => Math.round(seconds * 1000)

/**
 * A WuKongIM `/message/send` body as a CommsEase chat room directional message. The room is
 * `channel_id` (numeric), the message id `client_msg_no`, the recipients `options.toAccids` or the
 * request's `subscribers`. Throws `PayloadError` for an invalid body or one CommsEase would
 * reject (`attach` over 4096 characters, more than 100 recipients, a non-numeric room).
 */
export function toCommsEase(body: SendMessageRequest, options: ToCommsEaseOptions = {}): Conversion<CommsEaseChatroomMessage> {
  const { request, payload } = readWukongRequest(body)
  const lost: LostField[] = []
  if (request.channel_id === undefined || !/^[1-9][0-9]{0,18}$/.test(request.channel_id)) throw ruleError('/channel_id', `CommsEase room ids are numbers (Long); ${JSON.stringify(request.channel_id)} is not one — map the id first`, WHAT)
  if (request.client_msg_no === undefined || request.client_msg_no === '') throw ruleError('/client_msg_no', 'CommsEase needs a message id (msgId): give the request a client_msg_no', WHAT)
  const toAccids = [...(options.toAccids ?? request.subscribers ?? [])]
  if (toAccids.length === 0) throw ruleError('/subscribers', 'a directional message needs recipients: pass options.toAccids (or subscribers)', WHAT)
  if (request.from_uid !== request.from_uid.toLowerCase()) lost.push({ path: '/from_uid', reason: 'CommsEase accids are case-insensitive: upper-case letters do not tell users apart there' })
  const p = payload as Record<string, unknown> & Payload
  const ext: Record<string, unknown> = {}
  let msgType: number
  let attach: string
  const toExt = (key: 'mention' | 'reply') => {
    if (p[key] === undefined) return
    ;((ext[CARRIED_FIELDS_KEY] ??= {}) as Record<string, unknown>)[key] = p[key]
    lost.push({ path: `/payload/${key}`, reason: `CommsEase chat room messages have no ${key}: carried in ext.${CARRIED_FIELDS_KEY} for the way back; CommsEase clients do not show it` })
  }
  switch (payload.type) {
    case 1:
      msgType = CommsEaseMsgType.Text
      attach = p.content as string
      toExt('mention')
      toExt('reply')
      lostKeys(p, ['type', 'content', 'mention', 'reply'], '/payload', 'CommsEase', lost)
      break
    case 2:
    case 3: {
      msgType = CommsEaseMsgType.Image
      const w = Math.round(p.width as number)
      const h = Math.round(p.height as number)
      if (w !== p.width || h !== p.height) lost.push({ path: '/payload/width', reason: 'CommsEase takes whole pixels (w, h): rounded' })
      const ext = payload.type === 3 ? 'gif' : extensionOf(p.url as string)
      if (payload.type === 3) lost.push({ path: '/payload/type', reason: 'CommsEase has no GIF type: sent as an image with ext "gif"' })
      else if (ext === 'gif') lost.push({ path: '/payload/type', reason: 'an image whose URL ends in .gif reads back as a GIF (3)' })
      attach = JSON.stringify({ url: p.url, ext, w, h, ...(payload.type === 2 && p.size !== undefined ? { size: p.size } : {}) })
      lostKeys(p, ['type', 'url', 'width', 'height', ...(payload.type === 2 ? ['size'] : [])], '/payload', 'CommsEase', lost)
      break
    }
    case 4: {
      msgType = CommsEaseMsgType.Audio
      const ext = extensionOf(p.url as string)
      if (ext !== 'aac') lost.push({ path: '/payload/url', reason: `CommsEase audio is AAC only; this is ${ext ? `.${ext}` : 'of unknown format'} (transcode it, or send it as a file)` })
      attach = JSON.stringify({ dur: ms(p.timeTrad as number), url: p.url, ext })
      lostKeys(p, ['type', 'url', 'timeTrad'], '/payload', 'CommsEase', lost)
      break
    }
    case 5:
      msgType = CommsEaseMsgType.Video
      attach = JSON.stringify({ dur: ms(p.second as number), url: p.url, w: Math.round(p.width as number), h: Math.round(p.height as number), ext: extensionOf(p.url as string), ...(p.size !== undefined ? { size: p.size } : {}) })
      lostKeys(p, ['type', 'url', 'second', 'width', 'height', 'size'], '/payload', 'CommsEase', lost)
      break
    case 6:
      msgType = CommsEaseMsgType.Location
      attach = JSON.stringify({ title: p.title ?? '', lng: p.lng, lat: p.lat })
      lostKeys(p, ['type', 'lng', 'lat', 'title'], '/payload', 'CommsEase', lost)
      break
    case 8:
      msgType = CommsEaseMsgType.File
      attach = JSON.stringify({ name: p.name, url: p.url, ext: extensionOf(p.name as string), size: p.size })
      lostKeys(p, ['type', 'url', 'name', 'size'], '/payload', 'CommsEase', lost)
      break
    default:
      // Commands and the types CommsEase has no message type for: a custom message carrying the payload.
      msgType = CommsEaseMsgType.Custom
      attach = JSON.stringify({ [CARRIED_PAYLOAD_KEY]: payload })
      if (payload.type !== 99) lost.push({ path: '/payload/type', reason: `CommsEase has no message type for WuKongIM type ${payload.type}: carried whole in a custom (100) message` })
  }
  if (attach.length > COMMSEASE_MAX_ATTACH) throw ruleError('/payload', `the message is ${attach.length} characters as a CommsEase attach, over its limit of ${COMMSEASE_MAX_ATTACH}`, WHAT)
  const header = request.header ?? {}
  if (header.no_persist === 0) lost.push({ path: '/header/no_persist', reason: 'CommsEase never saves directional messages to room history' })
  if (header.red_dot === 1) lost.push({ path: '/header/red_dot', reason: 'chat rooms have no unread counts' })
  if (header.sync_once === 1) lost.push({ path: '/header/sync_once', reason: 'CommsEase has no sync-once delivery' })
  if (request.channel_type !== 2) lost.push({ path: '/channel_type', reason: 'a CommsEase room has no channel type; it reads back as fromCommsEase’s channelType (default 2)' })
  if (request.subscribers !== undefined && payload.type !== 99) lost.push({ path: '/subscribers', reason: 'used as the recipients' })
  lostEnvelope(request, ['stream_no', 'is_stream', 'expire', 'tag_key'], 'CommsEase', lost)
  const value: CommsEaseChatroomMessage = {
    roomid: request.channel_id,
    msgId: request.client_msg_no,
    fromAccid: request.from_uid,
    toAccids,
    msgType: msgType as CommsEaseChatroomMessage['msgType'],
    attach,
    ...(Object.keys(ext).length > 0 ? { ext: JSON.stringify(ext) } : {}),
  }
  checkCommsEase(value)
  // Whatever the mapping did not foresee: every field that does not come back is named.
  lostOnTheWayBack({ request, payload }, () => fromCommsEase(value).value, 'CommsEase', lost)
  return { value, lost }
}

function checkCommsEase(value: unknown): asserts value is CommsEaseChatroomMessage {
  checkBody(validators.commsEaseChatroomMessage, value, 'msgType', 'attach', 'commsEaseAttach', WHAT)
}

/** The form body CommsEase takes (`application/x-www-form-urlencoded`), `toAccids` as a JSON array. */
export function commsEaseForm(value: CommsEaseChatroomMessage): URLSearchParams {
  const form = new URLSearchParams()
  for (const [key, v] of Object.entries(value)) if (v !== undefined) form.set(key, key === 'toAccids' ? JSON.stringify(v) : String(v))
  return form
}

/** Reads CommsEase form fields (a form body, URLSearchParams, or already-typed fields). */
function fieldsOf(body: CommsEaseChatroomMessage | URLSearchParams | string): unknown {
  if (typeof body !== 'string' && !(body instanceof URLSearchParams)) return body
  const form = typeof body === 'string' ? new URLSearchParams(body) : body
  const out: Record<string, unknown> = {}
  for (const [key, v] of form) {
    if (key === 'toAccids') {
      try {
        out[key] = JSON.parse(v)
      } catch {
        throw ruleError('/toAccids', 'toAccids must be a JSON array of accids (CommsEase answers 414)', WHAT)
      }
    } else if (['msgType', 'subType', 'resendFlag', 'route'].includes(key)) out[key] = /^-?[0-9]+$/.test(v) ? Number(v) : v
    else out[key] = v
  }
  return out
}

export interface FromCommsEaseOptions {
  /** WuKongIM channel type of the room. Default 2 (group). */
  readonly channelType?: number
}

/**
 * A CommsEase chat room directional message (form body, URLSearchParams or typed fields) as a
 * WuKongIM `/message/send` body: the room as `channel_id`, `msgId` as `client_msg_no`.
 */
export function fromCommsEase(body: CommsEaseChatroomMessage | URLSearchParams | string, options: FromCommsEaseOptions = {}): Conversion<SendMessageRequest> {
  body = plainBody(body, WHAT)
  const value = fieldsOf(body)
  checkCommsEase(value)
  const lost: LostField[] = []
  const attach = value.attach ?? ''
  const json = jsonObject(attach) ?? {}
  const carried = jsonObject(value.ext)?.[CARRIED_FIELDS_KEY] as { mention?: unknown; reply?: Reply } | undefined
  let payload: Payload
  switch (value.msgType) {
    case CommsEaseMsgType.Text:
    case CommsEaseMsgType.Tip:
      if (value.msgType === CommsEaseMsgType.Tip) lost.push({ path: '/msgType', reason: 'a tip becomes a plain text message' })
      payload = { type: 1, content: attach, ...(carried?.mention ? { mention: carried.mention } : {}), ...(carried?.reply ? { reply: carried.reply } : {}) } as Payload
      break
    case CommsEaseMsgType.Image:
      payload = json.ext === 'gif' ? { type: 3, url: json.url as string, width: json.w as number, height: json.h as number } : { type: 2, url: json.url as string, width: json.w as number, height: json.h as number, ...(json.size !== undefined ? { size: json.size as number } : {}) }
      lostKeys(json, ['url', 'w', 'h', 'ext', ...(json.ext === 'gif' ? [] : ['size'])], '/attach', 'WuKongIM', lost)
      break
    case CommsEaseMsgType.Audio:
      payload = { type: 4, url: json.url as string, timeTrad: (json.dur as number) / 1000 }
      lostKeys(json, ['url', 'dur', 'ext'], '/attach', 'WuKongIM', lost)
      break
    case CommsEaseMsgType.Video:
      payload = { type: 5, url: json.url as string, cover: '', second: (json.dur as number) / 1000, width: json.w as number, height: json.h as number, ...(json.size !== undefined ? { size: json.size as number } : {}) }
      lostKeys(json, ['url', 'dur', 'w', 'h', 'ext', 'size'], '/attach', 'WuKongIM', lost)
      break
    case CommsEaseMsgType.Location:
      payload = { type: 6, lng: json.lng as number, lat: json.lat as number, ...(json.title ? { title: json.title as string } : {}) }
      break
    case CommsEaseMsgType.File:
      payload = { type: 8, url: json.url as string, name: json.name as string, size: (json.size as number | undefined) ?? 0 }
      if (json.size === undefined) lost.push({ path: '/attach/size', reason: 'missing: the WuKongIM file says size 0' })
      lostKeys(json, ['url', 'name', 'size', 'ext'], '/attach', 'WuKongIM', lost)
      break
    default: {
      const whole = json[CARRIED_PAYLOAD_KEY]
      if (isPayload(whole)) payload = whole
      else {
        payload = { type: 99, cmd: value.subType === undefined ? 'commsease.custom' : `commsease.custom.${value.subType}`, param: json } as Payload
        lost.push({ path: '/attach', reason: 'a CommsEase custom message becomes a WuKongIM command (99) whose param is the attach' })
      }
    }
  }
  if (value.resendFlag === 1) lost.push({ path: '/resendFlag', reason: 'WuKongIM send requests have no resend flag' })
  const header = recommendFlags(payload)
  const channel_type = options.channelType ?? 2
  const request = wukongRequest(
    {
      // Directional messages are never stored, and chat rooms count no unread.
      header: { ...header, no_persist: 1, red_dot: 0 },
      client_msg_no: value.msgId,
      from_uid: value.fromAccid,
      channel_id: value.roomid,
      channel_type,
      ...(payload.type === 99 ? { subscribers: value.toAccids } : {}),
    },
    payload,
    WHAT,
  )
  if (payload.type !== 99) lost.push({ path: '/toAccids', reason: 'WuKongIM delivers to the whole channel (subscribers are for commands only)' })
  return { value: request, lost }
}

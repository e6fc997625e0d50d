/**
 * `wukong-payload/adapters/openim`: WuKongIM `/message/send` bodies ⇄ OpenIM `/msg/send_msg`
 * bodies. Both directions return `{ value, lost }`: `lost` names every field or meaning the
 * target cannot carry. The facts behind each rule come from openimsdk/open-im-server:internal/api/msg.go
 * and pkg/apistruct/msg.go@7848d7c, openimsdk/protocol:constant/constant.go@91e8d26, and are
 * written beside each field in openim.schema.ts.
 */
import { recommendFlags } from '../../send/flags.js'
import type { SendMessageRequest } from '../../send/request-schema.js'
import type { Payload } from '../../types/payload.js'
import type { Reply } from '../../model/fields.js'
import { isPayload } from '../../validate/validate.js'
import * as validators from '../../generated/adapters.js'
import { CARRIED_PAYLOAD_KEY, checkBody, extensionOf, lostEnvelope, lostKeys, readWukongRequest, ruleError, wukongRequest, type Conversion, type LostField, lostOnTheWayBack, plainBody } from '../common.js'
import { OPENIM_AT_ALL, OpenIMContentType, type OpenIMSendMsgRequest } from './schema.js'

export * from './schema.js'
export type { Conversion, LostField } from '../common.js'

const WHAT = 'OpenIM message'
const ELEM_KEYS: Readonly<Record<number, string>> = { 101: 'textElem', 102: 'pictureElem', 103: 'soundElem', 104: 'videoElem', 105: 'fileElem', 106: 'atTextElem', 110: 'customElem', 114: 'quoteElem', 118: 'markdownTextElem' }
const DECIMAL = /^(0|[1-9][0-9]*)$/

export interface ToOpenIMOptions {
  /** OpenIM `senderPlatformID` (1 iOS … 10 Admin); left out unless given. */
  readonly senderPlatformID?: number
  /** OpenIM `senderNickname`. */
  readonly senderNickname?: string
  /** OpenIM `sendTime` in milliseconds, for importing history. */
  readonly sendTime?: number
}

interface Content {
  readonly contentType: number
  readonly content: Record<string, unknown>
}

function picture(url: string, width: number, height: number, type: string, size: number | undefined) {
  return { type, ...(size === undefined ? {} : { size }), width, height, url }
}

/** Whole pixels ≥ 1, as OpenIM's validator wants; records rounding. */
function pixels(value: number, path: string, lost: LostField[]): number {
  if (value < 1) throw ruleError(path, `OpenIM rejects a ${path.slice(path.lastIndexOf('/') + 1)} of ${value} (it must be at least 1): probe the media first`, 'payload for OpenIM')
  const whole = Math.round(value)
  if (whole !== value) lost.push({ path, reason: `OpenIM takes whole pixels: ${value} sent as ${whole}` })
  return whole
}

/** The OpenIM content of a WuKongIM payload; `path` is the payload's JSON Pointer in the source. */
function contentOf(payload: Payload, path: string, from: SendMessageRequest, lost: LostField[]): Content {
  const p = payload as Record<string, unknown> & Payload
  switch (payload.type) {
    case 1: {
      const text = p.content as string
      const mention = p.mention as { all?: number; uids?: string[] } | undefined
      const reply = p.reply as Reply | undefined
      const atUserList = mention ? [...(mention.all === 1 ? [OPENIM_AT_ALL] : []), ...(mention.uids ?? [])] : []
      if (mention && atUserList.length === 0) lost.push({ path: `${path}/mention`, reason: 'a mention of nobody has no OpenIM form' })
      if (mention && mention.all === 1 && (mention.uids?.length ?? 0) > 0) lost.push({ path: `${path}/mention/all`, reason: 'OpenIM lists @all among the uids ("AtAllTag"); on the way back the order puts it first' })
      lostKeys(p, ['type', 'content', 'mention', 'reply'], path, 'OpenIM', lost)
      const quoteMessage = reply === undefined ? undefined : quoteOf(reply, `${path}/reply`, from, lost)
      if (atUserList.length > 0) return { contentType: OpenIMContentType.AtText, content: { text, atUserList, ...(quoteMessage ? { quoteMessage } : {}) } }
      if (quoteMessage) return { contentType: OpenIMContentType.Quote, content: { text, quoteMessage } }
      if (text === '') throw ruleError(`${path}/content`, 'OpenIM rejects an empty text', 'payload for OpenIM')
      return { contentType: OpenIMContentType.Text, content: { content: text } }
    }
    case 2:
    case 3: {
      const url = p.url as string
      const ext = extensionOf(url)
      const format = payload.type === 3 ? 'gif' : ext || 'image'
      if (payload.type === 3) lost.push({ path: `${path}/type`, reason: 'OpenIM has no GIF content type: sent as a Picture (102) whose type is "gif"' })
      else if (format === 'gif') lost.push({ path: `${path}/type`, reason: 'an image whose URL ends in .gif is sent with type "gif", which reads back as a GIF (3)' })
      const width = pixels(p.width as number, `${path}/width`, lost)
      const height = pixels(p.height as number, `${path}/height`, lost)
      const size = payload.type === 2 && typeof p.size === 'number' ? p.size : undefined
      const info = picture(url, width, height, format, size)
      lostKeys(p, ['type', 'url', 'width', 'height', ...(payload.type === 2 ? ['size'] : [])], path, 'OpenIM', lost)
      return { contentType: OpenIMContentType.Picture, content: { sourcePicture: info, bigPicture: info, snapshotPicture: info } }
    }
    case 4: {
      const seconds = p.timeTrad as number
      const duration = Math.max(1, Math.ceil(seconds))
      if (duration !== seconds) lost.push({ path: `${path}/timeTrad`, reason: `OpenIM durations are whole seconds, at least 1: ${seconds} s sent as ${duration} s` })
      lostKeys(p, ['type', 'url', 'timeTrad'], path, 'OpenIM', lost)
      return { contentType: OpenIMContentType.Voice, content: { sourceUrl: p.url, duration } }
    }
    case 5: {
      const size = p.size as number | undefined
      if (size === undefined || size < 1) throw ruleError(`${path}/size`, 'OpenIM needs the video size in bytes (at least 1)', 'payload for OpenIM')
      const seconds = p.second as number
      const duration = Math.max(1, Math.ceil(seconds))
      if (duration !== seconds) lost.push({ path: `${path}/second`, reason: `OpenIM durations are whole seconds, at least 1: ${seconds} s sent as ${duration} s` })
      lostKeys(p, ['type', 'url', 'cover', 'second', 'width', 'height', 'size'], path, 'OpenIM', lost)
      return {
        contentType: OpenIMContentType.Video,
        content: { videoUrl: p.url, videoType: extensionOf(p.url as string) || 'mp4', videoSize: size, duration, snapshotUrl: p.cover, snapshotWidth: pixels(p.width as number, `${path}/width`, lost), snapshotHeight: pixels(p.height as number, `${path}/height`, lost) },
      }
    }
    case 8: {
      const size = p.size as number
      if (size < 1 || !Number.isInteger(size)) throw ruleError(`${path}/size`, `OpenIM needs the file size as whole bytes, at least 1 (got ${size})`, 'payload for OpenIM')
      if (p.name === '') throw ruleError(`${path}/name`, 'OpenIM needs a file name', 'payload for OpenIM')
      lostKeys(p, ['type', 'url', 'name', 'size'], path, 'OpenIM', lost)
      return { contentType: OpenIMContentType.File, content: { sourceUrl: p.url, fileName: p.name, fileSize: size } }
    }
    default:
      // Commands, and the types OpenIM's REST endpoint has no content type for, travel whole.
      if (payload.type !== 99) lost.push({ path: `${path}/type`, reason: `OpenIM's REST endpoint has no content type for WuKongIM type ${payload.type}: carried whole in a Custom (110) message, which OpenIM clients hand to the app` })
      return { contentType: OpenIMContentType.Custom, content: { data: JSON.stringify(payload), description: typeof p.cmd === 'string' ? p.cmd : `wukong type ${payload.type}`, extension: CARRIED_PAYLOAD_KEY } }
  }
}

/** An OpenIM MsgStruct for a WuKongIM `reply`. */
function quoteOf(reply: Reply, path: string, from: SendMessageRequest, lost: LostField[]): Record<string, unknown> {
  for (const key of ['root_mid', 'root_message_id'] as const) if (reply[key] !== undefined) lost.push({ path: `${path}/${key}`, reason: 'OpenIM quotes carry no reply-chain root' })
  lostKeys(reply as unknown as Record<string, unknown>, ['message_id', 'message_seq', 'from_uid', 'from_name', 'payload', 'root_mid', 'root_message_id'], path, 'OpenIM', lost)
  const quoted = reply.payload === undefined ? undefined : contentOf(reply.payload, `${path}/payload`, from, lost)
  return {
    serverMsgID: reply.message_id,
    seq: reply.message_seq,
    sendID: reply.from_uid,
    ...(reply.from_name === undefined ? {} : { senderNickname: reply.from_name }),
    ...(quoted ? { contentType: quoted.contentType, [ELEM_KEYS[quoted.contentType] as string]: quoted.content } : {}),
  }
}

/**
 * A WuKongIM `/message/send` body (as `buildSendRequest` makes it) as an OpenIM `/msg/send_msg`
 * body. Throws `PayloadError` for an invalid body or one OpenIM would reject (a zero-size file, a
 * zero-pixel image, a channel type other than personal or group).
 */
export function toOpenIM(body: SendMessageRequest, options: ToOpenIMOptions = {}): Conversion<OpenIMSendMsgRequest> {
  const { request, payload } = readWukongRequest(body)
  const lost: LostField[] = []
  if (request.channel_type !== 1 && request.channel_type !== 2) {
    throw ruleError('/channel_type', `OpenIM has single (1) and group (3) sessions only; WuKongIM channel type ${String(request.channel_type)} has no equivalent`, WHAT)
  }
  const { contentType, content } = contentOf(payload, '/payload', request, lost)
  const header = request.header ?? {}
  if (header.red_dot === 0) lost.push({ path: '/header/red_dot', reason: 'OpenIM counts every message as unread; red_dot 0 has no REST field' })
  if (header.sync_once === 1) lost.push({ path: '/header/sync_once', reason: 'OpenIM has no sync-once delivery' })
  if (request.client_msg_no !== undefined) lost.push({ path: '/client_msg_no', reason: 'OpenIM generates clientMsgID itself: keep your own mapping to the serverMsgID it answers with' })
  lostEnvelope(request, ['stream_no', 'is_stream', 'expire', 'tag_key', 'subscribers'], 'OpenIM', lost)
  const value: OpenIMSendMsgRequest = {
    sendID: request.from_uid,
    ...(request.channel_type === 1 ? { recvID: request.channel_id as string } : { groupID: request.channel_id as string }),
    ...(options.senderNickname === undefined ? {} : { senderNickname: options.senderNickname }),
    ...(options.senderPlatformID === undefined ? {} : { senderPlatformID: options.senderPlatformID }),
    content,
    contentType: contentType as OpenIMSendMsgRequest['contentType'],
    sessionType: request.channel_type === 1 ? 1 : 3,
    ...(header.no_persist === 1 ? { isOnlineOnly: true } : {}),
    ...(options.sendTime === undefined ? {} : { sendTime: options.sendTime }),
  }
  checkOpenIM(value)
  // Whatever the mapping did not foresee: every field that does not come back is named.
  lostOnTheWayBack({ request, payload }, () => fromOpenIM(value).value, 'OpenIM', lost)
  return { value, lost }
}

function checkOpenIM(value: unknown): asserts value is OpenIMSendMsgRequest {
  checkBody(validators.openimSendMsgRequest, value, 'contentType', 'content', 'openimContent', WHAT)
}

export interface FromOpenIMOptions {
  /**
   * Maps an OpenIM message id (an md5 `serverMsgID`) to the WuKongIM message id (decimal) of the
   * same message, for quotes. Without it only decimal ids are kept; other quotes are listed in `lost`.
   */
  readonly mapMessageId?: (serverMsgID: string) => string | undefined
}

/** The WuKongIM payload of an OpenIM content; `path` points at the content in the source. */
function payloadOf(contentType: number, content: Record<string, unknown>, path: string, options: FromOpenIMOptions, lost: LostField[]): Payload {
  const used = (...keys: string[]) => lostKeys(content, keys, path, 'WuKongIM', lost)
  switch (contentType) {
    case OpenIMContentType.Text:
      used('content')
      return { type: 1, content: content.content as string }
    case OpenIMContentType.MarkdownText:
      lost.push({ path: `${path}/content`, reason: 'WuKongIM has no Markdown type: sent as plain text' })
      used('content')
      return { type: 1, content: content.content as string }
    case OpenIMContentType.Picture: {
      const source = content.sourcePicture as { url: string; width: number; height: number; type: string; size?: number; uuid?: string }
      for (const other of ['bigPicture', 'snapshotPicture'] as const) {
        if ((content[other] as { url: string }).url !== source.url) lost.push({ path: `${path}/${other}`, reason: 'WuKongIM images have one URL' })
      }
      if (source.uuid) lost.push({ path: `${path}/sourcePicture/uuid`, reason: 'WuKongIM has no field for it' })
      used('sourcePicture', 'bigPicture', 'snapshotPicture', 'sourcePath')
      if (source.type === 'gif') {
        if (source.size) lost.push({ path: `${path}/sourcePicture/size`, reason: 'WuKongIM GIFs carry no size' })
        return { type: 3, url: source.url, width: source.width, height: source.height }
      }
      return { type: 2, url: source.url, width: source.width, height: source.height, ...(source.size ? { size: source.size } : {}) }
    }
    case OpenIMContentType.Voice:
      if (content.dataSize) lost.push({ path: `${path}/dataSize`, reason: 'WuKongIM voice messages carry no size' })
      used('sourceUrl', 'duration', 'dataSize', 'uuid', 'soundPath')
      return { type: 4, url: content.sourceUrl as string, timeTrad: content.duration as number }
    case OpenIMContentType.Video:
      used('videoUrl', 'videoSize', 'duration', 'snapshotUrl', 'snapshotWidth', 'snapshotHeight', 'videoType', 'videoPath', 'videoUUID', 'snapshotPath', 'snapshotUUID', 'snapshotSize')
      return { type: 5, url: content.videoUrl as string, cover: content.snapshotUrl as string, second: content.duration as number, width: content.snapshotWidth as number, height: content.snapshotHeight as number, size: content.videoSize as number }
    case OpenIMContentType.File:
      used('sourceUrl', 'fileName', 'fileSize', 'uuid', 'filePath')
      return { type: 8, url: content.sourceUrl as string, name: content.fileName as string, size: content.fileSize as number }
    case OpenIMContentType.AtText:
    case OpenIMContentType.Quote: {
      const text = content.text as string
      const atUserList = (content.atUserList as string[] | undefined) ?? []
      if (content.atUsersInfo !== undefined) lost.push({ path: `${path}/atUsersInfo`, reason: 'WuKongIM mentions carry no names' })
      used('text', 'atUserList', 'atUsersInfo', 'quoteMessage', 'isAtSelf')
      const uids = atUserList.filter((u) => u !== OPENIM_AT_ALL)
      const mention = atUserList.length > 0 ? { mention: { all: atUserList.includes(OPENIM_AT_ALL) ? 1 : 0, ...(uids.length > 0 ? { uids } : {}) } } : {}
      const quote = content.quoteMessage
      const reply = typeof quote === 'object' && quote !== null ? replyOf(quote as Record<string, unknown>, `${path}/quoteMessage`, options, lost) : undefined
      return { type: 1, content: text, ...mention, ...(reply ? { reply } : {}) } as Payload
    }
    case OpenIMContentType.Custom: {
      const carried = content.extension === CARRIED_PAYLOAD_KEY ? parseCarried(content.data as string) : undefined
      if (carried) return carried
      lost.push({ path, reason: 'an OpenIM Custom message becomes a WuKongIM command (99) whose param holds data, description and extension' })
      return { type: 99, cmd: typeof content.description === 'string' && content.description !== '' ? content.description : 'openim.custom', param: { data: content.data, ...(content.extension === undefined ? {} : { extension: content.extension }) } } as Payload
    }
    default:
      throw ruleError(path, `OpenIM content type ${contentType} has no WuKongIM payload type`, WHAT)
  }
}

function parseCarried(data: string): Payload | undefined {
  try {
    const value: unknown = JSON.parse(data)
    return isPayload(value) ? value : undefined
  } catch {
    return undefined
  }
}

/** A WuKongIM `reply` for an OpenIM quoted MsgStruct, or undefined (listed in `lost`) when its id has no WuKongIM form. */
function replyOf(quote: Record<string, unknown>, path: string, options: FromOpenIMOptions, lost: LostField[]): Reply | undefined {
  const raw = String(quote.serverMsgID ?? '')
  const id = DECIMAL.test(raw) ? raw : options.mapMessageId?.(raw)
  if (id === undefined || !DECIMAL.test(id)) {
    lost.push({ path, reason: `the quoted message id ${JSON.stringify(raw)} is not a WuKongIM message id (pass mapMessageId to map it); the quote is dropped` })
    return undefined
  }
  const contentType = typeof quote.contentType === 'number' ? quote.contentType : undefined
  const elem = contentType === undefined ? undefined : quote[ELEM_KEYS[contentType] ?? '']
  const payload = contentType !== undefined && typeof elem === 'object' && elem !== null ? payloadOf(contentType, elem as Record<string, unknown>, `${path}/${ELEM_KEYS[contentType]}`, options, lost) : undefined
  return {
    message_id: id,
    message_seq: typeof quote.seq === 'number' ? quote.seq : 0,
    from_uid: String(quote.sendID ?? ''),
    ...(typeof quote.senderNickname === 'string' ? { from_name: quote.senderNickname } : {}),
    ...(payload ? { payload } : {}),
  }
}

/**
 * An OpenIM `/msg/send_msg` body as a WuKongIM `/message/send` body (payload encoded, header
 * from `recommendFlags`). Throws `PayloadError` for a body OpenIM itself would reject.
 */
export function fromOpenIM(body: OpenIMSendMsgRequest, options: FromOpenIMOptions = {}): Conversion<SendMessageRequest> {
  body = plainBody(body, WHAT)
  checkOpenIM(body)
  const lost: LostField[] = []
  const payload = payloadOf(body.contentType, body.content as Record<string, unknown>, '/content', options, lost)
  if (body.sessionType === 4) lost.push({ path: '/sessionType', reason: 'WuKongIM has no notification session: sent as a personal message' })
  for (const key of ['senderNickname', 'senderFaceURL', 'senderPlatformID', 'offlinePushInfo', 'sendTime', 'ex'] as const) {
    if (body[key] !== undefined) lost.push({ path: `/${key}`, reason: 'WuKongIM send requests have no field for it' })
  }
  if (body.notOfflinePush === true) lost.push({ path: '/notOfflinePush', reason: 'WuKongIM send requests cannot turn offline push off' })
  const header = { ...recommendFlags(payload), no_persist: body.isOnlineOnly === true ? (1 as const) : (0 as const) }
  const value = wukongRequest(
    { header, from_uid: body.sendID, channel_id: (body.sessionType === 3 ? body.groupID : body.recvID) as string, channel_type: body.sessionType === 3 ? 2 : 1 },
    payload,
    WHAT,
  )
  return { value, lost }
}

/**
 * OpenIM's `POST /msg/send_msg` body (`apistruct.SendMsgReq`) and the `content` object of each
 * content type its REST endpoint accepts, with the server's own rules: `validate:"required"` on a
 * number means non-zero, so media sizes must be ≥ 1; a voice `duration` is whole seconds ≥ 1.
 *
 * @see {@link https://docs.openim.io/restapi/apis/messagemanagement/sendmessage} "Send Message"
 * @see {@link https://docs.openim.io/restapi/contentDescription} "Message Content Type Documentation"
 */
import { Type, type Static } from '@sinclair/typebox'
import { schemaId } from '../../model/schema-ids.js'

const NonEmpty = (description: string) => Type.String({ minLength: 1, description })
const Positive = (description: string) => Type.Integer({ minimum: 1, description })

/** `contentType` values OpenIM's REST `send_msg` accepts (anything else: errCode 1001 "unsupported content type"). */
export const OpenIMContentType = { Text: 101, Picture: 102, Voice: 103, Video: 104, File: 105, AtText: 106, Custom: 110, Quote: 114, MarkdownText: 118 } as const

/** `sessionType`: 1 single chat, 3 group (2 is rejected: "unknown sessionType"), 4 notification. */
export const OpenIMSessionType = { Single: 1, Group: 3, Notification: 4 } as const

/** The `@all` marker in `atUserList`. */
export const OPENIM_AT_ALL = 'AtAllTag'

export const OpenIMTextElemSchema = Type.Object({ content: NonEmpty('The text.') }, { $id: schemaId('openim-text'), title: 'OpenIMTextElem' })

const PictureInfo = Type.Object(
  {
    uuid: Type.Optional(Type.String()),
    type: NonEmpty('Image format, e.g. "jpg"; "gif" for animations.'),
    size: Type.Optional(Type.Integer({ minimum: 0, description: 'Bytes; optional.' })),
    width: Positive('Pixels; the server rejects 0.'),
    height: Positive('Pixels; the server rejects 0.'),
    url: NonEmpty('Where the image is.'),
  },
  { title: 'OpenIMPictureBaseInfo' },
)
export const OpenIMPictureElemSchema = Type.Object(
  { sourcePath: Type.Optional(Type.String()), sourcePicture: PictureInfo, bigPicture: PictureInfo, snapshotPicture: PictureInfo },
  { $id: schemaId('openim-picture'), title: 'OpenIMPictureElem' },
)
export const OpenIMSoundElemSchema = Type.Object(
  {
    uuid: Type.Optional(Type.String()),
    soundPath: Type.Optional(Type.String()),
    sourceUrl: NonEmpty('Where the audio is.'),
    dataSize: Type.Optional(Type.Integer({ minimum: 0, description: 'Bytes.' })),
    duration: Positive('Whole seconds, at least 1 (server validation).'),
  },
  { $id: schemaId('openim-sound'), title: 'OpenIMSoundElem' },
)
export const OpenIMFileElemSchema = Type.Object(
  {
    filePath: Type.Optional(Type.String()),
    uuid: Type.Optional(Type.String()),
    sourceUrl: NonEmpty('Where the file is.'),
    fileName: NonEmpty('File name.'),
    fileSize: Positive('Bytes; the server rejects 0.'),
  },
  { $id: schemaId('openim-file'), title: 'OpenIMFileElem' },
)
export const OpenIMVideoElemSchema = Type.Object(
  {
    videoPath: Type.Optional(Type.String()),
    videoUUID: Type.Optional(Type.String()),
    videoUrl: NonEmpty('Where the video is.'),
    videoType: NonEmpty('Format, e.g. "mp4".'),
    videoSize: Positive('Bytes.'),
    duration: Positive('Seconds.'),
    snapshotPath: Type.Optional(Type.String()),
    snapshotUUID: Type.Optional(Type.String()),
    snapshotSize: Type.Optional(Type.Integer({ minimum: 0 })),
    snapshotUrl: NonEmpty('Cover image.'),
    snapshotWidth: Positive('Pixels.'),
    snapshotHeight: Positive('Pixels.'),
  },
  { $id: schemaId('openim-video'), title: 'OpenIMVideoElem' },
)
export const OpenIMAtTextElemSchema = Type.Object(
  {
    text: Type.String({ description: 'The text.' }),
    atUserList: Type.Array(Type.String(), { minItems: 1, maxItems: 1000, description: 'Mentioned user ids; "AtAllTag" for @all. At most 1000.' }),
    atUsersInfo: Type.Optional(Type.Array(Type.Object({ atUserID: Type.String(), groupNickname: Type.String() }))),
    quoteMessage: Type.Optional(Type.Union([Type.Object({}), Type.Null()])),
    isAtSelf: Type.Optional(Type.Boolean()),
  },
  { $id: schemaId('openim-at-text'), title: 'OpenIMAtTextElem' },
)
export const OpenIMCustomElemSchema = Type.Object(
  {
    data: NonEmpty('A string: JSON-encode objects first (an object is a validation error, errCode 500).'),
    description: Type.Optional(Type.String()),
    extension: Type.Optional(Type.String()),
  },
  { $id: schemaId('openim-custom'), title: 'OpenIMCustomElem' },
)
export const OpenIMQuoteElemSchema = Type.Object(
  { text: Type.String(), quoteMessage: Type.Object({}, { description: 'The quoted message, an OpenIM MsgStruct.' }) },
  { $id: schemaId('openim-quote'), title: 'OpenIMQuoteElem' },
)
export const OpenIMMarkdownElemSchema = Type.Object({ content: NonEmpty('Markdown text.') }, { $id: schemaId('openim-markdown'), title: 'OpenIMMarkdownTextElem' })

export const OpenIMSendMsgRequestSchema = Type.Object(
  {
    sendID: NonEmpty('Sender user id (or a notification account).'),
    recvID: Type.Optional(Type.String({ description: 'Receiver user id: single chat (sessionType 1) and notifications (4).' })),
    groupID: Type.Optional(Type.String({ description: 'Group id: group chat (sessionType 3).' })),
    senderNickname: Type.Optional(Type.String()),
    senderFaceURL: Type.Optional(Type.String()),
    senderPlatformID: Type.Optional(Type.Integer({ minimum: 0, maximum: 11, description: '1 iOS … 10 Admin, 11 HarmonyOS; 0 when left out.' })),
    content: Type.Object({}, { description: 'The element of `contentType`, as a JSON object.' }),
    contentType: Type.Union(Object.values(OpenIMContentType).map((v) => Type.Literal(v)), { description: 'Content types the REST endpoint accepts.' }),
    sessionType: Type.Union(Object.values(OpenIMSessionType).map((v) => Type.Literal(v)), { description: '1 single, 3 group (never 2), 4 notification.' }),
    isOnlineOnly: Type.Optional(Type.Boolean({ description: 'Deliver only to online users; no history.' })),
    notOfflinePush: Type.Optional(Type.Boolean()),
    sendTime: Type.Optional(Type.Integer({ minimum: 0, description: 'Milliseconds; for importing history.' })),
    offlinePushInfo: Type.Optional(Type.Object({})),
    ex: Type.Optional(Type.String({ description: 'Free-form extension.' })),
  },
  {
    $id: schemaId('openim-send-msg-request'),
    title: 'OpenIMSendMsgRequest',
    description: 'Body of OpenIM `POST /msg/send_msg`.',
    allOf: [
      { if: { properties: { sessionType: { const: 3 } } }, then: { required: ['groupID'], properties: { groupID: { type: 'string', minLength: 1 } } } },
      { if: { properties: { sessionType: { enum: [1, 4] } } }, then: { required: ['recvID'], properties: { recvID: { type: 'string', minLength: 1 } } } },
    ],
  },
)
export type OpenIMSendMsgRequest = Static<typeof OpenIMSendMsgRequestSchema>
export type OpenIMTextElem = Static<typeof OpenIMTextElemSchema>
export type OpenIMPictureElem = Static<typeof OpenIMPictureElemSchema>
export type OpenIMSoundElem = Static<typeof OpenIMSoundElemSchema>
export type OpenIMFileElem = Static<typeof OpenIMFileElemSchema>
export type OpenIMAtTextElem = Static<typeof OpenIMAtTextElemSchema>
export type OpenIMCustomElem = Static<typeof OpenIMCustomElemSchema>
export type OpenIMQuoteElem = Static<typeof OpenIMQuoteElemSchema>

/** The content schema of each accepted content type. */
export const openIMContentSchemas = {
  101: OpenIMTextElemSchema,
  102: OpenIMPictureElemSchema,
  103: OpenIMSoundElemSchema,
  104: OpenIMVideoElemSchema,
  105: OpenIMFileElemSchema,
  106: OpenIMAtTextElemSchema,
  110: OpenIMCustomElemSchema,
  114: OpenIMQuoteElemSchema,
  118: OpenIMMarkdownElemSchema,
} as const

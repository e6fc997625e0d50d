/**
 * CommsEase (NetEase Yunxin) chat room directional message, `POST
 * /nimserver/chatroom/sendMsgToSomeone.action`: form fields (here typed; `commsEaseForm` encodes
 * them, `toAccids` as a JSON array), and the JSON of `attach` per `msgType`. Durations are
 * milliseconds; `attach` and `ext` hold at most 4096 characters; at most 100 recipients.
 *
 * @see {@link https://doc.commsease.com/en/messaging/server-apis/DkzNTA5NTI} "Send a directional message"
 */
import { Type, type Static } from '@sinclair/typebox'
import { schemaId } from '../../model/schema-ids.js'

/** `msgType`: 0 text, 1 image, 2 audio, 3 video, 4 location, 6 file, 10 tip, 100 custom. */
export const CommsEaseMsgType = { Text: 0, Image: 1, Audio: 2, Video: 3, Location: 4, File: 6, Tip: 10, Custom: 100 } as const

/** Longest `attach` and `ext`, in characters. */
export const COMMSEASE_MAX_ATTACH = 4096
/** Most recipients of one directional message. */
export const COMMSEASE_MAX_RECIPIENTS = 100

export const CommsEaseChatroomMessageSchema = Type.Object(
  {
    roomid: Type.String({ pattern: '^[1-9][0-9]{0,18}$', description: 'Chat room id: a Long, as its decimal digits.' }),
    msgId: Type.String({ minLength: 1, description: 'Client message id; the same msgId is deduplicated.' }),
    fromAccid: Type.String({ minLength: 1, maxLength: 32, description: 'Sender accid (at most 32 characters).' }),
    toAccids: Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { minItems: 1, maxItems: COMMSEASE_MAX_RECIPIENTS, description: 'Recipients: at most 100.' }),
    msgType: Type.Union(Object.values(CommsEaseMsgType).map((v) => Type.Literal(v))),
    subType: Type.Optional(Type.Integer({ minimum: 1, description: 'Custom subtype, > 0.' })),
    resendFlag: Type.Optional(Type.Union([Type.Literal(0), Type.Literal(1)])),
    attach: Type.Optional(Type.String({ maxLength: COMMSEASE_MAX_ATTACH, description: 'Text for msgType 0 and 10; JSON for the others. At most 4096 characters.' })),
    ext: Type.Optional(Type.String({ maxLength: COMMSEASE_MAX_ATTACH, description: 'JSON, at most 4096 characters.' })),
    route: Type.Optional(Type.Union([Type.Literal(0), Type.Literal(1)])),
  },
  { $id: schemaId('commsease-chatroom-message'), title: 'CommsEaseChatroomMessage', description: 'Form fields of CommsEase chat room `sendMsgToSomeone.action`.' },
)
export type CommsEaseChatroomMessage = Static<typeof CommsEaseChatroomMessageSchema>

export const CommsEaseImageAttachSchema = Type.Object(
  { name: Type.Optional(Type.String()), md5: Type.Optional(Type.String()), url: Type.String({ minLength: 1 }), ext: Type.String(), w: Type.Integer({ minimum: 0 }), h: Type.Integer({ minimum: 0 }), size: Type.Optional(Type.Integer({ minimum: 0 })) },
  { $id: schemaId('commsease-image-attach'), title: 'CommsEaseImageAttach' },
)
export const CommsEaseAudioAttachSchema = Type.Object(
  { dur: Type.Integer({ minimum: 0, description: 'Milliseconds.' }), md5: Type.Optional(Type.String()), url: Type.String({ minLength: 1 }), ext: Type.String(), size: Type.Optional(Type.Integer({ minimum: 0 })) },
  { $id: schemaId('commsease-audio-attach'), title: 'CommsEaseAudioAttach' },
)
export const CommsEaseVideoAttachSchema = Type.Object(
  { dur: Type.Integer({ minimum: 0 }), md5: Type.Optional(Type.String()), url: Type.String({ minLength: 1 }), w: Type.Integer({ minimum: 0 }), h: Type.Integer({ minimum: 0 }), ext: Type.String(), size: Type.Optional(Type.Integer({ minimum: 0 })) },
  { $id: schemaId('commsease-video-attach'), title: 'CommsEaseVideoAttach' },
)
export const CommsEaseLocationAttachSchema = Type.Object(
  { title: Type.String(), lng: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) },
  { $id: schemaId('commsease-location-attach'), title: 'CommsEaseLocationAttach' },
)
export const CommsEaseFileAttachSchema = Type.Object(
  { name: Type.String({ minLength: 1 }), md5: Type.Optional(Type.String()), url: Type.String({ minLength: 1 }), ext: Type.String(), size: Type.Optional(Type.Integer({ minimum: 0 })) },
  { $id: schemaId('commsease-file-attach'), title: 'CommsEaseFileAttach' },
)

/** The `attach` JSON schema of each msgType whose attach is JSON (0 and 10 are text; 100 any JSON). */
export const commsEaseAttachSchemas = { 1: CommsEaseImageAttachSchema, 2: CommsEaseAudioAttachSchema, 3: CommsEaseVideoAttachSchema, 4: CommsEaseLocationAttachSchema, 6: CommsEaseFileAttachSchema } as const

/**
 * Lanying IM's (蓝莺IM, maxim-top) `POST /message/send` body (Swagger `MessageRequest`) and the
 * JSON of its `attachment` per content type. Its ids are int64: here they are decimal strings,
 * and `lanyingRequestJson` writes them as exact JSON numbers — never through a lossy `number`.
 *
 * @see {@link https://docs.lanyingim.com/reference/server-api/message.html} "消息处理"
 */
import { Type, type Static } from '@sinclair/typebox'
import { schemaId } from '../../model/schema-ids.js'

/** An int64 id as its decimal digits. */
const Int64 = (description: string) => Type.String({ pattern: '^(0|[1-9][0-9]{0,18})$', description: `${description} An int64, as a decimal string.` })

/** `content_type` values: TEXT 0 … FORWARD 7, READ_ACK 9, RECALL 10, APPEND 11, REPLACE 12. */
export const LanyingContentType = { Text: 0, Image: 1, Audio: 2, Video: 3, File: 4, Location: 5, Command: 6, Forward: 7, ReadAck: 9, Recall: 10, Append: 11, Replace: 12 } as const

export const LanyingSendMessageRequestSchema = Type.Object(
  {
    attachment: Type.Optional(Type.String({ description: 'JSON-encoded attachment object (image, audio, video, file, location).' })),
    config: Type.Optional(Type.String({ description: 'JSON-encoded SDK extension: mentionAll, mentionList, pushMessage, …' })),
    content: Type.String({ description: 'Text; "" for media messages.' }),
    content_type: Type.Union(Object.values(LanyingContentType).map((v) => Type.Literal(v))),
    ext: Type.Optional(Type.String({ description: 'Free-form extension (JSON text).' })),
    from_user_id: Type.Optional(Int64('Sender.')),
    online_only: Type.Optional(Type.Boolean()),
    related_mid: Type.Optional(Int64('Target message of READ_ACK and RECALL.')),
    targets: Type.Array(Int64('A user or group id.'), { minItems: 1, description: 'User ids or group ids, never mixed.' }),
    transaction_id: Type.Optional(Int64('Dedupe key: a repeat within a short window is not executed.')),
    type: Type.Union([Type.Literal(1), Type.Literal(2)], { description: '1 user, 2 group.' }),
  },
  { $id: schemaId('lanying-send-message-request'), title: 'LanyingSendMessageRequest', description: 'Body of Lanying IM `POST /message/send`.' },
)
export type LanyingSendMessageRequest = Static<typeof LanyingSendMessageRequestSchema>

export const LanyingImageAttachmentSchema = Type.Object(
  {
    url: Type.String({ minLength: 1 }),
    dName: Type.Optional(Type.String({ description: 'Display name.' })),
    fLen: Type.Optional(Type.Integer({ minimum: 0, description: 'Bytes.' })),
    width: Type.Number({ minimum: 0 }),
    height: Type.Number({ minimum: 0 }),
    tUrl: Type.Optional(Type.String({ description: 'Thumbnail.' })),
  },
  { $id: schemaId('lanying-image-attachment'), title: 'LanyingImageAttachment' },
)
export const LanyingAudioAttachmentSchema = Type.Object(
  { url: Type.String({ minLength: 1 }), dName: Type.Optional(Type.String()), fLen: Type.Optional(Type.Integer({ minimum: 0 })), duration: Type.Number({ minimum: 0, description: 'Seconds.' }) },
  { $id: schemaId('lanying-audio-attachment'), title: 'LanyingAudioAttachment' },
)
export const LanyingFileAttachmentSchema = Type.Object(
  { url: Type.String({ minLength: 1 }), dName: Type.String({ minLength: 1 }), fLen: Type.Optional(Type.Integer({ minimum: 0 })) },
  { $id: schemaId('lanying-file-attachment'), title: 'LanyingFileAttachment' },
)
export const LanyingLocationAttachmentSchema = Type.Object(
  { lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }), addr: Type.String() },
  { $id: schemaId('lanying-location-attachment'), title: 'LanyingLocationAttachment' },
)
export type LanyingImageAttachment = Static<typeof LanyingImageAttachmentSchema>
export type LanyingAudioAttachment = Static<typeof LanyingAudioAttachmentSchema>
export type LanyingFileAttachment = Static<typeof LanyingFileAttachmentSchema>

/** The attachment schema of each content type that has one. */
export const lanyingAttachmentSchemas = { 1: LanyingImageAttachmentSchema, 2: LanyingAudioAttachmentSchema, 4: LanyingFileAttachmentSchema, 5: LanyingLocationAttachmentSchema } as const

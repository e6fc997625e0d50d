import { Type, type Static } from '@sinclair/typebox'
import { commonFields } from '../model/fields.js'
import { CHAT_FLAGS } from '../model/flags.js'
import { MessageType } from '../model/message-type.js'
import { schemaId } from '../model/schema-ids.js'
import { definePayloadType } from '../model/define.js'

/** Fields both sticker kinds share (TangSengDaoDao web LottieSticker, iOS WKLottieStickerContent). */
const stickerFields = {
  url: Type.String({ description: 'Sticker file URL.' }),
  category: Type.Optional(Type.String({ description: 'Sticker pack.' })),
  placeholder: Type.Optional(Type.String({ description: 'Placeholder image shown while loading.' })),
  format: Type.Optional(Type.String({ description: 'File format; iOS assumes `"lim"` when missing.' })),
  ...commonFields,
}

/** Vector (Lottie) sticker (type 12). */
export const VectorStickerSchema = Type.Object(
  { type: Type.Literal(MessageType.VectorSticker), ...stickerFields },
  { $id: schemaId('vector-sticker'), title: 'VectorStickerPayload', description: 'Vector (Lottie) sticker (type 12).' },
)
export type VectorStickerPayload = Static<typeof VectorStickerSchema>

/** Emoji (Lottie) sticker (type 13). */
export const EmojiStickerSchema = Type.Object(
  { type: Type.Literal(MessageType.EmojiSticker), ...stickerFields },
  { $id: schemaId('emoji-sticker'), title: 'EmojiStickerPayload', description: 'Emoji (Lottie) sticker (type 13).' },
)
export type EmojiStickerPayload = Static<typeof EmojiStickerSchema>

export const vectorSticker = definePayloadType({
  type: MessageType.VectorSticker,
  name: 'vector-sticker',
  schema: VectorStickerSchema,
  flags: CHAT_FLAGS,
  digest: { zh: '[贴图]', en: '[Sticker]' },
  examples: [{ title: 'Sticker', value: { type: 12, url: 'https://cdn.example.com/s/cat.json', category: 'cats', format: 'lim' } }],
  invalidExamples: [{ title: 'No url', value: { type: 12, category: 'cats' }, path: '/url' }],
})

export const emojiSticker = definePayloadType({
  type: MessageType.EmojiSticker,
  name: 'emoji-sticker',
  schema: EmojiStickerSchema,
  flags: CHAT_FLAGS,
  digest: { zh: '[表情]', en: '[Emoji]' },
  examples: [{ title: 'Emoji sticker', value: { type: 13, url: 'https://cdn.example.com/e/smile.json', placeholder: 'https://cdn.example.com/e/smile.png' } }],
  invalidExamples: [{ title: 'Url as a number', value: { type: 13, url: 1 }, path: '/url' }],
})

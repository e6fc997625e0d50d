import { Type, type Static } from '@sinclair/typebox'
import { CHAT_FLAGS } from '../model/flags.js'
import { definePayloadType } from '../model/define.js'

/** Fields both sticker kinds share (TangSengDaoDao web LottieSticker, iOS WKLottieStickerContent). */
const stickerFields = {
  url: /* @__PURE__ */ Type.String({ description: 'Sticker file URL.' }),
  category: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Sticker pack.' })),
  placeholder: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Placeholder image shown while loading.' })),
  format: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'File format; iOS assumes `"lim"` when missing.' })),
}

export const vectorStickerDefinition = /* @__PURE__ */ definePayloadType({
  type: 12,
  name: 'vector-sticker',
  description: 'Vector (Lottie) sticker (type 12).',
  fields: stickerFields,
  flags: CHAT_FLAGS,
  digest: { zh: '[贴图]', en: '[Sticker]' },
  examples: [{ title: 'Sticker', value: { type: 12, url: 'https://cdn.example.com/s/cat.json', category: 'cats', format: 'lim' } }],
  invalidExamples: [{ title: 'No url', value: { type: 12, category: 'cats' }, path: '/url' }],
})

export const emojiStickerDefinition = /* @__PURE__ */ definePayloadType({
  type: 13,
  name: 'emoji-sticker',
  description: 'Emoji (Lottie) sticker (type 13).',
  fields: stickerFields,
  flags: CHAT_FLAGS,
  digest: { zh: '[表情]', en: '[Emoji]' },
  examples: [{ title: 'Emoji sticker', value: { type: 13, url: 'https://cdn.example.com/e/smile.json', placeholder: 'https://cdn.example.com/e/smile.png' } }],
  invalidExamples: [{ title: 'Url as a number', value: { type: 13, url: 1 }, path: '/url' }],
})
export const VectorStickerSchema = /* @__PURE__ */ (() => vectorStickerDefinition.schema)()
export type VectorStickerPayload = Static<typeof VectorStickerSchema>
export const EmojiStickerSchema = /* @__PURE__ */ (() => emojiStickerDefinition.schema)()
export type EmojiStickerPayload = Static<typeof EmojiStickerSchema>

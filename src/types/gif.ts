import { Type, type Static } from '@sinclair/typebox'
import { NonNegative } from '../model/fields.js'
import { CHAT_FLAGS } from '../model/flags.js'
import { definePayloadType } from '../model/define.js'

/**
 * Animated GIF (type 3).
 *
 * @see {@link https://githubim.com/api/message} "GIF Message"
 */

export const gifDefinition = /* @__PURE__ */ definePayloadType({
  type: 3,
  name: 'gif',
  description: 'Animated GIF message (type 3).',
  fields: {
    url: /* @__PURE__ */ Type.String({ description: 'Where the GIF can be downloaded.' }),
    width: /* @__PURE__ */ NonNegative('Width in pixels (iOS assumes 100 when missing).', 'a number of pixels'),
    height: /* @__PURE__ */ NonNegative('Height in pixels.', 'a number of pixels'),
    category: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Sticker category (TangSengDaoDao Android).' })),
    title: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Title (TangSengDaoDao Android).' })),
    placeholder: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Placeholder image (TangSengDaoDao Android).' })),
    format: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Format hint (TangSengDaoDao Android).' })),
  },
  flags: CHAT_FLAGS,
  digest: { zh: '[动图]', en: '[GIF]' },
  examples: [{ title: 'GIF', value: { type: 3, url: 'http://xxxxx.com/xxx', width: 72, height: 72 }, source: 'seeds/000 "GIF Message"' }],
  invalidExamples: [{ title: 'Missing height', value: { type: 3, url: 'http://x/y.gif', width: 72 }, path: '/height' }],
})
export const GifSchema = /* @__PURE__ */ (() => gifDefinition.schema)()
export type GifPayload = Static<typeof GifSchema>

import { Type, type Static } from '@sinclair/typebox'
import { NonNegative } from '../model/fields.js'
import { CHAT_FLAGS } from '../model/flags.js'
import { definePayloadType } from '../model/define.js'

/**
 * Image message (type 2).
 *
 * @see {@link https://githubim.com/api/message} "Image Message"
 */

export const imageDefinition = /* @__PURE__ */ definePayloadType({
  type: 2,
  name: 'image',
  description: 'Image message (type 2).',
  fields: {
    url: /* @__PURE__ */ Type.String({ description: 'Where the image can be downloaded.' }),
    width: /* @__PURE__ */ NonNegative('Width in pixels (iOS writes floats).', 'a number of pixels'),
    height: /* @__PURE__ */ NonNegative('Height in pixels.', 'a number of pixels'),
    size: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ NonNegative('Size in bytes.', 'a number of bytes')),
  },
  flags: CHAT_FLAGS,
  digest: { zh: '[图片]', en: '[Image]' },
  examples: [
    { title: 'Image', value: { type: 2, url: 'http://xxxxx.com/xxx', width: 200, height: 320 }, source: 'seeds/000 "Image Message"' },
    { title: 'Image from the Python example', value: { type: 2, url: 'http://example.com/image.jpg', width: 200, height: 320 }, source: 'seeds/001 Python example' },
  ],
  invalidExamples: [
    { title: 'Width as a string', value: { type: 2, url: 'http://x/y.png', width: '200', height: 320 }, path: '/width' },
    { title: 'Negative height', value: { type: 2, url: 'http://x/y.png', width: 200, height: -1 }, path: '/height' },
    { title: 'No url', value: { type: 2, width: 200, height: 320 }, path: '/url' },
  ],
})
export const ImageSchema = /* @__PURE__ */ (() => imageDefinition.schema)()
export type ImagePayload = Static<typeof ImageSchema>

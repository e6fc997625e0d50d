import { Type, type Static } from '@sinclair/typebox'
import { NonNegative } from '../model/fields.js'
import { CHAT_FLAGS } from '../model/flags.js'
import { definePayloadType } from '../model/define.js'

/**
 * Short video (type 5, TangSengDaoDao "smallVideo"). Its duration key is `second`, unlike voice's
 * `timeTrad`. Android leaks `coverLocalPath`; such device-local keys are kept as they are.
 */

export const videoDefinition = /* @__PURE__ */ definePayloadType({
  type: 5,
  name: 'video',
  description: 'Short video (type 5); `second` is the duration in seconds.',
  fields: {
    url: /* @__PURE__ */ Type.String({ description: 'Where the video can be downloaded.' }),
    cover: /* @__PURE__ */ Type.String({ description: 'Cover image URL.' }),
    second: /* @__PURE__ */ NonNegative('Duration in seconds.', 'a number of seconds'),
    width: /* @__PURE__ */ NonNegative('Width in pixels.', 'a number of pixels'),
    height: /* @__PURE__ */ NonNegative('Height in pixels.', 'a number of pixels'),
    size: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ NonNegative('Size in bytes.', 'a number of bytes')),
  },
  flags: CHAT_FLAGS,
  digest: { zh: '[视频]', en: '[Video]' },
  examples: [
    {
      title: 'Video',
      value: { type: 5, url: 'https://cdn.example.com/v/1.mp4', cover: 'https://cdn.example.com/v/1.jpg', second: 12, width: 720, height: 1280, size: 1048576 },
      source: 'TangSengDaoDao web Messages/Video',
    },
  ],
  invalidExamples: [{ title: 'No cover', value: { type: 5, url: 'https://x/1.mp4', second: 1, width: 1, height: 1 }, path: '/cover' }],
})
export const VideoSchema = /* @__PURE__ */ (() => videoDefinition.schema)()
export type VideoPayload = Static<typeof VideoSchema>

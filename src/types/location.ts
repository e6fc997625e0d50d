import { Type, type Static } from '@sinclair/typebox'
import { CHAT_FLAGS } from '../model/flags.js'
import { definePayloadType } from '../model/define.js'

/** Location (type 6). Keys are `lng`/`lat`; a Flutter fork's `longitude`/`latitude` are kept as extra keys. */

export const locationDefinition = /* @__PURE__ */ definePayloadType({
  type: 6,
  name: 'location',
  description: 'Location message (type 6).',
  fields: {
    lng: /* @__PURE__ */ Type.Number({ minimum: -180, maximum: 180, description: 'Longitude in degrees.' }),
    lat: /* @__PURE__ */ Type.Number({ minimum: -90, maximum: 90, description: 'Latitude in degrees.' }),
    title: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Place name.' })),
    address: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Street address.' })),
    img: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Map snapshot URL.' })),
  },
  flags: CHAT_FLAGS,
  digest: { zh: '[位置]{title}', en: '[Location] {title}' },
  examples: [
    { title: 'Location', value: { type: 6, lng: 120.19, lat: 30.187, title: '网商路 599 号', address: '中国 浙江省 杭州市' }, source: 'TangSengDaoDao web Messages/Location' },
  ],
  invalidExamples: [{ title: 'Latitude out of range', value: { type: 6, lng: 0, lat: 91 }, path: '/lat' }],
})
export const LocationSchema = /* @__PURE__ */ (() => locationDefinition.schema)()
export type LocationPayload = Static<typeof LocationSchema>

import { Type, type Static } from '@sinclair/typebox'
import { commonFields } from '../model/fields.js'
import { CHAT_FLAGS } from '../model/flags.js'
import { MessageType } from '../model/message-type.js'
import { schemaId } from '../model/schema-ids.js'
import { definePayloadType } from '../model/define.js'

/** Location (type 6). Keys are `lng`/`lat`; a Flutter fork's `longitude`/`latitude` are kept as extra keys. */
export const LocationSchema = Type.Object(
  {
    type: Type.Literal(MessageType.Location),
    lng: Type.Number({ minimum: -180, maximum: 180, description: 'Longitude in degrees.' }),
    lat: Type.Number({ minimum: -90, maximum: 90, description: 'Latitude in degrees.' }),
    title: Type.Optional(Type.String({ description: 'Place name.' })),
    address: Type.Optional(Type.String({ description: 'Street address.' })),
    img: Type.Optional(Type.String({ description: 'Map snapshot URL.' })),
    ...commonFields,
  },
  { $id: schemaId('location'), title: 'LocationPayload', description: 'Location message (type 6).' },
)
export type LocationPayload = Static<typeof LocationSchema>

export const location = definePayloadType({
  type: MessageType.Location,
  name: 'location',
  schema: LocationSchema,
  flags: CHAT_FLAGS,
  digest: { zh: '[位置]{title}', en: '[Location] {title}' },
  examples: [
    { title: 'Location', value: { type: 6, lng: 120.19, lat: 30.187, title: '网商路 599 号', address: '中国 浙江省 杭州市' }, source: 'TangSengDaoDao web Messages/Location' },
  ],
  invalidExamples: [{ title: 'Latitude out of range', value: { type: 6, lng: 0, lat: 91 }, path: '/lat' }],
})

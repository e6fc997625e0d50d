import { Type, type Static } from '@sinclair/typebox'
import { commonFields } from '../model/fields.js'
import { CHAT_FLAGS } from '../model/flags.js'
import { MessageType } from '../model/message-type.js'
import { schemaId } from '../model/schema-ids.js'
import { definePayloadType } from '../model/define.js'

/** Business card (type 7): shares a user. */
export const CardSchema = Type.Object(
  {
    type: Type.Literal(MessageType.Card),
    uid: Type.String({ description: 'The shared user’s uid.' }),
    name: Type.String({ description: 'The shared user’s display name.' }),
    avatar: Type.Optional(Type.String({ description: 'Avatar URL.' })),
    vercode: Type.Optional(Type.String({ description: 'Verification code for adding the user as a friend.' })),
    ...commonFields,
  },
  { $id: schemaId('card'), title: 'CardPayload', description: 'Business card (type 7).' },
)
export type CardPayload = Static<typeof CardSchema>

export const card = definePayloadType({
  type: MessageType.Card,
  name: 'card',
  schema: CardSchema,
  flags: CHAT_FLAGS,
  digest: { zh: '[名片]{name}', en: '[Contact] {name}' },
  examples: [{ title: 'Card', value: { type: 7, uid: 'u42', name: '李四', avatar: 'https://cdn.example.com/a/u42.png' }, source: 'TangSengDaoDao web Messages/Card' }],
  invalidExamples: [{ title: 'No uid', value: { type: 7, name: '李四' }, path: '/uid' }],
})

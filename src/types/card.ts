import { Type, type Static } from '@sinclair/typebox'
import { CHAT_FLAGS } from '../model/flags.js'
import { definePayloadType } from '../model/define.js'

/** Business card (type 7): shares a user. */

export const cardDefinition = definePayloadType({
  type: 7,
  name: 'card',
  description: 'Business card (type 7).',
  fields: {
    uid: Type.String({ description: 'The shared user’s uid.' }),
    name: Type.String({ description: 'The shared user’s display name.' }),
    avatar: Type.Optional(Type.String({ description: 'Avatar URL.' })),
    vercode: Type.Optional(Type.String({ description: 'Verification code for adding the user as a friend.' })),
  },
  flags: CHAT_FLAGS,
  digest: { zh: '[名片]{name}', en: '[Contact] {name}' },
  examples: [{ title: 'Card', value: { type: 7, uid: 'u42', name: '李四', avatar: 'https://cdn.example.com/a/u42.png' }, source: 'TangSengDaoDao web Messages/Card' }],
  invalidExamples: [{ title: 'No uid', value: { type: 7, name: '李四' }, path: '/uid' }],
})
export const CardSchema = cardDefinition.schema
export type CardPayload = Static<typeof CardSchema>

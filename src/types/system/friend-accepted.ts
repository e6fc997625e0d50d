import { Type, type Static } from '@sinclair/typebox'
import { DOCS_SYSTEM_FLAGS, HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFieldsOptionalExtra } from '../../model/system.js'

/** A friend request was accepted (1004, TangSengDaoDao). Fixed text; `extra` is usually absent. */

export const friendAccepted = definePayloadType({
  type: 1004,
  name: 'friend-accepted',
  description: 'System message: a friend request was accepted (1004, TangSengDaoDao).',
  fields: {
    ...systemFieldsOptionalExtra,
    sure_uid: Type.Optional(Type.String({ description: 'Who accepted.' })),
    sure_name: Type.Optional(Type.String({ description: 'Their display name.' })),
    to_uid: Type.Optional(Type.String({ description: 'Who had asked.' })),
  },
  flags: DOCS_SYSTEM_FLAGS,
  historyFlags: HISTORY_SYSTEM_FLAGS,
  digest: 'system',
  templates: { default: { zh: '我们已经是好友了，可以开始聊天了', en: 'You are now friends. Say hello!' } },
  examples: [{ title: 'Friend accepted', value: { type: 1004, content: '我们已经是好友了，可以开始聊天了', sure_uid: 'u2', sure_name: '李四', to_uid: 'u1' } }],
  invalidExamples: [{ title: 'content as a number', value: { type: 1004, content: 1 }, path: '/content' }],
})
export const FriendAcceptedSchema = friendAccepted.schema
export type FriendAcceptedPayload = Static<typeof FriendAcceptedSchema>

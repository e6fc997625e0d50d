import { Type, type Static } from '@sinclair/typebox'
import { DOCS_SYSTEM_FLAGS, HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFieldsOptionalExtra, built, checkBuildInput, extraOf, templateContent, type BuildOptions, type BuiltSystemMessage, type UserRef } from '../../model/system.js'

/** A friend request was accepted (1004, TangSengDaoDao). Fixed text; `extra` is usually absent. */

/** Number, header and builder templates: apart from the schema, so that the builder alone bundles small. */
const meta = {
  type: 1004,
  flags: DOCS_SYSTEM_FLAGS,
  historyFlags: HISTORY_SYSTEM_FLAGS,
  templates: { default: { zh: '我们已经是好友了，可以开始聊天了', en: 'You are now friends. Say hello!' } },
} as const

export const friendAcceptedDefinition = /* @__PURE__ */ (() => definePayloadType({
  ...meta,
  name: 'friend-accepted',
  description: 'System message: a friend request was accepted (1004, TangSengDaoDao).',
  fields: {
    ...systemFieldsOptionalExtra,
    sure_uid: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Who accepted.' })),
    sure_name: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Their display name.' })),
    to_uid: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Who had asked.' })),
  },
  digest: 'system',
  examples: [{ title: 'Friend accepted', value: { type: 1004, content: '我们已经是好友了，可以开始聊天了', sure_uid: 'u2', sure_name: '李四', to_uid: 'u1' } }],
  invalidExamples: [{ title: 'content as a number', value: { type: 1004, content: 1 }, path: '/content' }],
}))()
export const FriendAcceptedSchema = /* @__PURE__ */ (() => friendAcceptedDefinition.schema)()
export type FriendAcceptedPayload = Static<typeof FriendAcceptedSchema>

/** 1004: `accepter` accepted `requester`'s friend request (TangSengDaoDao; fixed text). */
export function buildFriendAccepted(input: { accepter: UserRef; requester: string } & BuildOptions): BuiltSystemMessage<FriendAcceptedPayload> {
  checkBuildInput(input, { accepter: 'user', requester: 'string' })
  return built(meta, { type: meta.type, content: templateContent(meta, 'default', input), sure_uid: input.accepter.uid, sure_name: input.accepter.name, to_uid: input.requester }, input)
}

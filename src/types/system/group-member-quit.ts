import type { Static } from '@sinclair/typebox'
import { HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFields, built, checkBuildInput, extraOf, templateContent, type BuildOptions, type BuiltSystemMessage, type UserRef } from '../../model/system.js'

/** Number, header and builder templates: apart from the schema, so that the builder alone bundles small. */
const meta = {
  type: 1021,
  flags: HISTORY_SYSTEM_FLAGS,
  templates: { default: { zh: '“{0}”退出群聊', en: '"{0}" left the group chat' } },
} as const

/**
 * A member left the group (1021, TangSengDaoDao).
 */
export const groupMemberQuitDefinition = /* @__PURE__ */ (() => definePayloadType({
  ...meta,
  name: 'group-member-quit',
  description: 'System message: a member left (1021).',
  fields: {
    ...systemFields,
  },
  digest: 'system',
  examples: [
    { title: 'Member quit', value: { type: 1021, content: '“{0}”退出群聊', extra: [{ uid: 'u2', name: '李四' }], visibles: ['owner1'] }, source: 'TangSengDaoDaoServerLib config/msg_group.go' },
  ],
  invalidExamples: [{ title: 'No content', value: { type: 1021, extra: [] }, path: '/content' }],
}))()
export const GroupMemberQuitSchema = /* @__PURE__ */ (() => groupMemberQuitDefinition.schema)()
export type GroupMemberQuitPayload = Static<typeof GroupMemberQuitSchema>

/** 1021: `member` left the group (TangSengDaoDao). */
export function buildGroupMemberQuit(input: { member: UserRef } & BuildOptions): BuiltSystemMessage<GroupMemberQuitPayload> {
  checkBuildInput(input, { member: 'user' })
  return built(meta, { type: meta.type, content: templateContent(meta, 'default', input), extra: extraOf([input.member]) }, input)
}

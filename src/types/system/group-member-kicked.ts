import type { Static } from '@sinclair/typebox'
import { HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFields, built, checkBuildInput, extraOf, templateContent, type BuildOptions, type BuiltSystemMessage, type UserRef } from '../../model/system.js'

/** Number, header and builder templates: apart from the schema, so that the builder alone bundles small. */
const meta = {
  type: 1010,
  flags: HISTORY_SYSTEM_FLAGS,
  templates: { default: { zh: '你被{0}移除群聊', en: 'You were removed from the group chat by {0}' } },
} as const

/**
 * A member was kicked (1010, WuKongIM docs). TangSengDaoDao kicks with 1020, and its iOS app reads 1010 as "refused to join".
 *
 * @see {@link https://githubim.com/api/message} "Group Member Kicked"
 */
export const groupMemberKickedDefinition = /* @__PURE__ */ (() => definePayloadType({
  ...meta,
  name: 'group-member-kicked',
  description: 'System message: a member was kicked (1010).',
  fields: {
    ...systemFields,
  },
  digest: 'system',
  examples: [
    { title: 'Group member kicked', value: { type: 1010, content: 'You were removed from the group chat by {0}', extra: [{ uid: 'xxx', name: 'John' }] }, source: 'seeds/000 "Group Member Kicked"' },
    { title: '群成员被踢', value: { type: 1010, content: '你被{0}移除群聊', extra: [{ uid: 'xxx', name: '张三' }] }, source: 'seeds/001 "群成员被踢"' },
  ],
  invalidExamples: [{ title: 'extra entry as a string', value: { type: 1010, content: '{0}', extra: ['xxx'] }, path: '/extra/0' }],
}))()
export const GroupMemberKickedSchema = /* @__PURE__ */ (() => groupMemberKickedDefinition.schema)()
export type GroupMemberKickedPayload = Static<typeof GroupMemberKickedSchema>

/** 1010: the reader was removed by `operator` (WuKongIM docs' kick message). */
export function buildGroupMemberKicked(input: { operator: UserRef } & BuildOptions): BuiltSystemMessage<GroupMemberKickedPayload> {
  checkBuildInput(input, { operator: 'user' })
  return built(meta, { type: meta.type, content: templateContent(meta, 'default', input), extra: extraOf([input.operator]) }, input)
}

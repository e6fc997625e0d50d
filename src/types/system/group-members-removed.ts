import type { Static } from '@sinclair/typebox'
import { DOCS_SYSTEM_FLAGS, HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFields, built, checkBuildInput, extraOf, templateContent, type BuildOptions, type BuiltSystemMessage, type UserRef } from '../../model/system.js'

/** Number, header and builder templates: apart from the schema, so that the builder alone bundles small. */
const meta = {
  type: 1003,
  flags: DOCS_SYSTEM_FLAGS,
  historyFlags: HISTORY_SYSTEM_FLAGS,
  templates: { default: { zh: '{0}将{list}移除群聊', en: '{0} removed {list} from the group chat' } },
} as const

/**
 * Members were removed from a group (1003); `{0}` is the operator.
 *
 * @see {@link https://githubim.com/api/message} "Remove Group Members"
 */
export const groupMembersRemovedDefinition = /* @__PURE__ */ (() => definePayloadType({
  ...meta,
  name: 'group-members-removed',
  description: 'System message: members were removed from a group (1003).',
  fields: {
    ...systemFields,
  },
  digest: 'system',
  examples: [
    {
      title: 'Remove group members',
      value: { type: 1003, content: '{0} removed {1} from the group chat', extra: [{ uid: 'xxx', name: 'John' }, { uid: 'xx01', name: 'Alice' }] },
      source: 'seeds/000 "Remove Group Members"',
    },
    {
      title: '移除群成员',
      value: { type: 1003, content: '{0}将{1}移除群聊', extra: [{ uid: 'xxx', name: '张三' }, { uid: 'xx01', name: '李四' }] },
      source: 'seeds/001 "移除群成员"',
    },
  ],
  invalidExamples: [{ title: 'No content', value: { type: 1003, extra: [] }, path: '/content' }],
}))()
export const GroupMembersRemovedSchema = /* @__PURE__ */ (() => groupMembersRemovedDefinition.schema)()
export type GroupMembersRemovedPayload = Static<typeof GroupMembersRemovedSchema>

/** 1003: `operator` removed `members`. */
export function buildGroupMembersRemoved(input: { operator: UserRef; members: readonly UserRef[] } & BuildOptions): BuiltSystemMessage<GroupMembersRemovedPayload> {
  checkBuildInput(input, { operator: 'user', members: 'users' })
  return built(meta, { type: meta.type, content: templateContent(meta, 'default', input, 1, input.members.length), extra: extraOf([input.operator, ...input.members]) }, input)
}

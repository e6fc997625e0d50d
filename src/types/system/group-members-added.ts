import type { Static } from '@sinclair/typebox'
import { DOCS_SYSTEM_FLAGS, HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFieldsOptionalExtra, built, checkBuildInput, extraOf, templateContent, type BuildOptions, type BuiltSystemMessage, type UserRef } from '../../model/system.js'

/** Number, header and builder templates: apart from the schema, so that the builder alone bundles small. */
const meta = {
  type: 1002,
  flags: DOCS_SYSTEM_FLAGS,
  historyFlags: HISTORY_SYSTEM_FLAGS,
  templates: { default: { zh: '{0}邀请{list}加入群聊', en: '{0} invited {list} to join the group chat' } },
} as const

/**
 * Members were invited into a group (1002); `{0}` is the inviter. TangSengDaoDao's server also
 * sends a welcome with the names already in `content` and no `extra`.
 *
 * @see {@link https://githubim.com/api/message} "Add Group Members"
 */
export const groupMembersAddedDefinition = /* @__PURE__ */ (() => definePayloadType({
  ...meta,
  name: 'group-members-added',
  description: 'System message: members were added to a group (1002).',
  fields: {
    ...systemFieldsOptionalExtra,
  },
  digest: 'system',
  examples: [
    {
      title: 'Add group members',
      value: {
        type: 1002,
        content: '{0} invited {1}, {2} to join the group chat',
        extra: [
          { uid: 'xxx', name: 'John' },
          { uid: 'xx01', name: 'Alice' },
          { uid: 'xx02', name: 'Bob' },
        ],
      },
      source: 'seeds/000 "Add Group Members"',
    },
    {
      title: '添加群成员',
      value: {
        type: 1002,
        content: '{0}邀请{1}、{2}加入群聊',
        extra: [
          { uid: 'xxx', name: '张三' },
          { uid: 'xx01', name: '李四' },
          { uid: 'xx02', name: '王五' },
        ],
      },
      source: 'seeds/001 "添加群成员"',
    },
    {
      title: 'Welcome without `extra` (TangSengDaoDao server)',
      value: { type: 1002, content: '欢迎张三加入研发部，新成员入群可查看所有历史消息', from_uid: 'u1', from_name: '张三' },
      source: 'TangSengDaoDao/TangSengDaoDaoServer:modules/group/event.go',
    },
  ],
  invalidExamples: [{ title: 'extra as an object', value: { type: 1002, content: '{0}', extra: { uid: 'u', name: 'n' } }, path: '/extra' }],
}))()
export const GroupMembersAddedSchema = /* @__PURE__ */ (() => groupMembersAddedDefinition.schema)()
export type GroupMembersAddedPayload = Static<typeof GroupMembersAddedSchema>

/** 1002: `operator` invited `members`. */
export function buildGroupMembersAdded(input: { operator: UserRef; members: readonly UserRef[] } & BuildOptions): BuiltSystemMessage<GroupMembersAddedPayload> {
  checkBuildInput(input, { operator: 'user', members: 'users' })
  return built(meta, { type: meta.type, content: templateContent(meta, 'default', input, 1, input.members.length), extra: extraOf([input.operator, ...input.members]) }, input)
}

import type { Static } from '@sinclair/typebox'
import { DOCS_SYSTEM_FLAGS, HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFields } from '../../model/system.js'

/**
 * Members were removed from a group (1003); `{0}` is the operator.
 *
 * @see {@link https://githubim.com/api/message} "Remove Group Members"
 */

export const groupMembersRemoved = definePayloadType({
  type: 1003,
  name: 'group-members-removed',
  description: 'System message: members were removed from a group (1003).',
  fields: {
    ...systemFields,
  },
  flags: DOCS_SYSTEM_FLAGS,
  historyFlags: HISTORY_SYSTEM_FLAGS,
  digest: 'system',
  templates: { default: { zh: '{0}将{list}移除群聊', en: '{0} removed {list} from the group chat' } },
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
})
export const GroupMembersRemovedSchema = groupMembersRemoved.schema
export type GroupMembersRemovedPayload = Static<typeof GroupMembersRemovedSchema>

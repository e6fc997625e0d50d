import type { Static } from '@sinclair/typebox'
import { HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFields } from '../../model/system.js'

/**
 * A member was kicked (1010, WuKongIM docs). TangSengDaoDao kicks with 1020, and its iOS app reads 1010 as "refused to join".
 *
 * @see {@link https://githubim.com/api/message} "Group Member Kicked"
 */

export const groupMemberKicked = definePayloadType({
  type: 1010,
  name: 'group-member-kicked',
  description: 'System message: a member was kicked (1010).',
  fields: {
    ...systemFields,
  },
  flags: HISTORY_SYSTEM_FLAGS,
  digest: 'system',
  templates: { default: { zh: '你被{0}移除群聊', en: 'You were removed from the group chat by {0}' } },
  examples: [
    { title: 'Group member kicked', value: { type: 1010, content: 'You were removed from the group chat by {0}', extra: [{ uid: 'xxx', name: 'John' }] }, source: 'seeds/000 "Group Member Kicked"' },
    { title: '群成员被踢', value: { type: 1010, content: '你被{0}移除群聊', extra: [{ uid: 'xxx', name: '张三' }] }, source: 'seeds/001 "群成员被踢"' },
  ],
  invalidExamples: [{ title: 'extra entry as a string', value: { type: 1010, content: '{0}', extra: ['xxx'] }, path: '/extra/0' }],
})
export const GroupMemberKickedSchema = groupMemberKicked.schema
export type GroupMemberKickedPayload = Static<typeof GroupMemberKickedSchema>

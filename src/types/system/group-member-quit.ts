import type { Static } from '@sinclair/typebox'
import { HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFields } from '../../model/system.js'

/**
 * A member left the group (1021, TangSengDaoDao).
 */

export const groupMemberQuit = definePayloadType({
  type: 1021,
  name: 'group-member-quit',
  description: 'System message: a member left (1021).',
  fields: {
    ...systemFields,
  },
  flags: HISTORY_SYSTEM_FLAGS,
  digest: 'system',
  templates: { default: { zh: '“{0}”退出群聊', en: '"{0}" left the group chat' } },
  examples: [
    { title: 'Member quit', value: { type: 1021, content: '“{0}”退出群聊', extra: [{ uid: 'u2', name: '李四' }], visibles: ['owner1'] }, source: 'TangSengDaoDaoServerLib config/msg_group.go' },
  ],
  invalidExamples: [{ title: 'No content', value: { type: 1021, extra: [] }, path: '/content' }],
})
export const GroupMemberQuitSchema = groupMemberQuit.schema
export type GroupMemberQuitPayload = Static<typeof GroupMemberQuitSchema>

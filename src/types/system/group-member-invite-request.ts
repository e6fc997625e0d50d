import { Type, type Static } from '@sinclair/typebox'
import { HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFields } from '../../model/system.js'

/**
 * A member asks to invite others and needs approval (1009, TangSengDaoDao); clients show an approve button.
 */

export const groupMemberInviteRequest = definePayloadType({
  type: 1009,
  name: 'group-member-invite-request',
  description: 'System message: an invitation waits for approval (1009).',
  fields: {
    ...systemFields,
    invite_no: Type.Optional(Type.String({ description: 'Invitation number to approve.' })),
  },
  flags: HISTORY_SYSTEM_FLAGS,
  digest: 'system',
  templates: { default: { zh: '“{0}”想邀请{count}位朋友加入群聊', en: '"{0}" wants to invite {count} friends to join the group chat' } },
  examples: [
    { title: 'Invite request', value: { type: 1009, content: '“{0}”想邀请2位朋友加入群聊', extra: [{ uid: 'u1', name: '张三' }], invite_no: 'inv-1', visibles: ['owner1'] }, source: 'TangSengDaoDaoServerLib config/msg_group.go' },
  ],
  invalidExamples: [{ title: 'invite_no as a number', value: { type: 1009, content: '{0}', extra: [], invite_no: 1 }, path: '/invite_no' }],
})
export const GroupMemberInviteRequestSchema = groupMemberInviteRequest.schema
export type GroupMemberInviteRequestPayload = Static<typeof GroupMemberInviteRequestSchema>

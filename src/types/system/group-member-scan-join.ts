import type { Static } from '@sinclair/typebox'
import { HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFields } from '../../model/system.js'

/**
 * Someone joined through a group QR code (1007, TangSengDaoDao): `{0}` joined, `{1}` shared the code.
 */

export const groupMemberScanJoin = definePayloadType({
  type: 1007,
  name: 'group-member-scan-join',
  description: 'System message: someone joined through a QR code (1007).',
  fields: {
    ...systemFields,
  },
  flags: HISTORY_SYSTEM_FLAGS,
  digest: 'system',
  templates: { default: { zh: '“{0}”通过“{1}”的二维码加入群聊', en: '"{0}" joined the group chat via "{1}"’s QR code' } },
  examples: [
    { title: 'Joined by QR code', value: { type: 1007, content: '“{0}”通过“{1}”的二维码加入群聊', extra: [{ uid: 'u3', name: '王五' }, { uid: 'u1', name: '张三' }] }, source: 'TangSengDaoDaoServerLib config/msg_group.go' },
  ],
  invalidExamples: [{ title: 'No extra', value: { type: 1007, content: '“{0}”加入群聊' }, path: '/extra' }],
})
export const GroupMemberScanJoinSchema = groupMemberScanJoin.schema
export type GroupMemberScanJoinPayload = Static<typeof GroupMemberScanJoinSchema>

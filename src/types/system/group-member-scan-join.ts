import type { Static } from '@sinclair/typebox'
import { HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFields, built, checkBuildInput, extraOf, templateContent, type BuildOptions, type BuiltSystemMessage, type UserRef } from '../../model/system.js'

/** Number, header and builder templates: apart from the schema, so that the builder alone bundles small. */
const meta = {
  type: 1007,
  flags: HISTORY_SYSTEM_FLAGS,
  templates: { default: { zh: '“{0}”通过“{1}”的二维码加入群聊', en: '"{0}" joined the group chat via "{1}"’s QR code' } },
} as const

/**
 * Someone joined through a group QR code (1007, TangSengDaoDao): `{0}` joined, `{1}` shared the code.
 */
export const groupMemberScanJoinDefinition = /* @__PURE__ */ (() => definePayloadType({
  ...meta,
  name: 'group-member-scan-join',
  description: 'System message: someone joined through a QR code (1007).',
  fields: {
    ...systemFields,
  },
  digest: 'system',
  examples: [
    { title: 'Joined by QR code', value: { type: 1007, content: '“{0}”通过“{1}”的二维码加入群聊', extra: [{ uid: 'u3', name: '王五' }, { uid: 'u1', name: '张三' }] }, source: 'TangSengDaoDaoServerLib config/msg_group.go' },
  ],
  invalidExamples: [{ title: 'No extra', value: { type: 1007, content: '“{0}”加入群聊' }, path: '/extra' }],
}))()
export const GroupMemberScanJoinSchema = /* @__PURE__ */ (() => groupMemberScanJoinDefinition.schema)()
export type GroupMemberScanJoinPayload = Static<typeof GroupMemberScanJoinSchema>

/** 1007: `member` joined through the QR code `sharer` shared (TangSengDaoDao). */
export function buildGroupMemberScanJoin(input: { member: UserRef; sharer: UserRef } & BuildOptions): BuiltSystemMessage<GroupMemberScanJoinPayload> {
  checkBuildInput(input, { member: 'user', sharer: 'user' })
  return built(meta, { type: meta.type, content: templateContent(meta, 'default', input), extra: extraOf([input.member, input.sharer]) }, input)
}

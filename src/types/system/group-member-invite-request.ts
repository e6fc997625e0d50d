import { Type, type Static } from '@sinclair/typebox'
import { HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFields, built, checkBuildInput, extraOf, templateContent, type BuildOptions, type BuiltSystemMessage, type UserRef } from '../../model/system.js'

/** Number, header and builder templates: apart from the schema, so that the builder alone bundles small. */
const meta = {
  type: 1009,
  flags: HISTORY_SYSTEM_FLAGS,
  templates: { default: { zh: '“{0}”想邀请{count}位朋友加入群聊', en: '"{0}" wants to invite {count} friends to join the group chat' } },
} as const

/**
 * A member asks to invite others and needs approval (1009, TangSengDaoDao); clients show an approve button.
 */
export const groupMemberInviteRequestDefinition = /* @__PURE__ */ (() => definePayloadType({
  ...meta,
  name: 'group-member-invite-request',
  description: 'System message: an invitation waits for approval (1009).',
  fields: {
    ...systemFields,
    invite_no: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Invitation number to approve.' })),
  },
  digest: 'system',
  examples: [
    { title: 'Invite request', value: { type: 1009, content: '“{0}”想邀请2位朋友加入群聊', extra: [{ uid: 'u1', name: '张三' }], invite_no: 'inv-1', visibles: ['owner1'] }, source: 'TangSengDaoDaoServerLib config/msg_group.go' },
  ],
  invalidExamples: [{ title: 'invite_no as a number', value: { type: 1009, content: '{0}', extra: [], invite_no: 1 }, path: '/invite_no' }],
}))()
export const GroupMemberInviteRequestSchema = /* @__PURE__ */ (() => groupMemberInviteRequestDefinition.schema)()
export type GroupMemberInviteRequestPayload = Static<typeof GroupMemberInviteRequestSchema>

/** 1009: `inviter` asks to invite `count` people; only `approvers` see it (TangSengDaoDao). */
export function buildGroupMemberInviteRequest(
  input: { inviter: UserRef; count: number; invite_no: string; approvers: readonly string[] } & BuildOptions,
): BuiltSystemMessage<GroupMemberInviteRequestPayload> {
  checkBuildInput(input, { inviter: 'user', count: 'count', invite_no: 'string', approvers: 'strings' })
  return built(meta, {
    type: meta.type,
    content: templateContent(meta, 'default', input, 1, 0, input.count),
    extra: extraOf([input.inviter]),
    invite_no: input.invite_no,
    visibles: [...input.approvers],
  }, input)
}

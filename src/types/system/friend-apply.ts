import { Type, type Static } from '@sinclair/typebox'
import { COMMAND_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'

/**
 * A friend request (1000, TangSengDaoDao). No template: the applicant and the remark are fields of
 * their own, which clients show in their friend-request list rather than in the chat. The
 * TangSengDaoDao server library writes all five fields, as strings (`remark` and `token` may be
 * `""`), to the person asked, with `sync_once: 1`; today's server sends the `friendRequest`
 * command instead (TangSengDaoDao/TangSengDaoDaoServerLib:config/msg.go, `SendFriendApply`).
 */

export const friendApplyDefinition = /* @__PURE__ */ definePayloadType({
  type: 1000,
  name: 'friend-apply',
  description: 'System message: a friend request (1000, TangSengDaoDao).',
  fields: {
    apply_uid: /* @__PURE__ */ Type.String({ description: 'Who asks.' }),
    apply_name: /* @__PURE__ */ Type.String({ description: 'Their display name.' }),
    to_uid: /* @__PURE__ */ Type.String({ description: 'Who is asked.' }),
    remark: /* @__PURE__ */ Type.String({ description: 'The applicant’s message ("我是…"), `""` when none.' }),
    token: /* @__PURE__ */ Type.String({ description: 'Token the accepting client passes back to the server.' }),
  },
  flags: COMMAND_FLAGS,
  digest: { zh: '[好友申请]{apply_name}', en: '[Friend request] {apply_name}' },
  examples: [
    {
      title: 'Friend request',
      value: { apply_name: '李四', apply_uid: 'u2', remark: '我是李四', to_uid: 'u1', token: 'f3c1a9e0', type: 1000 },
      source: 'TangSengDaoDao/TangSengDaoDaoServerLib:config/msg.go',
    },
  ],
  invalidExamples: [{ title: 'No applicant', value: { type: 1000, apply_name: '李四', to_uid: 'u1', remark: '', token: 't' }, path: '/apply_uid' }],
})
export const FriendApplySchema = /* @__PURE__ */ (() => friendApplyDefinition.schema)()
export type FriendApplyPayload = Static<typeof FriendApplySchema>

import { Type, type Static } from '@sinclair/typebox'
import { HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFieldsOptionalExtra } from '../../model/system.js'

/**
 * A generic template tip (2000, TangSengDaoDao): "{0}已解散该群聊", pinned-message and auto-delete notices, or plain text.
 */

export const tip = definePayloadType({
  type: 2000,
  name: 'tip',
  description: 'System message: a generic tip (2000).',
  fields: {
    ...systemFieldsOptionalExtra,
    data: Type.Optional(Type.Object({}, { description: 'Tip-specific data, e.g. `{ msg_auto_delete, data_type: "autoDeleteForMessage" }`.' })),
  },
  flags: HISTORY_SYSTEM_FLAGS,
  digest: 'system',
  examples: [
    { title: 'Group dissolved', value: { type: 2000, content: '{0}已解散该群聊', extra: [{ uid: 'u1', name: '张三' }] }, source: 'TangSengDaoDaoServer modules/group' },
    { title: 'Plain tip', value: { type: 2000, content: '我们已经是好友了' } },
  ],
  invalidExamples: [{ title: 'extra as a string', value: { type: 2000, content: 'x', extra: 'u1' }, path: '/extra' }],
})
export const TipSchema = tip.schema
export type TipPayload = Static<typeof TipSchema>

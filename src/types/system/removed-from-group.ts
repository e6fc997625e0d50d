import type { Static } from '@sinclair/typebox'
import { HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFields } from '../../model/system.js'

/**
 * The reader was removed from the group (1020, TangSengDaoDao's actual kick message); `visibles` lists the removed users.
 */

export const removedFromGroup = definePayloadType({
  type: 1020,
  name: 'removed-from-group',
  description: 'System message: you were removed from the group (1020).',
  fields: {
    ...systemFields,
  },
  flags: HISTORY_SYSTEM_FLAGS,
  digest: 'system',
  templates: { default: { zh: '你被{0}移除群聊', en: 'You were removed from the group chat by {0}' } },
  examples: [
    { title: 'Removed from group', value: { type: 1020, content: '你被{0}移除群聊', extra: [{ uid: 'u1', name: '张三' }], visibles: ['u9'] }, source: 'TangSengDaoDaoServerLib config/msg_group.go' },
  ],
  invalidExamples: [{ title: 'visibles as a string', value: { type: 1020, content: '{0}', extra: [], visibles: 'u9' }, path: '/visibles' }],
})
export const RemovedFromGroupSchema = removedFromGroup.schema
export type RemovedFromGroupPayload = Static<typeof RemovedFromGroupSchema>

import type { Static } from '@sinclair/typebox'
import { HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { MessageType } from '../../model/message-type.js'
import { definePayloadType } from '../../model/define.js'
import { systemSchema } from './system-schema.js'

/**
 * The reader was removed from the group (1020, TangSengDaoDao's actual kick message); `visibles` lists the removed users.
 */
export const RemovedFromGroupSchema = systemSchema(MessageType.RemovedFromGroup, 'removed-from-group', 'RemovedFromGroupPayload', 'System message: you were removed from the group (1020).', {})
export type RemovedFromGroupPayload = Static<typeof RemovedFromGroupSchema>

export const removedFromGroup = definePayloadType({
  type: MessageType.RemovedFromGroup,
  name: 'removed-from-group',
  schema: RemovedFromGroupSchema,
  flags: HISTORY_SYSTEM_FLAGS,
  digest: 'system',
  templates: { default: { zh: '你被{0}移除群聊', en: 'You were removed from the group chat by {0}' } },
  examples: [
    { title: 'Removed from group', value: { type: 1020, content: '你被{0}移除群聊', extra: [{ uid: 'u1', name: '张三' }], visibles: ['u9'] }, source: 'TangSengDaoDaoServerLib config/msg_group.go' },
  ],
  invalidExamples: [{ title: 'visibles as a string', value: { type: 1020, content: '{0}', extra: [], visibles: 'u9' }, path: '/visibles' }],
})

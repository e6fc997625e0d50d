import type { Static } from '@sinclair/typebox'
import { HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFields } from '../../model/system.js'

/**
 * Group ownership was transferred (1008, TangSengDaoDao): `{0}` is the new owner.
 */

export const groupOwnerTransferred = definePayloadType({
  type: 1008,
  name: 'group-owner-transferred',
  description: 'System message: ownership was transferred (1008).',
  fields: {
    ...systemFields,
  },
  flags: HISTORY_SYSTEM_FLAGS,
  digest: 'system',
  templates: { default: { zh: '“{0}”已成为新群主', en: '"{0}" is now the group owner' } },
  examples: [
    { title: 'New owner', value: { type: 1008, content: '“{0}”已成为新群主', extra: [{ uid: 'u2', name: '李四' }] }, source: 'TangSengDaoDaoServerLib config/msg_group.go' },
  ],
  invalidExamples: [{ title: 'Content as an array', value: { type: 1008, content: ['{0}'], extra: [] }, path: '/content' }],
})
export const GroupOwnerTransferredSchema = groupOwnerTransferred.schema
export type GroupOwnerTransferredPayload = Static<typeof GroupOwnerTransferredSchema>

import type { Static } from '@sinclair/typebox'
import { HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFieldsOptionalExtra } from '../../model/system.js'

/**
 * The group was upgraded to a super group (1022, TangSengDaoDao). Fixed text.
 */

export const groupUpgraded = definePayloadType({
  type: 1022,
  name: 'group-upgraded',
  description: 'System message: the group was upgraded (1022).',
  fields: {
    ...systemFieldsOptionalExtra,
  },
  flags: HISTORY_SYSTEM_FLAGS,
  digest: 'system',
  templates: { default: { zh: '本群已升级为超大群', en: 'This group was upgraded to a super group' } },
  examples: [
    { title: 'Group upgraded', value: { type: 1022, content: '本群已升级为超大群' } },
  ],
  invalidExamples: [{ title: 'No content', value: { type: 1022 }, path: '/content' }],
})
export const GroupUpgradedSchema = groupUpgraded.schema
export type GroupUpgradedPayload = Static<typeof GroupUpgradedSchema>

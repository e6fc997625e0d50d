import type { Static } from '@sinclair/typebox'
import { HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFieldsOptionalExtra, built, checkBuildInput, extraOf, templateContent, type BuildOptions, type BuiltSystemMessage, type UserRef } from '../../model/system.js'

/** Number, header and builder templates: apart from the schema, so that the builder alone bundles small. */
const meta = {
  type: 1022,
  flags: HISTORY_SYSTEM_FLAGS,
  templates: { default: { zh: '本群已升级为超大群', en: 'This group was upgraded to a super group' } },
} as const

/**
 * The group was upgraded to a super group (1022, TangSengDaoDao). Fixed text.
 */
export const groupUpgradedDefinition = /* @__PURE__ */ (() => definePayloadType({
  ...meta,
  name: 'group-upgraded',
  description: 'System message: the group was upgraded (1022).',
  fields: {
    ...systemFieldsOptionalExtra,
  },
  digest: 'system',
  examples: [
    { title: 'Group upgraded', value: { type: 1022, content: '本群已升级为超大群' } },
  ],
  invalidExamples: [{ title: 'No content', value: { type: 1022 }, path: '/content' }],
}))()
export const GroupUpgradedSchema = /* @__PURE__ */ (() => groupUpgradedDefinition.schema)()
export type GroupUpgradedPayload = Static<typeof GroupUpgradedSchema>

/** 1022: the group was upgraded to a super group (TangSengDaoDao; fixed text). */
export function buildGroupUpgraded(input: BuildOptions = {}): BuiltSystemMessage<GroupUpgradedPayload> {
  return built(meta, { type: meta.type, content: templateContent(meta, 'default', input) }, input)
}

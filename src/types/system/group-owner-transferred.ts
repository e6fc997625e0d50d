import type { Static } from '@sinclair/typebox'
import { HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFields, built, checkBuildInput, extraOf, templateContent, type BuildOptions, type BuiltSystemMessage, type UserRef } from '../../model/system.js'

/** Number, header and builder templates: apart from the schema, so that the builder alone bundles small. */
const meta = {
  type: 1008,
  flags: HISTORY_SYSTEM_FLAGS,
  templates: { default: { zh: '“{0}”已成为新群主', en: '"{0}" is now the group owner' } },
} as const

/**
 * Group ownership was transferred (1008, TangSengDaoDao): `{0}` is the new owner.
 */
export const groupOwnerTransferredDefinition = /* @__PURE__ */ (() => definePayloadType({
  ...meta,
  name: 'group-owner-transferred',
  description: 'System message: ownership was transferred (1008).',
  fields: {
    ...systemFields,
  },
  digest: 'system',
  examples: [
    { title: 'New owner', value: { type: 1008, content: '“{0}”已成为新群主', extra: [{ uid: 'u2', name: '李四' }] }, source: 'TangSengDaoDaoServerLib config/msg_group.go' },
  ],
  invalidExamples: [{ title: 'Content as an array', value: { type: 1008, content: ['{0}'], extra: [] }, path: '/content' }],
}))()
export const GroupOwnerTransferredSchema = /* @__PURE__ */ (() => groupOwnerTransferredDefinition.schema)()
export type GroupOwnerTransferredPayload = Static<typeof GroupOwnerTransferredSchema>

/** 1008: `owner` is the new group owner (TangSengDaoDao). */
export function buildGroupOwnerTransferred(input: { owner: UserRef } & BuildOptions): BuiltSystemMessage<GroupOwnerTransferredPayload> {
  checkBuildInput(input, { owner: 'user' })
  return built(meta, { type: meta.type, content: templateContent(meta, 'default', input), extra: extraOf([input.owner]) }, input)
}

import type { Static } from '@sinclair/typebox'
import { HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFields, built, checkBuildInput, extraOf, templateContent, type BuildOptions, type BuiltSystemMessage, type UserRef } from '../../model/system.js'

/** Number, header and builder templates: apart from the schema, so that the builder alone bundles small. */
const meta = {
  type: 1020,
  flags: HISTORY_SYSTEM_FLAGS,
  templates: { default: { zh: '你被{0}移除群聊', en: 'You were removed from the group chat by {0}' } },
} as const

/**
 * The reader was removed from the group (1020, TangSengDaoDao's actual kick message); `visibles` lists the removed users.
 */
export const removedFromGroupDefinition = /* @__PURE__ */ (() => definePayloadType({
  ...meta,
  name: 'removed-from-group',
  description: 'System message: you were removed from the group (1020).',
  fields: {
    ...systemFields,
  },
  digest: 'system',
  examples: [
    { title: 'Removed from group', value: { type: 1020, content: '你被{0}移除群聊', extra: [{ uid: 'u1', name: '张三' }], visibles: ['u9'] }, source: 'TangSengDaoDaoServerLib config/msg_group.go' },
  ],
  invalidExamples: [{ title: 'visibles as a string', value: { type: 1020, content: '{0}', extra: [], visibles: 'u9' }, path: '/visibles' }],
}))()
export const RemovedFromGroupSchema = /* @__PURE__ */ (() => removedFromGroupDefinition.schema)()
export type RemovedFromGroupPayload = Static<typeof RemovedFromGroupSchema>

/** 1020: `removed` were removed by `operator` (TangSengDaoDao); only they see it. */
export function buildRemovedFromGroup(input: { operator: UserRef; removed: readonly string[] } & BuildOptions): BuiltSystemMessage<RemovedFromGroupPayload> {
  checkBuildInput(input, { operator: 'user', removed: 'strings' })
  return built(meta, { type: meta.type, content: templateContent(meta, 'default', input), extra: extraOf([input.operator]), visibles: [...input.removed] }, input)
}

import { Type, type Static } from '@sinclair/typebox'
import { HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFieldsOptionalExtra, built, checkBuildInput, extraOf, templateContent, type BuildOptions, type BuiltSystemMessage, type UserRef } from '../../model/system.js'

/** Number, header and builder templates: apart from the schema, so that the builder alone bundles small. */
const meta = {
  type: 2000,
  flags: HISTORY_SYSTEM_FLAGS,
} as const

/**
 * A generic template tip (2000, TangSengDaoDao): "{0}已解散该群聊", pinned-message and auto-delete notices, or plain text.
 */
export const tipDefinition = /* @__PURE__ */ (() => definePayloadType({
  ...meta,
  name: 'tip',
  description: 'System message: a generic tip (2000).',
  fields: {
    ...systemFieldsOptionalExtra,
    data: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Object({}, { description: 'Tip-specific data, e.g. `{ msg_auto_delete, data_type: "autoDeleteForMessage" }`.' })),
  },
  digest: 'system',
  examples: [
    { title: 'Group dissolved', value: { type: 2000, content: '{0}已解散该群聊', extra: [{ uid: 'u1', name: '张三' }] }, source: 'TangSengDaoDaoServer modules/group' },
    { title: 'Plain tip', value: { type: 2000, content: '我们已经是好友了' } },
  ],
  invalidExamples: [{ title: 'extra as a string', value: { type: 2000, content: 'x', extra: 'u1' }, path: '/extra' }],
}))()
export const TipSchema = /* @__PURE__ */ (() => tipDefinition.schema)()
export type TipPayload = Static<typeof TipSchema>

/**
 * 2000: a tip with the app's own template. `users[n]` fills `{n}`; `text` is written as given,
 * so it must not contain user text (put that in an entry of `users` with an empty uid).
 */
export function buildTip(input: { text: string; users?: readonly UserRef[] } & BuildOptions): BuiltSystemMessage<TipPayload> {
  checkBuildInput(input, { text: 'string', ...(input?.users === undefined ? {} : { users: 'users' as const }) })
  return built(meta, { type: meta.type, content: input.text, ...(input.users ? { extra: extraOf(input.users) } : {}) }, input)
}

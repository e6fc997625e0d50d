import type { Static } from '@sinclair/typebox'
import { DecimalId, ID_HINT } from '../../model/fields.js'
import { DOCS_SYSTEM_FLAGS, HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFields, built, checkBuildInput, extraOf, templateContent, type BuildOptions, type BuiltSystemMessage, type UserRef } from '../../model/system.js'

/** Number, header and builder templates: apart from the schema, so that the builder alone bundles small. */
const meta = {
  type: 1006,
  flags: DOCS_SYSTEM_FLAGS,
  historyFlags: HISTORY_SYSTEM_FLAGS,
  templates: { default: { zh: '{0}撤回了一条消息', en: '{0} recalled a message' } },
} as const

/**
 * A message was recalled (1006). Current TangSengDaoDao recalls with the `messageRevoke` command
 * instead, but 1006 is still documented and decoded.
 *
 * @see {@link https://githubim.com/api/message} "Recall Message"
 */
export const messageRecalledDefinition = /* @__PURE__ */ (() => definePayloadType({
  ...meta,
  name: 'message-recalled',
  description: 'System message: a message was recalled (1006).',
  fields: {
    ...systemFields,
    message_id: /* @__PURE__ */ DecimalId('Id of the recalled message, as a decimal string.', ID_HINT),
  },
  digest: 'system',
  examples: [
    {
      title: 'Recall message',
      value: { type: 1006, message_id: '234343435', content: '{0} recalled a message', extra: [{ uid: 'xxx', name: 'John' }] },
      source: 'seeds/000 "Recall Message"',
    },
    {
      title: '撤回消息',
      value: { type: 1006, message_id: '234343435', content: '{0}撤回了一条消息', extra: [{ uid: 'xxx', name: '张三' }] },
      source: 'seeds/001 "撤回消息"',
    },
  ],
  invalidExamples: [
    { title: 'message_id as a number', value: { type: 1006, message_id: 234343435, content: '{0}', extra: [] }, path: '/message_id' },
  ],
}))()
export const MessageRecalledSchema = /* @__PURE__ */ (() => messageRecalledDefinition.schema)()
export type MessageRecalledPayload = Static<typeof MessageRecalledSchema>

/** 1006: `operator` recalled the message `message_id` (a decimal string). */
export function buildMessageRecalled(input: { operator: UserRef; message_id: string } & BuildOptions): BuiltSystemMessage<MessageRecalledPayload> {
  checkBuildInput(input, { operator: 'user', message_id: 'string' })
  return built(meta, { type: meta.type, message_id: input.message_id, content: templateContent(meta, 'default', input), extra: extraOf([input.operator]) }, input)
}

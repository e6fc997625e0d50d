import type { Static } from '@sinclair/typebox'
import { DecimalId } from '../../model/fields.js'
import { DOCS_SYSTEM_FLAGS, HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFields } from '../../model/system.js'

/**
 * A message was recalled (1006). Current TangSengDaoDao recalls with the `messageRevoke` command
 * instead, but 1006 is still documented and decoded.
 *
 * @see {@link https://githubim.com/api/message} "Recall Message"
 */

export const messageRecalled = definePayloadType({
  type: 1006,
  name: 'message-recalled',
  description: 'System message: a message was recalled (1006).',
  fields: {
    ...systemFields,
    message_id: DecimalId('Id of the recalled message, as a decimal string.'),
  },
  flags: DOCS_SYSTEM_FLAGS,
  historyFlags: HISTORY_SYSTEM_FLAGS,
  digest: 'system',
  templates: { default: { zh: '{0}撤回了一条消息', en: '{0} recalled a message' } },
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
})
export const MessageRecalledSchema = messageRecalled.schema
export type MessageRecalledPayload = Static<typeof MessageRecalledSchema>

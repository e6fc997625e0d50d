import { Type, type Static } from '@sinclair/typebox'
import { DecimalId, ID_HINT, withStatic } from '../model/fields.js'
import { CHAT_FLAGS } from '../model/flags.js'
import { PAYLOAD_SCHEMA_ID, schemaId } from '../model/schema-ids.js'
import { definePayloadType } from '../model/define.js'
import type { Payload } from './payload.js'

const ForwardedMessageFields = /* @__PURE__ */ Type.Object(
  {
    message_id: /* @__PURE__ */ DecimalId('Id of the forwarded message, as a decimal string.', ID_HINT),
    timestamp: /* @__PURE__ */ Type.Integer({ minimum: 0, description: 'When it was sent, in Unix seconds.' }),
    from_uid: /* @__PURE__ */ Type.String({ description: 'Its sender.' }),
    payload: /* @__PURE__ */ Type.Ref(PAYLOAD_SCHEMA_ID, { description: 'The forwarded message: a full payload.' }),
  },
  { title: 'ForwardedMessage' },
)
/** One message inside a merged forward. */
export interface ForwardedMessage extends Omit<Static<typeof ForwardedMessageFields>, 'payload'> {
  payload: Payload
}
const ForwardedMessageSchema = /* @__PURE__ */ withStatic<ForwardedMessage>(ForwardedMessageFields)

/** Merged forward of chat history (type 11); each entry nests a full payload. */

export const mergeForwardDefinition = /* @__PURE__ */ definePayloadType({
  type: 11,
  name: 'merge-forward',
  description: 'Merged forward of chat history (type 11).',
  fields: {
    channel_type: /* @__PURE__ */ Type.Integer({ minimum: 0, description: 'Channel type the messages came from (1 personal, 2 group).' }),
    users: /* @__PURE__ */ Type.Optional(
      /* @__PURE__ */ Type.Array(
        /* @__PURE__ */ Type.Object(
          {
            uid: /* @__PURE__ */ Type.String(),
            name: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Absent when the forwarding client had no cached name for the sender (TangSengDaoDao Android and web).' })),
            avatar: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
          },
          { title: 'ForwardedUser' },
        ),
        { description: 'The senders, for display. TangSengDaoDao Android leaves the key out for group chats, and the web lists one entry per message.' },
      ),
    ),
    msgs: /* @__PURE__ */ Type.Array(ForwardedMessageSchema, { description: 'The forwarded messages, oldest first.' }),
  },
  flags: CHAT_FLAGS,
  digest: { zh: '[聊天记录]', en: '[Chat history]' },
  examples: [
    {
      title: 'Two forwarded messages',
      value: {
        type: 11,
        channel_type: 2,
        users: [{ uid: 'u1', name: '张三' }],
        msgs: [
          { message_id: '1867301234567890123', timestamp: 1700000000, from_uid: 'u1', payload: { type: 1, content: '大家好' } },
          { message_id: '1867301234567890124', timestamp: 1700000005, from_uid: 'u1', payload: { type: 2, url: 'https://x/y.png', width: 10, height: 10 } },
        ],
      },
      source: 'TangSengDaoDao web Messages/Mergeforward',
    },
    {
      title: 'From a group chat, without `users` (TangSengDaoDao Android)',
      value: {
        type: 11,
        channel_type: 2,
        msgs: [{ payload: { type: 1, content: '大家好' }, timestamp: 1700000000, message_id: '1867301234567890701', from_uid: 'u2' }],
      },
      source: 'TangSengDaoDao/TangSengDaoDaoAndroid:wkuikit/src/main/java/com/chat/uikit/chat/msgmodel/WKMultiForwardContent.java',
    },
    {
      title: 'A sender without a cached name (TangSengDaoDao Android and web)',
      value: {
        type: 11,
        channel_type: 1,
        users: [{ uid: 'u2' }],
        msgs: [{ payload: { type: 1, content: '在吗' }, timestamp: 1700000000, message_id: '1867301234567890801', from_uid: 'u2' }],
      },
      source: 'TangSengDaoDao/TangSengDaoDaoWeb:packages/tsdaodaobase/src/Components/Conversation/vm.ts',
    },
  ],
  invalidExamples: [
    {
      title: 'A forwarded payload that is itself invalid',
      value: { type: 11, channel_type: 2, users: [], msgs: [{ message_id: '1', timestamp: 1, from_uid: 'u1', payload: { type: 2, url: 'x' } }] },
      path: '/msgs/0/payload/width',
    },
    {
      title: 'A forwarded message without its payload (the TangSengDaoDao web re-forwarding a merged forward)',
      value: { type: 11, channel_type: 2, users: [{ uid: 'u2', name: '李四' }], msgs: [{ message_id: '1867301234567890401', from_uid: 'u2', timestamp: 1700000000 }] },
      path: '/msgs/0/payload',
      source: 'TangSengDaoDao/TangSengDaoDaoWeb:packages/tsdaodaobase/src/Messages/Mergeforward/index.tsx',
    },
  ],
})
export const MergeForwardSchema = /* @__PURE__ */ (() => mergeForwardDefinition.schema)()
export type MergeForwardPayload = Static<typeof MergeForwardSchema>

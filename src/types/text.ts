import { Type, type Static } from '@sinclair/typebox'
import { CHAT_FLAGS } from '../model/flags.js'
import { definePayloadType } from '../model/define.js'

/**
 * Text message (type 1), optionally mentioning users and quoting another message.
 *
 * @see {@link https://githubim.com/api/message} "Text Message"
 */

export const textDefinition = /* @__PURE__ */ definePayloadType({
  type: 1,
  name: 'text',
  description: 'Text message (type 1) with optional @-mentions and a quoted reply.',
  fields: {
    content: /* @__PURE__ */ Type.String({ description: 'The text. The JS SDK calls it `text`; on the wire it is `content`.' }),
    format: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'iOS only: `""` or `"html"`.' })),
  },
  flags: CHAT_FLAGS,
  digest: { zh: '{content}', en: '{content}' },
  examples: [
    { title: 'Plain text', value: { type: 1, content: 'This is a text message' }, source: 'seeds/000 "Text Message"' },
    { title: 'Chinese text', value: { type: 1, content: '这是一条文本消息' }, source: 'seeds/001 "文本消息"' },
    {
      title: 'Mentioning two users',
      value: { type: 1, content: 'This is a text message', mention: { all: 0, uids: ['1223', '2323'] } },
      source: 'seeds/000 "Text Message (with @ functionality)"',
    },
    { title: 'Mentioning everyone', value: { type: 1, content: '@所有人 开会了', mention: { all: 1 } } },
    {
      title: 'Reply quoting a text (the seed’s placeholder ids made decimal, its empty payload made a real one)',
      value: {
        type: 1,
        content: 'Replied to someone',
        reply: {
          root_mid: '1867301234567890001',
          message_id: '1867301234567890123',
          message_seq: 123,
          from_uid: 'u1',
          from_name: '张三',
          payload: { type: 1, content: '原消息 😀' },
        },
      },
      source: 'seeds/000 "Text Message (with reply)"',
    },
    {
      title: 'Reply with `root_mid: ""` when the chain has no root (Flutter and HarmonyOS SDKs)',
      value: {
        content: '好的，收到',
        type: 1,
        reply: { root_mid: '', message_id: '1867301234567890123', message_seq: 88, from_uid: 'u1', from_name: '张三', payload: { content: '下午开会', type: 1 } },
      },
      source: 'WuKongIM/WuKongIMFlutterSDK:lib/entity/msg.dart',
    },
    {
      title: 'Reply with the chain root as `root_message_id` (JS SDK)',
      value: {
        content: '同意',
        type: 1,
        reply: {
          message_id: '1867301234567890123',
          message_seq: 123,
          from_uid: 'u1',
          from_name: '张三',
          root_message_id: '1867301234567890001',
          payload: { content: '明天几点出发？', type: 1 },
        },
      },
      source: 'WuKongIM/WuKongIMJSSDK:src/model.ts',
    },
    { title: 'An empty `mention` on every text (TangSengDaoDao web)', value: { content: '你好', type: 1, mention: {} }, source: 'TangSengDaoDao/TangSengDaoDaoWeb:packages/tsdaodaobase/src/Components/MessageInput/index.tsx' },
    {
      title: 'An entity whose `value` is `""` (Flutter and HarmonyOS SDKs)',
      value: { content: '/help', type: 1, entities: [{ offset: 0, length: 5, type: 'bot_command', value: '' }] },
      source: 'WuKongIM/WuKongIMFlutterSDK:lib/manager/message_manager.dart',
    },
  ],
  invalidExamples: [
    {
      title: 'The seeds’ JS/Python/Go example: `type: "text"`',
      value: { type: 'text', content: 'Hello, World!' },
      path: '/type',
      source: 'seeds/001 JavaScript example',
    },
    {
      title: 'The seed’s reply example verbatim: placeholder ids and an empty nested payload',
      value: {
        type: 1,
        content: 'Replied to someone',
        reply: { root_mid: 'xxx', message_id: 'xxxx', message_seq: 123, from_uid: 'xxxx', from_name: 'xxx', payload: {} },
      },
      path: '/reply/message_id',
      source: 'seeds/000 "Text Message (with reply)"',
    },
    { title: '`mention.all` as a boolean', value: { type: 1, content: 'hi', mention: { all: true } }, path: '/mention/all' },
    {
      title: '`reply.message_id` as a number',
      value: { type: 1, content: 'hi', reply: { message_id: 1867301234567890123, message_seq: 1, from_uid: 'u1' } },
      path: '/reply/message_id',
    },
    {
      title: 'Quoting a GIF that the TangSengDaoDao web re-encoded without its fields',
      value: {
        content: '哈哈',
        type: 1,
        mention: {},
        reply: { message_id: '1867301234567890302', message_seq: 62, from_uid: 'u2', from_name: '李四', payload: { type: 3 } },
      },
      path: '/reply/payload/url',
      source: 'TangSengDaoDao/TangSengDaoDaoWeb:packages/tsdaodaobase/src/Messages/Gif/index.tsx',
    },
    {
      title: 'Quoting a message the iOS SDK could not decode: `payload: {}`',
      value: { type: 1, content: '？', reply: { message_id: '1867301234567890123', message_seq: 10, from_uid: 'u1', from_name: '张三', payload: {} } },
      path: '/reply/payload/type',
      source: 'WuKongIM/WuKongIMiOSSDK:WuKongIMSDK/Classes/model/content/WKMessageContent.m',
    },
  ],
})
export const TextSchema = /* @__PURE__ */ (() => textDefinition.schema)()
export type TextPayload = Static<typeof TextSchema>

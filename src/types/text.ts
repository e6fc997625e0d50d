import { Type, type Static } from '@sinclair/typebox'
import { CHAT_FLAGS } from '../model/flags.js'
import { definePayloadType } from '../model/define.js'

/**
 * Text message (type 1), optionally mentioning users and quoting another message.
 *
 * @see {@link https://githubim.com/api/message} "Text Message"
 */

export const textDefinition = definePayloadType({
  type: 1,
  name: 'text',
  description: 'Text message (type 1) with optional @-mentions and a quoted reply.',
  fields: {
    content: Type.String({ description: 'The text. The JS SDK calls it `text`; on the wire it is `content`.' }),
    format: Type.Optional(Type.String({ description: 'iOS only: `""` or `"html"`.' })),
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
  ],
})
export const TextSchema = textDefinition.schema
export type TextPayload = Static<typeof TextSchema>

import { Type, type Static } from '@sinclair/typebox'
import { CHAT_FLAGS } from '../model/flags.js'
import { definePayloadType } from '../model/define.js'

/** Business card (type 7): shares a user. */

export const cardDefinition = /* @__PURE__ */ definePayloadType({
  type: 7,
  name: 'card',
  description: 'Business card (type 7).',
  fields: {
    uid: /* @__PURE__ */ Type.String({ description: 'The shared user’s uid.' }),
    name: /* @__PURE__ */ Type.String({ description: 'The shared user’s display name.' }),
    avatar: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Avatar URL.' })),
    vercode: /* @__PURE__ */ Type.Optional(
      /* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.String(), /* @__PURE__ */ Type.Null()], {
        description: 'Verification code for adding the user as a friend. The Flutter SDK writes `null` when it has none.',
      }),
    ),
  },
  flags: CHAT_FLAGS,
  digest: { zh: '[名片]{name}', en: '[Contact] {name}' },
  examples: [
    { title: 'Card', value: { type: 7, uid: 'u42', name: '李四', avatar: 'https://cdn.example.com/a/u42.png' }, source: 'TangSengDaoDao web Messages/Card' },
    {
      title: 'No verification code, written as `null` (Flutter SDK)',
      value: { name: '李四', uid: '8f2c1e5a9b7d4c3e8a1f0b2d6c4e9a7b', vercode: null, type: 7 },
      source: 'WuKongIM/WuKongIMFlutterSDK:lib/model/wk_card_content.dart',
    },
    {
      title: 'Every key written, empty when unset (TangSengDaoDao iOS)',
      value: { type: 7, uid: 'u2', name: '李四', avatar: '', vercode: '' },
      source: 'TangSengDaoDao/TangSengDaoDaoiOS:Modules/WuKongBase/WuKongBase/Classes/Sections/Messages/WKCardContent.m',
    },
  ],
  invalidExamples: [{ title: 'No uid', value: { type: 7, name: '李四' }, path: '/uid' }],
})
export const CardSchema = /* @__PURE__ */ (() => cardDefinition.schema)()
export type CardPayload = Static<typeof CardSchema>

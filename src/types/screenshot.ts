import { Type, type Static } from '@sinclair/typebox'
import { CHAT_FLAGS } from '../model/flags.js'
import { definePayloadType } from '../model/define.js'

/** Screenshot notice (type 20): clients show "X took a screenshot". */

export const screenshotDefinition = /* @__PURE__ */ definePayloadType({
  type: 20,
  name: 'screenshot',
  description: 'Screenshot notice (type 20).',
  fields: {
    from_uid: /* @__PURE__ */ Type.String({ description: 'Who took the screenshot.' }),
    from_name: /* @__PURE__ */ Type.String({ description: 'Their display name.' }),
  },
  flags: CHAT_FLAGS,
  digest: { zh: '{from_name}在聊天中截屏了', en: '{from_name} took a screenshot' },
  examples: [{ title: 'Screenshot', value: { type: 20, from_uid: 'u1', from_name: '张三' }, source: 'TangSengDaoDao web Messages/Screenshot' }],
  invalidExamples: [{ title: 'No from_uid', value: { type: 20, from_name: '张三' }, path: '/from_uid' }],
})
export const ScreenshotSchema = /* @__PURE__ */ (() => screenshotDefinition.schema)()
export type ScreenshotPayload = Static<typeof ScreenshotSchema>

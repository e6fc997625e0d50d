import { Type, type Static } from '@sinclair/typebox'
import { NonNegative } from '../model/fields.js'
import { CHAT_FLAGS } from '../model/flags.js'
import { definePayloadType } from '../model/define.js'

/**
 * Voice clip (type 4). The duration key really is `timeTrad`, in seconds.
 *
 * @see {@link https://githubim.com/api/message} "Voice Message"
 */

export const voiceDefinition = /* @__PURE__ */ definePayloadType({
  type: 4,
  name: 'voice',
  description: 'Voice message (type 4); `timeTrad` is the duration in seconds.',
  fields: {
    url: /* @__PURE__ */ Type.String({ description: 'Where the audio can be downloaded.' }),
    timeTrad: /* @__PURE__ */ NonNegative('Duration in seconds (the odd key name is the protocol’s).', 'a number of seconds'),
    waveform: /* @__PURE__ */ Type.Optional(
      /* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.String(), /* @__PURE__ */ Type.Null()], {
        description: 'Waveform bytes, Base64 (iOS may insert line feeds). The Flutter SDK writes `null` when it has none, HarmonyOS `""`.',
      }),
    ),
  },
  flags: CHAT_FLAGS,
  digest: { zh: '[语音]', en: '[Voice]' },
  examples: [
    { title: 'Voice', value: { type: 4, url: 'http://xxxxx.com/xxx', timeTrad: 10 }, source: 'seeds/000 "Voice Message"' },
    { title: 'Voice from the Go example', value: { type: 4, url: 'http://example.com/voice.mp3', timeTrad: 10 }, source: 'seeds/001 Go example' },
    {
      title: 'No waveform, written as `null` (Flutter SDK)',
      value: { timeTrad: 6, url: 'https://cdn.example.com/im/2024/05/f1.aac', waveform: null, type: 4 },
      source: 'WuKongIM/WuKongIMFlutterSDK:lib/model/wk_voice_content.dart',
    },
    {
      title: 'No waveform, written as `""` (HarmonyOS SDK)',
      value: { timeTrad: 3, waveform: '', url: 'https://cdn.example.com/im/2024/05/h1.m4a', type: 4 },
      source: 'WuKongIM/WuKongIMHarmonyOSSDK:wkim/src/main/ets/model/WKVoiceContent.ets',
    },
  ],
  invalidExamples: [
    { title: 'Duration under another name', value: { type: 4, url: 'http://x/a.mp3', duration: 10 }, path: '/timeTrad' },
    {
      title: 'A quoted or forwarded voice re-encoded without its fields (TangSengDaoDao web)',
      value: { type: 4 },
      path: '/url',
      source: 'TangSengDaoDao/TangSengDaoDaoWeb:packages/tsdaodaobase/src/Messages/Voice/index.tsx',
    },
  ],
})
export const VoiceSchema = /* @__PURE__ */ (() => voiceDefinition.schema)()
export type VoicePayload = Static<typeof VoiceSchema>

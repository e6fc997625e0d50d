/**
 * The example of docs/adding-a-type.md, run: a type defined with definePayloadType works through
 * createCodec (runtime Ajv) exactly as the guide says, with the same issue style as built-ins.
 */
import { Type, type Static } from '@sinclair/typebox'
import { describe, expect, it } from 'vitest'
// The public entries: everything the guide's example needs is exported there.
import { CHAT_FLAGS, definePayloadType, encodePayload, NonNegative } from '../src/entries/index.js'
import { createCodec } from '../src/entries/runtime.js'

/** Red packet (type 21). */
const redPacket = definePayloadType({
  type: 21,
  name: 'red-packet',
  description: 'Red packet (type 21).',
  fields: {
    amount: NonNegative('Amount in cents.'),
    greeting: Type.Optional(Type.String({ description: 'Shown on the envelope.' })),
  },
  flags: CHAT_FLAGS,
  digest: { zh: '[红包]{greeting}', en: '[Red packet] {greeting}' },
  examples: [{ title: 'Red packet', value: { type: 21, amount: 888, greeting: '恭喜发财' } }],
  invalidExamples: [{ title: 'Amount as a string', value: { type: 21, amount: '888' }, path: '/amount' }],
})
type RedPacketPayload = Static<typeof redPacket.schema>

describe('docs/adding-a-type.md', () => {
  const codec = createCodec({ types: [redPacket] })

  it('decodes the new type and keeps the built-in ones', () => {
    const packet: RedPacketPayload = { type: 21, amount: 888, greeting: '恭喜发财' }
    expect(codec.decodePayload(codec.encodePayload(packet))).toEqual(packet)
    expect(codec.decodePayload(codec.encodePayload({ type: 1, content: 'hi' }))).toEqual({ type: 1, content: 'hi' })
    expect(codec.digest(packet, { locale: 'zh' })).toBe('[红包]恭喜发财')
    expect(codec.recommendFlags(packet)).toEqual(CHAT_FLAGS)
  })

  it('rejects the invalid example at its path, and a bad common field once, like a built-in type', () => {
    for (const bad of redPacket.invalidExamples ?? []) {
      const result = codec.validatePayload(bad.value)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.issues.map((i) => i.path)).toContain(bad.path)
    }
    const result = codec.validatePayload({ type: 21, amount: 1, mention: { all: true } })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues).toEqual([{ path: '/mention/all', code: 'enum', message: expect.stringMatching(/^must be 0 or 1, not a boolean \(true\)/) }])
  })
})

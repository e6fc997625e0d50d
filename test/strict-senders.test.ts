/**
 * Issue 31: an opt-in strict mode for senders (`unknownProperties: 'reject'`) refuses properties a
 * type does not define, naming the defined one each is most likely a typo of; receivers stay
 * forward-compatible. Oracles: the properties the definitions declare (read from the TypeBox
 * schema objects here, not from the generated tables) and nearestName's rule.
 */
import { Type } from '@sinclair/typebox'
import { describe, expect, it } from 'vitest'
import { decodePayload, encodePayload } from '../src/codec/codec.js'
import { createCodec, definePayloadType } from '../src/entries/runtime.js'
import { CHAT_FLAGS } from '../src/model/flags.js'
import { payloadDefinitions } from '../src/types/definitions.js'
import { validatePayload } from '../src/validate/validate.js'

const strict = { unknownProperties: 'reject' } as const
const issuesOf = (result: ReturnType<typeof validatePayload>) => (result.ok ? [] : result.issues)

describe("unknownProperties: 'reject'", () => {
  it('{"type":1,"content":"hi","mentoin":{"all":1}}: kept by default, refused in strict mode with "did you mean \\"mention\\"?"', () => {
    const value = { type: 1, content: 'hi', mentoin: { all: 1 } }
    expect(validatePayload(value).ok).toBe(true)
    expect(decodePayload(Buffer.from(JSON.stringify(value)).toString('base64'))).toEqual(value)
    expect(issuesOf(validatePayload(value, strict))).toEqual([expect.objectContaining({ path: '/mentoin', code: 'unknown_property', message: expect.stringContaining('did you mean "mention"?') })])
    expect(() => encodePayload(value as never, strict)).toThrow(expect.objectContaining({ code: 'INVALID_PAYLOAD' }))
  })

  it('at every level of the type’s own fields, and inside a nested payload against its own type', () => {
    const value = { type: 1, content: 'x', mention: { uidz: ['u'] }, reply: { message_id: '1', message_seq: 1, from_uid: 'u', payload: { type: 2, url: 'u', width: 1, height: 1, widht: 1 } } }
    const issues = issuesOf(validatePayload(value, strict))
    expect(issues.map((i) => [i.path, /did you mean "([^"]+)"/.exec(i.message)?.[1]])).toEqual(expect.arrayContaining([
      ['/mention/uidz', 'uids'],
      ['/reply/payload/widht', 'width'],
    ]))
    expect(issues).toHaveLength(2)
  })

  it('every example of every type passes, and each property a definition declares is accepted', () => {
    for (const d of payloadDefinitions) for (const e of d.examples) {
      const declared = new Set(Object.keys((d.schema as { properties?: object }).properties ?? {}))
      const result = validatePayload(e.value, strict)
      // Oracle: an example's own top-level keys that the schema does not declare are exactly the issues there.
      const undeclared = Object.keys(e.value as object).filter((k) => !declared.has(k)).map((k) => `/${k}`)
      const topLevel = issuesOf(result).filter((i) => i.path.split('/').length === 2).map((i) => i.path)
      expect(topLevel, `${d.name}: ${e.title}`).toEqual(undeclared)
    }
  })

  it('an unknown type has nothing declared: kept as it is', () => {
    expect(validatePayload({ type: 4242, anything: 1 }, strict).ok).toBe(true)
  })

  it("an app type's declared properties, through createCodec", () => {
    const order = definePayloadType({
      type: 24,
      name: 'order-card',
      description: 'Order card (type 24).',
      fields: { order_id: Type.String(), amount: Type.Number() },
      flags: CHAT_FLAGS,
      digest: { zh: '[订单]', en: '[Order]' },
      examples: [{ title: 'Order', value: { type: 24, order_id: 'o1', amount: 3 } }],
    })
    const codec = createCodec({ types: [order] })
    expect(codec.validatePayload({ type: 24, order_id: 'o1', amount: 3, amout: 3 }).ok).toBe(true)
    const result = codec.validatePayload({ type: 24, order_id: 'o1', amount: 3, amout: 3 }, strict)
    expect(result.ok ? [] : result.issues).toEqual([expect.objectContaining({ path: '/amout', code: 'unknown_property', message: expect.stringContaining('did you mean "amount"?') })])
  })
})

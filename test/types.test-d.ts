import type { Static } from '@sinclair/typebox'
import { describe, expectTypeOf, it } from 'vitest'
import type { decodePayload, KnownPayload, Payload, payloadDefinitions, Reply, TextPayload, ImagePayload, GroupCreatedPayload, CommandPayload, UnknownPayload, MergeForwardPayload } from '../src/index.js'
import { isCommand, isKnownPayload, MessageType } from '../src/index.js'

describe('payload types', () => {
  it('KnownPayload is exactly the union of the definitions’ schemas', () => {
    type FromDefinitions = Static<(typeof payloadDefinitions)[number]['schema']>
    expectTypeOf<KnownPayload>().toEqualTypeOf<FromDefinitions>()
  })

  it('narrowing on type yields each variant', () => {
    const p = {} as Payload
    if (isKnownPayload(p)) {
      switch (p.type) {
        case MessageType.Text:
          expectTypeOf(p).toEqualTypeOf<TextPayload>()
          expectTypeOf(p.content).toEqualTypeOf<string>()
          break
        case MessageType.Image:
          expectTypeOf(p).toEqualTypeOf<ImagePayload>()
          expectTypeOf(p.width).toEqualTypeOf<number>()
          break
        case MessageType.GroupCreated:
          expectTypeOf(p).toEqualTypeOf<GroupCreatedPayload>()
          expectTypeOf(p.extra).toEqualTypeOf<{ uid: string; name: string }[]>()
          break
        case MessageType.Command:
          expectTypeOf(p).toEqualTypeOf<CommandPayload>()
          if (isCommand(p, 'memberUpdate')) expectTypeOf(p.param.group_no).toEqualTypeOf<string>()
          break
      }
    } else {
      expectTypeOf(p).toMatchTypeOf<Payload>()
    }
  })

  it('reply and forwards nest full payloads', () => {
    expectTypeOf<NonNullable<TextPayload['reply']>>().toEqualTypeOf<Reply>()
    expectTypeOf<NonNullable<Reply['payload']>>().toEqualTypeOf<Payload>()
    expectTypeOf<MergeForwardPayload['msgs'][number]['payload']>().toEqualTypeOf<Payload>()
  })

  it('rejects wrong literals and shapes at compile time', () => {
    // @ts-expect-error type must be the integer 1
    const a: TextPayload = { type: 'text', content: 'x' }
    // @ts-expect-error mention.all is 0 | 1, not a boolean
    const b: TextPayload = { type: 1, content: 'x', mention: { all: true } }
    // @ts-expect-error reply.message_id is a string
    const c: Reply = { message_id: 1, message_seq: 1, from_uid: 'u' }
    void [a, b, c]
    expectTypeOf<UnknownPayload>().toMatchTypeOf<Payload>()
    expectTypeOf<ReturnType<typeof decodePayload>>().toEqualTypeOf<Payload>()
  })
})

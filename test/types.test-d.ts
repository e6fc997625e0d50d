import type { Static } from '@sinclair/typebox'
import { describe, expectTypeOf, it } from 'vitest'
import type { decodePayload, KnownPayload, KnownSystemPayload, Payload, payloadDefinitions, Reply, TextPayload, ImagePayload, GroupCreatedPayload, CommandPayload, UnknownPayload, MergeForwardPayload } from '../src/entries/index.js'
import { isCommand, isKnownPayload, MessageType } from '../src/entries/index.js'

describe('payload types', () => {
  it('KnownPayload has one variant per documented type number, each a concrete object type', () => {
    expectTypeOf<KnownPayload['type']>().toEqualTypeOf<
      1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 11 | 12 | 13 | 20 | 99 | 1000 | 1001 | 1002 | 1003 | 1004 | 1005 | 1006 | 1007 | 1008 | 1009 | 1010 | 1020 | 1021 | 1022 | 2000
    >()
    expectTypeOf<Extract<KnownPayload, { type: 1 }>>().toEqualTypeOf<TextPayload>()
    expectTypeOf<Extract<KnownPayload, { type: 2 }>>().toEqualTypeOf<ImagePayload>()
    expectTypeOf<Static<(typeof payloadDefinitions)[0]['schema']>>().toEqualTypeOf<TextPayload>()
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

describe('KnownSystemPayload', () => {
  it('is exactly the known payloads whose type is above 1000', () => {
    type Expected = Extract<KnownPayload, { type: 1001 | 1002 | 1003 | 1004 | 1005 | 1006 | 1007 | 1008 | 1009 | 1010 | 1020 | 1021 | 1022 | 2000 }>
    expectTypeOf<KnownSystemPayload>().toEqualTypeOf<Expected>()
    expectTypeOf<KnownSystemPayload['type']>().toEqualTypeOf<1001 | 1002 | 1003 | 1004 | 1005 | 1006 | 1007 | 1008 | 1009 | 1010 | 1020 | 1021 | 1022 | 2000>()
  })
})

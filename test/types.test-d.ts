import type { Static } from '@sinclair/typebox'
import { describe, expectTypeOf, it } from 'vitest'
import type { decodePayload, KnownPayload, KnownSystemPayload, Payload, Reply, textDefinition, TextPayload, ImagePayload, GroupCreatedPayload, CommandPayload, UnknownPayload, MergeForwardPayload } from '../src/entries/index.js'
import { isCommand, isKnownPayload, MessageType } from '../src/entries/index.js'

describe('payload types', () => {
  it('KnownPayload has a variant for each type the docs define (a subset: adding a type keeps this true), each a concrete object type', () => {
    // The docs' own types (DESIGN: MessageType), not the package's list: an independent statement.
    expectTypeOf<1 | 2 | 3 | 4 | 8 | 99 | 1001 | 1002 | 1003 | 1005 | 1006 | 1010>().toExtend<KnownPayload['type']>()
    expectTypeOf<KnownPayload['type']>().not.toEqualTypeOf<number>()
    expectTypeOf<Extract<KnownPayload, { type: 1 }>>().toEqualTypeOf<TextPayload>()
    expectTypeOf<Extract<KnownPayload, { type: 2 }>>().toEqualTypeOf<ImagePayload>()
    expectTypeOf<Static<(typeof textDefinition)['schema']>>().toEqualTypeOf<TextPayload>()
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
  it('is exactly the known payloads whose type is in 1000–2000 (the clients\' system range)', () => {
    // Every number of the range, as a union of 1001 literals (a new system type stays covered).
    type D = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9'
    type SystemNumber = `1${D}${D}${D}` | '2000' extends infer S ? (S extends `${infer N extends number}` ? N : never) : never
    type Expected = Extract<KnownPayload, { type: SystemNumber }>
    expectTypeOf<KnownSystemPayload>().toEqualTypeOf<Expected>()
    expectTypeOf<Extract<KnownSystemPayload, { type: 1 | 99 | 2001 }>>().toBeNever()
  })
})

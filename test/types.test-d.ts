import type { Static } from '@sinclair/typebox'
import { describe, expectTypeOf, it } from 'vitest'
import { Type } from '@sinclair/typebox'
import type { decodePayload, GenericSystemPayload, HeaderFlags, KnownPayload, KnownSystemPayload, LintFinding, Payload, PayloadError, PayloadShape, Reply, textDefinition, SendMessageRequest, TextPayload, ImagePayload, GroupCreatedPayload, CommandPayload, UnknownPayload, MergeForwardPayload, ValidationIssue, ValidationIssueCode } from '../src/entries/index.js'
import { buildSendRequest, CHAT_FLAGS, commonFields, definePayloadType, digest, encodePayload, isCommand, isKnownPayload, lintPayload, MessageType, NonNegative, recommendFlags, renderSystemMessage, safeDecodePayload, validatePayload, validateSendRequest } from '../src/entries/index.js'
import { createCodec } from '../src/entries/runtime.js'
import type { ProblemIssue } from '../src/entries/server.js'

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

// Issue 16: what the validator rejects must not compile; what it accepts must.
describe('payload inputs are typed strictly', () => {
  it('rejects the typo, the missing field and the wrong field type of a known type', () => {
    // @ts-expect-error 'contnet' does not exist in type TextPayload (did you mean 'content'?)
    encodePayload({ type: 1, contnet: 'typo' })
    // @ts-expect-error property 'height' is missing
    encodePayload({ type: MessageType.Image, url: 'a', width: 1 })
    // @ts-expect-error mention.all is 0 | 1, not a boolean
    encodePayload({ type: 1, content: 'x', mention: { all: true } })
    // @ts-expect-error 'contnet' does not exist in type TextPayload
    buildSendRequest({ from_uid: 'u', channel_id: 'g', channel_type: 2, payload: { type: 1, contnet: 'typo' } })
    // @ts-expect-error width is a number
    recommendFlags({ type: 2, url: 'a', width: '1', height: 1 })
    // @ts-expect-error cmd is required
    lintPayload({ type: MessageType.Command })
    // @ts-expect-error a nested payload is typed as strictly: 'contnet' in the quoted message
    encodePayload({ type: 1, content: 'x', reply: { message_id: '1', message_seq: 1, from_uid: 'u', payload: { type: 1, contnet: 'typo' } } })
  })

  it('rejects a type number it does not define unless the route is explicit', () => {
    // @ts-expect-error 21 is not a type of this package: use a type argument or createCodec
    encodePayload({ type: 21, amount: 1 })
    // @ts-expect-error a widened `type: number` is not a known type either
    encodePayload({ type: 1 as number, content: 'x' })
    interface RedPacket {
      type: 21
      amount: number
    }
    expectTypeOf(encodePayload<RedPacket>({ type: 21, amount: 1 })).toEqualTypeOf<string>()
    expectTypeOf(buildSendRequest<RedPacket>({ from_uid: 'u', channel_id: 'g', channel_type: 2, payload: { type: 21, amount: 1 } })).toEqualTypeOf<SendMessageRequest>()
    expectTypeOf(recommendFlags<PayloadShape>({ type: 30001 })).toEqualTypeOf<HeaderFlags>()
    expectTypeOf(lintPayload<RedPacket>({ type: 21, amount: 1 })).toEqualTypeOf<LintFinding[]>()
    // @ts-expect-error the explicit route is still typed: RedPacket has no 'amuont'
    encodePayload<RedPacket>({ type: 21, amuont: 1 })
  })

  it('accepts every valid literal, and decoded payloads as they are (relaying)', () => {
    encodePayload({ type: 1, content: 'x', mention: { all: 1 } })
    encodePayload({ type: MessageType.Image, url: 'a', width: 1, height: 2 })
    buildSendRequest({ from_uid: 'u', channel_id: 'g', channel_type: 2, payload: { type: 99, cmd: 'groupUpdate', param: {} } })
    const decoded = {} as Payload
    encodePayload(decoded)
    recommendFlags(decoded)
    lintPayload(decoded)
    buildSendRequest({ from_uid: 'u', channel_id: 'g', channel_type: 2, payload: decoded })
    const safe = safeDecodePayload('')
    if (safe.ok) encodePayload(safe.value)
  })

  it('no known type number passes as an unknown type (derived from the list of definitions)', () => {
    // Each known literal that is also an UnknownTypeNumber would let its typos through.
    type Leaks = KnownPayload['type'] extends infer T ? (T extends UnknownPayload['type'] ? T : never) : never
    expectTypeOf<Leaks>().toEqualTypeOf<never>()
    type GenericLeaks = KnownPayload['type'] extends infer T ? (T extends GenericSystemPayload['type'] ? T : never) : never
    expectTypeOf<GenericLeaks>().toEqualTypeOf<never>()
    // And for every known type, `{ type }` plus that type's exact shape is what the input union selects.
    type Selected<T> = T extends KnownPayload['type'] ? Extract<Payload, { type: T }> : never
    expectTypeOf<Selected<KnownPayload['type']>>().toEqualTypeOf<KnownPayload>()
  })
})

describe('createCodec({ types }) knows the app’s own types', () => {
  const redPacket = definePayloadType({ type: 21, name: 'red-packet', description: 'Red packet.', fields: { amount: NonNegative('Amount in cents.'), greeting: Type.Optional(Type.String()) }, flags: CHAT_FLAGS, digest: { zh: '[红包]', en: '[Red packet]' }, examples: [] })
  const RedPacketSchema = redPacket.schema
  const codec = createCodec({ types: [redPacket] })

  it('decodes to a union with the app’s type in it, narrowable on type', () => {
    const p = codec.decodePayload('')
    expectTypeOf<Extract<typeof p, { type: 21 }>>().toEqualTypeOf<Static<typeof RedPacketSchema>>()
    if (codec.isKnownPayload(p)) {
      switch (p.type) {
        case 21:
          expectTypeOf(p.amount).toEqualTypeOf<number>()
          break
        case MessageType.Text:
          expectTypeOf(p).toEqualTypeOf<TextPayload>()
          break
      }
    }
    const v = codec.validatePayload({})
    if (v.ok && codec.isKnownPayload(v.value) && v.value.type === 21) expectTypeOf(v.value.amount).toEqualTypeOf<number>()
    const s = codec.safeDecodePayload('')
    if (s.ok) expectTypeOf(s.value).toEqualTypeOf<typeof p>()
  })

  it('encodes the app’s type strictly and the built-in ones as before', () => {
    codec.encodePayload({ type: 21, amount: 1 })
    codec.encodePayload({ type: 1, content: 'x' })
    codec.recommendFlags({ type: 21, amount: 1 })
    // @ts-expect-error 'amuont' does not exist in the red packet's type
    codec.encodePayload({ type: 21, amuont: 1 })
    // @ts-expect-error amount is a number
    codec.encodePayload({ type: 21, amount: '1' })
    // @ts-expect-error still strict for built-in types
    codec.encodePayload({ type: 1, contnet: 'typo' })
  })

  it('a redefined built-in type number replaces the built-in shape', () => {
    const ownText = definePayloadType({ type: 1, name: 'own-text', description: 'An app’s own text.', fields: { body: Type.String() }, flags: CHAT_FLAGS, digest: 'system', examples: [] })
    const own = createCodec({ types: [ownText] })
    own.encodePayload({ type: 1, body: 'x' })
    // @ts-expect-error type 1 is the app's own here: no `content`
    own.encodePayload({ type: 1, content: 'x' })
  })

  it('with no types, it is the package’s codec', () => {
    expectTypeOf(createCodec({ types: [] }).decodePayload('')).toEqualTypeOf<Payload>()
  })
})

describe('options objects', () => {
  it('locale is optional everywhere', () => {
    const p = {} as Payload
    expectTypeOf(digest(p, { selfUid: 'u1' })).toEqualTypeOf<string>()
    expectTypeOf(digest(p)).toEqualTypeOf<string>()
    expectTypeOf(renderSystemMessage(p, { selfUid: 'u1' })).toEqualTypeOf<string>()
    expectTypeOf(createCodec({ types: [] }).digest(p, { selfUid: 'u1' })).toEqualTypeOf<string>()
    // @ts-expect-error locales are 'zh' | 'en'
    digest(p, { locale: 'fr' })
  })
})

describe('one result vocabulary', () => {
  it('validation returns issues, decoding and parsing an error', () => {
    type Failure<R> = Extract<R, { ok: false }>
    expectTypeOf<Failure<ReturnType<typeof validatePayload>>>().toEqualTypeOf<{ readonly ok: false; readonly issues: ValidationIssue[] }>()
    expectTypeOf<Failure<ReturnType<typeof validateSendRequest>>>().toEqualTypeOf<{ readonly ok: false; readonly issues: ValidationIssue[] }>()
    expectTypeOf<Failure<ReturnType<typeof safeDecodePayload>>['error']>().toEqualTypeOf<PayloadError>()
    expectTypeOf<ProblemIssue['code']>().toEqualTypeOf<ValidationIssueCode>()
  })
})

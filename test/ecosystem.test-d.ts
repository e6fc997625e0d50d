/**
 * Type-level checks against the real packages from npm: tRPC 11 and Hono infer the payload types
 * from the package's Standard Schema objects, and the package's (TypeBox 0.34) schemas compose
 * inside `typebox` 1.x types with the right static types — `reply` included.
 */
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server'
import { sValidator } from '@hono/standard-validator'
import { Hono } from 'hono'
import { hc } from 'hono/client'
import { Type as Type1, type Static as Static1 } from 'typebox'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import { describe, expectTypeOf, it } from 'vitest'
import type { Payload, Reply, SendMessageRequest, TextPayload, ValidatedSendRequest } from '../src/entries/index.js'
import { ImageSchema, payloadFromBase64, payloadValidator, payloadValidatorOf, MessageType, PayloadSchema, ReplySchema, SendMessageRequestSchema, sendMessageRequestValidator, TextSchema } from '../src/entries/index.js'
import type { AppRouter } from '../examples/frameworks/trpc.js'

describe('Standard Schema types', () => {
  it('input and output types are the payload types', () => {
    expectTypeOf<StandardSchemaV1.InferOutput<typeof payloadValidator>>().toEqualTypeOf<Payload>()
    expectTypeOf<StandardSchemaV1.InferInput<typeof payloadFromBase64>>().toEqualTypeOf<string>()
    expectTypeOf<StandardSchemaV1.InferOutput<typeof payloadFromBase64>>().toEqualTypeOf<Payload>()
    expectTypeOf<StandardSchemaV1.InferOutput<ReturnType<typeof payloadValidatorOf<1>>>>().toEqualTypeOf<TextPayload>()
    expectTypeOf<StandardSchemaV1.InferInput<typeof sendMessageRequestValidator>>().toEqualTypeOf<SendMessageRequest>()
    expectTypeOf<StandardSchemaV1.InferOutput<typeof sendMessageRequestValidator>>().toEqualTypeOf<ValidatedSendRequest>()
  })
})

describe('tRPC 11 infers from the Standard Schema objects', () => {
  it('inputs and outputs of examples/frameworks/trpc.ts', () => {
    type In = inferRouterInputs<AppRouter>
    type Out = inferRouterOutputs<AppRouter>
    expectTypeOf<In['send']>().toEqualTypeOf<SendMessageRequest>()
    expectTypeOf<In['preview']>().toEqualTypeOf<string>()
    expectTypeOf<In['echoText']>().toEqualTypeOf<TextPayload>()
    expectTypeOf<Out['echoText']>().toEqualTypeOf<string>()
  })
})

describe('Hono with @hono/standard-validator infers from them', () => {
  it('c.req.valid() is the output type and the typed client takes the input type', () => {
    const app = new Hono().post('/send', sValidator('json', sendMessageRequestValidator), (c) => {
      expectTypeOf(c.req.valid('json')).toEqualTypeOf<ValidatedSendRequest>()
      return c.json({ type: c.req.valid('json').payload.type })
    }).post('/text', sValidator('json', payloadValidatorOf(MessageType.Text)), (c) => {
      expectTypeOf(c.req.valid('json')).toEqualTypeOf<TextPayload>()
      return c.text(c.req.valid('json').content)
    })
    const client = hc<typeof app>('http://127.0.0.1')
    expectTypeOf<Parameters<typeof client.send.$post>[0]['json']>().toEqualTypeOf<SendMessageRequest>()
  })
})

describe('typebox 1.x composes the package schemas', () => {
  it('Static of a 1.x Type.Object holding them, reply included', () => {
    const Envelope = Type1.Object({ text: TextSchema, image: ImageSchema, reply: ReplySchema, any: PayloadSchema, send: SendMessageRequestSchema })
    type E = Static1<typeof Envelope>
    expectTypeOf<E['reply']>().toEqualTypeOf<Reply>()
    expectTypeOf<E['any']>().toEqualTypeOf<Payload>()
    expectTypeOf<NonNullable<E['text']['reply']>>().toEqualTypeOf<Reply>()
    expectTypeOf<E['text']['content']>().toEqualTypeOf<string>()
    expectTypeOf<E['send']['payload']>().toEqualTypeOf<string>()
    expectTypeOf<Static1<typeof ReplySchema>>().not.toBeUnknown()
  })
})

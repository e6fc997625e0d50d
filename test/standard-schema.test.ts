/**
 * Standard Schema V1 and Standard JSON Schema on the package's checks. Oracles: the payloads of
 * the corpora (taken from the official clients' sources, each with its verdict) and independent
 * validators run on the JSON Schema output of each target — Ajv 2020-12 for draft-2020-12, Ajv's
 * draft-07 for draft-07, and an OpenAPI 3.0 document validator (@seriousme/openapi-schema-validator)
 * plus Ajv for openapi-3.0.
 */
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { StandardJSONSchemaV1, StandardSchemaV1 } from '@standard-schema/spec'
import { Validator as OpenApiValidator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { encodePayload, JSON_SCHEMA_TARGETS, MessageType, payloadDefinitions, payloadFromBase64, payloadValidator, payloadValidatorOf, sendMessageRequestValidator, webhookEventValidator } from '../src/entries/index.js'
import { messageEventValidator } from '../src/entries/events.js'
import { independentValidator } from './helpers.js'

/** `accept`: the clients' payload must validate; `keep`: delivered as is, valid or not (test/corpus.test.ts). */
interface CorpusEntry { readonly id: string; readonly payload: unknown; readonly verdict: 'accept' | 'keep' }
const corpus: CorpusEntry[] = ['wukongim-sdks', 'tangsengdaodao'].flatMap((name) => JSON.parse(readFileSync(new URL(`./corpus/${name}.json`, import.meta.url), 'utf8')) as CorpusEntry[])
const examples = payloadDefinitions.flatMap((d) => [...d.examples.map((e) => ({ value: e.value as unknown, valid: true })), ...(d.invalidExamples ?? []).map((e) => ({ value: e.value, valid: false }))])
/** Every value with the verdict of the published schemas/payload.schema.json under @cfworker/json-schema (not Ajv). */
const published = independentValidator('payload')
const values = [...corpus.map((c) => c.payload), ...examples.map((e) => e.value)].map((value) => ({ value, valid: published.validate(value).valid }))

function sync<T>(schema: StandardSchemaV1<unknown, T>, value: unknown): StandardSchemaV1.Result<T> {
  const result = schema['~standard'].validate(value)
  if (result instanceof Promise) throw new Error('expected a synchronous result')
  return result
}

const ajv2020 = () => new Ajv2020({ strict: false, allErrors: false, validateFormats: false })
const ajv07 = () => new Ajv({ strict: false, validateFormats: false })

/** Compiles one target's output with that target's validator. */
function compiled(schema: StandardJSONSchemaV1, target: string, side: 'input' | 'output' = 'input'): (value: unknown) => boolean {
  const json = schema['~standard'].jsonSchema[side]({ target })
  const validate = target === 'draft-2020-12' ? ajv2020().compile(json) : ajv07().compile(json)
  return (value) => validate(value) === true
}

describe('Standard Schema V1 objects', () => {
  it('carry version 1 and the vendor, and answer like the corpora (payloads from the official clients)', () => {
    expect(payloadValidator['~standard'].version).toBe(1)
    expect(payloadValidator['~standard'].vendor).toBe('wukong-payload')
    const accepted = corpus.filter((e) => e.verdict === 'accept')
    expect(accepted.length).toBeGreaterThan(20)
    for (const entry of accepted) expect(sync(payloadValidator, entry.payload), entry.id).toEqual({ value: entry.payload })
    for (const { value, valid } of examples) expect(sync(payloadValidator, value).issues === undefined, JSON.stringify(value).slice(0, 200)).toBe(valid)
  })

  it('map issues to { message, path } with array positions as numbers and the pointer kept', () => {
    const result = sync(payloadValidator, { type: 11, channel_type: 1, msgs: [{ message_id: '1', timestamp: 1, from_uid: 'u', payload: { type: 1, content: 5 } }] })
    expect(result.issues).toBeDefined()
    const issue = result.issues?.find((i) => i.path?.join('.') === 'msgs.0.payload.content')
    expect(issue, JSON.stringify(result.issues)).toBeDefined()
    expect(issue?.path?.[1]).toBe(0)
    expect(issue?.message).toMatch(/^\/msgs\/0\/payload\/content: /)
    expect(issue).toMatchObject({ pointer: '/msgs/0/payload/content', code: 'type' })
  })

  it('payloadValidatorOf(type) accepts its type only, with the issue at /type', () => {
    const text = payloadValidatorOf(MessageType.Text)
    expect(sync(text, { type: 1, content: 'hi' })).toEqual({ value: { type: 1, content: 'hi' } })
    const wrong = sync(text, { type: 2, url: 'https://x/y.png', width: 1, height: 1 })
    expect(wrong.issues?.[0]?.path).toEqual(['type'])
    expect(payloadValidatorOf(MessageType.Text)).toBe(text)
    expect(() => payloadValidatorOf(123456 as never)).toThrow(RangeError)
  })

  it('payloadFromBase64: Base64 string in, payload out; an object or bad Base64 is an issue', () => {
    const payload = { type: 1 as const, content: '你好 @a', mention: { uids: ['a'] } }
    expect(sync(payloadFromBase64, encodePayload(payload))).toEqual({ value: payload })
    expect(sync(payloadFromBase64, payload).issues?.[0]?.message).toMatch(/encodePayload/)
    const bad = sync(payloadFromBase64, 'eyJ0eXBlIjox!!')
    expect(bad.issues?.length).toBeGreaterThan(0)
    // Node's Buffer as an independent decoder: the output is the JSON the Base64 holds.
    const b64 = Buffer.from(JSON.stringify({ type: 2, url: 'https://x/y.png', width: 3, height: 4 }), 'utf8').toString('base64')
    expect(sync(payloadFromBase64, b64)).toEqual({ value: { type: 2, url: 'https://x/y.png', width: 3, height: 4 } })
  })

  it('sendMessageRequestValidator decodes and checks the payload inside, issues under payload', () => {
    const body = { from_uid: 'bot', channel_id: 'g1', channel_type: 2, payload: Buffer.from(JSON.stringify({ type: 1, content: 'x', mention: { all: true } })).toString('base64') }
    const result = sync(sendMessageRequestValidator, body)
    expect(result.issues?.map((i) => i.path)).toContainEqual(['payload', 'mention', 'all'])
    const good = sync(sendMessageRequestValidator, { ...body, payload: encodePayload({ type: 1, content: 'x' }) })
    expect(good.issues).toBeUndefined()
    expect((good as StandardSchemaV1.SuccessResult<{ payload: unknown }>).value.payload).toEqual({ type: 1, content: 'x' })
  })

  it('webhookEventValidator(event) is asynchronous and keeps int64 ids exact from text', async () => {
    const text = `[{"message_id":1234567890123456789,"message_seq":1,"client_msg_no":"c","from_uid":"u","channel_id":"g","channel_type":2,"timestamp":1,"payload":"${encodePayload({ type: 1, content: 'x' })}"}]`
    const result = await webhookEventValidator('msg.notify')['~standard'].validate(text)
    expect(result.issues).toBeUndefined()
    expect(JSON.stringify((result as { value: unknown }).value)).toContain('1234567890123456789')
    const refused = await webhookEventValidator('msg.notify')['~standard'].validate('{"not":"a list"}')
    expect(refused.issues?.[0]?.message).toMatch(/list/)
  })

  it('messageEventValidator checks /message/event bodies', () => {
    expect(sync(messageEventValidator, { channel_id: 'g', channel_type: 2 }).issues?.length).toBeGreaterThan(0)
  })
})

describe('Standard JSON Schema targets', () => {
  const validators = { payloadValidator, text: payloadValidatorOf(MessageType.Text), mergeForward: payloadValidatorOf(MessageType.MergeForward), sendMessageRequestValidator, payloadFromBase64, messageEventValidator }

  for (const target of JSON_SCHEMA_TARGETS.filter((t) => t !== 'openapi-3.0')) {
    it(`${target}: every output compiles in that dialect's validator and agrees with the published schema (another implementation) on the corpora and examples`, () => {
      for (const [name, schema] of Object.entries(validators)) {
        for (const side of ['input', 'output'] as const) expect(() => compiled(schema, target, side), `${name} ${side}`).not.toThrow()
      }
      const check = compiled(payloadValidator, target)
      expect(values.filter((v) => !v.valid).length).toBeGreaterThan(5)
      for (const { value, valid } of values) expect(check(value), JSON.stringify(value).slice(0, 200)).toBe(valid)
      const send = compiled(sendMessageRequestValidator, target)
      expect(send({ from_uid: 'a', channel_id: 'g', channel_type: 2, payload: encodePayload({ type: 1, content: 'x' }) })).toBe(true)
      expect(send({ from_uid: 'a', payload: 'eyJ9' })).toBe(false)
      expect(send({ from_uid: 'a', subscribers: ['u'], payload: 'eyJ9' })).toBe(true)
    })
  }

  it('draft-2020-12 and draft-07 name their dialect; the outputs are self-contained', () => {
    const a = payloadValidator['~standard'].jsonSchema.input({ target: 'draft-2020-12' })
    const b = payloadValidator['~standard'].jsonSchema.input({ target: 'draft-07' })
    expect(a.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(b.$schema).toBe('http://json-schema.org/draft-07/schema#')
    for (const json of [a, b]) expect(JSON.stringify(json)).not.toMatch(/"\$ref":"https?:/)
  })

  it('openapi-3.0: a document using each output (definitions hoisted to components) is a valid OpenAPI 3.0 document, and Ajv agrees on the corpora', async () => {
    const components: Record<string, unknown> = {}
    const paths: Record<string, unknown> = {}
    for (const [name, schema] of Object.entries(validators)) {
      for (const side of ['input', 'output'] as const) {
        const json = schema['~standard'].jsonSchema[side]({ target: 'openapi-3.0' })
        expect(json.$schema).toBeUndefined()
        const { definitions, ...rest } = json as { definitions?: Record<string, unknown> }
        const hoisted = JSON.parse(JSON.stringify(rest).replaceAll('"#/definitions/', '"#/components/schemas/').replaceAll('"$ref":"#"', `"$ref":"#/components/schemas/${name}-${side}"`)) as Record<string, unknown>
        components[`${name}-${side}`] = hoisted
        for (const [def, value] of Object.entries(definitions ?? {})) components[def] = JSON.parse(JSON.stringify(value).replaceAll('"#/definitions/', '"#/components/schemas/'))
        paths[`/${name}/${side}`] = { post: { requestBody: { content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}-${side}` } } } }, responses: { 200: { description: 'ok' } } } }
      }
    }
    const document = { openapi: '3.0.3', info: { title: 'wukong-payload', version: '1' }, paths, components: { schemas: components } }
    const result = await new OpenApiValidator().validate(document)
    expect(result.errors, JSON.stringify(result.errors ?? null).slice(0, 2000)).toBeUndefined()
    expect(result.valid).toBe(true)
    // The document validator does refuse 2020-12 keywords in a 3.0 schema (so it can fail here).
    const draft = payloadValidator['~standard'].jsonSchema.input({ target: 'draft-2020-12' })
    const refused = await new OpenApiValidator().validate({ ...document, components: { schemas: { ...components, draft: { ...draft, $defs: undefined, $schema: undefined } } } })
    expect(refused.valid).toBe(false)
    const check = compiled(payloadValidator, 'openapi-3.0')
    for (const { value, valid } of values) expect(check(value), JSON.stringify(value).slice(0, 200)).toBe(valid)
    const send = compiled(sendMessageRequestValidator, 'openapi-3.0')
    expect(send({ from_uid: 'a', payload: 'eyJ9' })).toBe(false)
    expect(send({ from_uid: 'a', subscribers: ['u'], payload: 'eyJ9' })).toBe(true)
  })

  it('an unknown target throws, naming the supported ones', () => {
    expect(() => payloadValidator['~standard'].jsonSchema.input({ target: 'draft-04' })).toThrow(/draft-2020-12, draft-07, openapi-3.0/)
  })
})

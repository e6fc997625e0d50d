/**
 * The package's checks as Standard Schema V1 objects: the payload union, each known type, the
 * Base64 payload (string in, payload out), the `/message/send` body (payload decoded and checked
 * inside) and webhook bodies by event. Each wraps the public check it names, so its verdicts and
 * issues are that check's.
 */
import { safeDecodePayload } from '../codec/codec.js'
import type { DecodeOptions } from '../codec/codec.js'
import { schemaId, PAYLOAD_SCHEMA_ID } from '../model/schema-ids.js'
import { SendMessageRequestSchema } from '../send/request-schema.js'
import type { SendMessageRequest } from '../send/request-schema.js'
import { validateSendRequest } from '../send/request.js'
import type { ValidatedSendRequest } from '../send/request.js'
import { payloadDefinitions } from '../types/definitions.js'
import type { KnownPayload, Payload, PayloadOfType } from '../types/payload.js'
import { PayloadReferences, PayloadSchema } from '../types/payload-schema.js'
import { validatePayload } from '../validate/validate.js'
import { parseWebhookEvent } from '../webhooks/events.js'
import type { WebhookEvent, WebhookEventOptions } from '../webhooks/events.js'
import { createStandardCheck, createStandardValidator } from './create.js'
import type { StandardCheck, StandardValidator } from './create.js'

/**
 * Any payload (the union), as Standard Schema: `validatePayload` behind `~standard.validate`.
 * Unknown integer types pass, as `validatePayload` lets them (forward compatibility); narrow with
 * `isKnownPayload`, or use {@link payloadValidatorOf} for one type.
 */
export const payloadValidator: StandardValidator<Payload, Payload> = createStandardValidator<Payload, Payload>({
  name: 'Payload',
  validate: (value) => validatePayload(value),
  inputSchema: PayloadSchema,
  references: PayloadReferences,
})

const byType = new Map<number, StandardValidator<KnownPayload, KnownPayload>>()

/**
 * One known message type as Standard Schema: a payload of that `type`, checked completely
 * (`validatePayload`), else an issue at `/type`. Made once per type and reused.
 */
export function payloadValidatorOf<T extends KnownPayload['type']>(type: T): StandardValidator<PayloadOfType<T>, PayloadOfType<T>> {
  const cached = byType.get(type)
  if (cached) return cached as unknown as StandardValidator<PayloadOfType<T>, PayloadOfType<T>>
  const definition = payloadDefinitions.find((d) => d.type === type)
  if (definition === undefined) throw new RangeError(`payloadValidatorOf: ${String(type)} is not a known message type; use payloadValidator for any type`)
  const name = typeof definition.schema.title === 'string' ? definition.schema.title : `type ${type}`
  const made = createStandardValidator<KnownPayload, KnownPayload>({
    name,
    validate: (value) => {
      const got = (value as { type?: unknown } | null)?.type
      if (typeof value === 'object' && value !== null && !Array.isArray(value) && got !== type) {
        return { ok: false, issues: [{ path: '/type', code: 'enum', message: `a ${name} has type ${type}, not ${JSON.stringify(got)}` }] }
      }
      return validatePayload(value) as ReturnType<typeof validatePayload> & { ok: boolean }
    },
    inputSchema: definition.schema,
    references: PayloadReferences,
  } as Parameters<typeof createStandardValidator<KnownPayload, KnownPayload>>[0])
  byType.set(type, made)
  return made as unknown as StandardValidator<PayloadOfType<T>, PayloadOfType<T>>
}

/** JSON Schema of the Base64 text a payload travels as. */
const Base64PayloadSchema = {
  $id: schemaId('payload-base64'),
  title: 'PayloadBase64',
  description: 'A WuKongIM payload: standard padded Base64 of the UTF-8 JSON of a payload object.',
  type: 'string',
  contentEncoding: 'base64',
  contentMediaType: 'application/json',
}

/**
 * The codec as Standard Schema: input the Base64 string (as in `/message/send` and webhooks),
 * output the decoded, validated payload (`safeDecodePayload` with its default limits).
 */
export const payloadFromBase64: StandardValidator<string, Payload> = createStandardValidator<string, Payload>({
  name: 'PayloadBase64',
  validate: (value) => {
    if (typeof value !== 'string') return { ok: false, issues: [{ path: '', code: 'type', message: 'a payload here is its Base64 string: encode the object with encodePayload()' }] }
    return safeDecodePayload(value)
  },
  inputSchema: Base64PayloadSchema,
  outputSchema: PayloadSchema,
  references: PayloadReferences,
})

/** JSON Schema of {@link ValidatedSendRequest}: the body as given and the payload decoded from it. */
const ValidatedSendRequestSchema = {
  title: 'ValidatedSendRequest',
  type: 'object',
  required: ['request', 'payload'],
  properties: { request: { $ref: SendMessageRequestSchema.$id }, payload: { $ref: PAYLOAD_SCHEMA_ID } },
}

/**
 * A `/message/send` body as Standard Schema (`validateSendRequest`): the envelope and the payload
 * inside its Base64, with issues at `/payload/…` in the decoded payload. Output:
 * `{ request, payload }`, the body as given and its decoded payload.
 */
export const sendMessageRequestValidator: StandardValidator<SendMessageRequest, ValidatedSendRequest> = createStandardValidator<SendMessageRequest, ValidatedSendRequest>({
  name: '/message/send body',
  validate: (value) => validateSendRequest(value),
  inputSchema: SendMessageRequestSchema,
  outputSchema: ValidatedSendRequestSchema,
  references: [SendMessageRequestSchema, ...PayloadReferences],
})

/**
 * A webhook body for one event name (the `event` query parameter) as Standard Schema, by
 * `parseWebhookEvent`: asynchronous, output the parsed event. Give it the body's text where you
 * can (int64 ids stay exact); a framework that has already parsed the JSON has rounded ids above
 * 2^53. No JSON Schema output: the body is one of several shapes chosen outside it.
 */
export function webhookEventValidator(event: string, options: WebhookEventOptions & DecodeOptions = {}): StandardCheck<unknown, WebhookEvent> {
  return createStandardCheck<unknown, WebhookEvent>({ name: `webhook ${event} body`, validate: (value) => parseWebhookEvent(event, value, options) })
}

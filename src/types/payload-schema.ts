/**
 * The payload union as a TypeBox schema, for TypeBox's own `Value.Check` and for tools that want
 * one schema (Fastify, OpenAPI). Branches are mutually exclusive, so `anyOf` is exact: each known
 * type, the generic system schema for other types in 1000–2000, and an envelope for any other
 * integer type. (`validatePayload` dispatches on `type` instead, for precise issues and speed.)
 */
import { Type } from '@sinclair/typebox'
import { PayloadEnvelopeSchema } from '../model/fields.js'
import { isSystemType, SYSTEM_TYPE_MAX, SYSTEM_TYPE_MIN } from '../model/message-type.js'
import { PAYLOAD_SCHEMA_ID } from '../model/schema-ids.js'
import type { Payload } from './payload.js'
import { payloadDefinitions } from './definitions.js'
import { GenericSystemSchema } from './system/generic.js'
import { withStatic } from '../model/fields.js'

const knownTypes = payloadDefinitions.map((d) => Type.Literal(d.type))
const knownSystemTypes = payloadDefinitions.filter((d) => isSystemType(d.type)).map((d) => Type.Literal(d.type))

const PayloadUnion = Type.Union(
  [
    ...payloadDefinitions.map((d) => d.schema),
    Type.Composite([GenericSystemSchema, Type.Object({ type: Type.Intersect([Type.Integer({ minimum: SYSTEM_TYPE_MIN, maximum: SYSTEM_TYPE_MAX }), Type.Not(Type.Union(knownSystemTypes))]) })]),
    Type.Object({ type: Type.Intersect([Type.Integer(), Type.Not(Type.Integer({ minimum: SYSTEM_TYPE_MIN, maximum: SYSTEM_TYPE_MAX })), Type.Not(Type.Union(knownTypes))]) }, { title: 'UnknownPayload' }),
  ],
  { $id: PAYLOAD_SCHEMA_ID, title: 'Payload', description: 'Any WuKongIM message payload.' },
)

/**
 * Every payload. Nested payloads are `$ref`s to this schema's `$id`, so TypeBox needs it as a
 * reference: `Value.Check(PayloadSchema, PayloadReferences, value)`.
 */
export const PayloadSchema = withStatic<Payload>(PayloadUnion)

/** References for TypeBox `Value.Check` / `TypeCompiler.Compile` of any payload schema. */
export const PayloadReferences = [PayloadUnion]

export { PayloadEnvelopeSchema }

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

const knownTypes = payloadDefinitions.map((d) => /* @__PURE__ */ Type.Literal(d.type))
const knownSystemTypes = payloadDefinitions.filter((d) => isSystemType(d.type)).map((d) => /* @__PURE__ */ Type.Literal(d.type))

const PayloadUnion = /* @__PURE__ */ (() => Type.Union(
  [
    ...payloadDefinitions.map((d) => d.schema),
    /* @__PURE__ */ Type.Composite([GenericSystemSchema, /* @__PURE__ */ Type.Object({ type: /* @__PURE__ */ Type.Intersect([/* @__PURE__ */ Type.Integer({ minimum: SYSTEM_TYPE_MIN, maximum: SYSTEM_TYPE_MAX }), /* @__PURE__ */ Type.Not(/* @__PURE__ */ Type.Union(knownSystemTypes))]) })]),
    /* @__PURE__ */ Type.Object({ type: /* @__PURE__ */ Type.Intersect([/* @__PURE__ */ Type.Integer(), /* @__PURE__ */ Type.Not(/* @__PURE__ */ Type.Integer({ minimum: SYSTEM_TYPE_MIN, maximum: SYSTEM_TYPE_MAX })), /* @__PURE__ */ Type.Not(/* @__PURE__ */ Type.Union(knownTypes))]) }, { title: 'UnknownPayload' }),
  ],
  { $id: PAYLOAD_SCHEMA_ID, title: 'Payload', description: 'Any WuKongIM message payload.' },
))()

/**
 * Every payload. Nested payloads are `$ref`s to this schema's `$id`, so TypeBox needs it as a
 * reference: `Value.Check(PayloadSchema, PayloadReferences, value)`.
 */
export const PayloadSchema = /* @__PURE__ */ withStatic<Payload>(PayloadUnion)

/** References for TypeBox `Value.Check` / `TypeCompiler.Compile` of any payload schema. */
export const PayloadReferences = [PayloadUnion]

export { PayloadEnvelopeSchema }

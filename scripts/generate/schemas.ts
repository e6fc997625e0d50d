/**
 * The published JSON Schemas (draft 2020-12): one file per type, the generic system schema, the
 * payload union, the shared structures, the `/message/send` request — and one self-contained
 * bundle with every schema under `$defs`, for validators that load a single file.
 * Only standard keywords: every file loads in Ajv 2020 strict mode, `@cfworker/json-schema` and
 * Python's `jsonschema` without options.
 */
import { isDeepStrictEqual } from 'node:util'
import { Type } from '@sinclair/typebox'
import { commonFields, EntitySchema, MentionSchema, ReplySchema, SystemExtraSchema } from '../../src/model/fields.js'
import { HeaderFlagsSchema } from '../../src/model/flags.js'
import { SYSTEM_TYPE_MAX, SYSTEM_TYPE_MIN } from '../../src/model/message-type.js'
import { PAYLOAD_SCHEMA_ID, schemaId } from '../../src/model/schema-ids.js'
import type { PayloadDefinition } from '../../src/model/define.js'
import { SendMessageRequestSchema } from '../../src/send/request-schema.js'
import { GenericSystemSchema, genericSystem } from '../../src/types/system/generic.js'
import { JSON_SCHEMA_DIALECT, plain, type Compiled, type JsonObject } from './compile.js'

/** The name of the bundle file, `schemas/<BUNDLE_NAME>.schema.json`. */
export const BUNDLE_NAME = 'wukong-payload.bundle'

/** A reference to a shared structure, published as `schemas/<name>.schema.json`. */
const commonRef = (name: string) => ({ $ref: schemaId(name) })

/** The optional fields any payload may carry, as one object schema that each type references. */
const CommonFieldsSchema = Type.Object(commonFields, { title: 'CommonFields', description: 'Optional fields any payload may carry.' })

/** Shared structures, each published as its own file and referenced by `$id`. */
function sharedSchemas(): Record<string, JsonObject> {
  const fields = plain(CommonFieldsSchema)
  const properties = fields.properties as Record<string, JsonObject>
  properties.mention = { ...commonRef('mention'), description: MentionSchema.description }
  properties.reply = { ...commonRef('reply'), description: ReplySchema.description }
  ;(properties.entities as JsonObject).items = commonRef('entity')
  const shared: Record<string, JsonObject> = {
    'common-fields': fields,
    mention: plain(MentionSchema),
    reply: plain(ReplySchema),
    entity: plain(EntitySchema),
    'system-extra': plain(SystemExtraSchema),
    'header-flags': plain(HeaderFlagsSchema),
  }
  for (const [name, schema] of Object.entries(shared)) shared[name] = { $schema: JSON_SCHEMA_DIALECT, $id: schemaId(name), ...schema }
  return shared
}

/**
 * A type's schema as published: its own properties inline, the common fields by reference to
 * `common-fields.schema.json` (the same constraints as the TypeBox schema, which spreads them
 * in), and shared structures such as `extra` entries by `$ref`.
 */
function factorCommon(schema: JsonObject): JsonObject {
  const properties = { ...(schema.properties as Record<string, JsonObject>) }
  const common = plain(CommonFieldsSchema).properties as Record<string, JsonObject>
  for (const [key, value] of Object.entries(common)) {
    if (isDeepStrictEqual(properties[key], value)) delete properties[key]
  }
  for (const value of Object.values(properties)) {
    const items = value.items as JsonObject | undefined
    if (items && isDeepStrictEqual(items, plain(SystemExtraSchema))) value.items = commonRef('system-extra')
  }
  return { ...schema, properties, allOf: [...((schema.allOf as JsonObject[] | undefined) ?? []), commonRef('common-fields')] }
}

/** Header keywords first, then the rest: `$schema`, `$id`, `title`, `description`. */
function published(schema: JsonObject, extra: JsonObject = {}): JsonObject {
  const { $id, title, description, ...rest } = schema
  return { $schema: JSON_SCHEMA_DIALECT, $id, title, description, ...rest, ...extra }
}

/**
 * The payload union as a dispatch on `type`: each known type's schema applies only when `type`
 * equals its number, the generic system schema to any other system type (1000–2000), and every
 * other integer type is accepted as an unknown payload. Equivalent to `PayloadSchema` (an
 * exclusive `anyOf`), but a validator reports only the matching type's problems.
 */
function payloadDispatchSchema(definitions: readonly PayloadDefinition[]): JsonObject {
  const specific = definitions.filter((d) => d.type >= SYSTEM_TYPE_MIN && d.type <= SYSTEM_TYPE_MAX).map((d) => d.type)
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: PAYLOAD_SCHEMA_ID,
    title: 'Payload',
    description: `Any WuKongIM message payload: a JSON object whose integer \`type\` selects its schema. Unknown integer types are accepted (forward compatibility); other system types (${SYSTEM_TYPE_MIN}–${SYSTEM_TYPE_MAX}) must match the generic system schema.`,
    type: 'object',
    required: ['type'],
    properties: { type: { type: 'integer' } },
    allOf: [
      ...definitions.map((d) => ({ if: { properties: { type: { const: d.type } } }, then: { $ref: d.schema.$id } })),
      {
        if: { properties: { type: { type: 'integer', minimum: SYSTEM_TYPE_MIN, maximum: SYSTEM_TYPE_MAX, not: { enum: specific } } } },
        then: { $ref: GenericSystemSchema.$id },
      },
    ],
  }
}

/**
 * One document with every schema under `$defs` and every `$ref` pointing inside it, so that a
 * validator given this file alone validates any payload (or a `/message/send` body through
 * `#/$defs/send-message-request`).
 */
function bundle(schemas: ReadonlyMap<string, JsonObject>): JsonObject {
  const local = new Map([...schemas].map(([name, s]) => [s.$id as string, `#/$defs/${name}`]))
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite)
    if (typeof node !== 'object' || node === null) return node
    return Object.fromEntries(
      Object.entries(node as JsonObject).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? (local.get(v) ?? v) : k === 'examples' ? v : rewrite(v)]),
    )
  }
  const $defs = Object.fromEntries(
    [...schemas].map(([name, { $schema: _d, $id: _i, examples: _e, ...rest }]) => [name, rewrite(rest)]),
  )
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: schemaId(BUNDLE_NAME),
    title: 'WuKongIM payload (bundle)',
    description: 'Every schema of wukong-payload in one file: validates any payload; `#/$defs/<name>` is the schema of one type or structure.',
    $ref: '#/$defs/payload',
    $defs,
  }
}

/** Every published schema by file name (without `.schema.json`). */
export function publishedSchemas(compiled: Compiled): Map<string, JsonObject> {
  const definitions = compiled.types.map((t) => t.definition)
  const out = new Map<string, JsonObject>()
  for (const d of definitions) out.set(d.name, published(factorCommon(plain(d.schema)), { examples: d.examples.map((e) => e.value) }))
  out.set(genericSystem.name, published(factorCommon(plain(GenericSystemSchema))))
  out.set('payload', payloadDispatchSchema(definitions))
  for (const [name, schema] of Object.entries(sharedSchemas())) out.set(name, schema)
  out.set('send-message-request', published(plain(SendMessageRequestSchema)))
  return out
}

/** The schema files, keyed by path from the project root. */
export function schemaOutputs(schemas: ReadonlyMap<string, JsonObject>): Map<string, string> {
  const out = new Map<string, string>()
  for (const [name, schema] of schemas) out.set(`schemas/${name}.schema.json`, `${JSON.stringify(schema, null, 2)}\n`)
  out.set(`schemas/${BUNDLE_NAME}.schema.json`, `${JSON.stringify(bundle(schemas), null, 2)}\n`)
  return out
}

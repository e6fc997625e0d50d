/**
 * The schemas as validators check them — shared by the generator (scripts/generate/, for the
 * ahead-of-time validators) and by `createCodec` (runtime Ajv, for an app's own types), so that a
 * built-in type and an app's type report the same issues the same way.
 *
 * Same constraints as the published files, in equivalent shorter forms (a literal's `const`
 * without its `type`, an `anyOf` of literals as an `enum`: one check, one issue "must be 0 or 1"),
 * without `type` at the top (it selected the validator), and with each nested payload
 * (`reply.payload`, `msgs[].payload`, any `$ref` to the payload union) checked as an envelope
 * only: the validator of its own type checks it next, iteratively, so no input can overflow the
 * stack. Everything else — the type's fields, the common fields, a command's `param` — is
 * checked in the type's one validator.
 */
import { PAYLOAD_SCHEMA_ID } from '../model/schema-ids.js'

type JsonObject = Record<string, unknown>

/** What a nested payload is checked against inside its parent: an object with an integer type. */
export const ENVELOPE_SCHEMA = { type: 'object', required: ['type'], properties: { type: { type: 'integer' } } } as const

/** Keywords that annotate and never validate: Ajv would embed them in the generated code. */
export const ANNOTATIONS: ReadonlySet<string> = new Set(['title', 'description', 'examples', 'x-type', 'x-hint', 'contentEncoding', 'contentMediaType', '$comment', 'default', 'deprecated', 'readOnly', 'writeOnly'])
/** Keywords whose value is a schema. */
const SCHEMA_KEYWORDS = new Set(['additionalProperties', 'items', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems', 'additionalItems'])
/** Keywords whose value is a list of schemas. */
const SCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems'])
/** Keywords whose value maps names to schemas (the names are data: never stripped). */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'])

/**
 * One schema position, transformed: annotations dropped, a nested payload reduced to its
 * envelope, literals and unions of literals in their one-check forms. Walks only schema
 * positions, so a property named `title` or `description` is a property like any other.
 */
function viewOf(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema
  const node = schema as JsonObject
  if (node.$ref === PAYLOAD_SCHEMA_ID) return { ...ENVELOPE_SCHEMA }
  const out: JsonObject = {}
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key)) continue
    if (SCHEMA_KEYWORDS.has(key)) out[key] = viewOf(value)
    else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) out[key] = value.map(viewOf)
    else if (SCHEMA_MAP_KEYWORDS.has(key) && typeof value === 'object' && value !== null) {
      out[key] = Object.fromEntries(Object.entries(value as JsonObject).map(([name, sub]) => [name, viewOf(sub)]))
    } else out[key] = value
  }
  // TypeBox writes a literal as `{const, type}`; `const` alone says the same.
  if ('const' in out && 'type' in out) delete out.type
  const anyOf = out.anyOf as JsonObject[] | undefined
  if (anyOf?.every((branch) => Object.keys(branch).length === 1 && 'const' in branch)) {
    delete out.anyOf
    out.enum = anyOf.map((branch) => branch.const)
  }
  return out
}

/**
 * Returns the schema as a validator checks it (a transformed deep copy of a TypeBox or plain JSON
 * Schema object): {@link viewOf} at every schema position, and no `type` check at the top, since
 * `validatePayload` picked this validator by `type`.
 */
export function compiledView(schema: object): JsonObject {
  // A JSON round trip first: TypeBox's symbol keys and `undefined` values go.
  const copy = viewOf(JSON.parse(JSON.stringify(schema))) as JsonObject
  const properties = copy.properties as Record<string, JsonObject> | undefined
  if (properties?.type && 'const' in properties.type) {
    delete properties.type
    copy.required = ((copy.required as string[] | undefined) ?? []).filter((key) => key !== 'type')
  }
  return copy
}

/** Where a schema nests payloads: property names, `'*'` for every item of an array. */
export type NestedPosition = readonly string[]

/**
 * Every position at which `schema` nests a payload (a `$ref` to the payload union): `reply.payload`
 * in every type, `msgs[].payload` in a merged forward, and whatever a new type declares. Found in
 * the schema, so no type number is written down for it.
 */
export function nestedPayloadPositions(schema: unknown): NestedPosition[] {
  const found: NestedPosition[] = []
  const seen = new Set<string>()
  const walk = (node: unknown, at: string[]): void => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return
    const s = node as JsonObject
    if (s.$ref === PAYLOAD_SCHEMA_ID) {
      const key = JSON.stringify(at)
      if (!seen.has(key)) seen.add(key), found.push([...at])
      return
    }
    for (const [name, sub] of Object.entries((s.properties ?? {}) as JsonObject)) walk(sub, [...at, name])
    if (s.items) walk(s.items, [...at, '*'])
    for (const list of ['allOf', 'anyOf', 'oneOf'] as const) for (const sub of (s[list] ?? []) as unknown[]) walk(sub, at)
  }
  walk(JSON.parse(JSON.stringify(schema)), [])
  return found
}

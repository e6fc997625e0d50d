/**
 * Standard JSON Schema (`~standard.jsonSchema`) output: one self-contained JSON Schema for a
 * target dialect, built from the package's TypeBox schemas. The published `schemas/*.json` link to
 * each other by absolute `$id`; a tool that is handed one schema (an OpenAPI generator, an AI SDK)
 * cannot follow those links, so the schemas a root refers to are copied under its definitions and
 * every link points there.
 */
import { PayloadError } from '../errors/payload-error.js'

/** A target this package writes (the Standard JSON Schema names). */
export type JsonSchemaTarget = 'draft-2020-12' | 'draft-07' | 'openapi-3.0'

/** Every target {@link toTargetJsonSchema} writes. */
export const JSON_SCHEMA_TARGETS: readonly JsonSchemaTarget[] = ['draft-2020-12', 'draft-07', 'openapi-3.0']

type Json = Record<string, unknown>

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Annotations that may sit beside a `$ref` in every target (they change no verdict). */
const ANNOTATIONS = new Set(['description', 'title', '$comment', 'examples', 'default'])

/** The pattern `Type.Record(Type.String(), …)` writes: any key (without a line break). */
const ANY_KEY = '^(.*)$'

function defsKeyword(target: JsonSchemaTarget): '$defs' | 'definitions' {
  // draft-07 names them `definitions`; OpenAPI 3.0 has none of its own, and generators (zod's
  // `openapi-3.0` target among them) write `definitions` and hoist them into `components`.
  return target === 'draft-2020-12' ? '$defs' : 'definitions'
}

/**
 * `root` as one JSON Schema for `target`: `references` (schemas with an `$id`) that it links to
 * are copied under `$defs` (draft 2020-12) or `definitions` (draft-07, OpenAPI 3.0) by title,
 * links rewritten, nested `$id`s removed. For OpenAPI 3.0 the keywords it lacks are rewritten to
 * equivalents (`const` → one-value `enum`, `if`/`then` → `anyOf`, Base64 `contentEncoding` →
 * `format: "byte"`); a keyword without an equivalent throws a `PayloadError` naming it, as the
 * Standard JSON Schema spec asks.
 */
export function toTargetJsonSchema(root: object, references: readonly object[], target: JsonSchemaTarget): Record<string, unknown> {
  if (!JSON_SCHEMA_TARGETS.includes(target)) {
    throw new PayloadError('INVALID_PAYLOAD', `unsupported JSON Schema target ${JSON.stringify(target)}: use one of ${JSON_SCHEMA_TARGETS.join(', ')}`)
  }
  // A JSON copy drops TypeBox's symbol keys and shares nothing with the package's schemas.
  const copy = (schema: object): Json => JSON.parse(JSON.stringify(schema)) as Json
  const byId = new Map<string, Json>()
  for (const reference of references) {
    const id = (reference as Json).$id
    if (typeof id === 'string') byId.set(id, reference as Json)
  }
  const rootCopy = copy(root)
  const rootId = rootCopy.$id
  const defsName = defsKeyword(target)
  const defs: Record<string, Json> = {}
  const nameOf = new Map<string, string>()
  const pending: Json[] = [rootCopy]

  const nameFor = (id: string): string => {
    const known = nameOf.get(id)
    if (known !== undefined) return known
    const reference = byId.get(id)
    if (reference === undefined) throw new PayloadError('INVALID_PAYLOAD', `the schema links to ${id}, which is not among its references`)
    const base = typeof reference.title === 'string' && reference.title !== '' ? reference.title : (id.split('/').pop() ?? 'Schema').replace(/\.schema\.json$/, '')
    let name = base
    for (let n = 2; Object.values(Object.fromEntries(nameOf)).includes(name); n++) name = `${base}${n}`
    nameOf.set(id, name)
    const def = copy(reference)
    defs[name] = def
    pending.push(def)
    return name
  }

  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite)
    if (!isRecord(node)) return node
    const out: Json = {}
    for (const [key, value] of Object.entries(node)) {
      if (key === '$id' || key === '$schema') continue
      if (key === 'properties' && isRecord(value)) {
        out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, rewrite(schema)]))
      } else if (key === '$ref' && typeof value === 'string') {
        out[key] = value === rootId ? '#' : value.startsWith('#') ? value : `#/${defsName}/${nameFor(value)}`
      } else out[key] = rewrite(value)
    }
    return target === 'draft-2020-12' ? out : toOlderDialect(out, target)
  }

  let result: Json = {}
  for (let first = true; pending.length > 0; first = false) {
    const node = pending.shift() as Json
    const rewritten = rewrite(node) as Json
    if (first) result = rewritten
    else {
      const name = Object.entries(defs).find(([, def]) => def === node)?.[0] as string
      defs[name] = rewritten
    }
  }
  const head: Json = {}
  if (target === 'draft-2020-12') head.$schema = 'https://json-schema.org/draft/2020-12/schema'
  else if (target === 'draft-07') head.$schema = 'http://json-schema.org/draft-07/schema#'
  return { ...head, ...result, ...(Object.keys(defs).length > 0 ? { [defsName]: defs } : {}) }
}

const isNullType = (schema: unknown): boolean => isRecord(schema) && schema.type === 'null' && Object.keys(schema).every((k) => k === 'type' || ANNOTATIONS.has(k))

/** One schema node (its children already rewritten) in draft-07 or OpenAPI 3.0 terms. */
function toOlderDialect(node: Json, target: JsonSchemaTarget): Json {
  let out = node
  // Before 2019-09 a `$ref` makes its siblings ignored: constraints beside it go into an allOf.
  if (typeof out.$ref === 'string' && Object.keys(out).some((k) => k !== '$ref' && !ANNOTATIONS.has(k))) {
    const { $ref, ...rest } = out
    out = { ...rest, allOf: [...(Array.isArray(rest.allOf) ? rest.allOf : []), { $ref }] }
  } else if (target === 'openapi-3.0' && typeof out.$ref === 'string' && Object.keys(out).length > 1) {
    // An OpenAPI 3.0 Reference Object has nothing beside `$ref`.
    const { $ref, ...rest } = out
    out = { ...rest, allOf: [{ $ref }] }
  }
  if (target !== 'openapi-3.0') return out
  // OpenAPI 3.0 has no `null` type: `anyOf: [A, { type: 'null' }]` becomes A with `nullable: true`.
  if (Array.isArray(out.anyOf) && out.anyOf.some(isNullType)) {
    const rest = (out.anyOf as unknown[]).filter((s) => !isNullType(s)).map((s) => (isRecord(s) ? { ...s, nullable: true } : s))
    const { anyOf: _anyOf, ...others } = out
    out = rest.length === 1 && isRecord(rest[0]) && Object.keys(others).every((k) => ANNOTATIONS.has(k)) ? { ...others, ...rest[0] } : { ...others, anyOf: rest }
  }
  const result: Json = {}
  for (const [key, value] of Object.entries(out)) {
    switch (key) {
      case 'const':
        result.enum = [value]
        break
      case 'if':
      case 'then':
      case 'else':
        break
      case 'contentEncoding':
        if (value !== 'base64') throw new PayloadError('INVALID_PAYLOAD', `contentEncoding ${JSON.stringify(value)} has no OpenAPI 3.0 equivalent`)
        result.format = 'byte'
        break
      case 'contentMediaType':
        result['x-contentMediaType'] = value
        break
      case 'examples':
        if (Array.isArray(value) && value.length > 0) result.example = value[0]
        break
      case 'patternProperties': {
        const entries = Object.entries(value as Json)
        if (entries.length !== 1 || entries[0]?.[0] !== ANY_KEY || 'additionalProperties' in out) {
          throw new PayloadError('INVALID_PAYLOAD', 'patternProperties has no OpenAPI 3.0 equivalent (only a pattern for any key maps to additionalProperties)')
        }
        result.additionalProperties = entries[0][1]
        break
      }
      default:
        if (['$defs', 'prefixItems', 'unevaluatedProperties', 'unevaluatedItems', 'dependentRequired', 'dependentSchemas', 'propertyNames', 'contains', '$anchor', '$dynamicRef'].includes(key)) {
          throw new PayloadError('INVALID_PAYLOAD', `JSON Schema keyword ${key} has no OpenAPI 3.0 equivalent`)
        }
        result[key] = value
    }
  }
  if ('if' in out) {
    // if I then T else E  ≡  (I and T) or (not I and E); a missing branch holds.
    const condition = out.if
    const whenTrue = 'then' in out ? { allOf: [condition, out.then] } : condition
    const whenFalse = 'else' in out ? { allOf: [{ not: condition }, out.else] } : { not: condition }
    const either = { anyOf: [whenTrue, whenFalse] }
    result.allOf = [...(Array.isArray(result.allOf) ? result.allOf : []), either]
  }
  return result
}

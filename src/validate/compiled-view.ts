/**
 * The schemas as validators check them — shared by the generator (scripts/outputs.ts, for the
 * ahead-of-time validators) and by `createCodec` (runtime Ajv, for an app's own types), so that a
 * built-in type and an app's type report the same issues the same way.
 *
 * Same constraints as the published files, written in equivalent shorter forms (a literal's
 * `const` without its `type`, an `anyOf` of literals as an `enum`: one check, one issue "must be
 * 0 or 1"), with the checks that `validatePayload` does once per payload left out (`type`, which
 * selected the validator, and the common fields), and with two dispatches moved into code
 * (validate.ts), where a map lookup replaces a chain of `if`/`then`:
 * - a nested payload (`reply.payload`, `msgs[].payload`) is checked here as an envelope and then
 *   by its own type's validator, iteratively (so no input can overflow the stack);
 * - a command's `param` is checked by the validator of its `cmd`.
 */
import { commonFields } from '../model/fields.js'
import { PAYLOAD_SCHEMA_ID, schemaId } from '../model/schema-ids.js'

type JsonObject = Record<string, unknown>

/** What a nested payload is checked against inside its parent: an object with an integer type. */
export const ENVELOPE_SCHEMA = { type: 'object', required: ['type'], properties: { type: { type: 'integer' } } } as const

const ANNOTATIONS = ['title', 'description', 'examples', 'x-type', 'contentEncoding', 'contentMediaType', '$comment']

/** The common fields' schemas as JSON text, to recognise them when a type spreads them in. */
const commonFieldJson = /*@__PURE__*/ (() => {
  let cache: Map<string, string> | undefined
  return () => (cache ??= new Map(Object.entries(commonFields).map(([key, schema]) => [key, JSON.stringify(schema)])))
})()

/** Returns a transformed deep copy of `schema` (a TypeBox or plain JSON Schema object). */
export function compiledView(schema: object): JsonObject {
  const copy = JSON.parse(JSON.stringify(schema), (_key, value: unknown) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value
    const node = value as JsonObject
    if (node.$ref === PAYLOAD_SCHEMA_ID) return { ...ENVELOPE_SCHEMA }
    // Annotations do not validate anything; Ajv would embed them in the generated code.
    for (const key of ANNOTATIONS) delete node[key]
    // TypeBox writes a literal as `{const, type}`; `const` alone says the same.
    if ('const' in node && 'type' in node) {
      const { type: _type, ...rest } = node
      return rest
    }
    const anyOf = node.anyOf as JsonObject[] | undefined
    if (anyOf?.every((branch) => Object.keys(branch).every((k) => k === 'const'))) {
      const { anyOf: _anyOf, ...rest } = node
      return { ...rest, enum: anyOf.map((branch) => branch.const) }
    }
    return node
  }) as JsonObject
  if (copy.$id === schemaId('command')) copy.allOf = (copy.allOf as JsonObject[]).filter((s) => !('if' in s))
  if (Array.isArray(copy.allOf)) {
    // The common fields are checked once per payload by validatePayload (validators.commonFields).
    copy.allOf = (copy.allOf as JsonObject[]).filter((s) => s.$ref !== schemaId('common-fields'))
    if ((copy.allOf as JsonObject[]).length === 0) delete copy.allOf
  }
  const properties = copy.properties as Record<string, JsonObject> | undefined
  if (properties) {
    const original = (schema as { properties?: Record<string, unknown> }).properties ?? {}
    for (const [key, json] of copy.$id === schemaId('common-fields') ? [] : commonFieldJson()) {
      // A type that spreads `commonFields` in (as TypeBox definitions do) carries them unchanged.
      if (key in properties && JSON.stringify(original[key]) === json) delete properties[key]
    }
    if (properties.type && 'const' in properties.type) {
      // validatePayload picks this validator by `type`, so `type` is present and equal here.
      delete properties.type
      copy.required = ((copy.required as string[] | undefined) ?? []).filter((key) => key !== 'type')
    }
  }
  return copy
}

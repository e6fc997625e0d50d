import { Type, type TProperties } from '@sinclair/typebox'
import { commonFields, SystemExtraSchema } from '../../model/fields.js'
import { schemaId } from '../../model/schema-ids.js'

/** `content`: the template clients render; `{n}` stands for `extra[n].name`. */
export const SystemContent = Type.String({ description: 'Template; every `{n}` is replaced by `extra[n].name` when rendered.' })
/** `extra`: the users the template's placeholders stand for. */
export const SystemExtraList = Type.Array(SystemExtraSchema, {
  description: '`extra[n]` fills `{n}` in `content`. An entry with an empty `uid` carries plain text (e.g. a group name), not a user.',
})

/**
 * Builds the schema of a system message (type > 1000): `content` + `extra`, the type's own
 * fields, and the optional fields any payload may carry.
 */
export function systemSchema<T extends number, P extends TProperties>(
  type: T,
  name: string,
  title: string,
  description: string,
  properties: P,
) {
  return Type.Object(
    { type: Type.Literal(type), content: SystemContent, extra: SystemExtraList, ...commonFields, ...properties },
    { $id: schemaId(name), title, description },
  )
}

/** Same as {@link systemSchema} for types whose `extra` may be absent (fixed text, tips). */
export function systemSchemaOptionalExtra<T extends number, P extends TProperties>(
  type: T,
  name: string,
  title: string,
  description: string,
  properties: P,
) {
  return Type.Object(
    { type: Type.Literal(type), content: SystemContent, extra: Type.Optional(SystemExtraList), ...commonFields, ...properties },
    { $id: schemaId(name), title, description },
  )
}

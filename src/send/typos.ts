/**
 * Near-miss property names: an unknown property one or two edits away from a name the schema
 * defines at that place (`mentoin` beside `mention`, `chanel_id` beside `channel_id`). Unknown
 * properties are accepted, for forward compatibility, so without this a typo loses the field
 * silently. The names come from the definitions' schemas (one source of truth), nested objects
 * included; nested payloads are left to their own level (lint visits them one by one).
 */
import { nearestName } from '../model/near-name.js'
import { isSystemType } from '../model/message-type.js'
import { PAYLOAD_SCHEMA_ID } from '../model/schema-ids.js'
import { payloadDefinitions } from '../types/definitions.js'
import { GenericSystemSchema } from '../types/system/generic.js'
import { pointerSegment } from '../validate/issues.js'
import { SendMessageRequestSchema } from './request-schema.js'

/** The property names a schema defines at one place, and the shapes below them. */
interface Shape {
  readonly names: string[]
  readonly properties: Map<string, Shape>
  items?: Shape
}

/** A finding of {@link typoFindings}: where, the name found and the name meant. */
export interface Typo {
  readonly path: string
  readonly found: string
  readonly meant: string
}

type JsonObject = Record<string, unknown>

/** The shape of a JSON Schema (a JSON copy: TypeBox's symbols gone); unions merge their branches. */
function shapeOf(schema: unknown, into: Shape = { names: [], properties: new Map() }): Shape {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return into
  const node = schema as JsonObject
  // A nested payload: checked at its own level, against its own type.
  if (node.$ref === PAYLOAD_SCHEMA_ID) return into
  const properties = node.properties as JsonObject | undefined
  // Names that match a pattern are open-ended: no typo can be told from them.
  if (properties && node.patternProperties === undefined) {
    for (const [name, sub] of Object.entries(properties)) {
      if (!into.names.includes(name)) into.names.push(name)
      const existing = into.properties.get(name)
      into.properties.set(name, shapeOf(sub, existing))
    }
  }
  if (node.items) into.items = shapeOf(node.items, into.items)
  for (const list of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = node[list]
    if (Array.isArray(branches)) for (const branch of branches) shapeOf(branch, into)
  }
  return into
}

const json = (schema: unknown): unknown => JSON.parse(JSON.stringify(schema))

/** Shapes by type number and of command params by `cmd`, built at the first lint (no import-time work). */
let shapes: Map<number, { shape: Shape; params?: Map<string, Shape> }> | undefined
let systemShape: Shape | undefined
let envelopeShape: Shape | undefined

function shapeForPayload(payload: JsonObject): Shape | undefined {
  if (!shapes) {
    shapes = new Map()
    for (const d of payloadDefinitions) {
      const params = d.params ? new Map(Object.entries(d.params).map(([cmd, schema]) => [cmd, shapeOf(json(schema))])) : undefined
      shapes.set(d.type, { shape: shapeOf(json(d.schema)), ...(params ? { params } : {}) })
    }
  }
  const type = payload.type
  if (typeof type !== 'number') return undefined
  const entry = shapes.get(type)
  if (!entry) return Number.isInteger(type) && isSystemType(type) ? (systemShape ??= shapeOf(json(GenericSystemSchema))) : undefined
  const param = typeof payload.cmd === 'string' && Object.hasOwn(Object(entry.params), payload.cmd) ? entry.params?.get(payload.cmd) : undefined
  if (!param) return entry.shape
  const properties = new Map(entry.shape.properties)
  properties.set('param', param)
  return { names: entry.shape.names, properties }
}

/** Walks a value along a shape (only where the shape defines names, so bounded by the schema's depth). */
function walk(value: unknown, shape: Shape, path: string, out: Typo[]): void {
  if (Array.isArray(value)) {
    if (shape.items) value.forEach((item: unknown, i) => walk(item, shape.items as Shape, `${path}/${i}`, out))
    return
  }
  if (typeof value !== 'object' || value === null || shape.names.length === 0) return
  for (const [key, sub] of Object.entries(value as JsonObject)) {
    const defined = shape.properties.get(key)
    if (defined && shape.names.includes(key)) {
      walk(sub, defined, `${path}/${pointerSegment(key)}`, out)
      continue
    }
    const meant = nearestName(key, shape.names)
    if (meant !== undefined) out.push({ path: `${path}/${pointerSegment(key)}`, found: key, meant })
  }
}

/** Near-miss names in one payload (not in the payloads it nests), paths under `prefix`. Never throws. */
export function payloadTypos(payload: JsonObject, prefix: string): Typo[] {
  const shape = shapeForPayload(payload)
  const out: Typo[] = []
  if (shape) walk(payload, shape, prefix, out)
  return out
}

/** Near-miss names in a `/message/send` body's envelope (its `payload` is a string, linted on its own). Never throws. */
export function envelopeTypos(body: JsonObject): Typo[] {
  const out: Typo[] = []
  walk(body, (envelopeShape ??= shapeOf(json(SendMessageRequestSchema))), '', out)
  return out
}

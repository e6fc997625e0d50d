/**
 * The properties a schema declares, by position: what `unknownProperties: 'reject'` (the strict
 * mode for senders) holds a payload to. A receiver keeps every property a type does not define
 * (forward compatibility); a sender that opts in is told of each one, with the defined name it
 * is most likely a typo of. Pure: shared by the generator (built-in types) and `createCodec`.
 */
import { nearestName } from '../model/near-name.js'
import { PAYLOAD_SCHEMA_ID } from '../model/schema-ids.js'
import type { ValidationIssue } from '../errors/issue.js'
import type { ShapeTree } from '../model/trees.js'

export type { ShapeTree }

type JsonObject = Record<string, unknown>
type MutableShape = { k?: Record<string, MutableShape>; i?: MutableShape; p?: 1; open?: boolean }

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * `tree` with the properties `common` declares at its top (the same subtrees) moved out of its
 * own list into a shared `a`: the generated table then holds the common fields once.
 */
export function factored(tree: ShapeTree, common: ShapeTree): ShapeTree {
  const k = tree.k
  const shared = common.k
  if (k === undefined || shared === undefined) return tree
  const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y)
  if (!Object.keys(shared).every((name) => Object.hasOwn(k, name) && same(k[name], shared[name]))) return tree
  const own = Object.fromEntries(Object.entries(k).filter(([name]) => !Object.hasOwn(shared, name)))
  return { ...tree, k: own, a: shared }
}

/**
 * The declared properties of a schema by position, through `allOf`/`anyOf`/`oneOf` and a
 * command's `then` branches (a property any branch declares is declared). An object that allows
 * more (`additionalProperties`, `patternProperties`) or declares nothing is open.
 */
export function shapeTree(schema: unknown): ShapeTree {
  const walk = (node: unknown, into: MutableShape, depth: number): void => {
    if (!isObject(node) || depth > 64) return
    if (node.$ref === PAYLOAD_SCHEMA_ID) {
      into.p = 1
      return
    }
    if (isObject(node.properties)) {
      const k = (into.k ??= {})
      for (const [name, sub] of Object.entries(node.properties)) walk(sub, Object.hasOwn(k, name) ? (k[name] as MutableShape) : (k[name] = {}), depth + 1)
    }
    if ((node.additionalProperties !== undefined && node.additionalProperties !== false) || node.patternProperties !== undefined) into.open = true
    if (isObject(node.items)) walk(node.items, (into.i ??= {}), depth + 1)
    for (const list of ['allOf', 'anyOf', 'oneOf'] as const) {
      const subs = node[list]
      if (Array.isArray(subs)) for (const sub of subs) walk(sub, into, depth + 1)
    }
    if (isObject(node.then)) walk(node.then, into, depth + 1)
  }
  const root: MutableShape = {}
  walk(JSON.parse(JSON.stringify(schema)), root, 0)
  return settled(root) ?? {}
}

/** Without open objects' key lists and positions with nothing to check below. */
function settled(shape: MutableShape): ShapeTree | undefined {
  let k: Record<string, ShapeTree> | undefined
  if (shape.k && !shape.open) {
    k = {}
    for (const [name, sub] of Object.entries(shape.k)) k[name] = settled(sub) ?? {}
  }
  const i = shape.i ? settled(shape.i) : undefined
  if (k === undefined && i === undefined && shape.p === undefined) return undefined
  return { ...(k ? { k } : {}), ...(i ? { i } : {}), ...(shape.p ? { p: 1 as const } : {}) }
}

function segment(key: string | number): string {
  return String(key).replaceAll('~', '~0').replaceAll('/', '~1')
}

/**
 * Reports each property of `value` that its shape does not declare, at its JSON Pointer (`path`
 * is the value's own), with the declared name it is most likely a typo of. Nested payloads are
 * not entered (each is checked against its own type's shape). Bounded: at most `limit` issues.
 */
export function unknownProperties(value: unknown, shape: ShapeTree, path: string, out: ValidationIssue[], limit = 100): void {
  const stack: [unknown, ShapeTree, string][] = [[value, shape, path]]
  while (stack.length > 0 && out.length < limit) {
    const [v, s, at] = stack.pop() as [unknown, ShapeTree, string]
    if (typeof v !== 'object' || v === null || s.p) continue
    if (Array.isArray(v)) {
      if (s.i) for (let n = v.length - 1; n >= 0; n--) stack.push([v[n], s.i, `${at}/${n}`])
      continue
    }
    const own = s.k
    if (own === undefined) continue
    const also = s.a ?? {}
    const declared = (key: string): ShapeTree | undefined => (Object.hasOwn(own, key) ? own[key] : Object.hasOwn(also, key) ? also[key] : undefined)
    const keys = Object.keys(v)
    for (let n = keys.length - 1; n >= 0; n--) {
      const key = keys[n] as string
      const sub = declared(key)
      if (sub !== undefined) stack.push([(v as JsonObject)[key], sub, `${at}/${segment(key)}`])
    }
    for (const key of keys) {
      if (declared(key) !== undefined || (v as JsonObject)[key] === undefined) continue
      const near = nearestName(key, [...Object.keys(own), ...Object.keys(also)])
      out.push({
        path: `${at}/${segment(key)}`,
        code: 'unknown_property',
        message: `${JSON.stringify(key)} is not a property this type defines${near === undefined ? '' : `: did you mean ${JSON.stringify(near)}?`} (unknownProperties: 'reject' refuses what receivers would keep; remove it, or send without that option)`,
      })
      if (out.length >= limit) return
    }
  }
}

/**
 * Hints come from the schema: a field that needs more than "must be a number" to be fixed carries
 * its advice as an `x-hint` annotation (the shared field helpers `DecimalId`, `NonNegative`,
 * `Flag01` … set it), and an issue at that position adds it. A field without one gets none, so an
 * app type's own `size: Type.String()` is never told "a number of bytes" because a built-in
 * type's `size` is. Pure: shared by the generator (built-in types) and `createCodec` (app types).
 */
import { HINT_KEYWORD } from '../model/hint-keyword.js'
import { PAYLOAD_SCHEMA_ID } from '../model/schema-ids.js'
import type { HintTree } from '../model/trees.js'
export { HINT_KEYWORD }

export type { HintTree }

type JsonObject = Record<string, unknown>
type MutableTree = { h?: string; k?: Record<string, MutableTree> }

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Every hint of a schema, by position (properties, array items, through `allOf`/`anyOf`/`oneOf`
 * and a command's `then` branches; a nested payload's own hints are its type's). `undefined` when
 * the schema has none.
 */
export function hintTree(schema: unknown): HintTree | undefined {
  const root: MutableTree = {}
  const walk = (node: unknown, into: MutableTree, depth: number): void => {
    // Schemas are finite, but an app's may be hand-written: a bound instead of trusting it.
    if (!isObject(node) || depth > 64) return
    const hint = node[HINT_KEYWORD]
    if (typeof hint === 'string' && into.h === undefined) into.h = hint
    if (node.$ref === PAYLOAD_SCHEMA_ID) return
    const child = (name: string): MutableTree => {
      const k = (into.k ??= {})
      return Object.hasOwn(k, name) ? (k[name] as MutableTree) : (k[name] = {})
    }
    if (isObject(node.properties)) for (const [name, sub] of Object.entries(node.properties)) walk(sub, child(name), depth + 1)
    if (isObject(node.items)) walk(node.items, child('*'), depth + 1)
    for (const list of ['allOf', 'anyOf', 'oneOf'] as const) {
      const subs = node[list]
      if (Array.isArray(subs)) for (const sub of subs) walk(sub, into, depth + 1)
    }
    if (isObject(node.then)) walk(node.then, into, depth + 1)
  }
  walk(JSON.parse(JSON.stringify(schema)), root, 0)
  return pruned(root)
}

/** The tree without positions that hold no hint anywhere below. */
function pruned(tree: MutableTree): HintTree | undefined {
  let k: Record<string, HintTree> | undefined
  for (const [name, sub] of Object.entries(tree.k ?? {})) {
    const kept = pruned(sub)
    if (kept) (k ??= {})[name] = kept
  }
  if (tree.h === undefined && k === undefined) return undefined
  return { ...(tree.h === undefined ? {} : { h: tree.h }), ...(k === undefined ? {} : { k }) }
}

/** The hint at a JSON Pointer (relative to the schema's value), or `undefined`. */
export function hintAt(tree: HintTree | undefined, pointer: string): string | undefined {
  let node = tree
  if (pointer === '') return node?.h
  let start = 1
  while (node !== undefined && start <= pointer.length) {
    let end = pointer.indexOf('/', start)
    if (end < 0) end = pointer.length
    const segment = pointer.slice(start, end).replaceAll('~1', '/').replaceAll('~0', '~')
    const k = node.k
    node = k === undefined ? undefined : Object.hasOwn(k, segment) ? k[segment] : /^(0|[1-9][0-9]*)$/.test(segment) && Object.hasOwn(k, '*') ? k['*'] : undefined
    start = end + 1
  }
  return node?.h
}

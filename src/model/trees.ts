/**
 * Per-type facts read from a schema by position (generated for the built-in types, built by
 * `createCodec` for an app's): the hints of its fields and the properties it declares.
 */

/** The hints of one schema by position: `h` the hint there, `k` the positions below (`*` for array items). */
export interface HintTree {
  readonly h?: string
  readonly k?: Readonly<Record<string, HintTree>>
}

/**
 * One position of a schema: `k` (and `a`) the properties an object there declares (absent: any object, or
 * not an object), `i` the shape of its array items, `p` a nested payload (checked as its own type).
 */
export interface ShapeTree {
  readonly k?: Readonly<Record<string, ShapeTree>>
  /** Declared as well (the common fields, shared by every type's tree instead of copied into each). */
  readonly a?: Readonly<Record<string, ShapeTree>>
  readonly i?: ShapeTree
  readonly p?: 1
}

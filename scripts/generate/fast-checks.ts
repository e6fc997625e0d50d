/**
 * `src/generated/fast-checks.js`: one boolean check per payload type, for the common case of a
 * valid payload. Each walks the payload once, iterating the keys it has: a key the type knows is
 * checked against its schema, any other value is checked as JSON data only (plain objects and
 * arrays, finite numbers within ±2^53, nesting under 1000 levels). So one pass answers what the
 * codec otherwise asks in three (the Ajv validator with every issue, the beyond-2^53 walk, the
 * plain-data walk).
 *
 * A check may say "no" to a valid payload (it is conservative: a `null`-prototype object, a
 * keyword it does not compile, a budget spent); it never says "yes" to one that the validators
 * and walks would refuse. "No" sends the payload down the complete path, which finds the issues.
 * test/fast-checks.test.ts holds both directions against the complete path.
 */
import { PAYLOAD_SCHEMA_ID } from '../../src/model/schema-ids.js'
import { MAX_JSON_NESTING } from '../../src/validate/plain-data.js'
import { GenericSystemSchema } from '../../src/types/system/generic.js'
import { ANNOTATIONS as VALIDATOR_ANNOTATIONS } from '../../src/validate/compiled-view.js'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, sep } from 'node:path'
import { GENERATED_HEADER, plain, withoutParamRules, type Compiled, type JsonObject } from './compile.js'

/** Keywords that only annotate or identify (the validators' list, and the schema's own ids). */
const ANNOTATIONS = new Set([...VALIDATOR_ANNOTATIONS, '$schema', '$id'])
/** Keywords compiled here; any other makes its position "always no" (the complete path decides). */
const COMPILED = new Set(['type', 'const', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'properties', 'required', 'items', 'minItems', 'maxItems', 'allOf', 'anyOf', '$ref'])

const MAX_SAFE = Number.MAX_SAFE_INTEGER
/** The TypeBox version that built the schemas (recorded in the header). */
const TYPEBOX_VERSION = (() => {
  // Its package.json is not exported: found beside the resolved entry (…/typebox/build/cjs/index.js).
  const entry = createRequire(import.meta.url).resolve('@sinclair/typebox')
  const manifest = join(entry.slice(0, entry.lastIndexOf(`${sep}build${sep}`)), 'package.json')
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
})()

class Emitter {
  /** Hoisted functions in dependency order: shared checks, object and array checks, patterns. */
  readonly hoisted: string[] = []
  readonly unsupported = new Set<string>()
  private readonly byBody = new Map<string, string>()
  private readonly refNames = new Map<string, string>()
  private readonly patterns = new Map<string, string>()
  /** Containers each hoisted function reaches below its own value without a depth check. */
  private readonly depthOf = new Map<string, number>()
  private readonly names = new Set<string>(['payload', 'check', 'system', 'safe', 'str', 'num', 'int', 'isPlainObject', 'isPlainArray', 'fastCheck'])
  /** Deepest static container nesting reached in the function being compiled. */
  maxStaticDepth = 0

  constructor(private readonly byId: ReadonlyMap<string, JsonObject>) {}

  /** A position this generator does not compile: recorded (the generator then fails), and "no". */
  private no(what: string): string {
    this.unsupported.add(what)
    return 'false'
  }

  private pattern(source: string): string {
    let name = this.patterns.get(source)
    if (!name) {
      name = `re${this.patterns.size}`
      this.patterns.set(source, name)
      // The `u` flag, as the validators compile patterns.
      this.hoisted.push(`const ${name} = new RegExp(${JSON.stringify(source)}, "u");`)
    }
    return name
  }

  /**
   * A hoisted `function name(params)` with `body` (compiled with its own depth count by
   * `compileBody`), one per distinct body: the same shape in many types is one function.
   */
  private hoist(prefix: string, params: string, compileBody: () => string, preferred?: string): string {
    const outer = this.maxStaticDepth
    this.maxStaticDepth = 0
    const body = compileBody()
    const depth = this.maxStaticDepth
    this.maxStaticDepth = outer
    const key = `${params}\n${body}`
    const known = this.byBody.get(key)
    if (known) return known
    // A stable name: from the schema id, else from the body itself — adding a type renames nothing.
    let name = preferred ?? `${prefix}_${fnv1a(key)}`
    while (this.names.has(name)) name += '_'
    this.names.add(name)
    this.byBody.set(key, name)
    this.depthOf.set(name, depth)
    this.hoisted.push(`function ${name}(${params}, c) {\n${body}\n}`)
    return name
  }

  /** A call of a hoisted function at `level`: its depth counts from there. */
  private call(name: string, args: string, level: number): string {
    this.maxStaticDepth = Math.max(this.maxStaticDepth, level + (this.depthOf.get(name) ?? 0))
    return `${name}(${args}, c)`
  }

  /** A `$ref`'d schema (mention, reply, entity …) as one shared function, however many types use it. */
  private ref(id: string, v: string, d: string, level: number): string {
    let name = this.refNames.get(id)
    if (!name) {
      const schema = this.byId.get(id)
      if (!schema) throw new Error(`fast checks: no schema ${id}`)
      const fn = this.hoist('f', 'v, d', () => `  return ${this.expr(schema, 'v', 'd', 0)};`, `ref_${id.slice(id.lastIndexOf('/') + 1).replace(/\.schema\.json$/, '').replaceAll(/[^A-Za-z0-9]/g, '_')}`)
      name = fn
      this.refNames.set(id, name)
    }
    return this.call(name, `${v}, ${d}`, level)
  }

  /**
   * A boolean expression: whether `v` (a variable) satisfies `schema` and is JSON data (plain
   * containers, numbers within ±2^53, strings counted against the budget). `d` is an expression
   * for its nesting depth, `level` how far below the enclosing function's own value it is.
   */
  expr(schema: JsonObject, v: string, d: string, level: number): string {
    if (level > this.maxStaticDepth) this.maxStaticDepth = level
    if (schema.$ref === PAYLOAD_SCHEMA_ID) return this.call('payload', `${v}, ${d}`, level)
    // Every subschema reached through allOf, flattened: their constraints all apply.
    const atoms: JsonObject[] = []
    const refs: string[] = []
    const flatten = (raw: JsonObject): void => {
      const s = normalized(raw)
      for (const key of Object.keys(s)) if (!ANNOTATIONS.has(key) && !COMPILED.has(key)) this.unsupported.add(key)
      if (typeof s.$ref === 'string') {
        if (s.$ref === PAYLOAD_SCHEMA_ID) this.unsupported.add('$ref to the payload union beside other keywords')
        else refs.push(s.$ref)
      }
      atoms.push(s)
      for (const sub of (s.allOf as JsonObject[] | undefined) ?? []) flatten(sub)
    }
    flatten(schema)
    if (atoms.some((a) => Object.keys(a).some((k) => !ANNOTATIONS.has(k) && !COMPILED.has(k)))) return 'false'
    // The one JSON type every atom allows (`integer` within `number`); a list of types is not compiled.
    let type: string | undefined
    for (const a of atoms) {
      if (a.type === undefined) continue
      if (typeof a.type !== 'string') return this.no(`type: ${JSON.stringify(a.type)}`)
      if (type === undefined || (type === 'number' && a.type === 'integer')) type = a.type
      else if (type !== a.type && !(type === 'integer' && a.type === 'number')) return 'false'
    }
    const typed = type !== undefined
    // Without a type, only keywords that do not depend on one are compiled.
    if (!typed && atoms.some((a) => Object.keys(a).some((k) => !ANNOTATIONS.has(k) && !['const', 'enum', 'anyOf', 'allOf', '$ref'].includes(k)))) return this.no('a constraint without a type')
    // A `$ref` to a plain object schema joins this object's one key loop; any other is a call.
    const merged = type === 'object' ? refs.filter((id) => this.isMergeable(id)) : []
    const conditions: string[] = []
    for (const id of refs) if (!merged.includes(id)) conditions.push(this.ref(id, v, d, level))
    // Values: const / enum of primitives (JSON data by themselves).
    for (const a of atoms) {
      const values = 'const' in a ? [a.const] : Array.isArray(a.enum) ? (a.enum as unknown[]) : undefined
      if (!values) continue
      if (!values.every((x) => x === null || ['string', 'boolean'].includes(typeof x) || (typeof x === 'number' && Math.abs(x) <= MAX_SAFE))) return 'false'
      conditions.push(values.length === 1 ? `${v} === ${JSON.stringify(values[0])}` : `(${values.map((x) => `${v} === ${JSON.stringify(x)}`).join(' || ')})`)
    }
    const valued = atoms.some((a) => 'const' in a || 'enum' in a)
    const num = (key: string): number | undefined => {
      const values = atoms.map((a) => a[key]).filter((x): x is number => typeof x === 'number')
      if (values.length === 0) return undefined
      return key.startsWith('min') || key === 'exclusiveMinimum' ? Math.max(...values) : Math.min(...values)
    }
    // Each compiled check also holds its value to be JSON data; with nothing to check, `safe` does.
    if (!typed && !valued && refs.length === 0 && !atoms.some((a) => a.anyOf)) conditions.push(`safe(${v}, ${d}, c)`)
    switch (type) {
      case undefined:
        break
      case 'string': {
        // Its length counts against the budget: a huge string is refused before it is serialised.
        conditions.push(`str(${v}, c)`)
        const min = num('minLength')
        const max = num('maxLength')
        if (min !== undefined) conditions.push(`${v}.length >= ${min}`)
        if (max !== undefined) conditions.push(`${v}.length <= ${max}`)
        for (const a of atoms) if (typeof a.pattern === 'string') conditions.push(`${this.pattern(a.pattern)}.test(${v})`)
        break
      }
      case 'number':
      case 'integer': {
        const bound = (x: number): string => (x === MAX_SAFE ? 'M' : x === -MAX_SAFE ? '-M' : String(x))
        const lo = Math.max(num('minimum') ?? -MAX_SAFE, -MAX_SAFE)
        const hi = Math.min(num('maximum') ?? MAX_SAFE, MAX_SAFE)
        conditions.push(`${type === 'integer' ? 'int' : 'num'}(${v}, ${bound(lo)}, ${bound(hi)})`)
        const exLo = num('exclusiveMinimum')
        const exHi = num('exclusiveMaximum')
        if (exLo !== undefined) conditions.push(`${v} > ${exLo}`)
        if (exHi !== undefined) conditions.push(`${v} < ${exHi}`)
        break
      }
      case 'boolean':
        conditions.push(`typeof ${v} === "boolean"`)
        break
      case 'null':
        conditions.push(`${v} === null`)
        break
      case 'object':
        conditions.push(this.call(this.objectFunction(atoms, merged), `${v}, ${d}`, level))
        break
      case 'array':
        conditions.push(this.call(this.arrayFunction(atoms), `${v}, ${d}`, level))
        break
      default:
        return this.no(`type: ${type}`)
    }
    for (const a of atoms) {
      const branches = a.anyOf as JsonObject[] | undefined
      if (branches) conditions.push(`(${branches.map((b) => this.expr(b, v, d, level)).join(' || ')})`)
    }
    return conditions.length === 0 ? 'true' : conditions.join(' && ')
  }

  /** Whether a `$ref`'d schema is a plain object schema whose keys can join the referring object's loop. */
  private isMergeable(id: string): boolean {
    const s = this.byId.get(id)
    if (s === undefined || s.type !== 'object' || '$ref' in s) return false
    if (!Object.keys(s).every((k) => ANNOTATIONS.has(k) || ['type', 'properties', 'required', 'allOf'].includes(k))) return false
    return ((s.allOf as JsonObject[] | undefined) ?? []).every((sub) => Object.keys(sub).length === 1 && typeof sub.$ref === 'string' && this.isMergeable(sub.$ref))
  }

  private flattenRef(id: string): JsonObject[] {
    const s = this.byId.get(id) as JsonObject
    const out: JsonObject[] = [s]
    for (const sub of (s.allOf as JsonObject[] | undefined) ?? []) out.push(...this.flattenRef(sub.$ref as string))
    return out
  }

  private readonly fieldFunctions = new Map<string, { name: string; keys: Set<string>; required: string[] }>()

  /**
   * The keys of a shared object schema (the common fields) as one function `(key, value, depth)`:
   * its own check for a key it defines, `safe` for any other. Every type calls it for keys it does
   * not define itself, instead of a copy of each case per type.
   */
  private fields(id: string): { name: string; keys: Set<string>; required: string[] } {
    const known = this.fieldFunctions.get(id)
    if (known) return known
    const { properties, required } = collect(this.flattenRef(id))
    const name = this.hoist('fields', 'k, x, d', () =>
      [
        `  switch (k) {`,
        ...[...properties].map(([key, subs]) => `    case ${JSON.stringify(key)}: return ${subs.length ? subs.map((sub) => this.expr(sub, 'x', 'd', 0)).join(' && ') : 'safe(x, d, c)'};`),
        `    default: return safe(x, d, c);`,
        `  }`,
      ].join('\n'),
    )
    const entry = { name, keys: new Set(properties.keys()), required: [...required] }
    this.fieldFunctions.set(id, entry)
    return entry
  }

  /** `function (v, d)`: a plain object whose keys, iterated once, each pass their schema. */
  private objectFunction(atoms: JsonObject[], merged: readonly string[]): string {
    const { properties, required } = collect(atoms)
    const shared = merged.map((id) => this.fields(id))
    return this.hoist('o', 'v, d', () => {
      const sharedCall = (f: { name: string }): string => this.call(f.name, 'k, x, d + 1', 1)
      const cases = [...properties].map(([name, subs]) => {
        const own = subs.length === 0 ? ['safe(x, d + 1, c)'] : subs.map((s) => this.expr(s, 'x', 'd + 1', 1))
        // A key this type defines and a shared schema defines too: both apply.
        const all = [...own, ...shared.filter((f) => f.keys.has(name)).map(sharedCall)].join(' && ')
        // An optional key holding `undefined` is absent for the validators and for JSON.stringify.
        return required.has(name) ? `      case ${JSON.stringify(name)}: if (!(${all})) return false; n++; break;` : `      case ${JSON.stringify(name)}: if (x !== undefined && !(${all})) return false; break;`
      })
      const unknown = shared.length === 0 ? 'safe(x, d + 1, c)' : shared.map(sharedCall).join(' && ')
      const sharedRequired = [...new Set(shared.flatMap((f) => f.required))].filter((key) => !required.has(key))
      const result = [...(required.size ? [`n === ${required.size}`] : []), ...sharedRequired.map((key) => `v[${JSON.stringify(key)}] !== undefined`)]
      return [
        `  if (!isPlainObject(v)) return false;`,
        ...(required.size ? [`  let n = 0;`] : []),
        `  for (const k in v) {`,
        `    const x = v[k];`,
        `    switch (k) {`,
        ...cases,
        `      default: if (x !== undefined && !(${unknown})) return false;`,
        `    }`,
        `  }`,
        `  return ${result.length ? result.join(' && ') : 'true'};`,
      ].join('\n')
    })
  }

  /** `function (v, d)`: a plain array whose items each pass the items schema. */
  private arrayFunction(atoms: JsonObject[]): string {
    const items = atoms.map((a) => a.items).filter((s): s is JsonObject => typeof s === 'object' && s !== null && !Array.isArray(s))
    if (atoms.some((a) => Array.isArray(a.items) || a.items === false)) this.unsupported.add('items as a list or false')
    const min = Math.max(...atoms.map((a) => (typeof a.minItems === 'number' ? a.minItems : 0)))
    const maxes = atoms.map((a) => a.maxItems).filter((m): m is number => typeof m === 'number')
    return this.hoist('a', 'v, d', () => {
      const item = items.length === 0 ? 'safe(x, d + 1, c)' : items.map((s) => this.expr(s, 'x', 'd + 1', 1)).join(' && ')
      return [
        `  if (!isPlainArray(v) || (c.b -= v.length) < 0) return false;`,
        ...(min > 0 ? [`  if (v.length < ${min}) return false;`] : []),
        ...(maxes.length ? [`  if (v.length > ${Math.min(...maxes)}) return false;`] : []),
        `  for (let i = 0; i < v.length; i++) {`,
        `    const x = v[i];`,
        `    if (!(${item})) return false;`,
        `  }`,
        `  return true;`,
      ].join('\n')
    })
  }
}

/** A 32-bit FNV-1a hash of a text, as 8 hex digits: stable names for generated functions. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

/** The properties (each with every schema that applies to it) and required keys of object atoms. */
function collect(atoms: readonly JsonObject[]): { properties: Map<string, JsonObject[]>; required: Set<string> } {
  const properties = new Map<string, JsonObject[]>()
  const required = new Set<string>()
  for (const a of atoms) {
    for (const [name, sub] of Object.entries((a.properties as Record<string, JsonObject> | undefined) ?? {})) properties.set(name, [...(properties.get(name) ?? []), sub])
    for (const name of (a.required as string[] | undefined) ?? []) required.add(name)
  }
  for (const name of required) if (!properties.has(name)) properties.set(name, [])
  return { properties, required }
}

/**
 * A literal's `{const, type}` as `const` alone, an `anyOf` of literals as one `enum`: one check
 * instead of a function per branch.
 */
function normalized(schema: JsonObject): JsonObject {
  const out: JsonObject = { ...schema }
  if ('const' in out && typeof out.type === 'string' && (typeof out.const === out.type || (out.type === 'integer' && Number.isInteger(out.const)))) delete out.type
  const anyOf = out.anyOf as JsonObject[] | undefined
  const literal = (b: JsonObject): boolean => 'const' in normalized(b) && Object.keys(normalized(b)).every((k) => k === 'const' || ANNOTATIONS.has(k))
  if (anyOf?.every(literal)) {
    delete out.anyOf
    out.enum = anyOf.map((b) => b.const)
  }
  return out
}

/**
 * A type's schema without its `type` literal, which the dispatcher has matched: types alike but
 * for their number (sticker kinds, system messages) then share one function.
 */
function withoutTypeLiteral(schema: JsonObject): JsonObject {
  const properties = schema.properties as Record<string, JsonObject> | undefined
  if (!properties?.type || !('const' in properties.type)) return schema
  const { type: _type, ...rest } = properties
  return { ...schema, properties: rest, required: ((schema.required as string[] | undefined) ?? []).filter((k) => k !== 'type') }
}

export function fastChecksModule(compiled: Compiled, schemas: ReadonlyMap<string, JsonObject>): string {
  const byId = new Map<string, JsonObject>()
  for (const [name, schema] of schemas) if (name !== 'payload') byId.set(schema.$id as string, schema)
  const e = new Emitter(byId)
  const functions: string[] = []
  const entries: string[] = []
  for (const { definition } of compiled.types) {
    const schema = withoutTypeLiteral(byId.get(definition.schema.$id as string) as JsonObject)
    const name = `type${definition.type}`
    if (!definition.params) {
      // The root's \`type\` was read by the dispatcher; its own schema still applies (a literal, a range).
      const check = e.expr(schema, 'v', 'd', 0)
      // A check that is one shared function is that function.
      const alias = /^(\w+)\(v, d, c\)$/.exec(check)?.[1]
      if (alias) {
        entries.push(`${definition.type}: ${alias}`)
        continue
      }
      functions.push(`function ${name}(v, d, c) {\n  return ${check};\n}`)
    } else {
      const cases = Object.entries(definition.params).map(([cmd, param]) => `    case ${JSON.stringify(cmd)}: return ${e.expr(plain(param), 'param', 'd + 1', 1)};`)
      functions.push(
        [
          `function ${name}(v, d, c) {`,
          `  if (!(${e.expr(withoutParamRules(schema), 'v', 'd', 0)})) return false;`,
          // The validators check a missing \`param\` as \`{}\`; a \`cmd\` they do not know leaves it free.
          `  const param = v.param === undefined ? {} : v.param;`,
          `  switch (v.cmd) {`,
          ...cases,
          `    default: return true;`,
          `  }`,
          `}`,
        ].join('\n'),
      )
    }
    entries.push(`${definition.type}: ${name}`)
  }
  functions.push(`function system(v, d, c) {\n  return ${e.expr(byId.get(GenericSystemSchema.$id as string) as JsonObject, 'v', 'd', 0)};\n}`)
  if (e.unsupported.size > 0) throw new Error(`fast checks: keywords not compiled: ${[...e.unsupported].join(', ')} (teach scripts/generate/fast-checks.ts, or accept that those types always take the complete path)`)
  // A payload deeper than this may hold a container at MAX_JSON_NESTING within its own fields.
  const deepest = MAX_JSON_NESTING - e.maxStaticDepth - 2
  const systemRange = (GenericSystemSchema.properties as { type: { minimum: number; maximum: number } }).type
  // What this file was made from: its inputs' hash changes exactly when a schema the checks read does.
  const inputs = JSON.stringify([...byId].sort(([x], [y]) => (x < y ? -1 : 1)).map(([, schema]) => schema))
  return [
    GENERATED_HEADER,
    `// generator: scripts/generate/fast-checks.ts (context-passing checks, v2); inputs: ${byId.size} schemas, fnv1a ${fnv1a(inputs)}; TypeBox ${TYPEBOX_VERSION}.`,
    '/* eslint-disable */',
    `const M = ${MAX_SAFE};`,
    `const MAX_SAFE = M;`,
    // No module-level state: each call's state is its own context \`c\` (b: values it may still
    // visit, l: levels of nested payloads left, r: whether unknown types are refused), so a
    // getter that validates something else during a check cannot change this check's verdict.
    `function isPlainObject(v) {`,
    `  return typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;`,
    `}`,
    `function isPlainArray(v) {`,
    `  return Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype;`,
    `}`,
    `function str(x, c) {`,
    `  return typeof x === "string" && (c.b -= x.length) >= 0;`,
    `}`,
    `function num(x, lo, hi) {`,
    `  return typeof x === "number" && x >= lo && x <= hi;`,
    `}`,
    `function int(x, lo, hi) {`,
    `  return Number.isInteger(x) && x >= lo && x <= hi;`,
    `}`,
    `/** JSON data that no schema constrains: plain containers, finite numbers within ±2^53, under ${MAX_JSON_NESTING} levels. */`,
    `function safe(v, d, c) {`,
    `  switch (typeof v) {`,
    `    case "string":`,
    `      return (c.b -= v.length) >= 0;`,
    `    case "boolean":`,
    `      return true;`,
    `    case "number":`,
    `      return v >= -MAX_SAFE && v <= MAX_SAFE;`,
    `    case "object":`,
    `      if (v === null) return true;`,
    `      if (d >= ${MAX_JSON_NESTING} || --c.b < 0) return false;`,
    `      if (isPlainArray(v)) {`,
    `        if ((c.b -= v.length) < 0) return false;`,
    `        for (let i = 0; i < v.length; i++) if (!safe(v[i], d + 1, c)) return false;`,
    `        return true;`,
    `      }`,
    `      if (!isPlainObject(v)) return false;`,
    `      for (const k in v) {`,
    `        const x = v[k];`,
    `        if (x !== undefined && !safe(x, d + 1, c)) return false;`,
    `      }`,
    `      return true;`,
    `    default:`,
    `      return false;`,
    `  }`,
    `}`,
    ...e.hoisted,
    ...functions,
    `const byType = [];`,
    `for (const [type, check] of Object.entries({ ${entries.join(', ')} })) byType[Number(type)] = check;`,
    `/** A payload at depth \`d\` (its type dispatches), one level of nesting further down. */`,
    `function payload(v, d, c) {`,
    `  if (!isPlainObject(v) || d > ${deepest} || --c.b < 0) return false;`,
    `  const type = v.type;`,
    `  if (!Number.isInteger(type) || type < -MAX_SAFE || type > MAX_SAFE) return false;`,
    `  if (c.l < 1) return false;`,
    `  c.l--;`,
    `  const ok = check(v, type, d, c);`,
    `  c.l++;`,
    `  return ok;`,
    `}`,
    `function check(v, type, d, c) {`,
    `  const known = byType[type];`,
    `  if (known !== undefined) return known(v, d, c);`,
    `  if (type >= ${systemRange.minimum} && type <= ${systemRange.maximum}) return system(v, d, c);`,
    `  return !c.r && safe(v, d, c);`,
    `}`,
    `/**`,
    ` * Whether \`value\` is certainly a valid payload of plain JSON data, nested payloads included:`,
    ` * \`true\` only when validatePayload would accept it and the codec's data checks would pass.`,
    ` */`,
    `export function fastCheck(value, maxDepth, reject, maxValues) {`,
    // The call's one allocation: its own state, so that calls never share any.
    `  const c = { b: maxValues, l: maxDepth, r: reject };`,
    // Inside the try: a Proxy's trap or a getter may throw at the first read.
    `  try {`,
    `    if (!isPlainObject(value)) return false;`,
    `    const type = value.type;`,
    `    if (!Number.isInteger(type) || type < -MAX_SAFE || type > MAX_SAFE) return false;`,
    `    return check(value, type, 0, c);`,
    `  } catch {`,
    `    return false;`,
    `  }`,
    `}`,
    '',
  ].join('\n')
}

export function fastChecksTypes(): string {
  return [
    GENERATED_HEADER,
    '/**',
    ' * Whether `value` is certainly a valid payload of plain JSON data (nested payloads included, at',
    ' * most `maxDepth` levels; with `rejectUnknown`, of known types only), visiting at most about',
    ' * `maxValues` values. Never throws. `false` says only "take the complete path".',
    ' */',
    'export declare function fastCheck(value: unknown, maxDepth: number, rejectUnknown: boolean, maxValues: number): boolean',
    '',
  ].join('\n')
}

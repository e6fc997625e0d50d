/**
 * The generated validators against an independent JSON Schema 2020-12 implementation
 * (@cfworker/json-schema) reading the published files, over mutants of every property of every
 * type's examples: a wrong JSON type, removed when required, a declared-but-absent property added
 * with a wrong type. They must agree on every mutant.
 */
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { payloadDefinitions } from '../src/types/definitions.js'
import { genericSystemExamples } from '../src/types/system/generic.js'
import { compiledView } from '../src/validate/compiled-view.js'
import { validatePayload } from '../src/validate/validate.js'
import { independentValidator } from './helpers.js'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type SchemaNode = { properties?: Record<string, SchemaNode>; required?: string[]; items?: SchemaNode; $ref?: string; anyOf?: SchemaNode[] }

/** One value of each JSON type, to put where another is expected. */
const WRONG: readonly Json[] = ['s', -1, 1.5, true, null, [], { evil: true }]

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

/** Every mutant of `value` at the object positions its schema declares (nested payloads are left to their own type). */
function mutants(schema: SchemaNode, value: Json): Json[] {
  const out: Json[] = []
  const walk = (node: SchemaNode | undefined, at: Json, replace: (v: Json | undefined) => Json) => {
    if (!node || node.$ref) return
    for (const branch of node.anyOf ?? []) walk(branch, at, replace)
    if (node.items && Array.isArray(at)) {
      at.forEach((item, i) => walk(node.items, item, (v) => replace(Object.assign([...at], { [i]: v }).filter((x) => x !== undefined) as Json)))
    }
    if (!node.properties || typeof at !== 'object' || at === null || Array.isArray(at)) return
    const obj = at
    for (const [key, sub] of Object.entries(node.properties)) {
      if (key === 'type' && node === schema) continue // the dispatch key: covered by the type tests
      const withValue = (v: Json | undefined) => {
        const copy = { ...obj }
        if (v === undefined) delete copy[key]
        else copy[key] = v
        return replace(copy)
      }
      for (const wrong of WRONG) out.push(clone(withValue(wrong)))
      if (key in obj) {
        if (node.required?.includes(key)) out.push(clone(withValue(undefined)))
        walk(sub, obj[key] as Json, withValue)
      }
    }
  }
  walk(schema, value, (v) => v as Json)
  return out
}

const oracle = independentValidator('payload')

function disagreements(check: (v: unknown) => boolean, cases: readonly Json[]): Json[] {
  return cases.filter((m) => check(m) !== oracle.validate(m).valid)
}

describe('generated validators agree with an independent 2020-12 validator on the published schemas', () => {
  const all: { name: string; cases: Json[] }[] = payloadDefinitions.map((d) => ({
    name: d.name,
    cases: d.examples.flatMap((e) => mutants(JSON.parse(JSON.stringify(d.schema)) as SchemaNode, e.value as Json)),
  }))
  all.push({ name: 'system (generic)', cases: genericSystemExamples.flatMap((e) => [e.value as Json, ...mutants({ properties: { content: {}, extra: { items: { properties: { uid: {}, name: {} } } } } }, e.value as Json)]) })

  let total = 0
  let rejected = 0
  it.each(all)('$name: zero disagreements', ({ cases }) => {
    expect(cases.length).toBeGreaterThan(0)
    const differ = cases.filter((m) => {
      const valid = oracle.validate(m).valid
      total++
      if (!valid) rejected++
      return validatePayload(m).ok !== valid
    })
    expect(differ).toEqual([])
  })

  it('the mutants are many and mostly invalid (the comparison is not vacuous)', () => {
    expect(total).toBeGreaterThan(3000)
    expect(rejected).toBeGreaterThan(total / 2)
  })

  it('would catch a transform that deletes annotation keys everywhere (the `title`/`description` bug)', () => {
    // The old transform: drop these keys from every object, `properties` maps included.
    const keyWide = (schema: object) =>
      JSON.parse(JSON.stringify(schema), (_k, v: unknown) => {
        if (v && typeof v === 'object' && !Array.isArray(v)) for (const key of ['title', 'description', 'examples']) delete (v as Record<string, unknown>)[key]
        return v
      }) as object
    const ajv = new Ajv({ allErrors: true, strict: false })
    ajv.addSchema({ $id: 'https://unpkg.com/wukong-payload/schemas/payload.schema.json', type: 'object' })
    const location = payloadDefinitions.find((d) => 'title' in (d.schema.properties as object) && d.examples.length > 0)
    expect(location).toBeDefined()
    const cases = (location?.examples ?? []).flatMap((e) => mutants(JSON.parse(JSON.stringify(location?.schema)) as SchemaNode, e.value as Json))
    const { $id: _id, ...schema } = JSON.parse(JSON.stringify(location?.schema ?? {})) as Record<string, unknown>
    const buggy = ajv.compile(keyWide(schema))
    const fixed = ajv.compile(compiledView(schema))
    expect(disagreements((v) => buggy(v), cases).length).toBeGreaterThan(0)
    expect(disagreements((v) => fixed(v), cases)).toEqual([])
  })
})

/**
 * The generated one-pass checks (src/generated/fast-checks.js) against the complete path they
 * stand in front of: the validators (themselves held to an independent 2020-12 validator in
 * differential.test.ts) and the plain-data walk (findUnencodable). A check may say "no" to a valid
 * payload, never "yes" to one the complete path refuses; and it must say "yes" to every example
 * and every accepted client payload, or the codec would be slow for them without anyone noticing.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fastCheck } from '../src/generated/fast-checks.js'
import { findUnencodable } from '../src/codec/inspect.js'
import { payloadDefinitions } from '../src/types/definitions.js'
import { genericSystemExamples } from '../src/types/system/generic.js'
import { validateCompletely } from '../src/validate/validate.js'
import { encodePayload } from '../src/codec/codec.js'
import { root } from './helpers.js'

const DEPTH = 32
const BUDGET = 1 << 20
const fast = (v: unknown, maxDepth = DEPTH, reject = false, budget = BUDGET) => fastCheck(v, maxDepth, reject, budget)
/** The complete path's verdict on a value as the encoder sees it: valid, and plain JSON data. */
const complete = (v: unknown, maxDepth = DEPTH, reject = false) => validateCompletely(v, { maxDepth, unknownTypes: reject ? 'reject' : 'accept' }).ok && findUnencodable(v, false) === undefined

const examples = [...payloadDefinitions.flatMap((d) => d.examples.map((e) => ({ name: d.name, value: e.value as unknown }))), ...genericSystemExamples.map((e) => ({ name: 'system', value: e.value as unknown }))]
const corpus = readdirSync(join(root, 'test/corpus'))
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(join(root, 'test/corpus', f), 'utf8')) as { id: string; verdict: string; payload: unknown }[])

describe('fast checks say yes to what is certainly valid', () => {
  it.each(examples.map((e, i) => ({ ...e, i })))('example $i ($name)', ({ value }) => {
    expect(fast(value)).toBe(true)
    expect(complete(value)).toBe(true)
  })
  it('every accepted client payload of the corpus', () => {
    const accepted = corpus.filter((e) => e.verdict === 'accept')
    expect(accepted.length).toBeGreaterThan(100)
    expect(accepted.filter((e) => !fast(e.payload)).map((e) => e.id)).toEqual([])
  })
})

class Point {
  x = 1
}
/** Values of every kind, JSON and not, to put anywhere. */
const hostile = (): unknown[] => {
  const sparse: unknown[] = []
  sparse[2] = 'x'
  const throwing = Object.defineProperty({}, 'boom', { enumerable: true, get: () => { throw new Error('getter') } })
  return [
    '', 'x', '\u00e9\ud83d\ude00', 0, -0, 1, -1, 1.5, 2 ** 53, 2 ** 53 + 2, -(2 ** 53) - 2, 1e300, Number.NaN, Infinity, -Infinity, true, false, null, undefined,
    [], [1], ['a', 'b'], [undefined], sparse, {}, { all: 1 }, { uid: 'u', name: 'n' }, { type: 1, content: 'q' }, { type: 'text' },
    new Date(0), new Map(), new Point(), Object.create(null), Object.assign(Object.create(null), { type: 1, content: 'x' }),
    () => 1, Symbol('s'), 10n, throwing, new Proxy({}, { ownKeys: () => { throw new Error('trap') } }), { toJSON: () => 'x' }, Object.assign([1], { extra: 2 }),
  ]
}

/** Plain data the mutations built, not one of the hostile values. */
const isBuilt = (value: unknown): value is object => typeof value === 'object' && value !== null && [Object.prototype, Array.prototype].includes(Object.getPrototypeOf(value)) && !pool.includes(value)

/** Every position of a value (objects and arrays, nested payloads included), as key paths. */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at)
  // Only into the plain data the mutations built (a hostile value is a leaf).
  if (isBuilt(value) && at.length < 8) for (const [k, v] of Object.entries(value)) paths(v, [...at, Array.isArray(value) ? Number(k) : k], out)
  return out
}
function setAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement
  const [head, ...rest] = path as [string | number, ...(string | number)[]]
  // A hostile value is never copied (its getters would run): a key added to it goes on a new object.
  if (!isBuilt(value)) return { [head]: setAt(undefined, rest, replacement) }
  const copy: Record<string | number, unknown> = Array.isArray(value) ? [...(value as unknown[])] as unknown as Record<number, unknown> : { ...(value as Record<string, unknown>) }
  copy[head] = setAt(copy[head], rest, replacement)
  return copy
}

const pool = hostile()
describe('fast checks never say yes to what the complete path refuses', () => {
  const keys = ['type', 'content', 'mention', 'reply', 'payload', 'uids', 'extra', 'cmd', 'param', 'url', 'width', 'msgs', 'unknown_field', '__proto__', 'constructor']
  it('over random mutations of every example (values of every kind at every position, new keys)', () => {
    let agreedValid = 0
    let completeValid = 0
    fc.assert(
      fc.property(fc.nat(examples.length - 1), fc.array(fc.tuple(fc.nat(), fc.nat(pool.length - 1), fc.nat(keys.length), fc.boolean()), { minLength: 1, maxLength: 3 }), (e, edits) => {
        let value = (examples[e] as { value: unknown }).value
        for (const [p, r, k, add] of edits) {
          const all = paths(value)
          const path = all[p % all.length] as (string | number)[]
          const key = keys[k]
          value = add && key !== undefined ? setAt(value, [...path, key], pool[r]) : setAt(value, path, pool[r])
        }
        let verdict = false
        try {
          verdict = complete(value)
        } catch {
          verdict = false
        }
        const said = fast(value)
        if (verdict) completeValid++
        if (verdict && said) agreedValid++
        return !said || verdict
      }),
      { numRuns: 20_000, seed: 20261202 },
    )
    // Not vacuous: many mutants stay valid, and the fast check takes most of those.
    expect(completeValid).toBeGreaterThan(1000)
    expect(agreedValid / completeValid).toBeGreaterThan(0.6)
  })

  it('a Proxy is read as JSON.stringify reads it (its own keys); a trap that throws is never thrown through', () => {
    // The validators probe every key a schema declares, so a trap that throws on an absent key
    // fails them; the fast check reads only the keys there are, as JSON.stringify does.
    const probing = new Proxy({}, { get: () => { throw new Error('trap') } })
    const value = { type: 1, content: 'x', mention: probing }
    expect(fast(value)).toBe(true)
    // JSON.stringify asks it for toJSON: the encoder turns that into its own error.
    expect(() => encodePayload(value as never)).toThrow(expect.objectContaining({ name: 'PayloadError', code: 'INVALID_PAYLOAD' }))
    for (const trap of ['ownKeys', 'getPrototypeOf', 'get'] as const) {
      const hostileRoot = new Proxy({ type: 1, content: 'x' }, { [trap]: () => { throw new Error(trap) } })
      expect(fast(hostileRoot)).toBe(false)
    }
  })

  it('nesting: maxDepth levels of replies, unknown types accepted or rejected as asked', () => {
    const reply = (payload: unknown) => ({ type: 1, content: 'r', reply: { message_id: '1', message_seq: 1, from_uid: 'u', payload } })
    let chain: unknown = { type: 1, content: 'leaf' }
    for (let level = 0; level <= 6; level++) {
      for (const maxDepth of [0, 1, 3, 6]) expect(fast(chain, maxDepth)).toBe(complete(chain, maxDepth))
      chain = reply(chain)
    }
    const unknown = { type: 4242, anything: [1, { deep: 'x' }] }
    expect(fast(unknown)).toBe(true)
    expect(fast(unknown, DEPTH, true)).toBe(false)
    expect(complete(unknown, DEPTH, true)).toBe(false)
    expect(fast(reply(unknown), DEPTH, true)).toBe(false)
    expect(fast({ type: 4242, n: 2 ** 60 })).toBe(false)
    expect(fast({ type: 1500, content: 'generic system' })).toBe(complete({ type: 1500, content: 'generic system' }))
  })

  it('depth: a container at 1000 levels is refused as the walk refuses it', () => {
    for (const levels of [990, 997, 998, 999, 1000, 1001]) {
      let deep: unknown = 'x'
      for (let i = 0; i < levels; i++) deep = [deep]
      const value = { type: 1, content: 'x', extra: deep }
      expect(fast(value)).toBe(complete(value))
    }
  })

  it('a shared structure whose JSON would explode is given up on within the budget, not walked', () => {
    let shared: unknown = ['x']
    for (let i = 0; i < 40; i++) shared = [shared, shared]
    const value = { type: 1, content: 'x', extra: shared }
    const t0 = performance.now()
    expect(fast(value, DEPTH, false, 10_000)).toBe(false)
    expect(() => encodePayload(value as never)).toThrow(expect.objectContaining({ code: 'TOO_LARGE' }))
    expect(performance.now() - t0).toBeLessThan(5_000)
  })
})

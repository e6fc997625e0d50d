/**
 * Differential test of the decoder against an independent strict reference, ≥ 100,000 cases a
 * run. The reference is written here from the specifications, sharing no code with the package:
 * - Base64: RFC 4648 §4 standard alphabet, padded, CR/LF skipped (as the server's Go decoder
 *   does), a from-scratch grammar decoder;
 * - UTF-8: the platform's `TextDecoder` in fatal mode (the BOM kept, so that JSON refuses it);
 * - JSON: `JSON.parse`, plus the package's documented limits (nesting ≤ 1000, numbers within ±2^53);
 * - the payload: the published JSON Schemas, validated by @cfworker/json-schema (not Ajv).
 * Both sides must agree on the outcome (the error code) and, when valid, on the value.
 * Cases come from a seeded generator (the seed is printed with any disagreement).
 */
import { describe, expect, it } from 'vitest'
import { payloadDefinitions, safeDecodePayload } from '../src/entries/index.js'
import * as web from '../src/wire/platform-web.js'
import { independentValidator } from './helpers.js'

const CASES = 100_000
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

type Outcome = { ok: true; value: unknown } | { ok: false; code: string }

/** Value of each alphabet character by UTF-16 unit; -1 elsewhere (every unit above 0x7f included). */
const VALUE = new Int8Array(0x10000).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i
const PAD = 0x3d

/** RFC 4648 standard Base64, padded; CR and LF anywhere are skipped. Undefined when not that. */
function referenceBase64(input: string): Uint8Array | undefined {
  const units: number[] = []
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i)
    if (c !== 0x0d && c !== 0x0a) units.push(c)
  }
  if (units.length % 4 !== 0) return undefined
  const out: number[] = []
  for (let g = 0; g < units.length; g += 4) {
    const last = g + 4 === units.length
    let bits = 0
    let padding = 0
    for (let k = 0; k < 4; k++) {
      const c = units[g + k] as number
      if (c === PAD) {
        // '=' only in the last group, only in its last two places, and only followed by '='.
        if (!last || k < 2) return undefined
        padding++
        bits *= 64
        continue
      }
      const v = VALUE[c] as number
      if (padding > 0 || v < 0) return undefined
      bits = bits * 64 + v
    }
    const bytes = [(bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff]
    for (let b = 0; b < 3 - padding; b++) out.push(bytes[b] as number)
  }
  return Uint8Array.from(out)
}

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const union = independentValidator('payload')

function depthAndNumbersOk(value: unknown): 'ok' | 'TOO_DEEP' | 'INVALID_PAYLOAD' {
  const stack: [unknown, number][] = [[value, 0]]
  let unsafe = false
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number]
    if (typeof v === 'number' && !(Math.abs(v) <= Number.MAX_SAFE_INTEGER)) unsafe = true
    if (typeof v === 'object' && v !== null) {
      if (depth >= 1000) return 'TOO_DEEP'
      for (const child of Object.values(v)) stack.push([child, depth + 1])
    }
  }
  return unsafe ? 'INVALID_PAYLOAD' : 'ok'
}

function reference(input: string): Outcome {
  const bytes = referenceBase64(input)
  if (bytes === undefined) return { ok: false, code: 'INVALID_BASE64' }
  let text: string
  try {
    text = fatal.decode(bytes)
  } catch {
    return { ok: false, code: 'INVALID_UTF8' }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, code: 'INVALID_JSON' }
  }
  const limits = depthAndNumbersOk(value)
  if (limits !== 'ok') return { ok: false, code: limits }
  return schemaValid(text, value) ? { ok: true, value } : { ok: false, code: 'INVALID_PAYLOAD' }
}

/** The schema's verdict by JSON text: mutants repeat, and @cfworker/json-schema is an interpreter. */
const verdicts = new Map<string, boolean>()
function schemaValid(text: string, value: unknown): boolean {
  let verdict = verdicts.get(text)
  if (verdict === undefined) verdicts.set(text, (verdict = union.validate(value as never).valid))
  return verdict
}

function actual(input: string, layer: 'node' | 'web'): Outcome {
  if (layer === 'web') {
    // The browser layer's Base64 alone (the rest of the pipeline is shared).
    try {
      return { ok: true, value: web.base64ToBytes(input) }
    } catch (error) {
      return { ok: false, code: (error as { code: string }).code }
    }
  }
  const result = safeDecodePayload(input)
  return result.ok ? { ok: true, value: result.value } : { ok: false, code: result.error.code }
}

/** mulberry32: a small seeded generator, so a failing case can be replayed from its seed. */
function generator(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T,>(list: readonly T[]): T => list[int(list.length)] as T
  return { next, int, pick }
}

const seeds: unknown[] = payloadDefinitions.flatMap((d) => [...d.examples.map((e) => e.value), ...(d.invalidExamples ?? []).map((e) => e.value)])
const valuePool: unknown[] = ['', 'x', '0', 'text', 1, 0, -1, 1.5, 2 ** 53, 2 ** 60, 1e300, null, true, false, [], {}, [1], { all: 1 }, { uid: 'u', name: 'n' }, '\u202e', '\ud83d\ude00']
/** Characters a mutation inserts: the alphabet's edges, padding, line breaks, URL-safe, spaces, non-ASCII whose low byte is a letter. */
const hostileChars = ['A', '/', '+', '=', '==', '\r\n', '\n', '\r', '-', '_', ' ', '\t', '.', '!', '\u0165', '\u0141', '\u012b', '\u00c1', '\uff41', '\ud800', '\u0000', '\ufeff']

function mutateValue(g: ReturnType<typeof generator>, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) }
  const keys = Object.keys(copy)
  const choice = g.int(4)
  if (choice === 0 && keys.length > 0) delete copy[g.pick(keys)]
  else if (choice === 1 && keys.length > 0) copy[g.pick(keys)] = g.pick(valuePool)
  else if (choice === 2) copy[g.pick(['zz', 'extra', 'mention', 'reply', 'type', 'content'])] = g.pick(valuePool)
  return copy
}

function mutateText(g: ReturnType<typeof generator>, s: string): string {
  const at = g.int(s.length + 1)
  switch (g.int(5)) {
    case 0:
      return s.slice(0, at) + g.pick(hostileChars) + s.slice(at)
    case 1:
      return s.slice(0, at) + g.pick(hostileChars) + s.slice(at + 1)
    case 2:
      return s.slice(0, at) + s.slice(at + 1)
    case 3:
      return s.replace(/=+$/, '')
    default:
      return s.replace(/.{1,76}/g, '$&\r\n')
  }
}

const utf8 = new TextEncoder()
const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

/** One case: Base64 of a (mutated) payload, of mutated JSON bytes, or a mutated Base64 string. */
function makeCase(g: ReturnType<typeof generator>): string {
  const seed = g.pick(seeds)
  switch (g.int(7)) {
    case 0:
      return toBase64(utf8.encode(JSON.stringify(seed)))
    case 1:
      return toBase64(utf8.encode(JSON.stringify(mutateValue(g, mutateValue(g, seed)))))
    case 2: {
      // Byte-level damage to the JSON: a random byte (invalid UTF-8 included) or a BOM.
      const bytes = [...utf8.encode(JSON.stringify(seed))]
      if (g.int(4) === 0) bytes.unshift(0xef, 0xbb, 0xbf)
      else bytes.splice(g.int(bytes.length + 1), g.int(2), g.int(256))
      return toBase64(Uint8Array.from(bytes))
    }
    case 3: {
      // Nesting at the limit: 999 levels are fine, 1000 are TOO_DEEP (rare: each is 2 KB of JSON).
      if (g.int(8) !== 0) return toBase64(utf8.encode(JSON.stringify(mutateValue(g, seed))))
      const levels = 998 + g.int(3)
      return toBase64(utf8.encode(`{"type":1,"content":"x","z":${'['.repeat(levels)}${']'.repeat(levels)}}`))
    }
    default:
      return mutateText(g, toBase64(utf8.encode(JSON.stringify(mutateValue(g, seed)))))
  }
}

describe('the decoder against an independent strict reference', () => {
  it(`agrees on ${CASES.toLocaleString('en')} generated cases (outcome and value)`, () => {
    const seed = Number(process.env.DIFFERENTIAL_SEED ?? 20261124)
    const g = generator(seed)
    const codes = new Map<string, number>()
    const disagreements: string[] = []
    for (let i = 0; i < CASES && disagreements.length < 5; i++) {
      const input = makeCase(g)
      const expected = reference(input)
      const got = actual(input, 'node')
      const key = expected.ok ? 'ok' : expected.code
      codes.set(key, (codes.get(key) ?? 0) + 1)
      const same = expected.ok ? got.ok && JSON.stringify(got.value) === JSON.stringify(expected.value) : !got.ok && got.code === expected.code
      if (!same) disagreements.push(`seed ${seed} case ${i}: ${JSON.stringify(input).slice(0, 300)} → reference ${JSON.stringify(expected).slice(0, 200)}, decoder ${JSON.stringify(got).slice(0, 200)}`)
      // The browser layer's Base64 must agree on every string too.
      const webGot = actual(input, 'web')
      const refBytes = referenceBase64(input)
      if (webGot.ok !== (refBytes !== undefined) || (webGot.ok && toBase64(webGot.value as Uint8Array) !== toBase64(refBytes as Uint8Array))) disagreements.push(`seed ${seed} case ${i}: browser Base64 disagrees on ${JSON.stringify(input).slice(0, 300)}`)
    }
    expect(disagreements).toEqual([])
    // Every outcome is exercised, valid payloads included.
    for (const code of ['ok', 'INVALID_BASE64', 'INVALID_UTF8', 'INVALID_JSON', 'INVALID_PAYLOAD', 'TOO_DEEP']) expect(codes.get(code) ?? 0, `${code} cases`).toBeGreaterThan(300)
  })
})

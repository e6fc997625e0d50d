/**
 * The published JSON Schemas as a user outside TypeScript loads them: every file, and the
 * self-contained bundle alone, in three validators with no options — Ajv 2020 (strict by
 * default), @cfworker/json-schema, and Python's `jsonschema` — validating every example of every
 * type (valid) and every invalid example (invalid).
 */
import { Validator, type Schema } from '@cfworker/json-schema'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { payloadDefinitions } from '../src/types/definitions.js'
import { genericSystemExamples } from '../src/types/system/generic.js'
import { publishedSchemas, root } from './helpers.js'

const BUNDLE = 'wukong-payload.bundle'
const schemas = publishedSchemas()
const bundle = schemas.get(BUNDLE) as Schema
const files = [...schemas].filter(([name]) => name !== BUNDLE)

/** Every example, with whether it must be valid. */
const cases: { title: string; value: unknown; valid: boolean }[] = [
  ...payloadDefinitions.flatMap((d) => [
    ...d.examples.map((e) => ({ title: `${d.name}: ${e.title}`, value: e.value as unknown, valid: true })),
    ...(d.invalidExamples ?? []).map((e) => ({ title: `${d.name} (invalid): ${e.title}`, value: e.value, valid: false })),
  ]),
  ...genericSystemExamples.map((e) => ({ title: `system: ${e.title}`, value: e.value as unknown, valid: true })),
]
const expected = cases.map((c) => c.valid)

/** A Python 3 that has `jsonschema` (the machine's, or Debian's python3-jsonschema). */
function python(): string | undefined {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    if (spawnSync(candidate, ['-c', 'import jsonschema, referencing'], { stdio: 'ignore' }).status === 0) return candidate
  }
  return undefined
}

describe('published schemas load without options in three validators', () => {
  it('there are examples both ways, and a bundle', () => {
    expect(expected.filter(Boolean).length).toBeGreaterThan(30)
    expect(expected.filter((v) => !v).length).toBeGreaterThan(20)
    expect(bundle).toBeDefined()
  })

  it('no keyword outside the 2020-12 vocabulary', () => {
    const text = files.map(([, s]) => JSON.stringify(s)).join('\n')
    expect(text).not.toMatch(/"x-[\w-]+":/)
  })

  it('Ajv 2020, default (strict) options: every file, and the bundle alone, without a warning', () => {
    // Ajv's defaults, with its messages collected instead of printed: strict mode's warnings too.
    const warnings: string[] = []
    const logger = { log: () => {}, warn: (...a: unknown[]) => void warnings.push(a.join(' ')), error: (...a: unknown[]) => void warnings.push(a.join(' ')) }
    const ajv = new Ajv2020({ logger })
    for (const [, schema] of files) ajv.addSchema(schema as object)
    for (const [, schema] of files) expect(ajv.getSchema(String((schema as { $id: string }).$id))).toBeDefined()
    const payload = ajv.getSchema(String((schemas.get('payload') as { $id: string }).$id))
    expect(cases.map((c) => payload?.(c.value))).toEqual(expected)
    const alone = new Ajv2020({ logger }).compile(bundle as object)
    expect(cases.map((c) => alone(c.value))).toEqual(expected)
    expect(warnings).toEqual([])
  })

  it('@cfworker/json-schema: every file, and the bundle alone', () => {
    const byFiles = new Validator(schemas.get('payload') as Schema, '2020-12')
    for (const [name, schema] of files) if (name !== 'payload') byFiles.addSchema(schema)
    expect(cases.map((c) => byFiles.validate(c.value).valid)).toEqual(expected)
    const alone = new Validator(bundle, '2020-12')
    expect(cases.map((c) => alone.validate(c.value).valid)).toEqual(expected)
  })

  const py = python()
  const dir = mkdtempSync(join(tmpdir(), 'wukong-schemas-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it.skipIf(py === undefined && process.env.CI !== 'true')("Python's jsonschema: every file, and the bundle alone", () => {
    expect(py, 'no python3 with jsonschema: apt-get install python3-jsonschema (.ci/run does)').toBeDefined()
    const script = join(dir, 'check.py')
    writeFileSync(
      script,
      [
        'import json, sys, pathlib',
        'from jsonschema import Draft202012Validator',
        'from referencing import Registry, Resource',
        'folder = pathlib.Path(sys.argv[1])',
        "docs = [json.loads(p.read_text()) for p in sorted(folder.glob('*.schema.json'))]",
        "bundle = next(d for d in docs if d['$id'].endswith('/wukong-payload.bundle.schema.json'))",
        "files = [d for d in docs if d is not bundle]",
        'registry = Registry().with_resources((d["$id"], Resource.from_contents(d)) for d in files)',
        "payload = next(d for d in files if d['$id'].endswith('/payload.schema.json'))",
        'cases = json.load(sys.stdin)',
        'by_files = Draft202012Validator(payload, registry=registry)',
        'alone = Draft202012Validator(bundle)',
        'print(json.dumps([[by_files.is_valid(c) for c in cases], [alone.is_valid(c) for c in cases]]))',
      ].join('\n'),
    )
    const out = execFileSync(py as string, [script, join(root, 'schemas')], { input: JSON.stringify(cases.map((c) => c.value)), encoding: 'utf8' })
    const [byFiles, alone] = JSON.parse(out) as [boolean[], boolean[]]
    expect(byFiles).toEqual(expected)
    expect(alone).toEqual(expected)
  })

  it('a sample failure names the case (so the lists above are meaningful)', () => {
    const alone = new Validator(bundle, '2020-12')
    const bad = cases.find((c) => !c.valid)
    expect(bad && alone.validate(bad.value).valid).toBe(false)
    expect(JSON.parse(readFileSync(join(root, 'schemas', `${BUNDLE}.schema.json`), 'utf8')).$defs.text).toBeDefined()
  })
})

/**
 * Every example beside every definition (the seeds' protocol examples among them) is checked
 * three ways: the package's validator, TypeBox's Value.Check on the TypeBox schema, and an
 * independent JSON Schema implementation on the published file.
 */
import { Value } from '@sinclair/typebox/value'
import { describe, expect, it } from 'vitest'
import { PayloadReferences, payloadDefinitions, validatePayload } from '../src/entries/index.js'
import { genericSystemExamples } from '../src/types/system/generic.js'
import { independentValidator } from './helpers.js'

const union = independentValidator('payload')

describe.each(payloadDefinitions.map((d) => [d.name, d] as const))('%s', (name, definition) => {
  const published = independentValidator(name)

  it.each(definition.examples.map((e) => [e.title, e.value] as const))('accepts example: %s', (_title, value) => {
    expect(validatePayload(value)).toEqual({ ok: true, value })
    expect(Value.Check(definition.schema, PayloadReferences, value)).toBe(true)
    expect(published.validate(value).errors).toEqual([])
    expect(union.validate(value).valid).toBe(true)
  })

  it.each((definition.invalidExamples ?? []).map((e) => [e.title, e] as const))('rejects example: %s', (_title, example) => {
    const result = validatePayload(example.value)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain(example.path)
    expect(union.validate(example.value).valid).toBe(false)
  })

  it('has examples, and invalid ones', () => {
    expect(definition.examples.length).toBeGreaterThan(0)
    expect(definition.invalidExamples?.length ?? 0).toBeGreaterThan(0)
  })
})

describe('generic system messages', () => {
  it.each(genericSystemExamples.map((e) => [e.title, e.value] as const))('accepts %s', (_title, value) => {
    expect(validatePayload(value).ok).toBe(true)
    expect(independentValidator('system').validate(value).valid).toBe(true)
    expect(union.validate(value).valid).toBe(true)
  })
})

describe('published union', () => {
  it('accepts unknown integer types and rejects non-integer ones, like validatePayload', () => {
    for (const value of [{ type: 500, anything: [1] }, { type: 0 }, { type: -3 }]) {
      expect(union.validate(value).valid).toBe(true)
      expect(validatePayload(value).ok).toBe(true)
    }
    for (const value of [{ type: 'text' }, { type: 1.5 }, {}, [], 'x']) {
      expect(union.validate(value).valid).toBe(false)
      expect(validatePayload(value).ok).toBe(false)
    }
  })
})

/**
 * Issue 31: hints come from the schema (an `x-hint` annotation on the field), never from a field's
 * name; a missing field whose near-namesake is present says so. Oracles: the schemas as written
 * here (which field carries which annotation), and nearestName's own rule for the typo note.
 */
import { Type } from '@sinclair/typebox'
import { describe, expect, it } from 'vitest'
import { createCodec, definePayloadType } from '../src/entries/runtime.js'
import { CHAT_FLAGS } from '../src/model/flags.js'
import { NonNegative } from '../src/model/fields.js'
import { hintAt, hintTree } from '../src/validate/hints.js'
import { validatePayload } from '../src/validate/validate.js'

const issuesOf = (result: ReturnType<typeof validatePayload>) => (result.ok ? [] : result.issues)

describe('hints from the schema', () => {
  it('hintTree and hintAt: positions through properties, items and allOf; nothing where no x-hint is', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'number', 'x-hint': 'A' }, list: { type: 'array', items: { type: 'object', properties: { b: { 'x-hint': 'B' } } } }, plain: { type: 'string' } },
      allOf: [{ properties: { c: { 'x-hint': 'C' } } }],
    }
    const tree = hintTree(schema)
    expect(hintAt(tree, '/a')).toBe('A')
    expect(hintAt(tree, '/list/7/b')).toBe('B')
    expect(hintAt(tree, '/c')).toBe('C')
    expect(hintAt(tree, '/plain')).toBeUndefined()
    expect(hintAt(tree, '/list/x/b')).toBeUndefined()
    expect(hintTree({ type: 'object', properties: { size: { type: 'string' } } })).toBeUndefined()
  })

  it("a built-in field's hint is its helper's", () => {
    expect(issuesOf(validatePayload({ type: 2, url: 'u', width: '200', height: 1 }))).toEqual([expect.objectContaining({ path: '/width', message: expect.stringMatching(/: a number of pixels$/) })])
    expect(issuesOf(validatePayload({ type: 8, url: 'u', name: 'n', size: '1 KB' }))).toEqual([expect.objectContaining({ path: '/size', message: expect.stringMatching(/: a number of bytes$/) })])
  })

  it("an app type's field named like a built-in one gets no built-in hint, and its own when it declares one", () => {
    const order = definePayloadType({
      type: 23,
      name: 'order',
      description: 'Order (type 23).',
      fields: { size: Type.String({ description: 'S, M or L.' }), width: NonNegative('Box width.', 'a number of centimetres') },
      flags: CHAT_FLAGS,
      digest: { zh: '[订单]', en: '[Order]' },
      examples: [{ title: 'Order', value: { type: 23, size: 'M', width: 30 } }],
    })
    const codec = createCodec({ types: [order] })
    const result = codec.validatePayload({ type: 23, size: 5, width: '30' })
    expect(result.ok).toBe(false)
    const issues = result.ok ? [] : result.issues
    const size = issues.find((i) => i.path === '/size')
    expect(size?.message).toBe('must be a string, not the number 5')
    expect(issues.find((i) => i.path === '/width')?.message).toMatch(/: a number of centimetres$/)
  })
})

describe('a missing field whose near-namesake is present', () => {
  it('{"type":1,"contnet":"hello"} names contnet in the "content" is required issue', () => {
    const issues = issuesOf(validatePayload({ type: 1, contnet: 'hello' }))
    expect(issues).toEqual([expect.objectContaining({ path: '/content', code: 'required', message: expect.stringContaining('"contnet" is there: a typo of "content"?') })])
  })
  it('no note when nothing near is there', () => {
    const issues = issuesOf(validatePayload({ type: 1, other: 'hello' }))
    expect(issues).toEqual([expect.objectContaining({ path: '/content', code: 'required', message: '"content" is required' })])
  })
})

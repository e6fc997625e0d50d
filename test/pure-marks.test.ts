/** Schema-building calls in the schema layers (src/types, model, events, api) carry their pure mark in the source (no build-time rewriting). */
import { describe, expect, it } from 'vitest'
import { markPureCalls, unmarkedFiles } from '../scripts/pure-marks.js'

describe('pure marks', () => {
  it('every schema-building call in the schema layers is marked in the source', () => {
    expect(unmarkedFiles()).toEqual([])
  })

  it('the check sees an unmarked call, and leaves marked calls, strings and comments alone', () => {
    expect(markPureCalls("const A = Type.String({ description: 'x' })\n")).toBe("const A = /* @__PURE__ */ Type.String({ description: 'x' })\n")
    const marked = "const A = /* @__PURE__ */ Type.String()\n// Type.Number() in a comment\nconst s = 'Type.Number()'\n"
    expect(markPureCalls(marked)).toBe(marked)
    expect(markPureCalls('export const S = textDefinition.schema\n')).toBe('export const S = /* @__PURE__ */ (() => textDefinition.schema)()\n')
  })
})

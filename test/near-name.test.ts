import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { editDistance, nearestName } from '../src/model/near-name'

/** Independent oracle: the textbook recursive definition of optimal-string-alignment distance, memoised. */
function osa(a: string, b: string): number {
  const s = a.toLowerCase()
  const t = b.toLowerCase()
  const memo = new Map<string, number>()
  const d = (i: number, j: number): number => {
    if (i === 0) return j
    if (j === 0) return i
    const key = `${i},${j}`
    const known = memo.get(key)
    if (known !== undefined) return known
    let best = Math.min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (s[i - 1] === t[j - 1] ? 0 : 1))
    if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, d(i - 2, j - 2) + 1)
    memo.set(key, best)
    return best
  }
  return d(s.length, t.length)
}

describe('near names', () => {
  it('suggests the defined name for the typos users make', () => {
    expect(nearestName('mentoin', ['content', 'mention', 'reply'])).toBe('mention')
    expect(nearestName('contnet', ['content', 'mention'])).toBe('content')
    expect(nearestName('chanel_id', ['channel_id', 'channel_type'])).toBe('channel_id')
    expect(nearestName('Content', ['content'])).toBe('content')
  })

  it('suggests nothing for a defined name, an unrelated name or a short name', () => {
    expect(nearestName('content', ['content', 'contents'])).toBeUndefined()
    expect(nearestName('amount', ['content', 'mention'])).toBeUndefined()
    expect(nearestName('ab', ['ac'])).toBeUndefined()
    expect(nearestName('x'.repeat(65), ['x'.repeat(64)])).toBeUndefined()
  })

  it('computes the same distance as the recursive definition', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 9 }), fc.string({ maxLength: 9 }), (a, b) => {
        expect(editDistance(a, b)).toBe(osa(a, b))
        const limit = 2
        expect(editDistance(a, b, limit)).toBe(Math.min(osa(a, b), limit + 1))
      }),
      { numRuns: 2000 },
    )
  })
})

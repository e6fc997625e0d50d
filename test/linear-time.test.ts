/**
 * Issue 26, "linear time": receive paths and advisory tools take time linear in their input.
 * Absolute timings mean nothing on a shared machine, so each case compares growth: the time at
 * 4n divided by the time at n (best of several runs). Linear work gives about 4, quadratic 16;
 * the bound (9) leaves room for noise and still fails a quadratic. A second oracle for the
 * result of `decodeForDisplay`: the covering parts computed by the definition (a comparison of
 * every pair) on small inputs.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeForDisplay, lintSendRequest, renderSystemMessageHtml, unreadablePartOf } from '../src/entries/index.js'

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64')

/** Best of `runs` timings of `f`, in ms. */
function best(f: () => unknown, runs = 5): number {
  let min = Infinity
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    f()
    min = Math.min(min, performance.now() - start)
  }
  return min
}

/**
 * time(4n) / time(n) for a workload built by `make(n)`: the least of three measurements, so that
 * a burst of load from other processes during one of them does not decide.
 */
function growth(make: (n: number) => () => unknown, n: number): number {
  const small = make(n)
  const large = make(4 * n)
  small()
  large()
  let ratio = Infinity
  for (let attempt = 0; attempt < 3 && ratio >= 9; attempt++) ratio = Math.min(ratio, best(large, 3) / Math.max(best(small, 5), 0.5))
  return ratio
}

describe('time linear in the input', () => {
  it('decodeForDisplay: a forward of many broken messages', () => {
    const make = (n: number) => {
      const input = b64({ type: 11, channel_type: 1, msgs: Array(n).fill({}) })
      return () => decodeForDisplay(input)
    }
    expect(growth(make, 5_000)).toBeLessThan(9)
  }, 120_000)

  it('lintSendRequest: a payload with many null fields', () => {
    const make = (n: number) => {
      const payload: Record<string, unknown> = { type: 1, content: 'x' }
      for (let i = 0; i < n; i++) payload[`k${i}`] = null
      const body = { header: { no_persist: 0, red_dot: 1, sync_once: 0 }, payload }
      return () => lintSendRequest(body)
    }
    expect(growth(make, 10_000)).toBeLessThan(9)
  }, 120_000)

  it('renderSystemMessageHtml: many placeholders for a long uid with an empty name', () => {
    // With the default bound (an unbounded render of this is n·n characters of output).
    const bounded = (n: number) => {
      const payload = { type: 1002, content: '{0}'.repeat(n), extra: [{ uid: 'u'.repeat(n), name: '' }] }
      return () => renderSystemMessageHtml(payload)
    }
    expect(growth(bounded, 20_000)).toBeLessThan(9)
  }, 120_000)
})

describe('decodeForDisplay lists the smallest covering set of parts', () => {
  /** The definition: drop a part that lies inside another listed part (every pair compared). */
  const covering = (paths: string[]): string[] => {
    const parts = [...new Set(paths.map(unreadablePartOf))]
    return parts.filter((p) => !parts.some((o) => o !== p && (o === '' || p.startsWith(`${o}/`)))).sort()
  }
  it('agrees with the definition on random nests of forwards and quotes', () => {
    const nested = fc.letrec((tie) => ({
      payload: fc.oneof(
        { depthSize: 'small' },
        fc.constant({ type: 1 }),
        fc.constant({ type: 1, content: 'ok' }),
        fc.record({ type: fc.constant(1), content: fc.constant('q'), reply: fc.record({ message_id: fc.constant('1'), payload: tie('payload') }) }),
        fc.record({ type: fc.constant(11), channel_type: fc.constant(1), msgs: fc.array(fc.record({ payload: tie('payload') }), { maxLength: 12 }) }),
      ),
    }))
    fc.assert(
      fc.property(nested.payload, (payload) => {
        const result = decodeForDisplay(b64(payload))
        if (result.status === 'ok') return
        const expected = result.status === 'unreadable' ? [''] : covering(result.issues.map((i) => i.path))
        expect([...result.unreadable].sort()).toEqual(expected)
      }),
      { numRuns: 500 },
    )
  })
})

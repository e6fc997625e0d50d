/**
 * The paired, interleaved timing harness of the benchmarks. Plain functions without imports, so
 * that bench/browser.mjs can run the same code in a page (`harnessSource`).
 */
export function makeHarness({ rounds, batchNs, now }) {
  let sink = 0
  const use = (v) => {
    sink = (sink + (typeof v === 'object' && v !== null ? 1 : typeof v === 'string' ? v.length : 2)) | 0
  }
  // Each timed call runs OPS operations over the inputs, so that the harness's own cost (an
  // indirect call per timed call) is spread thin and does not flatten the ratios of small inputs.
  const OPS = 16
  function timeBatch(fn, n) {
    const t0 = now()
    for (let i = 0; i < n; i++) use(fn(i))
    return (now() - t0) / n / OPS
  }
  function calibrate(fn) {
    for (let n = 1; ; n *= 2) {
      const t0 = now()
      for (let i = 0; i < n; i++) use(fn(i))
      const dt = now() - t0
      if (dt > batchNs / 4) return Math.max(1, Math.round((n * batchNs) / dt))
    }
  }
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b)
    const m = s.length >> 1
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
  }
  /** Median over rounds of candidate time / baseline time, the least and greatest round's ratio, and each side's median ns per op. */
  function compare(candidate, baseline) {
    for (let w = 0; w < 3; w++) {
      timeBatch(candidate, 200)
      timeBatch(baseline, 200)
    }
    const n = Math.min(calibrate(candidate), calibrate(baseline))
    const ratios = []
    const a = []
    const b = []
    for (let r = 0; r < rounds; r++) {
      let ta, tb
      if (r % 2) {
        ta = timeBatch(candidate, n)
        tb = timeBatch(baseline, n)
      } else {
        tb = timeBatch(baseline, n)
        ta = timeBatch(candidate, n)
      }
      ratios.push(ta / tb)
      a.push(ta)
      b.push(tb)
    }
    return { ratio: median(ratios), low: Math.min(...ratios), high: Math.max(...ratios), candidate: median(a), baseline: median(b) }
  }
  const cycle = (list, f) => (i) => {
    let last
    for (let k = i * OPS, end = k + OPS; k < end; k++) last = f(list[k % list.length])
    return last
  }
  return { compare, cycle, median, use, sink: () => sink }
}

/** Whether a result meets its target ({ max } or { min }); undefined without a target. */
export function meets(result, target) {
  if (target === undefined) return undefined
  return target.max !== undefined ? result.ratio <= target.max : result.ratio >= target.min
}

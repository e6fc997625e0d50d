/**
 * Near names: the one rule that says a property name is probably a typo of a name a schema defines
 * (`mentoin` → `mention`, `contnet` → `content`, `chanel_id` → `channel_id`). Used by lint and by
 * issue messages; no imports, so every entry can bundle it.
 */

/** The largest edit distance still taken for a typo of a name of this length (short names must match closely). */
function allowedDistance(length: number): number {
  if (length < 3) return 0
  if (length < 6) return 1
  return 2
}

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions and adjacent
 * transpositions each cost 1), compared case-insensitively; stops early once every path exceeds
 * `limit` and then returns `limit + 1`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const s = a.toLowerCase()
  const t = b.toLowerCase()
  if (Math.abs(s.length - t.length) > limit) return limit + 1
  let before: number[] = []
  let previous: number[] = Array.from({ length: t.length + 1 }, (_, j) => j)
  for (let i = 1; i <= s.length; i++) {
    const current: number[] = [i]
    let rowMin = i
    for (let j = 1; j <= t.length; j++) {
      const cost = s.charCodeAt(i - 1) === t.charCodeAt(j - 1) ? 0 : 1
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, before[j - 2]! + 1)
      current[j] = d
      if (d < rowMin) rowMin = d
    }
    if (rowMin > limit) return limit + 1
    before = previous
    previous = current
  }
  return Math.min(previous[t.length]!, limit + 1)
}

/**
 * The defined name that `name` is most likely a typo of, or `undefined`: the closest candidate
 * within the distance allowed for its length (first in `candidates` order on a tie). A name that is
 * itself a candidate has no near name. Names longer than 64 characters are not compared (bounded cost).
 */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > 64) return undefined
  const list = [...candidates]
  if (list.includes(name)) return undefined
  const limit = allowedDistance(name.length)
  let best: string | undefined
  let bestDistance = limit + 1
  for (const candidate of list) {
    if (candidate.length > 64) continue
    const distance = editDistance(name, candidate, limit)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/**
 * The CLI prints issues as the server helpers answer them (issue 25): at most
 * {@link MAX_PRINTED_ISSUES}, each message at most {@link MAX_PRINTED_TEXT} characters (cut on a
 * whole character), then how many more there were — so a payload with 600,000 issues prints a
 * screenful, not hundreds of megabytes.
 */
import { MAX_PROBLEM_ISSUES, MAX_PROBLEM_TEXT, truncateText } from '../server/problem.js'

export const MAX_PRINTED_ISSUES = MAX_PROBLEM_ISSUES
export const MAX_PRINTED_TEXT = MAX_PROBLEM_TEXT

/** The first issues to print, their texts cut, and how many were left out. */
export function capIssues<T extends { readonly path: string; readonly message: string }>(issues: readonly T[]): { shown: T[]; omitted: number } {
  const shown = issues.slice(0, MAX_PRINTED_ISSUES).map((i) => ({ ...i, path: truncateText(i.path, MAX_PRINTED_TEXT), message: truncateText(i.message, MAX_PRINTED_TEXT) }))
  return { shown, omitted: issues.length - shown.length }
}

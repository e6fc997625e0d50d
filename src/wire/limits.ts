/**
 * Size and depth limits given as options. A limit that is not a non-negative integer (or
 * `Infinity`, which means "no limit" on purpose) — `NaN` from `Number(process.env.UNSET)`, `-1`,
 * `1.5`, a string — is ignored and the default applies: a typo must never switch a limit off, and
 * the functions that take these options promise not to throw.
 */

/** `value` when it is a valid limit (an integer ≥ 0, or `Infinity`), else `fallback`. */
export function limitOption(value: unknown, fallback: number): number {
  return typeof value === 'number' && value >= 0 && (Number.isInteger(value) || value === Number.POSITIVE_INFINITY) ? value : fallback
}

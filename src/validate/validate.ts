/**
 * `validatePayload`: dispatches on `type` to that type's generated validator (one pass over the
 * type's fields, the common fields and a command's `param`), which hands back each nested payload
 * (`reply.payload`, forwarded `msgs[].payload`) to be checked by its own type's validator next —
 * iteratively, so that no input can overflow the stack. A payload without nested ones allocates
 * nothing here but its result (the state lives at module level, saved and restored around a
 * re-entrant call).
 */
import { fastCheck } from '../generated/fast-checks.js'
import { byType, system, type AjvError, type PayloadTypeValidator, type ValidateFunction, type VisitNested } from '../generated/validators.js'
export type { PayloadTypeValidator, ValidateFunction }
import { messageTypeByName, TYPE_LIST, typeNames } from '../generated/registry.js'
import { isSystemType } from '../model/message-type.js'
import type { KnownPayload, Payload, SystemPayload } from '../types/payload.js'
import { describeValue, issuesWithHints, pointerSegment, type ValidationIssue } from './issues.js'
import type { NestedPosition } from './compiled-view.js'
import { findUnencodable } from './plain-data.js'
import { hintAt, type HintTree } from './hints.js'
import { hintsByType, systemHints } from '../generated/hints.js'
import { shapesByType, systemShape } from '../generated/shapes.js'
import { unknownProperties, type ShapeTree } from './shapes.js'

/** Options of {@link validatePayload} (and of the codec, which validates). */
export interface ValidateOptions {
  /**
   * What to do with an integer `type` this package does not know: `'accept'` (default) keeps it
   * as an `UnknownPayload` (forward compatibility); `'reject'` reports an `unknown_type` issue.
   */
  readonly unknownTypes?: 'accept' | 'reject'
  /** Most levels of nested payloads (replies quoting replies, forwards). Default 32. */
  readonly maxDepth?: number
  /**
   * What to do with a property a known type does not define: `'keep'` (default) keeps it, as a
   * receiver must (forward compatibility); `'reject'`, the strict mode for senders, reports each
   * one as an `unknown_property` issue with the defined name it is most likely a typo of
   * (`mentoin` → `mention`), at every level of the type's own fields (not inside nested payloads'
   * unknown types, and not inside fields the schema leaves free).
   */
  readonly unknownProperties?: 'keep' | 'reject'
}

/** Outcome of a validation: the value (unchanged, not copied) or every issue found. */
export type ValidationResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: ValidationIssue[] }

export const DEFAULT_MAX_DEPTH = 32

/**
 * The data rules of one validation, beside the schema's: how large a value the plain-data walk
 * may visit (a lower bound of its JSON size, so that a shared structure whose JSON would explode
 * is refused in bounded time), and whether the value is about to be sent (then a lone surrogate,
 * which the server would turn into U+FFFD, is refused too; received text is kept as it came).
 */
export interface DataRules {
  readonly maxBytes: number
  readonly sending: boolean
}

/**
 * 64 MiB: how much JSON the plain-data walk of `validatePayload` visits before it calls a value
 * too large (64 times the largest frame WuKongIM accepts; a shared structure whose JSON would be
 * larger is refused in bounded time). The codec passes its own `maxBytes`.
 */
export const VALIDATE_MAX_BYTES = 64 * 1024 * 1024
const RECEIVED: DataRules = { maxBytes: VALIDATE_MAX_BYTES, sending: false }

/** `"text"` → 1, `"Image"` → 2, `"cmd"` → 99 …: to tell a caller which integer they meant. */
function typeNumberOfName(name: string): number | undefined {
  const key = name.toLowerCase().replaceAll(/[^a-z0-9]/g, '')
  return Object.hasOwn(messageTypeByName, key) ? messageTypeByName[key] : undefined
}

function typeIssue(type: unknown, path: string): ValidationIssue {
  let message = `must be an integer, not ${describeValue(type)}`
  if (typeof type === 'string') {
    const asNumber = /^-?[0-9]+$/.test(type.trim()) ? Number(type) : typeNumberOfName(type)
    message =
      asNumber === undefined
        ? `type must be an integer (${TYPE_LIST}), not ${describeValue(type)}`
        : /^-?[0-9]+$/.test(type.trim())
          ? `type must be the integer ${asNumber}, not the string ${JSON.stringify(type)}`
          : `type must be an integer; ${type} is ${asNumber}`
  }
  return { path, code: 'type', message }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The built-in validators in a dense array indexed by type (holes for types without one): a
 * fast-elements load, where `byType`'s sparse integer keys (1 … 2000) are a dictionary lookup.
 */
const denseByType: (PayloadTypeValidator | undefined)[] = []
for (const key of Object.keys(byType)) denseByType[Number(key)] = byType[Number(key)]

/** The validator for a payload `type`, or undefined for an unknown type. */
function builtInValidator(type: number): PayloadTypeValidator | undefined {
  return denseByType[type] ?? (isSystemType(type) ? system : undefined)
}

/** Finds the validator of a payload type (the built-in ones, or a codec's own on top). */
export type ValidatorLookup = (type: number) => PayloadTypeValidator | undefined

const NO_OPTIONS: ValidateOptions = {}

/**
 * Validates one payload and everything nested in it. Never throws (a getter that throws, or a
 * value that is not plain data, is reported as an issue).
 *
 * Known types are checked strictly on the fields they define; properties a type does not define
 * are allowed and kept. The value is returned as it is, not copied.
 */
export function validatePayload(value: unknown, options: ValidateOptions = NO_OPTIONS): ValidationResult<Payload> {
  if (isCertainlyValid(value, options, FAST_CHECK_VALUES)) return { ok: true, value: value as Payload }
  return validateWith(builtInValidator, value, options)
}

/**
 * {@link validatePayload} with the codec's data rules (its `maxBytes`, and whether it sends): one
 * notion of valid for validating, decoding and encoding. Not exported from the package.
 */
export function validateForCodec(value: unknown, options: ValidateOptions, data: DataRules): ValidationResult<Payload> {
  // The one-pass check does not look for lone surrogates, which only a value about to be sent must not hold.
  if (!data.sending && isCertainlyValid(value, options, data.maxBytes)) return { ok: true, value: value as Payload }
  return validateWith(builtInValidator, value, options, data)
}

/**
 * {@link validatePayload} without the one-pass check in front: every payload through the
 * validators. What the fast check is tested against (test/fast-checks.test.ts); not exported
 * from the package.
 */
export function validateCompletely(value: unknown, options: ValidateOptions = NO_OPTIONS): ValidationResult<Payload> {
  return validateWith(builtInValidator, value, options)
}

/** How many values the fast check of an object of unknown size visits before leaving it to the complete path. */
const FAST_CHECK_VALUES = 1 << 20

/**
 * The generated one-pass check (src/generated/fast-checks.js): `true` only for a valid payload
 * of plain JSON data (no number beyond ±2^53, nesting under 1000 levels), visiting at most
 * `maxValues` values. `false` means only that the complete path must decide, and report.
 */
export function isCertainlyValid(value: unknown, options: ValidateOptions, maxValues: number): boolean {
  // The strict mode for senders looks at every key's name: the complete path does.
  if (options.unknownProperties === 'reject') return false
  return fastCheck(value, depthLimit(options.maxDepth), options.unknownTypes === 'reject', maxValues)
}

/**
 * A usable depth limit under the one limit rule (wire/limits.ts `limitOption`; validate may not
 * import wire): a whole number ≥ 0, or `Infinity` (no limit), else the default (a NaN from an
 * unset variable must not switch it off).
 */
function depthLimit(maxDepth: unknown): number {
  return typeof maxDepth === 'number' && maxDepth >= 0 && (Number.isInteger(maxDepth) || maxDepth === Number.POSITIVE_INFINITY) ? maxDepth : DEFAULT_MAX_DEPTH
}

// The state of the validation under way, at module level so that a call allocates nothing for a
// payload without nested ones (no closures, no queue). A validation started while one is under
// way (a getter on the input calling validatePayload) saves it and restores it: stack discipline.
let issues: ValidationIssue[] | undefined
/** Nested payloads still to check, flat: payload, JSON Pointer, depth. Made at the first one. */
let queue: unknown[] | undefined
let depth = 0
let maxDepth = DEFAULT_MAX_DEPTH

function report(issue: ValidationIssue): void {
  ;(issues ??= []).push(issue)
}

const visit: VisitNested = (payload, path) => {
  // An envelope without an integer type was already reported by the enclosing type's validator.
  if (typeof payload.type !== 'number' || !Number.isInteger(payload.type)) return
  if (depth + 1 > maxDepth) {
    report({ path, code: 'too_deep', message: `payloads nest more than ${maxDepth} levels deep here; quote or forward less deeply, or raise maxDepth` })
    return
  }
  ;(queue ??= []).push(payload, path, depth + 1)
}

/**
 * {@link validatePayload} with a given validator lookup (used by `createCodec`): the schema's
 * rules, then the plain-data rules (no number beyond ±2^53 or out of range, no value JSON would
 * change or drop, nesting under 1000 levels; see {@link findUnencodable}), one list of issues.
 */
export function validateWith(validatorOf: ValidatorLookup, value: unknown, options: ValidateOptions = NO_OPTIONS, data: DataRules = RECEIVED): ValidationResult<Payload> {
  let problem: ValidationIssue | undefined
  try {
    problem = findUnencodable(value, !data.sending, data.maxBytes)
  } catch (error) {
    problem = { path: '', code: 'invalid', message: `the value could not be read as JSON data (${describeThrown(error)}); pass plain JSON values` }
  }
  // A value too large or too deep for the walk, or unreadable, is not handed to the validators too.
  if (problem && (problem.code === 'too_large' || problem.code === 'too_deep' || problem.code === 'invalid')) return { ok: false, issues: [problem] }
  const result = validateSchemas(validatorOf, value, options)
  if (problem === undefined) return result
  // The value itself cannot be read faithfully there (a rounded number, a Date): that is the one
  // thing said of its position; what the schema says of it would be about a value that is not there.
  const at = problem.path
  return { ok: false, issues: result.ok ? [problem] : [...result.issues.filter((i) => i.path !== at), problem] }
}

function validateSchemas(validatorOf: ValidatorLookup, value: unknown, options: ValidateOptions): ValidationResult<Payload> {
  const outerIssues = issues
  const outerQueue = queue
  const outerDepth = depth
  const outerMaxDepth = maxDepth
  issues = undefined
  queue = undefined
  depth = 0
  let found: ValidationIssue[] | undefined
  try {
    maxDepth = depthLimit(options.maxDepth)
    const rejectUnknown = options.unknownTypes === 'reject'
    let payload: unknown = value
    let path = ''
    for (let i = 0; ; i += 3) {
      checkOne(validatorOf, payload, path, rejectUnknown, options.unknownProperties === 'reject')
      // Read back: checkOne's validator may have queued nested payloads through `visit`.
      const pending = queue as unknown[] | undefined
      if (pending === undefined || i >= pending.length) break
      payload = pending[i]
      path = pending[i + 1] as string
      depth = pending[i + 2] as number
    }
  } catch (error) {
    report({ path: '', code: 'invalid', message: `the value could not be read as JSON data (${describeThrown(error)}); pass plain JSON values` })
  } finally {
    found = issues
    issues = outerIssues
    queue = outerQueue
    depth = outerDepth
    maxDepth = outerMaxDepth
  }
  return found === undefined ? { ok: true, value: value as Payload } : { ok: false, issues: found }
}

function describeThrown(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : 'a non-Error was thrown'
  } catch {
    return 'an unreadable error was thrown'
  }
}

function checkOne(validatorOf: ValidatorLookup, payload: unknown, path: string, rejectUnknown: boolean, strict: boolean): void {
  if (!isObject(payload)) {
    report({ path, code: 'type', message: `a payload must be a JSON object with an integer "type", not ${describeValue(payload)}` })
    return
  }
  const type = payload.type
  if (type === undefined) {
    report({ path: `${path}/type`, code: 'required', message: `"type" is required: every payload has an integer type (${TYPE_LIST})` })
    return
  }
  if (typeof type !== 'number' || !Number.isInteger(type)) {
    report(typeIssue(type, `${path}/type`))
    return
  }
  const validate = validatorOf(type)
  if (validate === undefined) {
    if (rejectUnknown) report({ path: `${path}/type`, code: 'unknown_type', message: `type ${type} is not a known payload type; decode with { unknownTypes: 'accept' } to keep it as an UnknownPayload` })
    return
  }
  if (!validate(payload, path, visit)) {
    const found: ValidationIssue[] = []
    // The hints of this type's schema: an app type's own (createCodec), else the built-in type's.
    const tree = 'hints' in validate ? (validate as { hints?: HintTree }).hints : Object.hasOwn(hintsByType, type) ? hintsByType[type] : isSystemType(type) ? systemHints : undefined
    issuesWithHints(validate.errors ?? [], payload, path, found, (pointer) => hintAt(tree, pointer))
    for (const issue of found) report(issue)
  }
  if (strict) {
    const shape = 'shape' in validate ? (validate as { shape?: ShapeTree }).shape : Object.hasOwn(shapesByType, type) ? shapesByType[type] : isSystemType(type) ? systemShape : undefined
    if (shape !== undefined) {
      const found: ValidationIssue[] = []
      unknownProperties(payload, shape, path, found)
      for (const issue of found) report(issue)
    }
  }
}

/**
 * A type validator made at run time from an Ajv function and the nested positions of its schema
 * (`createCodec`'s app types): the same contract as the generated ones.
 */
export function typeValidatorOf(validate: ValidateFunction, nested: readonly NestedPosition[], hints?: HintTree, shape?: ShapeTree): PayloadTypeValidator {
  const visitAt = (holder: unknown, position: readonly string[], at: number, pointer: string, visit: VisitNested): void => {
    if (at === position.length) {
      if (isObject(holder)) visit(holder, pointer)
      return
    }
    const key = position[at] as string
    if (key === '*') {
      if (Array.isArray(holder)) holder.forEach((item, i) => visitAt(item, position, at + 1, `${pointer}/${i}`, visit))
    } else if (isObject(holder)) visitAt(holder[key], position, at + 1, `${pointer}/${pointerSegment(key)}`, visit)
  }
  const check = (data: Record<string, unknown>, path: string, visit: VisitNested): boolean => {
    const valid = validate(data)
    check.errors = valid ? null : ((validate.errors ?? []) as AjvError[])
    for (const position of nested) visitAt(data, position, 0, path, visit)
    return valid
  }
  check.errors = null as AjvError[] | null
  // Its own hints only (or none): a built-in type's hint never lands on an app's field.
  return Object.assign(check, { hints, shape })
}

/** Whether `value` is a valid payload (known, generic system or unknown type). */
export function isPayload(value: unknown): value is Payload {
  return validatePayload(value).ok
}

/**
 * Whether a payload is a system message (`type` 1000–2000: group created, member added …, known
 * or not), as the official clients decide it (WuKongIM/WuKongIMJSSDK `isSystemMessage`). Narrows
 * to {@link SystemPayload}, so a chat list can render it with `renderSystemMessage`.
 */
export function isSystemPayload(payload: Payload): payload is SystemPayload {
  return isSystemType(payload.type)
}

/**
 * Whether a payload's `type` is one this package defines; narrows so that `switch (p.type)` yields
 * each variant. Needed before `p.type === MessageType.Text` narrows: `Payload` also holds payloads
 * of types this package does not know (`UnknownPayload`), whose `type` could be any number.
 */
export function isKnownPayload(payload: Payload): payload is KnownPayload {
  return Object.hasOwn(typeNames, payload.type)
}

export { pointerSegment }

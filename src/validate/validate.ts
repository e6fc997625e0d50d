/**
 * `validatePayload`: dispatches on `type` to that type's generated validator, then walks nested
 * payloads (`reply.payload`, forwarded `msgs[].payload`) iteratively, so that no input can
 * overflow the stack and each problem is reported by the validator of the type it belongs to.
 */
import { byType, commandParams, commonFields, system, type ValidateFunction } from '../generated/validators.js'
export type { ValidateFunction }
import { messageTypeByName, SYSTEM_TYPE_MIN, typeNames } from '../generated/registry.js'
import type { KnownPayload, Payload } from '../types/payload.js'
import { describeValue, issuesFromAjv, pointerSegment, type ValidationIssue } from './issues.js'

/** Options of {@link validatePayload} (and of the codec, which validates). */
export interface ValidateOptions {
  /**
   * What to do with an integer `type` this package does not know: `'accept'` (default) keeps it
   * as an `UnknownPayload` (forward compatibility); `'reject'` reports an `unknown_type` issue.
   */
  readonly unknownTypes?: 'accept' | 'reject'
  /** Most levels of nested payloads (replies quoting replies, forwards). Default 32. */
  readonly maxDepth?: number
}

/** Outcome of a validation: the value (unchanged, not copied) or every issue found. */
export type ValidationResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: ValidationIssue[] }

export const DEFAULT_MAX_DEPTH = 32

/** `"text"` → 1, `"Image"` → 2, `"cmd"` → 99 …: to tell a caller which integer they meant. */
function typeNumberOfName(name: string): number | undefined {
  const key = name.toLowerCase().replaceAll(/[^a-z0-9]/g, '')
  return Object.hasOwn(messageTypeByName, key) ? messageTypeByName[key] : undefined
}

const TYPE_LIST = '1 text, 2 image, 3 GIF, 4 voice, 8 file, 99 command, > 1000 system'

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

/** The validator for a payload `type`, or undefined for an unknown type. */
function builtInValidator(type: number): ValidateFunction | undefined {
  return byType[type] ?? (type >= SYSTEM_TYPE_MIN ? system : undefined)
}

/** Finds the validator of a payload type (the built-in ones, or a codec's own on top). */
export type ValidatorLookup = (type: number) => ValidateFunction | undefined

/**
 * Validates one payload and everything nested in it. Never throws.
 *
 * Known types are checked strictly on the fields they define; properties a type does not define
 * are allowed and kept. The value is returned as it is, not copied.
 */
export function validatePayload(value: unknown, options: ValidateOptions = {}): ValidationResult<Payload> {
  return validateWith(builtInValidator, value, options)
}

/** {@link validatePayload} with a given validator lookup (used by `createCodec`). */
export function validateWith(validatorOf: ValidatorLookup, value: unknown, options: ValidateOptions = {}): ValidationResult<Payload> {
  const issues: ValidationIssue[] = []
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH
  const rejectUnknown = options.unknownTypes === 'reject'
  // Breadth-first over nested payloads: [value, JSON Pointer, depth]; the root is not queued, so
  // a payload without nested ones allocates no queue.
  const queue: [unknown, string, number][] = []
  for (let i = -1; i < queue.length; i++) {
    const [payload, path, depth] = i < 0 ? [value, '', 0] : (queue[i] as [unknown, string, number])
    if (!isObject(payload)) {
      issues.push({ path, code: 'type', message: `a payload must be a JSON object with an integer "type", not ${describeValue(payload)}` })
      continue
    }
    const type = payload.type
    if (type === undefined) {
      issues.push({ path: `${path}/type`, code: 'required', message: `"type" is required: every payload has an integer type (${TYPE_LIST})` })
      continue
    }
    if (typeof type !== 'number' || !Number.isInteger(type)) {
      issues.push(typeIssue(type, `${path}/type`))
      continue
    }
    const validate = validatorOf(type)
    if (validate === undefined) {
      if (rejectUnknown) {
        issues.push({ path: `${path}/type`, code: 'unknown_type', message: `type ${type} is not a known payload type; decode with { unknownTypes: 'accept' } to keep it as an UnknownPayload` })
      }
      continue
    }
    if (!validate(payload)) issuesFromAjv(validate.errors ?? [], payload, path, issues)
    if (!commonFields(payload)) issuesFromAjv(commonFields.errors ?? [], payload, path, issues)
    if (type === 99) checkCommandParam(payload, path, issues)
    // Nested payloads: the type's validator checked only their envelope (object, integer type).
    const reply = payload.reply
    if (isObject(reply) && isObject(reply.payload)) enqueue(queue, reply.payload, `${path}/reply/payload`, depth + 1, maxDepth, issues)
    const msgs = payload.msgs
    if (type === 11 && Array.isArray(msgs)) {
      for (let m = 0; m < msgs.length; m++) {
        const entry: unknown = msgs[m]
        if (isObject(entry) && isObject(entry.payload)) enqueue(queue, entry.payload, `${path}/msgs/${m}/payload`, depth + 1, maxDepth, issues)
      }
    }
  }
  return issues.length === 0 ? { ok: true, value: value as Payload } : { ok: false, issues }
}

function enqueue(queue: [unknown, string, number][], payload: Record<string, unknown>, path: string, depth: number, maxDepth: number, issues: ValidationIssue[]): void {
  // An envelope without an integer type was already reported by the enclosing type's validator.
  if (typeof payload.type !== 'number' || !Number.isInteger(payload.type)) return
  if (depth > maxDepth) {
    issues.push({ path, code: 'too_deep', message: `payloads nest more than ${maxDepth} levels deep here; quote or forward less deeply, or raise maxDepth` })
    return
  }
  queue.push([payload, path, depth])
}

function checkCommandParam(payload: Record<string, unknown>, path: string, issues: ValidationIssue[]): void {
  const cmd = payload.cmd
  if (typeof cmd !== 'string' || !Object.hasOwn(commandParams, cmd)) return
  const validate = commandParams[cmd] as ValidateFunction
  const param = payload.param === undefined ? {} : payload.param
  if (!isObject(param)) return // the command validator reported the type of `param`
  if (!validate(param)) issuesFromAjv(validate.errors ?? [], param, `${path}/param`, issues)
}

/** Whether `value` is a valid payload (known, generic system or unknown type). */
export function isPayload(value: unknown): value is Payload {
  return validatePayload(value).ok
}

/** Whether a payload's `type` is one this package defines; narrows so that `switch (p.type)` yields each variant. */
export function isKnownPayload(payload: Payload): payload is KnownPayload {
  return Object.hasOwn(typeNames, payload.type)
}

export { pointerSegment }

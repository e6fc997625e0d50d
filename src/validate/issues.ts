/**
 * Validation issues: what is wrong, where (a JSON Pointer), and how to fix it.
 */
import type { AjvError } from '../generated/validators.js'
import { nearestName } from '../model/near-name.js'

import type { ValidationIssue } from '../errors/issue.js'
export type { ValidationIssue, ValidationIssueCode } from '../errors/issue.js'

/** Escapes one JSON Pointer segment. */
export function pointerSegment(key: string | number): string {
  return String(key).replaceAll('~', '~0').replaceAll('/', '~1')
}

/** The value at a JSON Pointer, or undefined. */
function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root
  let value = root
  for (const raw of pointer.slice(1).split('/')) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[raw.replaceAll('~1', '/').replaceAll('~0', '~')]
  }
  return value
}

/** A short description of a value for messages: `a string ("1")`, `a boolean (true)`, `an array`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  switch (typeof value) {
    case 'string':
      return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`
    case 'number':
      return `the number ${value}`
    case 'boolean':
      return `a boolean (${value})`
    case 'object':
      return 'an object'
    default:
      return typeof value
  }
}

const ID_HINT = 'write the int64 id as a decimal string, e.g. "1867301234567890123": JSON numbers lose precision above 2^53'

/**
 * How to fix a field of an envelope (a send request, a webhook body, an event, an adapter's
 * message), by its name. A payload's issues take their hints from its schema instead
 * (`x-hint`, src/validate/hints.ts), never from this table.
 */
const FIELD_HINTS: Readonly<Record<string, string>> = {
  all: 'use 1 for @everyone and 0 otherwise: the JS SDK reads a boolean as 0 and the TangSengDaoDao server crashes on it',
  flame: 'use 1 or 0, not a boolean',
  message_id: ID_HINT,
  root_mid: ID_HINT,
  root_message_id: ID_HINT,
  timeTrad: 'a number of seconds',
  second: 'a number of seconds',
  size: 'a number of bytes',
  width: 'a number of pixels',
  height: 'a number of pixels',
  extra: 'a list of { "uid": string, "name": string }, one per {n} placeholder',
  uids: 'a list of uid strings',
  visibles: 'a list of uid strings; omit the key rather than sending [] (Android and Flutter then hide the message)',
  channel_id: 'channel ids must not contain @, # or & (the server answers 频道ID不合法)',
  payload: 'a full payload object with an integer "type"',
  header: 'an object with no_persist, red_dot and sync_once, each 0 or 1',
}

/** The most keys of an object compared with a missing name: the note stays cheap on a huge object. */
const TYPO_KEYS = 1000

/**
 * `; "contnet" is there: a typo of "content"?` when the object holds a key that is a near name of
 * the missing one (nearestName's rule), else nothing.
 */
function typoNote(holder: unknown, missing: string): string {
  if (typeof holder !== 'object' || holder === null || Array.isArray(holder)) return ''
  let n = 0
  for (const key in holder) {
    if (++n > TYPO_KEYS) break
    if (key !== missing && nearestName(key, [missing]) === missing) return `; ${JSON.stringify(key)} is there: a typo of ${JSON.stringify(missing)}?`
  }
  return ''
}

/** `integer` → `an integer`, `string` → `a string`. */
function withArticle(type: unknown): string {
  const name = String(type)
  return `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** Finds the hint of a position, by its JSON Pointer relative to the validated value. */
export type HintLookup = (pointer: string) => string | undefined

/** The envelope hints, by the last segment's name. */
const byFieldName: HintLookup = (pointer) => {
  const name = lastSegment(pointer)
  return Object.hasOwn(FIELD_HINTS, name) ? FIELD_HINTS[name] : undefined
}

function withHintAt(hintOf: HintLookup, pointer: string, message: string): string {
  const hint = hintOf(pointer)
  return hint ? `${message}: ${hint}` : message
}

/**
 * Turns Ajv errors (generated with `messages: false`) into issues. The generator writes unions
 * of literals as `enum`, so a 0|1 flag fails once, as "must be 0 or 1". `prefix` is the JSON Pointer
 * of the validated value inside the caller's document; `root` the validated value.
 */
export function issuesFromAjv(errors: readonly AjvError[], root: unknown, prefix: string, out: ValidationIssue[]): void {
  issuesWithHints(errors, root, prefix, out, byFieldName)
}

/**
 * {@link issuesFromAjv} with the hints of a given lookup (a payload's: from its schema). Apart
 * from it, so that a bundle that validates payloads only leaves the envelope table out.
 */
export function issuesWithHints(errors: readonly AjvError[], root: unknown, prefix: string, out: ValidationIssue[], hintOf: HintLookup): void {
  for (const e of errors) {
    const path = prefix + e.instancePath
    const actual = valueAt(root, e.instancePath)
    const withHint = (at: string, message: string): string => withHintAt(hintOf, at.slice(prefix.length), message)
    switch (e.keyword) {
      case 'required': {
        const missing = String(e.params.missingProperty)
        const at = `${path}/${pointerSegment(missing)}`
        out.push({ path: at, code: 'required', message: withHint(at, `"${missing}" is required`) + typoNote(actual, missing) })
        break
      }
      case 'type':
        out.push({ path, code: 'type', message: withHint(path, `must be ${withArticle(e.params.type)}, not ${describeValue(actual)}`) })
        break
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        // The generated validators leave out `comparison`, which the keyword implies.
        out.push({ path, code: 'range', message: withHint(path, `must be ${e.params.comparison ?? (e.keyword === 'minimum' ? '>=' : '<=')} ${e.params.limit}, not ${describeValue(actual)}`) })
        break
      case 'pattern':
        out.push({
          path,
          code: 'pattern',
          message: withHint(path, `${describeValue(actual)} does not match ${e.params.pattern}`),
        })
        break
      case 'minLength':
        out.push({ path, code: 'empty', message: withHint(path, 'must not be empty') })
        break
      case 'anyOf':
        out.push({ path, code: 'invalid', message: withHint(path, `${describeValue(actual)} matches none of the allowed shapes`) })
        break
      case 'enum':
        out.push({ path, code: 'enum', message: withHint(path, `must be ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(' or ')}, not ${describeValue(actual)}`) })
        break
      case 'const':
        out.push({ path, code: 'enum', message: withHint(path, `must be ${JSON.stringify(e.params.allowedValue)}, not ${describeValue(actual)}`) })
        break
      case 'if':
        break // the failing `then` branch is reported itself
      default:
        out.push({ path, code: 'invalid', message: withHint(path, `fails "${e.keyword}"`) })
    }
  }
}

/**
 * Building and validating `POST /message/event` bodies (WuKongIM v2.2.4+).
 */
import { invalidPayloadError } from '../errors/payload-error.js'
import { describeThrown, readPlain } from '../errors/foreign.js'
import { messageEventRequest } from '../generated/events.js'
import type { ValidateFunction } from '../generated/validators.js'
import { issuesFromAjv, type ValidationIssue } from '../validate/issues.js'
import type { ValidationResult } from '../validate/validate.js'
import { DEFAULT_EVENT_KEY, type MessageEventRequest } from './schemas.js'
import { randomUuid } from '../wire/uuid.js'

/** What {@link buildMessageEvent} needs; `event_key`, `event_id` default, `event_type` is normalised. */
export interface MessageEventInput extends Omit<MessageEventRequest, 'event_id' | 'event_key'> {
  /** Defaults to a fresh UUID. */
  readonly event_id?: string
  /** Defaults to `"main"`. */
  readonly event_key?: string
}

/** A fresh `event_id`: an RFC 4122 version-4 UUID. */
export const newEventId = randomUuid


/**
 * Runs a generated validator over one plain-data snapshot of `value` (see `readPlain`): the
 * snapshot, or its issues with JSON Pointers. Never throws: a getter or Proxy trap that throws is
 * an issue at its pointer.
 */
export function checkWith<T>(validate: ValidateFunction, value: unknown): ValidationResult<T> {
  const read = readPlain(value)
  if (!read.ok) return { ok: false, issues: [read.issue] }
  const plain = read.value
  try {
    if (validate(plain)) return { ok: true, value: plain as T }
    const issues: ValidationIssue[] = []
    issuesFromAjv(validate.errors ?? [], plain, '', issues)
    return { ok: false, issues }
  } catch (error) {
    // Plain data cannot throw; kept so that "never throws" holds even for a bug.
    return { ok: false, issues: [{ path: '', code: 'invalid', message: `validating threw (${describeThrown(error)})` }] }
  }
}

/**
 * Validates a `/message/event` body as the server will read it, and the payload its event_type
 * takes. Never throws. A string holding a lone surrogate is refused (`lone_surrogate`), as the
 * codec refuses it in payloads: WuKongIM's Go decoder would store it as U+FFFD. `value` is one
 * plain-data snapshot of the body: what was validated.
 */
export function validateMessageEvent(body: unknown): ValidationResult<MessageEventRequest> {
  const checked = checkWith<MessageEventRequest>(messageEventRequest, body)
  if (!checked.ok) return checked
  const issue = loneSurrogateIn(checked.value)
  return issue === undefined ? checked : { ok: false, issues: [issue] }
}

/** A lone surrogate: a high one not followed by a low one, or a low one not preceded by a high one. */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** The first string (or key) in plain data holding a lone surrogate, as an issue; iterative. */
function loneSurrogateIn(value: unknown): ValidationIssue | undefined {
  const stack: [unknown, string][] = [[value, '']]
  const seen = new Set<object>()
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string]
    if (typeof current === 'string') {
      const at = LONE_SURROGATE.exec(current)
      if (at) return { path, code: 'lone_surrogate', message: `a lone surrogate (U+${current.charCodeAt(at.index).toString(16).toUpperCase()}) at character ${at.index}; WuKongIM would store it as U+FFFD — send whole characters` }
    } else if (typeof current === 'object' && current !== null && !seen.has(current)) {
      seen.add(current)
      for (const [key, item] of Object.entries(current)) {
        const segment = key.replace(/~/g, '~0').replace(/\//g, '~1')
        if (LONE_SURROGATE.test(key)) return { path: `${path}/${segment}`, code: 'lone_surrogate', message: 'a key holding a lone surrogate; WuKongIM would store it as U+FFFD — use whole characters' }
        stack.push([item, `${path}/${segment}`])
      }
    }
  }
  return undefined
}

/**
 * A validated `/message/event` body: `event_key` `"main"` unless given, `event_id` a fresh UUID
 * unless given, `event_type` trimmed and lower-cased (the server stores it so, but pushes it as
 * sent: writing it lower-case keeps the push and the stored type equal). Throws `PayloadError`
 * (`INVALID_PAYLOAD`, with issues) when the body would be wrong.
 */
export function buildMessageEvent(input: MessageEventInput): MessageEventRequest {
  // One plain-data snapshot first: a getter or Proxy trap that throws is a PayloadError, not its own throw.
  const read = readPlain(input)
  if (!read.ok) throw invalidPayloadError([read.issue], '/message/event request')
  if (typeof read.value !== 'object' || read.value === null || Array.isArray(read.value)) {
    throw invalidPayloadError([{ path: '', code: 'type', message: 'a /message/event body is an object' }], '/message/event request')
  }
  input = read.value as MessageEventInput
  const body: MessageEventRequest = {
    ...input,
    event_type: typeof input.event_type === 'string' ? input.event_type.trim().toLowerCase() : input.event_type,
    event_id: input.event_id ?? newEventId(),
    event_key: input.event_key ?? DEFAULT_EVENT_KEY,
  }
  const result = validateMessageEvent(body)
  if (!result.ok) throw invalidPayloadError(result.issues, '/message/event request')
  return result.value
}

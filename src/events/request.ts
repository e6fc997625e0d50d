/**
 * Building and validating `POST /message/event` bodies (WuKongIM v2.2.4+).
 */
import { invalidPayloadError } from '../errors/payload-error.js'
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


/** Runs a generated validator: the value, or its issues with JSON Pointers. */
export function checkWith<T>(validate: ValidateFunction, value: unknown): ValidationResult<T> {
  if (validate(value)) return { ok: true, value: value as T }
  const issues: ValidationIssue[] = []
  issuesFromAjv(validate.errors ?? [], value, '', issues)
  return { ok: false, issues }
}

/** Validates a `/message/event` body as the server will read it, and the payload its event_type takes. Never throws. */
export function validateMessageEvent(body: unknown): ValidationResult<MessageEventRequest> {
  return checkWith<MessageEventRequest>(messageEventRequest, body)
}

/**
 * A validated `/message/event` body: `event_key` `"main"` unless given, `event_id` a fresh UUID
 * unless given, `event_type` trimmed and lower-cased (the server stores it so, but pushes it as
 * sent: writing it lower-case keeps the push and the stored type equal). Throws `PayloadError`
 * (`INVALID_PAYLOAD`, with issues) when the body would be wrong.
 */
export function buildMessageEvent(input: MessageEventInput): MessageEventRequest {
  const body: MessageEventRequest = {
    ...input,
    event_type: typeof input.event_type === 'string' ? input.event_type.trim().toLowerCase() : input.event_type,
    event_id: input.event_id ?? newEventId(),
    event_key: input.event_key ?? DEFAULT_EVENT_KEY,
  }
  const result = validateMessageEvent(body)
  if (!result.ok) throw invalidPayloadError(result.issues, '/message/event request')
  return body
}

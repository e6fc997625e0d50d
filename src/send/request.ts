/**
 * Building and validating WuKongIM `/message/send` bodies.
 */
import { payloadJson, safeDecodePayload, type DecodeOptions } from '../codec/codec.js'
import { textToBase64 } from '#platform'
import { invalidPayloadError, issueCodeOf } from '../errors/payload-error.js'
import { describeThrown, readPlain } from '../errors/foreign.js'
import type { HeaderFlags } from '../model/flags.js'
import { sendMessageRequest as validateEnvelope } from '../generated/validators.js'
import type { Payload, PayloadShape } from '../types/payload.js'
import { issuesFromAjv, type ValidationIssue } from '../validate/issues.js'
import type { ValidationResult } from '../validate/validate.js'
import { recommendFlags, type RecommendFlagsOptions } from './flags.js'
import type { SendMessageRequest } from './request-schema.js'
import { randomUuid } from '../wire/uuid.js'

/**
 * What {@link buildSendRequest} needs: the payload object and where it goes. `P` is the payload's
 * type: any {@link Payload} by default (a literal `type` selects that type's shape exactly).
 */
export interface SendMessageInput<P extends PayloadShape = Payload> extends RecommendFlagsOptions {
  readonly payload: P
  readonly from_uid: string
  readonly channel_id?: string
  readonly channel_type?: number
  /** Overrides of the recommended header flags. */
  readonly header?: Partial<HeaderFlags>
  /** Defaults to a fresh UUID. */
  readonly client_msg_no?: string
  readonly expire?: number
  readonly subscribers?: readonly string[]
  readonly stream_no?: string
  /** 1 = the anchor of a stream (WuKongIM ≥ v2.2.4): its content then arrives as `/message/event` events. */
  readonly is_stream?: 0 | 1
  readonly tag_key?: string
}

/**
 * A complete `/message/send` body: the payload validated and Base64-encoded, `header` from
 * {@link recommendFlags} (overridable), `client_msg_no` a fresh UUID unless given. The body is
 * validated too. Throws `PayloadError`. Typed like `encodePayload`: a payload of a type this
 * package does not define needs an explicit type argument (`buildSendRequest<RedPacketPayload>(…)`).
 */
export function buildSendRequest<P extends PayloadShape = Payload>(input: SendMessageInput<NoInfer<P>>): SendMessageRequest {
  const { payload, header, keepInHistory, client_msg_no, subscribers, ...rest } = input
  const request: SendMessageRequest = {
    header: { ...recommendFlags<PayloadShape>(payload, keepInHistory === undefined ? {} : { keepInHistory }), ...header },
    client_msg_no: client_msg_no ?? randomUuid(),
    ...rest,
    ...(subscribers === undefined ? {} : { subscribers: [...subscribers] }),
    payload: textToBase64(payloadJson(payload, {}, 'payload')),
  }
  if (!validateEnvelope(request)) {
    const issues: ValidationIssue[] = []
    issuesFromAjv(validateEnvelope.errors ?? [], request, '', issues)
    throw invalidPayloadError(issues, '/message/send request')
  }
  return request
}

/** A validated `/message/send` body and the payload decoded from it. */
export interface ValidatedSendRequest {
  readonly request: SendMessageRequest
  readonly payload: Payload
}

/**
 * Validates a `/message/send` body *and* the payload inside it: envelope issues point at the
 * body (`/channel_id`), payload issues into the decoded payload (`/payload/mention/all`).
 * Never throws: the body is read once into plain data first (a getter or Proxy trap that throws
 * is an issue at its JSON Pointer), and `request` is that snapshot — what was validated.
 */
export function validateSendRequest(body: unknown, options: DecodeOptions = {}): ValidationResult<ValidatedSendRequest> {
  const read = readPlain(body)
  if (!read.ok) return { ok: false, issues: [read.issue] }
  try {
    return validatePlainSendRequest(read.value, options)
  } catch (error) {
    // Plain data cannot throw; kept so that "never throws" holds even for a bug.
    return { ok: false, issues: [{ path: '', code: 'invalid', message: `validating the body threw (${describeThrown(error)})` }] }
  }
}

function validatePlainSendRequest(body: unknown, options: DecodeOptions): ValidationResult<ValidatedSendRequest> {
  const issues: ValidationIssue[] = []
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, issues: [{ path: '', code: 'type', message: 'a /message/send body must be a JSON object' }] }
  }
  const record = body as Record<string, unknown>
  if (!validateEnvelope(body)) issuesFromAjv(validateEnvelope.errors ?? [], body, '', issues)
  let payload: Payload | undefined
  if (typeof record.payload === 'string' && record.payload !== '') {
    const decoded = safeDecodePayload(record.payload, options)
    if (decoded.ok) payload = decoded.value
    else if (decoded.error.issues.length > 0) {
      for (const issue of decoded.error.issues) issues.push({ ...issue, path: `/payload${issue.path}` })
    } else issues.push({ path: '/payload', code: issueCodeOf(decoded.error.code), message: decoded.error.message })
  } else if (typeof record.payload === 'object' && record.payload !== null) {
    const at = issues.findIndex((i) => i.path === '/payload')
    const issue: ValidationIssue = {
      path: '/payload',
      code: 'type',
      message: 'payload must be the Base64 string of the payload JSON, not an object: use encodePayload() (WuKongIM v1/v2 answer 400 "cannot unmarshal object")',
    }
    if (at >= 0) issues[at] = issue
    else issues.push(issue)
  }
  if (issues.length > 0 || payload === undefined) return { ok: false, issues }
  return { ok: true, value: { request: body as SendMessageRequest, payload } }
}

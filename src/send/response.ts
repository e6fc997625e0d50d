/**
 * Reading `/message/send` responses without rounding `message_id`: ids are snowflakes near
 * 1.9 × 10¹⁸, and `JSON.parse` silently turns 1867301234567890123 into 1867301234567890200.
 */
import { PayloadError } from '../errors/payload-error.js'
import { parseJsonExact } from '../wire/json-exact.js'

/** A successful send. */
export interface SendMessageSuccess {
  readonly ok: true
  /** The server's message id, exact, as a decimal string (absent for `subscribers` sends on v2). */
  readonly message_id?: string
  readonly message_seq?: number
  readonly client_msg_no?: string
  /** Set when the server answered in v2's `{status, data}` wrapper. */
  readonly status?: number
}

/** A refused send: HTTP 400 `{msg, status}` (v1/v2) or `{error}` (WuKongIM main). */
export interface SendMessageFailure {
  readonly ok: false
  readonly status?: number
  readonly message: string
}

export type SendMessageResponse = SendMessageSuccess | SendMessageFailure

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A JSON number or string as an exact decimal string. */
function idString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string' && /^[0-9]+$/.test(value)) return value
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value)
  if (typeof value === 'number') {
    throw new PayloadError(
      'INVALID_PAYLOAD',
      `${field} ${value} was already rounded by JSON.parse; pass the response text (await res.text()) to parseSendResponse instead of res.json()`,
    )
  }
  throw new PayloadError('INVALID_PAYLOAD', `${field} must be an integer id, not ${JSON.stringify(value)}`)
}

/** A count or status: a number, or digits; beyond 2^53 it cannot be a JS number without loss. */
function numberOf(value: unknown, field: string): number | undefined {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && /^[0-9]+$/.test(value)) {
    const n = Number(value)
    if (!Number.isSafeInteger(n)) throw new PayloadError('INVALID_PAYLOAD', `${field} ${value} is beyond 2^53 and cannot be held exactly as a number`)
    return n
  }
  return undefined
}

function success(fields: Json, status: number | undefined): SendMessageSuccess {
  const message_id = idString(fields.message_idstr ?? fields.message_id, 'message_id')
  const message_seq = numberOf(fields.message_seq, 'message_seq')
  const client_msg_no = typeof fields.client_msg_no === 'string' ? fields.client_msg_no : undefined
  return {
    ok: true,
    ...(message_id === undefined ? {} : { message_id }),
    ...(message_seq === undefined ? {} : { message_seq }),
    ...(client_msg_no === undefined ? {} : { client_msg_no }),
    ...(status === undefined ? {} : { status }),
  }
}

/** A send response is a few hundred bytes; anything over 1 MiB is not one. */
const MAX_RESPONSE_BYTES = 1024 * 1024

/**
 * Reads a `/message/send` response body — preferably its text, so that `message_id` stays exact.
 * Understands the documented `{message_id, message_seq, client_msg_no}`, WuKongIM v2's
 * `{status: 200, data: {…}}`, and the error bodies `{msg, status}` and `{error}`.
 * Throws `PayloadError` for a body that is none of these.
 */
export function parseSendResponse(body: string | object): SendMessageResponse {
  // Numbers come back exact: safe integers as numbers, larger ones as decimal strings.
  const value: unknown = typeof body === 'string' ? parseJsonExact(body, { maxBytes: MAX_RESPONSE_BYTES }) : body
  if (!isObject(value)) throw new PayloadError('INVALID_PAYLOAD', 'send response must be a JSON object')
  const status = numberOf(value.status, 'status')
  if (typeof value.error === 'string') return { ok: false, message: value.error, ...(status === undefined ? {} : { status }) }
  if (status !== undefined && status !== 200) {
    return { ok: false, status, message: typeof value.msg === 'string' ? value.msg : `status ${status}` }
  }
  if (isObject(value.data)) return success(value.data, status)
  if (value.message_id !== undefined || value.message_idstr !== undefined || status === 200) return success(value, status)
  throw new PayloadError('INVALID_PAYLOAD', 'send response has neither message_id, data nor an error')
}

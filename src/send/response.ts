/**
 * Reading `/message/send` responses without rounding `message_id`: ids are snowflakes near
 * 1.9 × 10¹⁸, and `JSON.parse` silently turns 1867301234567890123 into 1867301234567890200.
 */
import { PayloadError } from '../errors/payload-error.js'
import { describeValue, exactInteger, exactSafeInteger } from '../wire/exact-number.js'
import { isLosslessNumber } from 'lossless-json'
import { exactNumbers, parseJsonMarked } from '../wire/json-exact.js'

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
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isLosslessNumber(value)
}

/**
 * A message id under the exact-number rule: a safe integer, a bigint or decimal digits, as exact
 * decimal text; a number JSON.parse already rounded, or one written with a fraction
 * (`9007199254740990.9`), is refused, never rounded.
 */
function idString(marked: unknown, field: string): string | undefined {
  if (marked === undefined || marked === null) return undefined
  const value = isLosslessNumber(marked) ? marked.toString() : marked
  const id = exactInteger(value)
  if (id.ok && !id.text.startsWith('-')) return id.text
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
    throw new PayloadError(
      'INVALID_PAYLOAD',
      `${field} ${value} was already rounded by JSON.parse; pass the response text (await res.text()) to parseSendResponse instead of res.json()`,
    )
  }
  throw new PayloadError('INVALID_PAYLOAD', `${field} must be a non-negative integer id, not ${describeValue(value)}`)
}

/** A count or status under the exact-number rule: a safe integer (number, bigint or digits); beyond 2^53 or fractional it is refused. */
function numberOf(marked: unknown, field: string): number | undefined {
  if (marked === undefined || marked === null) return undefined
  // A number the parse kept as text (beyond 2^53, a fraction that would round): refused below.
  const value = isLosslessNumber(marked) ? marked.toString() : marked
  if (isLosslessNumber(marked)) {
    const n = exactSafeInteger(value)
    if (!n.ok) throw new PayloadError('INVALID_PAYLOAD', `${field} ${n.reason}`)
    return n.value
  }
  if (typeof value !== 'number' && typeof value !== 'bigint' && !(typeof value === 'string' && /^[0-9]+$/.test(value))) return undefined
  const n = exactSafeInteger(typeof value === 'string' ? value.replace(/^0+(?=[0-9])/, '') : value)
  if (!n.ok) throw new PayloadError('INVALID_PAYLOAD', `${field} ${n.reason}`)
  return n.value
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
  // A parsed body may hold bigints (json-bigint, a BigInt reviver): exact integers under the same rule.
  const value: unknown = typeof body === 'string' ? parseJsonMarked(body, { maxBytes: MAX_RESPONSE_BYTES }) : exactNumbers(body)
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

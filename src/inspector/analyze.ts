/**
 * What a pasted text is and what is wrong with it, without the DOM. Detection follows the CLI's
 * `decode`: text starting with `{` or `[` is JSON — a list (or `{messages: [...]}`) is a webhook
 * body, an object with a `payload` and no `type` a `/message/send` body, anything else a payload
 * — and everything else is Base64. The verdict always comes from the package's functions; the
 * tree beside it is a display-only decode, so that an invalid payload can still be looked at.
 */
import {
  decodeWebhookMessages,
  isPayloadError,
  lintPayload,
  lintSendRequest,
  parseJsonExact,
  safeDecodePayload,
  validateSendRequest,
  type LintFinding,
  type Payload,
  type PayloadError,
  type PayloadShape,
  type ValidationIssue,
  type WebhookMessage,
} from '../entries/index.js'
import type { Codec } from '../entries/runtime.js'

export type InputKind = 'empty' | 'base64' | 'payload' | 'send' | 'webhook'

/** An issue or a whole-input error; `path` is a JSON Pointer into {@link Analysis.tree}. */
export interface Problem {
  readonly path: string
  readonly message: string
  readonly code: string
}

export interface WebhookRow {
  /** Pointer of the message inside the body. */
  readonly pointer: string
  readonly message: WebhookMessage
}

export interface Analysis {
  readonly kind: InputKind
  /** The value to show; `undefined` when nothing decodes far enough to show. */
  readonly tree: unknown
  /** Pointers where a Base64 string of the input is shown as the JSON it decodes to. */
  readonly decodedAt: readonly string[]
  readonly problems: readonly Problem[]
  /** The valid payload (Base64, payload JSON, send body); webhook payloads are in {@link messages}. */
  readonly payload: Payload | undefined
  /** The send body's `header` (as sent, unchecked). */
  readonly header: Readonly<Record<string, unknown>> | undefined
  readonly lint: readonly LintFinding[]
  readonly messages: readonly WebhookRow[]
}

/** What the page uses of an app's codec (`createCodec`, or one built ahead of time). */
export type InspectorCodec = Pick<Codec<PayloadShape, PayloadShape>, 'safeDecodePayload' | 'validatePayload' | 'digest' | 'recommendFlags'>

/**
 * The app's codec registered with the page (`wukongPayloadInspector.registerCodec`, main.ts), or
 * none: its types are then decoded, validated and digested as the app's own.
 */
let appCodec: InspectorCodec | undefined

/** Registers (or, with `undefined`, removes) the app's codec. */
export function setAppCodec(codec: InspectorCodec | undefined): void {
  appCodec = codec
}

/** The registered app codec, if any. */
export function getAppCodec(): InspectorCodec | undefined {
  return appCodec
}

/** `safeDecodePayload` of the app's codec when one is registered, else the package's. */
// (The app's payloads are payloads: its types are known to it, the rest decode as the package's do.)
const decodeWithApp: typeof safeDecodePayload = (input, options) => (appCodec ? (appCodec.safeDecodePayload(input, options) as ReturnType<typeof safeDecodePayload>) : safeDecodePayload(input, options))

const nothing: Omit<Analysis, 'kind'> = { tree: undefined, decodedAt: [], problems: [], payload: undefined, header: undefined, lint: [], messages: [] }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The issues of a failed decode at `prefix`, or the error itself when it has none (bad Base64, JSON …). */
function problemsOf(error: PayloadError, prefix: string): Problem[] {
  if (error.issues.length > 0) return error.issues.map((i: ValidationIssue) => ({ path: prefix + i.path, message: i.message, code: i.code }))
  return [{ path: prefix, message: error.message, code: error.code }]
}

/**
 * Display only: the JSON a Base64 string holds, or `undefined`. (The verdict on that string is
 * the package's; this just lets the tree show what an invalid payload contains.)
 */
export function peekBase64(text: string): unknown {
  try {
    const standard = text.replace(/-/g, '+').replace(/_/g, '/')
    const binary = atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, '='))
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
    return parseJsonExact(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return undefined
  }
}

function analyzeBase64(input: string, lenient: boolean): Analysis {
  const decoded = decodeWithApp(input, { lenient })
  const tree = peekBase64(input)
  if (decoded.ok) return { ...nothing, kind: 'base64', tree: decoded.value, payload: decoded.value, lint: lintPayload(decoded.value) }
  return { ...nothing, kind: 'base64', tree, problems: problemsOf(decoded.error, ''), lint: lintPayload<PayloadShape>(tree as PayloadShape) }
}

function analyzePayloadJson(input: string, value: unknown): Analysis {
  // Decoded from the text, so that numbers beyond 2^53 are caught rather than rounded.
  const decoded = decodeWithApp(new TextEncoder().encode(input))
  if (decoded.ok) return { ...nothing, kind: 'payload', tree: decoded.value, payload: decoded.value, lint: lintPayload(decoded.value) }
  return { ...nothing, kind: 'payload', tree: value, problems: problemsOf(decoded.error, ''), lint: lintPayload<PayloadShape>(value as PayloadShape) }
}

function analyzeSendBody(body: Record<string, unknown>, lenient: boolean): Analysis {
  let result: ReturnType<typeof validateSendRequest> = validateSendRequest(body, { lenient })
  if (result.ok && appCodec) {
    // The envelope is checked above; the payload again by the app's codec (its own types).
    const own = appCodec.validatePayload(result.value.payload)
    const request = result.value.request
    result = own.ok ? { ok: true, value: { request, payload: own.value as Payload } } : { ok: false, issues: own.issues.map((i) => ({ ...i, path: `/payload${i.path}` })) }
  }
  const peeked = typeof body.payload === 'string' ? peekBase64(body.payload) : undefined
  const tree = peeked === undefined ? body : { ...body, payload: peeked }
  return {
    ...nothing,
    kind: 'send',
    tree,
    decodedAt: peeked === undefined ? [] : ['/payload'],
    problems: result.ok ? [] : result.issues.map((i) => ({ path: i.path, message: i.message, code: i.code })),
    payload: result.ok ? result.value.payload : undefined,
    header: isRecord(body.header) ? body.header : undefined,
    lint: lintSendRequest(body),
  }
}

function analyzeWebhook(input: string, value: unknown, lenient: boolean): Analysis {
  let decoded: WebhookMessage[]
  try {
    decoded = decodeWebhookMessages(input, { lenient })
  } catch (error) {
    if (!isPayloadError(error)) throw error
    return { ...nothing, kind: 'webhook', tree: value, problems: problemsOf(error, '') }
  }
  const base = Array.isArray(value) ? '' : '/messages'
  const list: unknown[] = Array.isArray(value) ? [...value] : isRecord(value) && Array.isArray(value.messages) ? [...value.messages] : []
  const decodedAt: string[] = []
  const problems: Problem[] = []
  const lint: LintFinding[] = []
  const messages = decoded.map((message, index): WebhookRow => {
    const pointer = `${base}/${index}`
    const entry = list[index]
    if (isRecord(entry) && typeof entry.payload === 'string') {
      const peeked = peekBase64(entry.payload)
      if (peeked !== undefined) {
        list[index] = { ...entry, payload: peeked }
        decodedAt.push(`${pointer}/payload`)
      }
    }
    const own = appCodec && message.payload && !message.error ? appCodec.validatePayload(message.payload) : undefined
    // One by one: a spread of every issue as arguments overflows the stack past ~100,000.
    if (own && !own.ok) for (const i of own.issues) problems.push({ path: `${pointer}/payload${i.path}`, message: i.message, code: i.code })
    if (message.error) for (const problem of problemsOf(message.error, isRecord(entry) && 'payload' in entry ? `${pointer}/payload` : pointer)) problems.push(problem)
    if (message.payload) for (const finding of lintPayload(message.payload, `${pointer}/payload`)) lint.push(finding)
    return { pointer, message }
  })
  const tree = Array.isArray(value) ? list : { ...(value as Record<string, unknown>), messages: list }
  return { ...nothing, kind: 'webhook', tree, decodedAt, problems, lint, messages }
}

/** Analyses whatever was pasted. Never throws. */
export function analyze(text: string, lenient: boolean): Analysis {
  const input = text.trim()
  if (input === '') return { ...nothing, kind: 'empty' }
  if (!input.startsWith('{') && !input.startsWith('[')) return analyzeBase64(input, lenient)
  let value: unknown
  try {
    value = parseJsonExact(input)
  } catch (error) {
    const problems = isPayloadError(error) ? problemsOf(error, '') : [{ path: '', code: 'INVALID_JSON', message: String(error) }]
    return { ...nothing, kind: input.startsWith('[') ? 'webhook' : 'payload', problems }
  }
  if (Array.isArray(value) || (isRecord(value) && Array.isArray(value.messages))) return analyzeWebhook(input, value, lenient)
  // A payload always has a `type`; a send body has none and carries `payload` (a Base64 string,
  // or — a common mistake the validator names — an object).
  if (isRecord(value) && 'payload' in value && !('type' in value)) return analyzeSendBody(value, lenient)
  return analyzePayloadJson(input, value)
}

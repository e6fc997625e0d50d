/**
 * Advisory findings: valid input that will still misbehave somewhere (hidden history, a hidden
 * message on Android, a rejected v2 send). Validation says "wrong"; lint says "are you sure".
 */
import type { HeaderFlags } from '../model/flags.js'
import { safeDecodePayload } from '../codec/codec.js'
import { isSystemType } from '../model/message-type.js'
import { commandTypes } from '../generated/registry.js'
import { pointerSegment } from '../validate/issues.js'
import type { Payload, PayloadShape } from '../types/payload.js'
import { metaOf, recommendFlags } from './flags.js'
import { describeThrown, readPlain } from '../errors/foreign.js'
import { envelopeTypos, payloadTypos, type Typo } from './typos.js'
import { lintTextEntities, type TextLintCode } from '../text/lint.js'

export type LintCode =
  | 'command-without-sync-once'
  | 'subscribers-on-non-command'
  | 'subscribers-without-sync-once'
  | 'subscribers-with-channel'
  | 'mention-all-with-uids'
  | 'empty-visibles'
  | 'system-hidden-from-history'
  | 'flags-differ'
  | 'local-only-type'
  | 'undecodable-payload'
  | 'null-field'
  | 'empty-root-mid'
  | 'forward-without-users'
  | 'forwarded-user-without-name'
  | 'placeholder-without-extra'
  | 'unreadable-value'
  | 'possible-typo'
  | TextLintCode

/** One advisory finding; `path` is a JSON Pointer into the linted value. */
export interface LintFinding {
  readonly code: LintCode
  readonly message: string
  readonly path: string
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Nested payloads linted below the top one (as deep as validation looks by default). */
const MAX_LINT_DEPTH = 32

/** Placeholder grammar of system templates (as the renderer reads it). */
const PLACEHOLDER = /\{([0-9]+)\}/g

/**
 * Findings about a payload alone, and about the payloads it quotes or forwards (what a sender's
 * client re-encoded badly). Never throws. Typed like `encodePayload`: a literal `type` requires
 * that type's shape; another type needs an explicit type argument.
 */
export function lintPayload<P extends PayloadShape = Payload>(payload: NoInfer<P>, prefix = ''): LintFinding[] {
  return guardedLint(payload, prefix, (plain) => lintValue(plain, prefix))
}

/**
 * Runs a lint over one plain-data snapshot of `value` (see `readPlain`): a value whose getter or
 * Proxy trap throws is one `unreadable-value` finding at its JSON Pointer, never a throw.
 */
function guardedLint(value: unknown, prefix: string, lint: (plain: unknown) => LintFinding[]): LintFinding[] {
  const read = readPlain(value)
  if (!read.ok) return [{ code: 'unreadable-value', path: `${prefix}${read.issue.path}`, message: `${read.issue.message}; run the validator for details` }]
  try {
    return lint(read.value)
  } catch (error) {
    // Plain data cannot throw; kept so that "never throws" holds even for a bug.
    return [{ code: 'unreadable-value', path: prefix, message: `linting threw (${describeThrown(error)})` }]
  }
}

/** {@link lintPayload} of any value (a send body's payload, decoded or not). */
function lintValue(payload: unknown, prefix: string): LintFinding[] {
  const findings: LintFinding[] = []
  if (!isObject(payload)) return findings
  topLevelFindings(payload, prefix, findings)
  // Breadth-first over nested payloads, bounded, so that no input can overflow the stack.
  const queue: [Record<string, unknown>, string, number][] = [[payload, prefix, 0]]
  for (let i = 0; i < queue.length; i++) {
    const [current, path, depth] = queue[i] as [Record<string, unknown>, string, number]
    everyLevelFindings(current, path, depth > 0, findings)
    typoFindings(payloadTypos(current, path), `a ${metaOf(current.type)?.name ?? 'system'} payload (type ${String(current.type)})`, findings)
    if (depth >= MAX_LINT_DEPTH) continue
    const reply = current.reply
    if (isObject(reply) && isObject(reply.payload)) queue.push([reply.payload, `${path}/reply/payload`, depth + 1])
    if (current.type === 11 && Array.isArray(current.msgs)) {
      current.msgs.forEach((entry: unknown, m) => {
        if (isObject(entry) && isObject(entry.payload)) queue.push([entry.payload, `${path}/msgs/${m}/payload`, depth + 1])
      })
    }
  }
  return findings
}

/** A near-miss property name (src/send/typos.ts): kept by every receiver, read by none. */
function typoFindings(typos: readonly Typo[], where: string, findings: LintFinding[]): void {
  for (const t of typos) {
    findings.push({ code: 'possible-typo', path: t.path, message: `${JSON.stringify(t.found)} is not a field of ${where}; did you mean \`${t.meant}\`? Unknown properties are kept, so no client reads this one` })
  }
}

/** What a client-local `type` is, or undefined for a type meant for the wire. */
function localOnly(type: unknown): string | undefined {
  if (typeof type !== 'number' || !(type <= 0 || (type >= 20000 && type <= 30000))) return undefined
  return `type ${type} is a client-local type (0 and below are UI items, 20000–30000 local custom messages)`
}

/** Checks that apply to the payload and to every payload nested in it. */
function everyLevelFindings(payload: Record<string, unknown>, prefix: string, nested: boolean, findings: LintFinding[]): void {
  const local = localOnly(payload.type)
  if (local !== undefined) {
    findings.push({
      code: 'local-only-type',
      path: `${prefix}/type`,
      message: nested
        ? `${local}: the sending client did not know the quoted or forwarded message's type and wrote its own placeholder, so no receiver can show it; send the original payload`
        : `${local}; it is never meant to be sent`,
    })
  }
  for (const [key, value] of Object.entries(payload)) {
    if (value === null) {
      findings.push({
        code: 'null-field',
        path: `${prefix}/${pointerSegment(key)}`,
        message: `${key} is null; leave the key out when there is no value (the Flutter SDK writes null, other clients read it as a missing or empty string)`,
      })
    }
  }
  const reply = payload.reply
  if (isObject(reply) && reply.root_mid === '') {
    findings.push({
      code: 'empty-root-mid',
      path: `${prefix}/reply/root_mid`,
      message: 'reply.root_mid is ""; leave it out when the reply chain has no root, or write the quoted message’s id as Android does (the Flutter and HarmonyOS SDKs write "")',
    })
  }
  // entities out of range, off boundaries, overlapping, or disagreeing with mention (src/text/lint.ts).
  findings.push(...lintTextEntities(payload, prefix))
}

/** Checks of the payload being sent itself. */
function topLevelFindings(payload: Record<string, unknown>, prefix: string, findings: LintFinding[]): void {
  if (payload.type === 11) {
    if (payload.users === undefined) {
      findings.push({
        code: 'forward-without-users',
        path: `${prefix}/users`,
        message: 'a merged forward without users: receivers cannot name the senders (TangSengDaoDao Android leaves users out for group chats); list each sender once as { uid, name }',
      })
    } else if (Array.isArray(payload.users)) {
      payload.users.forEach((user: unknown, u) => {
        if (isObject(user) && typeof user.uid === 'string' && (user.name === undefined || user.name === '')) {
          findings.push({ code: 'forwarded-user-without-name', path: `${prefix}/users/${u}/name`, message: `users[${u}] (${user.uid}) has no name; receivers show that sender without one` })
        }
      })
    }
  }
  if (typeof payload.type === 'number' && isSystemType(payload.type) && typeof payload.content === 'string') {
    const count = Array.isArray(payload.extra) ? payload.extra.length : 0
    const missing = new Set<string>()
    for (const match of payload.content.matchAll(PLACEHOLDER)) if (Number(match[1]) >= count) missing.add(match[0])
    if (missing.size > 0) {
      findings.push({
        code: 'placeholder-without-extra',
        path: `${prefix}/content`,
        message: `content has ${[...missing].join(', ')} but extra has ${count} entr${count === 1 ? 'y' : 'ies'}; every client shows such a placeholder literally — add the users to extra`,
      })
    }
  }
  const mention = payload.mention
  if (isObject(mention) && mention.all === 1 && Array.isArray(mention.uids) && mention.uids.length > 0) {
    findings.push({
      code: 'mention-all-with-uids',
      path: `${prefix}/mention/uids`,
      message: 'mention.all is 1 and uids are listed too; the docs say uids is empty when all = 1, so drop one of them',
    })
  }
  if (Array.isArray(payload.visibles) && payload.visibles.length === 0) {
    findings.push({
      code: 'empty-visibles',
      path: `${prefix}/visibles`,
      message: 'visibles is [] — Android and Flutter hide the message from everyone; omit the key to show it to all',
    })
  }
}

/**
 * Findings about a `/message/send` body: the payload inside it and its header against the
 * payload's recommended flags. Never throws.
 */
export function lintSendRequest(request: unknown): LintFinding[] {
  return guardedLint(request, '', lintPlainSendRequest)
}

function lintPlainSendRequest(request: unknown): LintFinding[] {
  const findings: LintFinding[] = []
  if (!isObject(request)) return findings
  const decoded = typeof request.payload === 'string' ? safeDecodePayload(request.payload) : undefined
  if (decoded && !decoded.ok) {
    findings.push({ code: 'undecodable-payload', path: '/payload', message: `payload does not decode (${decoded.error.message}); run validateSendRequest for details` })
    return findings
  }
  const payload: PayloadShape | undefined = decoded?.value ?? (isObject(request.payload) ? (request.payload as { type: number }) : undefined)
  // One by one: a spread of every finding as arguments overflows the stack past ~100,000.
  if (payload) for (const finding of lintValue(payload, '/payload')) findings.push(finding)
  typoFindings(envelopeTypos(request), 'the /message/send body', findings)
  const header: Partial<HeaderFlags> = isObject(request.header) ? (request.header as Partial<HeaderFlags>) : {}
  const syncOnce = header.sync_once ?? 0
  const isCommand = payload !== undefined && commandTypes.has(payload.type)
  const subscribers = request.subscribers
  if (isCommand && syncOnce !== 1) {
    findings.push({ code: 'command-without-sync-once', path: '/header/sync_once', message: 'commands should be sent with sync_once: 1 (the docs: "Command messages should set SyncOnce:1")' })
  }
  if (subscribers !== undefined) {
    if (payload && !isCommand) {
      findings.push({ code: 'subscribers-on-non-command', path: '/subscribers', message: `subscribers are only valid for command messages (type ${[...commandTypes].join(', ')})` })
    }
    if (syncOnce !== 1) {
      findings.push({ code: 'subscribers-without-sync-once', path: '/header/sync_once', message: 'WuKongIM v2 accepts subscribers only with sync_once: 1 (otherwise 400 无法处理发送消息请求！)' })
    }
    if (typeof request.channel_id === 'string' && request.channel_id !== '') {
      findings.push({ code: 'subscribers-with-channel', path: '/channel_id', message: 'WuKongIM v2 rejects subscribers together with a channel_id (400 无法处理发送消息请求！); leave channel_id out' })
    }
  }
  if (payload) {
    const type = payload.type
    const meta = metaOf(type)
    if (isSystemType(type) && syncOnce === 1) {
      findings.push({
        code: 'system-hidden-from-history',
        path: '/header/sync_once',
        message:
          'system message sent with sync_once: 1 — WuKongIM v2 puts it in a separate command channel, so channel history never shows it (issue #414); use recommendFlags(p, { keepInHistory: true }) to keep it',
      })
    }
    const accepted = [recommendFlags<PayloadShape>(payload), ...(meta?.historyFlags ? [meta.historyFlags] : [])]
    for (const flag of ['no_persist', 'red_dot', 'sync_once'] as const) {
      const value = header[flag] ?? 0
      const path = `/header/${flag}`
      if (!accepted.some((flags) => flags[flag] === value) && !findings.some((f) => f.path === path)) {
        findings.push({ code: 'flags-differ', path, message: `${flag} is ${value}; ${meta?.name ?? `type ${type}`} messages are recommended ${accepted[0]?.[flag]}` })
      }
    }
  }
  return findings
}

/**
 * Advisory findings: valid input that will still misbehave somewhere (hidden history, a hidden
 * message on Android, a rejected v2 send). Validation says "wrong"; lint says "are you sure".
 */
import type { HeaderFlags } from '../model/flags.js'
import { safeDecodePayload } from '../codec/codec.js'
import { MessageType, SYSTEM_TYPE_MIN } from '../model/message-type.js'
import type { Payload, PayloadShape } from '../types/payload.js'
import { metaOf, recommendFlags } from './flags.js'

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

/** One advisory finding; `path` is a JSON Pointer into the linted value. */
export interface LintFinding {
  readonly code: LintCode
  readonly message: string
  readonly path: string
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Findings about a payload alone. Never throws. Typed like `encodePayload`: a literal `type`
 * requires that type's shape; another type needs an explicit type argument.
 */
export function lintPayload<P extends PayloadShape = Payload>(payload: NoInfer<P>, prefix = ''): LintFinding[] {
  return lintValue(payload, prefix)
}

/** {@link lintPayload} of any value (a send body's payload, decoded or not). */
function lintValue(payload: unknown, prefix: string): LintFinding[] {
  const findings: LintFinding[] = []
  if (!isObject(payload)) return findings
  const type = payload.type
  if (typeof type === 'number' && (type <= 0 || (type >= 20000 && type <= 30000))) {
    findings.push({
      code: 'local-only-type',
      path: `${prefix}/type`,
      message: `type ${type} is a client-local type (0 and below are UI items, 20000–30000 local custom messages); it is never meant to be sent`,
    })
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
  return findings
}

/**
 * Findings about a `/message/send` body: the payload inside it and its header against the
 * payload's recommended flags. Never throws.
 */
export function lintSendRequest(request: unknown): LintFinding[] {
  const findings: LintFinding[] = []
  if (!isObject(request)) return findings
  const decoded = typeof request.payload === 'string' ? safeDecodePayload(request.payload) : undefined
  if (decoded && !decoded.ok) {
    findings.push({ code: 'undecodable-payload', path: '/payload', message: `payload does not decode (${decoded.error.message}); run validateSendRequest for details` })
    return findings
  }
  const payload: PayloadShape | undefined = decoded?.value ?? (isObject(request.payload) ? (request.payload as { type: number }) : undefined)
  if (payload) findings.push(...lintValue(payload, '/payload'))
  const header: Partial<HeaderFlags> = isObject(request.header) ? (request.header as Partial<HeaderFlags>) : {}
  const syncOnce = header.sync_once ?? 0
  const isCommand = payload?.type === MessageType.Command
  const subscribers = request.subscribers
  if (isCommand && syncOnce !== 1) {
    findings.push({ code: 'command-without-sync-once', path: '/header/sync_once', message: 'commands should be sent with sync_once: 1 (the docs: "Command messages should set SyncOnce:1")' })
  }
  if (subscribers !== undefined) {
    if (payload && !isCommand) {
      findings.push({ code: 'subscribers-on-non-command', path: '/subscribers', message: 'subscribers are only valid for command messages (type 99)' })
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
    if (type >= SYSTEM_TYPE_MIN && syncOnce === 1) {
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

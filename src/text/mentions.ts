/**
 * Who a message `@-mentions`. Three places say it, and producers fill them differently: `mention.all`
 * (every client reads `all === 1`), `mention.uids` (JS, Android, iOS, Flutter, the TangSengDaoDao
 * web) and `entities` of type `mention` (Android and iOS, the uid as `value`). A reader that checks
 * only one misses mentions the others carry, so both functions here read all three.
 */
import type { Entity } from '../model/fields.js'

/**
 * Entity values that stand for `@everyone` rather than a user: TangSengDaoDao Android writes `"-1"`
 * and TangSengDaoDao iOS `"all"` (the corpus entries from
 * TangSengDaoDao/TangSengDaoDaoAndroid:wkuikit/src/main/java/com/chat/uikit/chat/ChatPanelManager.kt and
 * TangSengDaoDao/TangSengDaoDaoiOS:Modules/WuKongBase/WuKongBase/Classes/Sections/Conversation/WKConversationContextImpl.m).
 */
export const EVERYONE_ENTITY_VALUES: readonly string[] = ['-1', 'all']

/** The value {@link formatText} writes for an `@everyone` entity. */
export const EVERYONE_ENTITY_VALUE = 'all'

/** One `mention` entity, read: where it is and what it shows. */
export interface MentionSpan {
  /** The mentioned uid (`''` when the producer wrote no value, as Flutter and HarmonyOS can). */
  readonly uid: string
  /** Whether the span stands for `@everyone` (its value is `"-1"` or `"all"`). */
  readonly everyone: boolean
  /** UTF-16 offset and length in `content`. */
  readonly offset: number
  readonly length: number
  /** The text the span covers (`@李四`), `''` when it lies outside `content`. */
  readonly text: string
}

/** Everyone a payload mentions, from all three places. */
export interface Mentions {
  /** `@everyone`: `mention.all` is 1. */
  readonly all: boolean
  /** Mentioned uids, each once: `mention.uids` in order, then entity uids not listed there. */
  readonly uids: readonly string[]
  /** The `mention` entities, by offset. */
  readonly spans: readonly MentionSpan[]
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

/** The well-formed entities of a payload (any shape tolerated; malformed entries skipped). */
export function entitiesOf(payload: unknown): Entity[] {
  const list = record(payload)?.entities
  if (!Array.isArray(list)) return []
  const out: Entity[] = []
  for (const raw of list as unknown[]) {
    const e = record(raw)
    if (e && Number.isInteger(e.offset) && Number.isInteger(e.length) && typeof e.type === 'string') {
      out.push(typeof e.value === 'string' ? { offset: e.offset as number, length: e.length as number, type: e.type, value: e.value } : { offset: e.offset as number, length: e.length as number, type: e.type })
    }
  }
  return out
}

/**
 * Every mention of a payload: `all` from `mention.all`, `uids` from `mention.uids` and the
 * `mention` entities (each uid once, `@everyone` markers and empty values left out), and the spans.
 * Never throws; any shape is read as far as it goes.
 */
export function mentionsOf(payload: unknown): Mentions {
  const p = record(payload)
  const mention = record(p?.mention)
  const content = typeof p?.content === 'string' ? p.content : ''
  const uids: string[] = []
  const seen = new Set<string>()
  const add = (uid: unknown): void => {
    if (typeof uid === 'string' && uid !== '' && !seen.has(uid)) {
      seen.add(uid)
      uids.push(uid)
    }
  }
  if (Array.isArray(mention?.uids)) for (const uid of mention.uids as unknown[]) add(uid)
  const spans: MentionSpan[] = []
  for (const e of entitiesOf(p)) {
    if (e.type !== 'mention') continue
    const uid = e.value ?? ''
    const everyone = EVERYONE_ENTITY_VALUES.includes(uid)
    const inside = e.offset >= 0 && e.length >= 0 && e.offset + e.length <= content.length
    spans.push({ uid, everyone, offset: e.offset, length: e.length, text: inside ? content.slice(e.offset, e.offset + e.length) : '' })
    if (!everyone) add(uid)
  }
  spans.sort((a, b) => a.offset - b.offset)
  return { all: mention?.all === 1, uids, spans }
}

/**
 * Whether `uid` is mentioned: `mention.all` is 1 (`@everyone`), or `uid` is in `mention.uids`, or a
 * `mention` entity names it. What a reminder ("someone `@-mentioned` you") needs. A quoted
 * message's mentions are not this message's. Never throws.
 */
export function isMentioned(payload: unknown, uid: string): boolean {
  const m = mentionsOf(payload)
  return m.all || (uid !== '' && m.uids.includes(uid))
}

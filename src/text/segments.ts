/**
 * A text message as segments — text, mentions, links, bot commands and line breaks — for chat
 * views that make names and links clickable. The one reading of `content` + `entities` +
 * `mention` that the HTML renderer, digests, the CLI and the inspector share.
 */
import type { Entity } from '../model/fields.js'
import { isCharBoundary } from './offsets.js'
import { EVERYONE_ENTITY_VALUES, entitiesOf } from './mentions.js'
import { isSafeLinkUrl } from './format.js'

/** One part of a text message. Concatenating `text` (and `'\n'` for a break) gives `content` back. */
export type TextSegment =
  | { readonly kind: 'text'; readonly text: string }
  /** `@name`: `text` as written, `name` without the `@`; `uid` is `''` when the producer wrote none; `everyone` for `@everyone`. */
  | { readonly kind: 'mention'; readonly uid: string; readonly name: string; readonly text: string; readonly everyone: boolean }
  /** A link; `url` always has an http, https, mailto or tel scheme. */
  | { readonly kind: 'link'; readonly url: string; readonly text: string }
  | { readonly kind: 'command'; readonly text: string }
  /** A line break (`\n`, `\r\n`, `\r`, U+2028 or U+2029 in `content`). */
  | { readonly kind: 'break'; readonly text: string }

/** A link found in plain text: `text.slice(index, lastIndex)` links to `url` (linkify-it's match shape). */
export interface LinkMatch {
  readonly index: number
  readonly lastIndex: number
  readonly url: string
}

/** Finds links in text that has no link entities (see `findLinks`, which uses linkify-it). */
export type LinkFinder = (text: string) => readonly LinkMatch[]

export interface TextSegmentOptions {
  /** Finds links in the text between entities. Without it only `link` entities become links. */
  readonly findLinks?: LinkFinder
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

const BREAK = /\r\n|[\n\r\u2028\u2029]/g

/**
 * `@token` as the TangSengDaoDao web reads it to pair the i-th token with `mention.uids[i]`
 * (`/@([\w\u4e00-\u9fa5])+/`, TangSengDaoDao/TangSengDaoDaoWeb:packages/tsdaodaobase/src/Service/Model.tsx
 * `parseMention`), here not after a letter or digit so that an e-mail address is no mention.
 */
const AT_TOKEN = /(?<![A-Za-z0-9_])@[\w\u4e00-\u9fa5]+/g

/** The `@everyone` tokens the clients write in `content` (`@所有人` in Chinese UIs, `@all` in English ones), read as `@everyone` when `mention.all` is 1 and no entity says where. */
const EVERYONE_LABELS: readonly string[] = ['@所有人', '@all', '@everyone']

/**
 * The segments of a text payload (any payload with a string `content`; anything else gives `[]`).
 * Entities that are out of range, off character boundaries, empty or overlapping an earlier one
 * are ignored — their text stays text, nothing is dropped. Without `mention` entities (the JS SDK
 * and TangSengDaoDao web write none), the i-th `@token` is `mention.uids[i]`, as the web pairs
 * them, and with `mention.all` = 1 the first `@所有人` (or `@all`, `@everyone`) is `@everyone`. A `link` entity whose URL has another scheme than http, https, mailto or tel stays text.
 * Linear in the content and the entities. Never throws.
 */
export function textSegments(payload: unknown, options: TextSegmentOptions = {}): TextSegment[] {
  const p = record(payload)
  if (!p || typeof p.content !== 'string') return []
  const content = p.content
  const spans = usableSpans(content, entitiesOf(p))
  const out: TextSegment[] = []
  const mentionUids = Array.isArray(record(p.mention)?.uids) ? ((record(p.mention)?.uids as unknown[]).filter((u) => typeof u === 'string') as string[]) : []
  let everyone = record(p.mention)?.all === 1
  const positional = !spans.some((s) => s.type === 'mention') && (mentionUids.length > 0 || everyone)
  let nextUid = 0
  const plain = (text: string): void => {
    if (text === '') return
    if (!positional || (nextUid >= mentionUids.length && !everyone)) return linked(text)
    let last = 0
    for (const m of text.matchAll(AT_TOKEN)) {
      const all = everyone && EVERYONE_LABELS.includes(m[0].toLowerCase())
      if (!all && nextUid >= mentionUids.length) continue
      linked(text.slice(last, m.index))
      if (all) everyone = false
      const uid = all ? '' : (mentionUids[nextUid++] as string)
      out.push({ kind: 'mention', uid, name: m[0].slice(1), text: m[0], everyone: all })
      last = m.index + m[0].length
    }
    linked(text.slice(last))
  }
  const linked = (text: string): void => {
    if (text === '') return
    let last = 0
    for (const m of options.findLinks?.(text) ?? []) {
      if (m.index < last || m.lastIndex <= m.index || m.lastIndex > text.length || !isSafeLinkUrl(m.url)) continue
      lines(text.slice(last, m.index))
      out.push({ kind: 'link', url: m.url, text: text.slice(m.index, m.lastIndex) })
      last = m.lastIndex
    }
    lines(text.slice(last))
  }
  const lines = (text: string): void => {
    let last = 0
    for (const m of text.matchAll(BREAK)) {
      if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) })
      out.push({ kind: 'break', text: m[0] })
      last = m.index + m[0].length
    }
    if (last < text.length) out.push({ kind: 'text', text: text.slice(last) })
  }
  let at = 0
  for (const s of spans) {
    plain(content.slice(at, s.offset))
    const text = content.slice(s.offset, s.offset + s.length)
    if (s.type === 'mention') {
      const uid = s.value ?? ''
      out.push({ kind: 'mention', uid, name: text.startsWith('@') ? text.slice(1) : text, text, everyone: EVERYONE_ENTITY_VALUES.includes(uid) })
    } else if (s.type === 'link') {
      const url = s.value !== undefined && s.value !== '' ? s.value : text
      if (isSafeLinkUrl(url)) out.push({ kind: 'link', url, text })
      else lines(text)
    } else out.push({ kind: 'command', text })
    at = s.offset + s.length
  }
  plain(content.slice(at))
  return out
}

/** The entities a reader can place: known kinds, inside `content`, on boundaries, non-empty, disjoint (the earlier wins). */
function usableSpans(content: string, entities: readonly Entity[]): Entity[] {
  const candidates = entities
    .filter((e) => (e.type === 'mention' || e.type === 'link' || e.type === 'bot_command') && e.offset >= 0 && e.length > 0 && e.offset + e.length <= content.length)
    .filter((e) => isCharBoundary(content, e.offset) && isCharBoundary(content, e.offset + e.length))
    .sort((a, b) => a.offset - b.offset || b.length - a.length)
  const out: Entity[] = []
  let end = 0
  for (const e of candidates) {
    if (e.offset < end) continue
    out.push(e)
    end = e.offset + e.length
  }
  return out
}

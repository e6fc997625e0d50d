/**
 * Building a text message with mentions and links: `formatText` produces `content`, `entities`
 * (UTF-16 offsets, as the Android and iOS SDKs write them) and a `mention` that agrees with them,
 * so that every client — those that read `mention.uids` (JS, the TangSengDaoDao web and server
 * reminders) and those that read `entities` (Android, iOS) — sees the same mentions.
 */
import type { Entity, Mention } from '../model/fields.js'
import { EVERYONE_ENTITY_VALUE } from './mentions.js'

const PART = Symbol.for('wukong-payload.TextPart')

/** A span {@link formatText} turns into an entity. Made by {@link mention}, {@link mentionAll}, {@link link}. */
export type TextPart =
  | { readonly [PART]: true; readonly kind: 'mention'; readonly uid: string; readonly text: string }
  | { readonly [PART]: true; readonly kind: 'everyone'; readonly text: string }
  | { readonly [PART]: true; readonly kind: 'link'; readonly url: string; readonly text: string }

/** What {@link formatText} builds; spread it into a text payload: `{ type: 1, ...formatText\`…\` }`. */
export interface FormattedText {
  readonly content: string
  /** The spans, by offset; absent when there are none. */
  readonly entities?: Entity[]
  /** Absent when nobody is mentioned; `{ all: 1 }` for `@everyone`, else `{ all: 0, uids }`. */
  readonly mention?: Mention
}

/** What a `${…}` in {@link formatText} may hold: text (strings and numbers are inserted as they are) or a part. */
export type TextValue = string | number | TextPart

/** Schemes a link entity may carry: what a chat client can open without running anything. */
export const SAFE_LINK_SCHEMES: readonly string[] = ['http:', 'https:', 'mailto:', 'tel:']

/** Whether `url` is absolute with a scheme in {@link SAFE_LINK_SCHEMES} (case-insensitive, as browsers compare schemes). */
export function isSafeLinkUrl(url: string): boolean {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)
  return match !== null && SAFE_LINK_SCHEMES.includes(`${(match[1] as string).toLowerCase()}:`) && !/[\u0000-\u001f\u007f\s]/.test(url)
}

function fail(message: string): never {
  throw new TypeError(message)
}

/**
 * An `@-mention` of `uid`, shown as `@name` (a `name` that already starts with `@` is kept as it
 * is). Throws a `TypeError` for an empty uid or name: a mention nobody can see or resolve is a bug.
 */
export function mention(uid: string, name: string): TextPart {
  if (typeof uid !== 'string' || uid === '') fail('mention(uid, name): uid must be a non-empty string')
  if (typeof name !== 'string' || name === '') fail(`mention(${JSON.stringify(uid)}, name): name must be a non-empty string (the text readers see)`)
  return { [PART]: true, kind: 'mention', uid, text: name.startsWith('@') ? name : `@${name}` }
}

/** `@everyone`, shown as `@所有人` unless `label` says otherwise (`'@all'`). Sets `mention.all` to 1. */
export function mentionAll(label = '@所有人'): TextPart {
  if (typeof label !== 'string' || label === '') fail('mentionAll(label): label must be a non-empty string')
  return { [PART]: true, kind: 'everyone', text: label }
}

/**
 * A link to `url`, shown as `text` (default: the URL). Throws a `TypeError` unless the URL is
 * absolute with an http, https, mailto or tel scheme: a `javascript:` link in a message is an
 * attack on every reader.
 */
export function link(url: string, text?: string): TextPart {
  if (typeof url !== 'string' || !isSafeLinkUrl(url)) fail(`link(${JSON.stringify(String(url)).slice(0, 80)}): the URL must be absolute with one of ${SAFE_LINK_SCHEMES.join(' ')}`)
  const shown = text ?? url
  if (typeof shown !== 'string' || shown === '') fail('link(url, text): text must be a non-empty string')
  return { [PART]: true, kind: 'link', url, text: shown }
}

function isPart(value: unknown): value is TextPart {
  return typeof value === 'object' && value !== null && (value as Record<PropertyKey, unknown>)[PART] === true
}

/**
 * Builds `{ content, entities, mention }` from text and parts, as a tagged template
 * (`` formatText`${mention('u2', '李四')} 看一下 ${link('https://x.cn')}` ``) or from a list
 * (`formatText.from(['hi ', mention('u2', '李四')])`). Offsets are UTF-16 code units; `mention.uids`
 * lists each mentioned uid once, in order of appearance (the TangSengDaoDao web pairs the i-th
 * `@name` with `uids[i]`); `@everyone` writes `{ all: 1 }` alone, as the docs ask (`uids` empty when
 * `all` = 1), and `{ all: 0, uids }` otherwise, as Android and iOS write it. Throws a `TypeError`
 * for a value that is neither text nor a part.
 */
export function formatText(strings: TemplateStringsArray, ...values: TextValue[]): FormattedText {
  const list: TextValue[] = []
  strings.forEach((s, i) => {
    list.push(s)
    if (i < values.length) list.push(values[i] as TextValue)
  })
  return fromParts(list)
}
formatText.from = fromParts

function fromParts(list: readonly TextValue[]): FormattedText {
  let content = ''
  const entities: Entity[] = []
  const uids: string[] = []
  let everyone = false
  for (const value of list) {
    if (typeof value === 'string' || typeof value === 'number') {
      content += String(value)
      continue
    }
    if (!isPart(value)) fail(`formatText: ${value === null ? 'null' : typeof value} is neither text nor a part made by mention(), mentionAll() or link()`)
    const offset = content.length
    content += value.text
    if (value.kind === 'link') entities.push({ offset, length: value.text.length, type: 'link', value: value.url })
    else if (value.kind === 'everyone') {
      everyone = true
      entities.push({ offset, length: value.text.length, type: 'mention', value: EVERYONE_ENTITY_VALUE })
    } else {
      if (!uids.includes(value.uid)) uids.push(value.uid)
      entities.push({ offset, length: value.text.length, type: 'mention', value: value.uid })
    }
  }
  const out: { content: string; entities?: Entity[]; mention?: Mention } = { content }
  if (entities.length > 0) out.entities = entities
  if (everyone) out.mention = { all: 1 }
  else if (uids.length > 0) out.mention = { all: 0, uids }
  return out
}

/**
 * System-message rendering: `content` is a template whose `{n}` stands for `extra[n].name`.
 *
 * One pass, left to right: every `{n}` (all occurrences) is replaced, and inserted text is never
 * scanned again or interpreted. This fixes what each official client gets wrong: the JS SDK
 * replaces only the first `{i}` and expands `$&` in names, iOS re-expands a name containing
 * `{1}`, Android's MessageFormat drops apostrophes and throws on an unbalanced `{`.
 */
import { DEFAULT_LOCALE, localeOf, type Locale } from '../model/locale.js'

/** One part of a rendered system message, for UIs that make names clickable. */
export type Segment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'user'; readonly uid: string; readonly name: string; readonly self: boolean }

const SELF_LABEL: Readonly<Record<Locale, string>> = { zh: '你', en: 'You' }

export { DEFAULT_LOCALE, localeOf }


export interface RenderOptions {
  /** Language of the built-in labels (the reader's "You"/"你"). Default {@link DEFAULT_LOCALE} (`'zh'`). */
  readonly locale?: Locale
  /** The reader's uid: their own entry renders as {@link selfLabel}. */
  readonly selfUid?: string
  /** What the reader's own entry renders as. Default "你" (zh) / "You" (en). */
  readonly selfLabel?: string
  /**
   * A placeholder with no `extra` entry: `'literal'` (default) keeps `{n}` as it is, as every
   * official client does; `'empty'` removes it.
   */
  readonly missing?: 'literal' | 'empty'
  /**
   * Looks up a name for an entry whose `name` is missing or empty, for apps that keep a user
   * cache. Without it (or when it returns undefined) such a name renders empty, as every official
   * client renders it (TangSengDaoDao lets a new user have no name yet); never the uid.
   */
  readonly resolveName?: (uid: string) => string | undefined
  /**
   * Most characters (UTF-16 units) of rendered text — names and template together, markup not
   * counted — before the rest is cut and marked with `…`. Default {@link DEFAULT_MAX_RENDER_LENGTH}.
   * A legal 1 MB payload can repeat `{0}` 170,000 times with a 500,000-character name: without a
   * bound that is 85 billion characters. Not an integer ≥ 0: the default applies.
   */
  readonly maxLength?: number
}

/** 10,000 characters: far more than any UI line, far less than a hostile expansion. */
export const DEFAULT_MAX_RENDER_LENGTH = 10_000

/**
 * `value` when it is a valid limit (an integer ≥ 0, or `Infinity`), else `fallback`: `NaN` or
 * `-1` must not switch the bound off. (The same rule as the codec's limits; render may not import
 * the wire layer.)
 */
export function limitOption(value: unknown, fallback: number): number {
  return typeof value === 'number' && value >= 0 && (Number.isInteger(value) || value === Number.POSITIVE_INFINITY) ? value : fallback
}

/** What marks text cut at `maxLength`. */
export const TRUNCATION_MARK = '…'

/** Placeholder grammar: `{` digits `}`. Linear (no nested quantifiers). */
const PLACEHOLDER = /\{([0-9]+)\}/g

interface Entry {
  readonly uid: string
  readonly name: string
}

/** `extra[index]` as `{uid, name}` strings, tolerating any shape. */
function entryAt(extra: unknown, index: number): Entry | undefined {
  if (!Array.isArray(extra) || index >= extra.length) return undefined
  const raw: unknown = extra[index]
  if (typeof raw !== 'object' || raw === null) return { uid: '', name: typeof raw === 'string' ? raw : '' }
  const { uid, name } = raw as { uid?: unknown; name?: unknown }
  return { uid: typeof uid === 'string' ? uid : typeof uid === 'number' ? String(uid) : '', name: typeof name === 'string' ? name : '' }
}

/** The reader's label in a locale; an unknown locale (`'fr'`) falls back to {@link DEFAULT_LOCALE}. */
export function selfLabelFor(options: RenderOptions): string {
  return options.selfLabel ?? SELF_LABEL[localeOf(options)]
}

/** `text` cut to `max` units (never inside a surrogate pair) and marked. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  let end = max
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return text.slice(0, end) + TRUNCATION_MARK
}

/** A rendered part: template text, an inserted value without a uid (a group name), or a user. */
type Part = { readonly kind: 'text'; readonly text: string; readonly inserted: boolean } | Extract<Segment, { kind: 'user' }>

/**
 * The parts of a rendered message, left to right, at most `maxLength` characters in all (the last
 * part cut and marked): the scan stops there, so time is linear in the input, not the output.
 */
function renderParts(payload: unknown, options: RenderOptions): Part[] {
  const record = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {}
  const content = typeof record.content === 'string' ? record.content : ''
  const extra = record.extra
  const selfLabel = selfLabelFor(options)
  let budget = limitOption(options.maxLength, DEFAULT_MAX_RENDER_LENGTH)
  const parts: Part[] = []
  /** Adds a part within the budget; false once the budget is spent (the part was cut). */
  const add = (part: Part): boolean => {
    const text = part.kind === 'text' ? part.text : part.name
    if (text.length <= budget) {
      budget -= text.length
      if (text !== '' || part.kind === 'user') parts.push(part)
      return true
    }
    const cut = truncate(text, budget)
    parts.push(part.kind === 'text' ? { ...part, text: cut } : { ...part, name: cut })
    budget = 0
    return false
  }
  let last = 0
  for (const match of content.matchAll(PLACEHOLDER)) {
    const digits = match[1] as string
    // Indices beyond any array length (or beyond 2^53) simply have no entry.
    const index = digits.length > 9 ? Number.MAX_SAFE_INTEGER : Number(digits)
    const entry = entryAt(extra, index)
    const before = content.slice(last, match.index)
    last = match.index + match[0].length
    if (entry === undefined) {
      if (!add({ kind: 'text', text: options.missing === 'empty' ? before : before + match[0], inserted: false })) return parts
      continue
    }
    if (!add({ kind: 'text', text: before, inserted: false })) return parts
    if (entry.uid === '') {
      // An entry without a uid carries plain text (a group name, say), not a user.
      if (!add({ kind: 'text', text: entry.name, inserted: true })) return parts
      continue
    }
    const self = options.selfUid !== undefined && entry.uid === options.selfUid
    const name = self ? selfLabel : entry.name !== '' ? entry.name : (options.resolveName?.(entry.uid) ?? '')
    if (!add({ kind: 'user', uid: entry.uid, name: String(name), self })) return parts
  }
  add({ kind: 'text', text: content.slice(last), inserted: false })
  return parts
}

/**
 * Renders into segments; the other renderers are views of this. Never throws: a missing
 * `content`, a non-array `extra`, unbalanced braces and huge indices are all handled. At most
 * `maxLength` characters of text and names in all (default 10,000), the last cut and marked `…`.
 */
export function renderSystemMessageSegments(payload: unknown, options: RenderOptions = {}): Segment[] {
  const segments: Segment[] = []
  let text = ''
  for (const part of renderParts(payload, options)) {
    if (part.kind === 'text') text += part.text
    else {
      if (text !== '') segments.push({ kind: 'text', text })
      text = ''
      segments.push(part)
    }
  }
  if (text !== '') segments.push({ kind: 'text', text })
  return segments
}

/** The template with every `{n}` filled from `extra[n].name`, as plain text. Never throws. */
export function renderSystemMessage(payload: unknown, options: RenderOptions = {}): string {
  let out = ''
  for (const s of renderSystemMessageSegments(payload, options)) out += s.kind === 'text' ? s.text : s.name
  return out
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string)
}

/**
 * Unicode's explicit directional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069): removed from HTML output. Inside a name they could close the name's isolate
 * early (U+2069) and reverse the rest of the line (U+202E); no legitimate name needs them, since
 * each inserted value is isolated by its element.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g

/** `text` escaped for HTML with bidi embedding, override and isolate controls removed (the same rule as system messages). */
export function htmlText(text: string): string {
  return escapeHtml(text.replace(BIDI_CONTROLS, ''))
}

/**
 * The rendered message as HTML that is safe to assign to `innerHTML`: all text is escaped, and
 * each user is `<span class="wk-user" data-uid="…" dir="auto">name</span>` (plus `wk-self` for
 * the reader); each inserted value without a uid (a group name) is `<span dir="auto">…</span>`.
 * `dir="auto"` isolates each value's direction, and bidi embedding, override and isolate controls
 * are removed from all text, so nothing in the data can reorder the text around it. Never throws.
 */
export function renderSystemMessageHtml(payload: unknown, options: RenderOptions = {}): string {
  let out = ''
  for (const p of renderParts(payload, options)) {
    if (p.kind === 'user') out += `<span class="wk-user${p.self ? ' wk-self' : ''}" data-uid="${escapeHtml(p.uid)}" dir="auto">${htmlText(p.name)}</span>`
    else out += p.inserted ? `<span dir="auto">${htmlText(p.text)}</span>` : htmlText(p.text)
  }
  return out
}

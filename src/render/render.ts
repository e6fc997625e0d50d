/**
 * System-message rendering: `content` is a template whose `{n}` stands for `extra[n].name`.
 *
 * One pass, left to right: every `{n}` (all occurrences) is replaced, and inserted text is never
 * scanned again or interpreted. This fixes what each official client gets wrong: the JS SDK
 * replaces only the first `{i}` and expands `$&` in names, iOS re-expands a name containing
 * `{1}`, Android's MessageFormat drops apostrophes and throws on an unbalanced `{`.
 */
import type { Locale } from '../model/define.js'

/** One part of a rendered system message, for UIs that make names clickable. */
export type Segment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'user'; readonly uid: string; readonly name: string; readonly self: boolean }

const SELF_LABEL: Readonly<Record<Locale, string>> = { zh: '你', en: 'You' }

/** The locale every function with a `locale` option uses when none is given. */
export const DEFAULT_LOCALE: Locale = 'zh'

/** The `locale` option, or the default; a value no type allows (from JavaScript) is the default too, so that rendering never throws. */
export function localeOf(options: { readonly locale?: Locale }): Locale {
  const locale = options.locale
  return locale !== undefined && Object.hasOwn(SELF_LABEL, locale) ? locale : DEFAULT_LOCALE
}

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
  /** Name for an entry whose `name` is missing or empty. Default: its uid. */
  readonly fallbackName?: (entry: { readonly uid: string; readonly name: string }, index: number) => string
}

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

/**
 * Renders into segments; the other renderers are views of this. Never throws: a missing
 * `content`, a non-array `extra`, unbalanced braces and huge indices are all handled.
 */
export function renderSystemMessageSegments(payload: unknown, options: RenderOptions = {}): Segment[] {
  const record = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {}
  const content = typeof record.content === 'string' ? record.content : ''
  const extra = record.extra
  const selfLabel = options.selfLabel ?? SELF_LABEL[localeOf(options)]
  const segments: Segment[] = []
  let text = ''
  let last = 0
  for (const match of content.matchAll(PLACEHOLDER)) {
    const digits = match[1] as string
    // Indices beyond any array length (or beyond 2^53) simply have no entry.
    const index = digits.length > 9 ? Number.MAX_SAFE_INTEGER : Number(digits)
    const entry = entryAt(extra, index)
    text += content.slice(last, match.index)
    last = match.index + match[0].length
    if (entry === undefined) {
      if (options.missing !== 'empty') text += match[0]
      continue
    }
    if (entry.uid === '') {
      // An entry without a uid carries plain text (a group name, say), not a user.
      text += entry.name
      continue
    }
    if (text !== '') segments.push({ kind: 'text', text })
    text = ''
    const self = options.selfUid !== undefined && entry.uid === options.selfUid
    const name = self ? selfLabel : entry.name !== '' ? entry.name : (options.fallbackName?.(entry, index) ?? entry.uid)
    segments.push({ kind: 'user', uid: entry.uid, name, self })
  }
  text += content.slice(last)
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
 * The rendered message as HTML that is safe to assign to `innerHTML`: all text is escaped, and
 * each user is `<span class="wk-user" data-uid="…" dir="auto">name</span>` (plus `wk-self` for
 * the reader). `dir="auto"` isolates each name's direction, so a right-to-left override inside a
 * name cannot reorder the text around it. Never throws.
 */
export function renderSystemMessageHtml(payload: unknown, options: RenderOptions = {}): string {
  let out = ''
  for (const s of renderSystemMessageSegments(payload, options)) {
    out +=
      s.kind === 'text'
        ? escapeHtml(s.text)
        : `<span class="wk-user${s.self ? ' wk-self' : ''}" data-uid="${escapeHtml(s.uid)}" dir="auto">${escapeHtml(s.name)}</span>`
  }
  return out
}

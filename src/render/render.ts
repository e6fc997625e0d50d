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
   * Most characters (UTF-16 units) of output, the `…` marker that shows a cut included: of text
   * and names for the text renderers, segments and digests; of the whole HTML string (markup and
   * escapes too) for {@link renderSystemMessageHtml}. Default {@link DEFAULT_MAX_RENDER_LENGTH}.
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
  if (!Array.isArray(extra)) return undefined
  const length: unknown = extra.length
  if (typeof length !== 'number' || index >= length) return undefined
  const raw: unknown = extra[index]
  if (typeof raw !== 'object' || raw === null) return { uid: '', name: typeof raw === 'string' ? raw : '' }
  const { uid, name } = raw as { uid?: unknown; name?: unknown }
  return { uid: typeof uid === 'string' ? uid : typeof uid === 'number' ? String(uid) : '', name: typeof name === 'string' ? name : '' }
}

/** The reader's label in a locale; an unknown locale (`'fr'`) falls back to {@link DEFAULT_LOCALE}. */
export function selfLabelFor(options: RenderOptions): string {
  return options.selfLabel ?? SELF_LABEL[localeOf(options)]
}

/** `text` cut to at most `max` units, `…` included (never inside a surrogate pair); `''` for `max` 0. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  if (max < 1) return ''
  return cutUnits(text, max - 1) + TRUNCATION_MARK
}

/** The first `room` units of `text`, one fewer when that would split a surrogate pair. */
function cutUnits(text: string, room: number): string {
  if (text.length <= room) return text
  let end = Math.max(0, room)
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return text.slice(0, end)
}

/** A rendered part: template text, an inserted value without a uid (a group name), or a user. */
type Part = { readonly kind: 'text'; readonly text: string; readonly inserted: boolean } | Extract<Segment, { kind: 'user' }>

/**
 * The parts of a rendered message, left to right, made lazily: a consumer that stops at its
 * budget stops the scan, so time is linear in the input, not in the output. Empty text is skipped.
 */
function* rawParts(payload: unknown, options: RenderOptions): Generator<Part, void, undefined> {
  const record = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {}
  // Each field read once: a getter may answer differently on a second read.
  const rawContent = record.content
  const content = typeof rawContent === 'string' ? rawContent : ''
  const extra = record.extra
  const selfLabel = selfLabelFor(options)
  let last = 0
  for (const match of content.matchAll(PLACEHOLDER)) {
    const digits = match[1] as string
    // Indices beyond any array length (or beyond 2^53) simply have no entry.
    const index = digits.length > 9 ? Number.MAX_SAFE_INTEGER : Number(digits)
    const entry = entryAt(extra, index)
    const before = content.slice(last, match.index)
    last = match.index + match[0].length
    if (entry === undefined) {
      const text = options.missing === 'empty' ? before : before + match[0]
      if (text !== '') yield { kind: 'text', text, inserted: false }
      continue
    }
    if (before !== '') yield { kind: 'text', text: before, inserted: false }
    if (entry.uid === '') {
      // An entry without a uid carries plain text (a group name, say), not a user.
      if (entry.name !== '') yield { kind: 'text', text: entry.name, inserted: true }
      continue
    }
    const self = options.selfUid !== undefined && entry.uid === options.selfUid
    const name = self ? selfLabel : entry.name !== '' ? entry.name : (options.resolveName?.(entry.uid) ?? '')
    yield { kind: 'user', uid: entry.uid, name: String(name), self }
  }
  const rest = content.slice(last)
  if (rest !== '') yield { kind: 'text', text: rest, inserted: false }
}

/** What {@link within} kept: the parts that fit whole, and the part to cut into `room` units (then `…`). */
interface Within {
  readonly kept: Part[]
  /** Set when the output is cut: the first part that did not fit, and the units left for it before the `…`. */
  readonly cut?: { readonly part: Part; readonly room: number }
}

/**
 * The parts whose output, by `cost`, fits in `max` characters with room left for the `…` marker
 * when anything is cut: so the result, marker included, is never longer than `max`. A part that
 * fills the budget exactly is kept whole only when nothing after it costs anything.
 */
function within(parts: Iterable<Part>, max: number, cost: (part: Part) => number): Within {
  const kept: Part[] = []
  let used = 0
  const iterator = parts[Symbol.iterator]()
  for (let next = iterator.next(); next.done !== true; next = iterator.next()) {
    const part = next.value
    const c = cost(part)
    if (used + c <= max - 1) {
      used += c
      kept.push(part)
      continue
    }
    if (used + c === max) {
      // Fits exactly: keep it (and the costless parts after it) only if nothing costly follows.
      const tail: Part[] = []
      let more = iterator.next()
      while (more.done !== true && cost(more.value) === 0) {
        tail.push(more.value)
        more = iterator.next()
      }
      if (more.done === true) return { kept: [...kept, part, ...tail] }
    }
    return { kept, cut: { part, room: max - 1 - used } }
  }
  return { kept }
}

/** The characters of plain text a part adds: its text or its name. */
const textCost = (part: Part): number => (part.kind === 'text' ? part.text.length : part.name.length)

/** The parts of the message as plain text, at most `maxLength` characters in all, `…` included. */
function renderParts(payload: unknown, options: RenderOptions): Part[] {
  const max = limitOption(options.maxLength, DEFAULT_MAX_RENDER_LENGTH)
  const { kept, cut } = within(rawParts(payload, options), max, textCost)
  if (cut === undefined || cut.room < 0) return kept
  const { part, room } = cut
  kept.push(part.kind === 'text' ? { ...part, text: cutUnits(part.text, room) + TRUNCATION_MARK } : { ...part, name: cutUnits(part.name, room) + TRUNCATION_MARK })
  return kept
}

/**
 * Renders into segments; the other renderers are views of this. Never throws: a missing
 * `content`, a non-array `extra`, unbalanced braces and huge indices are all handled. At most
 * `maxLength` characters of text and names in all (default 10,000), the `…` that marks a cut included.
 */
export function renderSystemMessageSegments(payload: unknown, options: RenderOptions = {}): Segment[] {
  try {
    return segmentsOf(payload, options)
  } catch {
    // A getter or Proxy trap of the payload that throws: nothing readable to render.
    return []
  }
}

function segmentsOf(payload: unknown, options: RenderOptions): Segment[] {
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

/** The HTML of one part, or its opening and closing tags around its escaped text. */
function htmlOf(part: Part): { readonly open: string; readonly inner: string; readonly close: string } {
  if (part.kind === 'user') {
    return { open: `<span class="wk-user${part.self ? ' wk-self' : ''}" data-uid="${escapeHtml(part.uid)}" dir="auto">`, inner: htmlText(part.name), close: '</span>' }
  }
  return part.inserted ? { open: '<span dir="auto">', inner: htmlText(part.text), close: '</span>' } : { open: '', inner: htmlText(part.text), close: '' }
}

/** The first `room` characters of escaped HTML text, never inside an entity (`&amp;`) or a surrogate pair. */
function cutHtml(html: string, room: number): string {
  let cut = cutUnits(html, room)
  const amp = cut.lastIndexOf('&')
  if (amp >= 0 && cut.indexOf(';', amp) < 0) cut = cut.slice(0, amp)
  return cut
}

/**
 * The rendered message as HTML that is safe to assign to `innerHTML`: all text is escaped, and
 * each user is `<span class="wk-user" data-uid="…" dir="auto">name</span>` (plus `wk-self` for
 * the reader); each inserted value without a uid (a group name) is `<span dir="auto">…</span>`.
 * `dir="auto"` isolates each value's direction, and bidi embedding, override and isolate controls
 * are removed from all text, so nothing in the data can reorder the text around it. Never throws.
 * `maxLength` bounds the whole HTML string — markup, escapes and the `…` marker included — and
 * elements are never cut: a part that does not fit whole is cut inside its text, or left out.
 */
export function renderSystemMessageHtml(payload: unknown, options: RenderOptions = {}): string {
  try {
    return htmlOfMessage(payload, options)
  } catch {
    // A getter or Proxy trap of the payload that throws: nothing readable to render.
    return ''
  }
}

function htmlOfMessage(payload: unknown, options: RenderOptions): string {
  const max = limitOption(options.maxLength, DEFAULT_MAX_RENDER_LENGTH)
  const cache = new Map<Part, string>()
  const html = (part: Part): string => {
    let text = cache.get(part)
    if (text === undefined) {
      const { open, inner, close } = htmlOf(part)
      text = open + inner + close
      cache.set(part, text)
    }
    return text
  }
  const { kept, cut } = within(rawParts(payload, options), max, (part) => html(part).length)
  let out = ''
  for (const part of kept) out += html(part)
  if (cut === undefined || cut.room < 0) return out
  const { open, inner, close } = htmlOf(cut.part)
  const room = cut.room - open.length - close.length
  if (room > 0 && inner !== '') {
    const text = cutHtml(inner, room)
    if (text !== '') out += open + text + close
  }
  return out + TRUNCATION_MARK
}

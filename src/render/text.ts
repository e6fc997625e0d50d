/**
 * Text messages (type 1, or any payload with a string `content`) rendered for a chat view: the
 * quote and the text as segments, and as escaped, bidi-safe HTML — the same guarantees as system
 * messages (src/render/render.ts), over the segments of src/text.
 */
import { textSegments, type LinkFinder, type TextSegment } from '../text/segments.js'
import { findLinks } from '../text/links.js'
import { DEFAULT_MAX_RENDER_LENGTH, escapeHtml, htmlText, limitOption, localeOf, TRUNCATION_MARK, truncate, type RenderOptions } from './render.js'
import { digest } from './digest.js'

/** Options of {@link renderTextMessage} and {@link renderTextHtml}. */
export interface TextRenderOptions extends RenderOptions {
  /**
   * Links in text without link entities: `true` (default) finds them with linkify-it; `false`
   * shows only `link` entities as links; a function finds them your way.
   */
  readonly links?: boolean | LinkFinder
}

/** The message being quoted (`reply`), as a chat view shows it above the text. */
export interface RenderedQuote {
  readonly uid: string
  /** `reply.from_name`, `''` when the sender's client wrote none (the TangSengDaoDao web may not). */
  readonly name: string
  /** The quoted text's segments; for another type, its digest (`[图片]`) as one text segment. */
  readonly segments: readonly TextSegment[]
}

/** A rendered text message. */
export interface RenderedText {
  readonly quote?: RenderedQuote
  readonly segments: readonly TextSegment[]
  /** Whether `maxLength` cut the output (the last segment then ends with `…`). */
  readonly truncated: boolean
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

/** What a segment costs against the budget: every character it emits, its uid or URL included. */
function cost(s: TextSegment): number {
  return s.text.length + (s.kind === 'link' ? s.url.length : s.kind === 'mention' ? s.uid.length : 0)
}

/**
 * The quote and segments of a text message, at most `maxLength` characters in all (default
 * 10,000; text, names, uids and URLs counted), the last segment cut and marked `…`. Mentions,
 * links (entities, else linkify-it), bot commands and line breaks are segments; the quote of any
 * type is included (one level, as every client shows it). Never throws; a payload without a
 * string `content` renders as no segments.
 */
export function renderTextMessage(payload: unknown, options: TextRenderOptions = {}): RenderedText {
  const max = limitOption(options.maxLength, DEFAULT_MAX_RENDER_LENGTH)
  const finder = options.links === false ? undefined : typeof options.links === 'function' ? options.links : findLinks
  const p = record(payload)
  const reply = record(p?.reply)
  const main = textSegments(p, finder ? { findLinks: finder } : {})
  const name: TextSegment = { kind: 'text', text: typeof reply?.from_name === 'string' ? reply.from_name : '' }
  const quoted = record(reply?.payload)
  const inner: TextSegment[] =
    quoted === undefined
      ? []
      : quoted.type === 1
        ? textSegments(quoted, finder ? { findLinks: finder } : {})
        : [{ kind: 'text', text: digest(quoted, { locale: localeOf(options), maxLength: Math.max(max, 1) }) }]
  let total = main.reduce((n, s) => n + cost(s), 0)
  if (reply) total += cost(name) + inner.reduce((n, s) => n + cost(s), 0)
  // Over the limit, one unit stays in reserve for the `…` that marks the cut: the output then
  // holds at most `maxLength` characters with the mark, even when the cut falls between segments.
  const reserve = total > max && max > 0 ? 1 : 0
  let budget = total > max ? max - reserve : total
  let truncated = false
  /** Segments within the budget; the first that does not fit is cut to text and ends the list. */
  const bounded = (segments: readonly TextSegment[]): TextSegment[] => {
    const out: TextSegment[] = []
    for (const s of segments) {
      if (truncated) break
      const c = cost(s)
      if (c <= budget) {
        out.push(s)
        budget -= c
        continue
      }
      // Cut to text: a cut link would point elsewhere than it says, a cut name to someone else.
      // (A link or mention whose text fits but whose URL or uid does not is cut by one more, so the mark shows.)
      const room = Math.min(budget + reserve, s.text.length - 1)
      out.push({ kind: 'text', text: room >= 1 ? truncate(s.text, room) : budget + reserve >= 1 ? TRUNCATION_MARK : '' })
      budget = 0
      truncated = true
    }
    return out
  }
  let quote: RenderedQuote | undefined
  if (reply) {
    const uid = typeof reply.from_uid === 'string' ? reply.from_uid : ''
    const quoteName = bounded([name])[0]?.text ?? ''
    quote = { uid, name: quoteName, segments: bounded(inner) }
  }
  const segments = bounded(main)
  return quote ? { quote, segments, truncated } : { segments, truncated }
}

/** Segments as HTML: text escaped, bidi controls removed, each mention and link isolated with `dir="auto"`. */
function segmentsHtml(segments: readonly TextSegment[], selfUid: string | undefined): string {
  let out = ''
  for (const s of segments) {
    if (s.kind === 'text') out += htmlText(s.text)
    else if (s.kind === 'break') out += '<br>'
    else if (s.kind === 'mention') {
      const cls = `wk-mention${s.everyone ? ' wk-everyone' : ''}${selfUid !== undefined && s.uid === selfUid ? ' wk-self' : ''}`
      out += `<span class="${cls}" data-uid="${escapeHtml(s.uid)}" dir="auto">${htmlText(s.text)}</span>`
    } else if (s.kind === 'link') out += `<a class="wk-link" href="${escapeHtml(s.url)}" rel="noopener noreferrer nofollow ugc" target="_blank" dir="auto">${htmlText(s.text)}</a>`
    else out += `<span class="wk-command" dir="auto">${htmlText(s.text)}</span>`
  }
  return out
}

/**
 * A text message as HTML that is safe to assign to `innerHTML`: the quote as
 * `<blockquote class="wk-quote" data-uid="…"><span class="wk-quote-name" dir="auto">name</span> …</blockquote>`,
 * mentions as `<span class="wk-mention" data-uid="…" dir="auto">@name</span>` (`wk-everyone` for
 * `@everyone`, `wk-self` for the reader), links as `<a class="wk-link" href="…" rel="noopener
 * noreferrer nofollow ugc" target="_blank">` with an http, https, mailto or tel URL only, line
 * breaks as `<br>`. All text is escaped and bidi embedding, override and isolate controls are
 * removed, as for system messages. Bounded by `maxLength` like {@link renderTextMessage}. Never throws.
 */
export function renderTextHtml(payload: unknown, options: TextRenderOptions = {}): string {
  const r = renderTextMessage(payload, options)
  const quote = r.quote
    ? `<blockquote class="wk-quote" data-uid="${escapeHtml(r.quote.uid)}"><span class="wk-quote-name" dir="auto">${htmlText(r.quote.name)}</span> ${segmentsHtml(r.quote.segments, options.selfUid)}</blockquote>`
    : ''
  return quote + segmentsHtml(r.segments, options.selfUid)
}

/**
 * A text message as plain text for a terminal or a log: the quote as `> name: text` on its own
 * line, then the text with mentions as `@name`. Bounded like {@link renderTextMessage}. Never throws.
 */
export function renderTextPlain(payload: unknown, options: TextRenderOptions = {}): string {
  const r = renderTextMessage(payload, { ...options, links: false })
  const join = (segments: readonly TextSegment[]) => segments.map((s) => s.text).join('')
  return (r.quote ? `> ${r.quote.name || r.quote.uid}: ${join(r.quote.segments).replace(/\r\n|[\n\r\u2028\u2029]/g, ' ')}\n` : '') + join(r.segments)
}

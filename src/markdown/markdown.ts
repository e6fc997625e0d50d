/**
 * AI replies (`streamText` of the events reducer) and any Markdown, rendered safely. The official
 * chat demo renders streamed replies with `marked` and injects them unsanitized with `v-html`
 * (WuKongIM/WuKongIM:demo/chatdemo/src/view/Chat.vue@v2.2.5-20260422): whatever a model or a user
 * writes runs in the page. Here markdown-it parses with raw HTML off (`<script>` is text), links
 * and autolinks limited to http, https, mailto and tel, images shown as links (no request leaves
 * the page), all text escaped with bidi controls removed as in `src/render`. markdown-it closes
 * every construct it opens, so a stream cut anywhere (inside a code fence, a link, emphasis)
 * renders as well-formed HTML.
 */
import MarkdownIt from 'markdown-it'
import type { MarkdownIt as MarkdownItInstance, Token } from 'markdown-it'
import { DEFAULT_MAX_RENDER_LENGTH, escapeHtml, htmlText, limitOption, truncate } from '../render/render.js'
import { isSafeLinkUrl } from '../text/format.js'

/** Options of {@link renderMarkdownHtml} and {@link markdownSegments}. */
export interface MarkdownOptions {
  /**
   * Most characters of Markdown read (default 10,000, as for every renderer here); the rest is cut
   * and marked `…` before parsing, so that time and output stay linear in this bound. Not an
   * integer ≥ 0: the default applies.
   */
  readonly maxLength?: number
}

/** A style on a run of text. */
export type MarkdownMark = 'strong' | 'em' | 'strike' | 'code' | 'heading'

/** One part of rendered Markdown, for views that build their own elements instead of using HTML. */
export type MarkdownSegment =
  | { readonly kind: 'text'; readonly text: string; readonly marks: readonly MarkdownMark[] }
  /** `url` has an http, https, mailto or tel scheme; anything else stays text. */
  | { readonly kind: 'link'; readonly url: string; readonly text: string; readonly marks: readonly MarkdownMark[] }
  /** A fenced or indented code block; `lang` from the fence's info string (`''` when none). */
  | { readonly kind: 'code'; readonly text: string; readonly lang: string }
  /** A line break inside a block. */
  | { readonly kind: 'break' }
  /** The boundary between two blocks (paragraphs, headings, list items, quotes). */
  | { readonly kind: 'paragraph' }

let parser: MarkdownItInstance | undefined

/** The one configured parser, made on first use (importing the module changes nothing). */
function md(): MarkdownItInstance {
  if (parser) return parser
  const m = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: true })
  // An image would load a URL chosen by the message's author (tracking, a CSP report); shown as a link instead.
  m.disable('image')
  // `www.example.com` and bare domains become links, as in text messages (src/text/links.ts).
  m.linkify.set({ fuzzyLink: true })
  // Links, autolinks and linkified text: only schemes a chat client can open without running anything.
  m.validateLink = (url: string) => isSafeLinkUrl(url)
  const rules = m.renderer.rules
  rules.text = (tokens, idx) => htmlText((tokens[idx] as Token).content)
  rules.code_inline = (tokens, idx) => `<code>${htmlText((tokens[idx] as Token).content)}</code>`
  const block = (tokens: Token[], idx: number): string => {
    const t = tokens[idx] as Token
    const lang = t.info.trim().split(/\s+/)[0] ?? ''
    return `<pre><code${lang === '' ? '' : ` class="language-${escapeHtml(lang)}"`}>${htmlText(t.content)}</code></pre>\n`
  }
  rules.code_block = block
  rules.fence = block
  rules.link_open = (tokens, idx, options, _env, self) => {
    const t = tokens[idx] as Token
    t.attrSet('rel', 'noopener noreferrer nofollow ugc')
    t.attrSet('target', '_blank')
    return self.renderToken(tokens, idx, options)
  }
  parser = m
  return m
}

function source(markdown: unknown, options: MarkdownOptions): string {
  const text = typeof markdown === 'string' ? markdown : ''
  return truncate(text, limitOption(options.maxLength, DEFAULT_MAX_RENDER_LENGTH))
}

/**
 * Markdown as HTML that is safe to assign to `innerHTML`: raw HTML shown as text, links only to
 * http, https, mailto and tel (with `rel="noopener noreferrer nofollow ugc"` and
 * `target="_blank"`), images as links, bidi controls removed, at most `maxLength` characters of
 * Markdown read. A partial stream (cut mid-construct) renders as well-formed HTML. Never throws.
 */
export function renderMarkdownHtml(markdown: string, options: MarkdownOptions = {}): string {
  try {
    return md().render(source(markdown, options))
  } catch {
    // markdown-it does not throw on any input; should a future version, the text stays readable.
    return `<p>${htmlText(source(markdown, options))}</p>`
  }
}

/**
 * Markdown as segments (text with marks, links, code blocks, breaks, block boundaries), for views
 * that build their own elements. The same parsing and limits as {@link renderMarkdownHtml}.
 * Never throws.
 */
export function markdownSegments(markdown: string, options: MarkdownOptions = {}): MarkdownSegment[] {
  const out: MarkdownSegment[] = []
  let tokens: Token[]
  try {
    tokens = md().parse(source(markdown, options), {})
  } catch {
    return [{ kind: 'text', text: source(markdown, options), marks: [] }]
  }
  const marks: MarkdownMark[] = []
  const paragraph = (): void => {
    if (out.length > 0 && out.at(-1)?.kind !== 'paragraph') out.push({ kind: 'paragraph' })
  }
  const orderedStarts: number[] = []
  for (const t of tokens) {
    if (t.type === 'heading_open') {
      paragraph()
      marks.push('heading')
    } else if (t.type === 'heading_close') marks.pop()
    else if ((t.type === 'paragraph_open' && !t.hidden) || t.type === 'blockquote_open' || t.type === 'hr') paragraph()
    else if (t.type === 'ordered_list_open') orderedStarts.push(Number(t.attrGet('start') ?? 1))
    else if (t.type === 'bullet_list_open') orderedStarts.push(-1)
    else if (t.type === 'ordered_list_close' || t.type === 'bullet_list_close') orderedStarts.pop()
    else if (t.type === 'list_item_open') {
      paragraph()
      const n = orderedStarts.at(-1) ?? -1
      out.push({ kind: 'text', text: n < 0 ? '• ' : `${n}. `, marks: [] })
      if (n >= 0) orderedStarts[orderedStarts.length - 1] = n + 1
    } else if (t.type === 'fence' || t.type === 'code_block') {
      paragraph()
      out.push({ kind: 'code', text: t.content, lang: t.info.trim().split(/\s+/)[0] ?? '' })
    } else if (t.type === 'inline') inline(t.children ?? [], marks, out)
  }
  return out
}

function inline(children: readonly Token[], outer: readonly MarkdownMark[], out: MarkdownSegment[]): void {
  const marks = [...outer]
  let link: { url: string; text: string; marks: readonly MarkdownMark[] } | undefined
  const emit = (text: string): void => {
    if (text === '') return
    if (link) link.text += text
    else out.push({ kind: 'text', text, marks: [...marks] })
  }
  for (const c of children) {
    switch (c.type) {
      case 'text':
        emit(c.content)
        break
      case 'code_inline':
        if (link) link.text += c.content
        else out.push({ kind: 'text', text: c.content, marks: [...marks, 'code'] })
        break
      case 'softbreak':
      case 'hardbreak':
        if (link) link.text += ' '
        else out.push({ kind: 'break' })
        break
      case 'strong_open':
        marks.push('strong')
        break
      case 'em_open':
        marks.push('em')
        break
      case 's_open':
        marks.push('strike')
        break
      case 'strong_close':
      case 'em_close':
      case 's_close':
        marks.pop()
        break
      case 'link_open': {
        const href = String(c.attrGet('href') ?? '')
        link = isSafeLinkUrl(href) ? { url: href, text: '', marks: [...marks] } : undefined
        break
      }
      case 'link_close':
        if (link) out.push({ kind: 'link', url: link.url, text: link.text, marks: link.marks })
        link = undefined
        break
      default:
        // Any other inline token (an entity or escape already joined into text by markdown-it): its text, as text.
        emit(c.content)
    }
  }
  if (link) out.push({ kind: 'link', url: link.url, text: link.text, marks: link.marks })
}

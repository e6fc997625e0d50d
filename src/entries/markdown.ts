/**
 * `wukong-payload/markdown`: AI replies (`streamText` of the events reducer) and any Markdown as
 * sanitized HTML or safe segments, through markdown-it with raw HTML off and links limited to safe
 * schemes. Its own entry because the parser is the heaviest thing a chat view needs.
 *
 * @module wukong-payload/markdown
 */
export { markdownSegments, renderMarkdownHtml } from '../markdown/markdown.js'
export type { MarkdownMark, MarkdownOptions, MarkdownSegment } from '../markdown/markdown.js'

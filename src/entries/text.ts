/**
 * `wukong-payload/text`: text messages built and read — mentions, links and entities — and
 * rendered safely as segments or HTML. Links in plain text are found with linkify-it, which is
 * why this is not part of the lighter `wukong-payload/render`.
 *
 * @module wukong-payload/text
 */
export { formatText, link, mention, mentionAll, isSafeLinkUrl, SAFE_LINK_SCHEMES } from '../text/format.js'
export type { FormattedText, TextPart, TextValue } from '../text/format.js'
export { isMentioned, mentionsOf, entitiesOf, EVERYONE_ENTITY_VALUE, EVERYONE_ENTITY_VALUES } from '../text/mentions.js'
export type { MentionSpan, Mentions } from '../text/mentions.js'
export { codePointToUtf16Offset, entitiesFromCodePoints, entitiesToCodePoints, isCharBoundary, utf16ToCodePointOffset } from '../text/offsets.js'
export { textSegments } from '../text/segments.js'
export type { LinkFinder, LinkMatch, TextSegment, TextSegmentOptions } from '../text/segments.js'
export { findLinks } from '../text/links.js'
export { lintTextEntities } from '../text/lint.js'
export type { TextLintCode, TextLintFinding } from '../text/lint.js'
export { renderTextHtml, renderTextMessage, renderTextPlain } from '../render/text.js'
export type { RenderedQuote, RenderedText, TextRenderOptions } from '../render/text.js'

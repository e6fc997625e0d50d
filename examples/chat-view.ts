// A chat view's two jobs with text: build a message with mentions and links, and show any text
// message or streamed AI reply safely. Run by test/text-render.test.ts; shown in docs/text.md.
import { buildSendRequest, isMentioned } from 'wukong-payload'
import { formatText, link, mention, renderTextHtml } from 'wukong-payload/text'
import { renderMarkdownHtml } from 'wukong-payload/markdown'
import { applyStreamEvent, createStreamState, streamText, type StreamEventLike, type StreamState } from 'wukong-payload/events'

/** The `/message/send` body for "@李四 please read <link>": UTF-16 entities and a matching mention. */
export function askToRead(channelId: string): ReturnType<typeof buildSendRequest> {
  const text = formatText`${mention('u2', '李四')} please read ${link('https://example.com/spec', 'the spec')}`
  return buildSendRequest({ payload: { type: 1, ...text }, from_uid: 'u1', channel_id: channelId, channel_type: 2 })
}

/** One received text message as a bubble: escaped HTML, and whether it should ping the reader. */
export function textBubble(payload: unknown, me: string): { html: string; pingsMe: boolean } {
  return { html: renderTextHtml(payload, { selfUid: me }), pingsMe: isMentioned(payload, me) }
}

/**
 * An AI reply as it streams: each event updates the state, and the bubble shows the text so far
 * as sanitized HTML (safe to assign to innerHTML even when cut inside a code fence or a link).
 */
export function aiBubble(state: StreamState, event: StreamEventLike): { state: StreamState; html: string } {
  const next = applyStreamEvent(state, event)
  return { state: next, html: renderMarkdownHtml(streamText(next)) }
}

export { createStreamState }

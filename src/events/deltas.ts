/**
 * From an LLM SDK's stream of text chunks to the `/message/event` bodies that stream it through
 * WuKongIM v2.2.4+.
 */
import { describeThrown } from '../errors/foreign.js'
import { buildMessageEvent, LONE_SURROGATE } from './request.js'
import { StreamEventType, type MessageEventRequest } from './schemas.js'

/** Where the events go: the anchor message (sent with `is_stream: 1`) and its channel. */
export interface StreamTarget {
  readonly channel_id: string
  readonly channel_type: number
  /** Sender of the anchor (required for person and agent channels). */
  readonly from_uid?: string
  readonly client_msg_no: string
  /** Default "main". */
  readonly event_key?: string
  readonly visibility?: 'public' | 'private' | 'restricted'
  /** Clock for `occurred_at` (Unix ms); default `Date.now`. */
  readonly now?: () => number
}

/**
 * Yields the bodies to POST to `/message/event`, in order: one `stream.delta` per non-empty
 * chunk, then a `stream.close` whose `snapshot` holds the whole text, then `stream.finish`.
 * If the source throws anything (even a value with no string form), yields a non-string, or
 * yields text with a lone surrogate, the last body is a `stream.error` with the text so far and
 * what went wrong, and the generator ends normally. Every body holds whole characters: a chunk
 * that ends in the first half of a surrogate pair (an LLM token boundary inside an emoji) is
 * held back and sent with the next chunk. All bodies share `client_msg_no` and `event_key`;
 * each has its own `event_id`.
 */
export async function* textDeltasToEvents(deltas: AsyncIterable<string> | Iterable<string>, target: StreamTarget): AsyncGenerator<MessageEventRequest, void, undefined> {
  const { now = Date.now, ...rest } = target
  const base = {
    channel_id: rest.channel_id,
    channel_type: rest.channel_type,
    client_msg_no: rest.client_msg_no,
    event_key: rest.event_key ?? 'main',
    ...(rest.from_uid === undefined ? {} : { from_uid: rest.from_uid }),
    ...(rest.visibility === undefined ? {} : { visibility: rest.visibility }),
  }
  const event = (event_type: string, payload?: unknown) => buildMessageEvent({ ...base, event_type, occurred_at: now(), ...(payload === undefined ? {} : { payload }) })
  let text = ''
  /** A high surrogate that ended the last chunk, waiting for its low half. */
  let carried = ''
  const iterator = Symbol.asyncIterator in deltas ? deltas[Symbol.asyncIterator]() : deltas[Symbol.iterator]()
  let finished = false
  try {
    for (;;) {
      let chunk: string
      try {
        // Only the source's failures become a stream.error; a body that fails to build throws.
        const next = await iterator.next()
        if (next.done === true) {
          if (carried !== '') throw new TypeError('the text ended with a lone surrogate (the first half of a character without its second)')
          break
        }
        const value: unknown = next.value
        if (typeof value !== 'string') throw new TypeError(`a text delta must be a string, not ${value === null ? 'null' : typeof value}`)
        chunk = carried + value
        carried = ''
        const last = chunk.charCodeAt(chunk.length - 1)
        if (last >= 0xd800 && last <= 0xdbff) {
          carried = chunk.slice(-1)
          chunk = chunk.slice(0, -1)
        }
        const lone = LONE_SURROGATE.exec(chunk)
        if (lone) throw new TypeError(`a text delta holds a lone surrogate at character ${lone.index} (WuKongIM would store it as U+FFFD)`)
      } catch (error) {
        finished = true
        const message = describeThrown(error)
        yield event(StreamEventType.Error, { snapshot: { kind: 'text', text }, error: message === '' ? 'stream failed' : message })
        return
      }
      // An empty text delta is not a no-op on the server (it replaces the key's other snapshot).
      if (chunk === '') continue
      text += chunk
      yield event(StreamEventType.Delta, { kind: 'text', delta: chunk })
    }
    finished = true
  } finally {
    // The consumer stopped early (break, or a failed POST): let the source clean up.
    if (!finished) await iterator.return?.()
  }
  yield event(StreamEventType.Close, { snapshot: { kind: 'text', text }, end_reason: 0 })
  yield event(StreamEventType.Finish)
}

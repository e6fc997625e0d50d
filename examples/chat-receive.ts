// What a chat UI shows for a delivered payload: never nothing. A valid message is shown; a message
// whose quote (or one forwarded message) is broken is shown with that part marked unreadable; a
// broken message shows its type's label. Run by test/receiving.test.ts; shown in docs/receiving.md.
import { decodeForDisplay, digest, type Locale, type Payload } from 'wukong-payload'

/** One line of a chat view: the message's text, and what became of its quote. */
export interface ChatLine {
  readonly text: string
  readonly quote?: string
  /** Set when some of the message could not be read; the UI greys it out. */
  readonly unreadable?: true
}

const UNREADABLE: Readonly<Record<Locale, string>> = { zh: '[无法显示的内容]', en: '[Cannot be shown]' }

export function chatLine(base64: string, locale: Locale = 'zh'): ChatLine {
  const shown = decodeForDisplay(base64)
  if (shown.status === 'unreadable') {
    // The type's label ("[语音]"), or a placeholder when not even the type arrived.
    return { text: (shown.payload && digest(shown.payload, { locale })) || UNREADABLE[locale], unreadable: true }
  }
  const quoteReadable = !shown.unreadable.includes('/reply')
  const line = { text: digest(shown.payload, { locale }), ...quotePart(shown.payload, quoteReadable, locale) }
  return shown.status === 'partial' ? { ...line, unreadable: true } : line
}

function quotePart(payload: Payload, readable: boolean, locale: Locale): { quote?: string } {
  const reply = (payload as { reply?: { payload?: Payload } }).reply
  if (reply === undefined) return {}
  if (!readable || reply.payload === undefined) return { quote: UNREADABLE[locale] }
  return { quote: digest(reply.payload, { locale }) }
}

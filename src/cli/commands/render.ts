/** `render`: a system message's template filled from `extra`, or a text message with its quote and mentions (issue 32), as text or HTML. */
import { renderSystemMessage, renderSystemMessageHtml } from '../../render/render.js'
import { renderTextHtml, renderTextPlain } from '../../render/text.js'
import type { Command } from '../args.js'
import { EXIT_OK, reportError, UsageError } from '../io.js'
import { sniff } from '../sniff.js'

export const render: Command = ({ term, input, json, lenient, locale, values, appTypes }) => {
  const parsed = sniff(input(), lenient, appTypes?.codec)
  if (parsed.kind === 'error') return reportError(term, parsed.error, json)
  if (parsed.kind === 'webhook') throw new UsageError('render takes one payload; use decode for a webhook body')
  const options = { locale, ...(values.self === undefined ? {} : { selfUid: values.self }) }
  const isText = parsed.payload.type === 1
  const text = values.html ? (isText ? renderTextHtml : renderSystemMessageHtml)(parsed.payload, options) : (isText ? renderTextPlain : renderSystemMessage)(parsed.payload, options)
  term.out(json ? JSON.stringify({ ok: true, text }) : text)
  return EXIT_OK
}

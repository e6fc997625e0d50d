/** `decode`: a Base64 payload, payload JSON, a /message/send body or a webhook body, explained. */
import { lintPayload, lintSendRequest } from '../../send/lint.js'
import type { Command } from '../args.js'
import { describePayload, printPayload } from '../describe.js'
import { EXIT_INVALID, EXIT_OK, paint, reportError } from '../io.js'
import { sniff } from '../sniff.js'

export const decode: Command = ({ term, input, json, lenient, locale, values, appTypes }) => {
  const self = values.self
  const parsed = sniff(input(), lenient, appTypes?.codec)
  switch (parsed.kind) {
    case 'error':
      return reportError(term, parsed.error, json)
    case 'payload': {
      const d = describePayload(parsed.payload, locale, self, appTypes)
      const lint = lintPayload(parsed.payload)
      if (json) term.out(JSON.stringify({ ok: true, ...d, lint }, null, 2))
      else printPayload(term, d, lint)
      return EXIT_OK
    }
    case 'request': {
      const d = describePayload(parsed.payload, locale, self, appTypes)
      const lint = lintSendRequest(parsed.request)
      if (json) term.out(JSON.stringify({ ok: true, request: { ...parsed.request, payload: undefined }, ...d, lint }, null, 2))
      else printPayload(term, d, lint)
      return EXIT_OK
    }
    case 'webhook': {
      const results = parsed.messages.map((m) =>
        m.payload && !m.error
          ? { ok: true as const, message_id: m.message_id, from_uid: m.from_uid, channel_id: m.channel_id, ...describePayload(m.payload, locale, self, appTypes) }
          : { ok: false as const, message_id: m.message_id, code: m.error?.code, message: m.error?.message },
      )
      if (json) term.out(JSON.stringify(results, null, 2))
      else {
        for (const r of results) {
          if (r.ok) term.out(`${r.message_id ?? '?'} ${r.from_uid ?? ''} → ${r.channel_id ?? ''}: [${r.type} ${r.name}] ${r.digest}`)
          else term.out(`${r.message_id ?? '?'}: `, paint('31', `error ${r.code ?? ''}`), ` ${r.message ?? ''}`)
        }
      }
      return results.every((r) => r.ok) ? EXIT_OK : EXIT_INVALID
    }
  }
}

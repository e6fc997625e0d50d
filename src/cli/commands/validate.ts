/** `validate`: exit 0 when valid, 1 with each issue as "path: message". */
import { capIssues } from '../cap.js'
import type { Command } from '../args.js'
import { typeLabel } from '../describe.js'
import { EXIT_INVALID, EXIT_OK, inFlags } from '../io.js'
import { sniff } from '../sniff.js'
import { decode } from './decode.js'

export const validate: Command = (context) => {
  const { term, input, json, lenient, appTypes } = context
  const text = input()
  const parsed = sniff(text, lenient, appTypes?.codec)
  if (parsed.kind === 'error') {
    const { error } = parsed
    const issues = error.issues.length > 0 ? error.issues : [{ path: '', code: error.code, message: error.message }]
    const { shown, omitted } = capIssues<{ readonly path: string; readonly message: string; readonly code: string }>(issues)
    if (json) term.out(JSON.stringify({ ok: false, code: error.code, issues: shown.map((i) => ({ ...i, message: inFlags(i.message) })), ...(omitted > 0 ? { issues_omitted: omitted } : {}) }, null, 2))
    else {
      for (const i of shown) term.out(`${i.path || '/'}: ${inFlags(i.message)}`)
      if (omitted > 0) term.out(`… and ${omitted} more`)
    }
    return EXIT_INVALID
  }
  if (parsed.kind === 'webhook') {
    const { self: _self, ...values } = context.values
    return decode({ ...context, input: () => text, locale: 'en', values })
  }
  const { payload } = parsed
  const what = parsed.kind === 'request' ? '/message/send body, payload' : 'type'
  if (json) term.out(JSON.stringify({ ok: true, type: payload.type, name: typeLabel(payload.type, appTypes) }))
  else term.out(`valid: ${what === 'type' ? '' : `${what} `}type ${payload.type} (${typeLabel(payload.type, appTypes)})`)
  return EXIT_OK
}

/** How the CLI shows a decoded payload: type, name, digest, rendered text, flags. */
import type { Locale } from '../model/define.js'
import { typeNames } from '../generated/registry.js'
import type { Payload } from '../types/payload.js'
import { recommendFlags } from '../send/flags.js'
import type { LintFinding } from '../send/lint.js'
import { digest } from '../render/digest.js'
import { renderSystemMessage } from '../render/render.js'
import { renderTextPlain } from '../render/text.js'
import { flagsText, paint, printLint, type Terminal } from './io.js'
import type { AppTypes } from './app-types.js'

export function typeLabel(type: number, appTypes?: AppTypes): string {
  return appTypes?.names.get(type) ?? typeNames[type] ?? (type > 1000 ? 'system' : 'unknown')
}

export function describePayload(payload: Payload, locale: Locale, selfUid: string | undefined, appTypes?: AppTypes) {
  const options = { locale, ...(selfUid === undefined ? {} : { selfUid }) }
  return {
    type: payload.type,
    name: typeLabel(payload.type, appTypes),
    digest: digest(payload, { ...options, codec: appTypes?.codec }),
    ...(payload.type > 1000 ? { rendered: renderSystemMessage(payload, options) } : payload.type === 1 ? { rendered: renderTextPlain(payload, options) } : {}),
    flags: appTypes ? appTypes.codec.recommendFlags(payload) : recommendFlags(payload),
    payload,
  }
}

export type Described = ReturnType<typeof describePayload>

export function printPayload(term: Terminal, d: Described, lint: readonly LintFinding[]): void {
  term.out(paint('1', 'type'), `: ${d.type} (${d.name})`)
  term.out(paint('1', 'digest'), `: ${d.digest}`)
  if (d.rendered !== undefined) term.out(paint('1', 'rendered'), `: ${d.rendered}`)
  term.out(paint('1', 'recommended flags'), `: ${flagsText(d.flags)}`)
  printLint(term, lint)
  term.out(JSON.stringify(d.payload, null, 2))
}

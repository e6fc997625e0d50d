/**
 * Lint of `entities` and `mention` (hooked into `lintPayload`): spans that no client can place, and
 * mentions that one set of clients sees and the other does not.
 */
import { isCharBoundary } from './offsets.js'
import { EVERYONE_ENTITY_VALUES } from './mentions.js'

export type TextLintCode = 'entity-out-of-range' | 'entity-off-boundary' | 'entities-overlap' | 'mention-disagrees'

/** One finding, the shape of `lintPayload`'s. */
export interface TextLintFinding {
  readonly code: TextLintCode
  readonly message: string
  readonly path: string
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

/**
 * Findings about the `entities` and `mention` of one payload (not the payloads it quotes; the
 * caller walks those). `prefix` is the payload's JSON Pointer. Linear in the text and the entities
 * (plus a sort). Never throws.
 */
export function lintTextEntities(payload: unknown, prefix = ''): TextLintFinding[] {
  const findings: TextLintFinding[] = []
  const p = record(payload)
  if (!p || !Array.isArray(p.entities)) return findings
  const content = typeof p.content === 'string' ? p.content : ''
  const spans: { index: number; start: number; end: number }[] = []
  const mentioned: { index: number; value: string }[] = []
  ;(p.entities as unknown[]).forEach((raw, index) => {
    const e = record(raw)
    if (!e || !Number.isInteger(e.offset) || !Number.isInteger(e.length)) return
    const start = e.offset as number
    const end = start + (e.length as number)
    const path = `${prefix}/entities/${index}`
    if (start < 0 || end < start || end > content.length) {
      findings.push({
        code: 'entity-out-of-range',
        path,
        message: `entities[${index}] spans ${start}–${end} but content has ${content.length} UTF-16 units; offsets and lengths count UTF-16 code units (as Android and iOS write them) — convert code-point offsets with entitiesFromCodePoints`,
      })
      return
    }
    if (!isCharBoundary(content, start) || !isCharBoundary(content, end)) {
      findings.push({
        code: 'entity-off-boundary',
        path,
        message: `entities[${index}] (${start}–${end}) starts or ends inside a surrogate pair (an emoji); readers cut the character in half — the producer probably counted code points: convert with entitiesFromCodePoints`,
      })
    }
    spans.push({ index, start, end })
    if (e.type === 'mention') mentioned.push({ index, value: typeof e.value === 'string' ? e.value : '' })
  })
  spans.sort((a, b) => a.start - b.start || a.end - b.end)
  let reach: { index: number; end: number } | undefined
  for (const s of spans) {
    if (reach !== undefined && s.start < reach.end && s.end > s.start) {
      findings.push({
        code: 'entities-overlap',
        path: `${prefix}/entities/${s.index}`,
        message: `entities[${s.index}] overlaps entities[${reach.index}]; clients render one span per character, so one of them is lost — make the spans disjoint`,
      })
    }
    if (s.end > s.start && (reach === undefined || s.end > reach.end)) reach = { index: s.index, end: s.end }
  }
  const mention = record(p.mention)
  const all = mention?.all === 1
  const uids = Array.isArray(mention?.uids) ? (mention.uids as unknown[]).filter((u): u is string => typeof u === 'string') : []
  for (const m of mentioned) {
    if (EVERYONE_ENTITY_VALUES.includes(m.value)) {
      if (!all) {
        findings.push({
          code: 'mention-disagrees',
          path: `${prefix}/entities/${m.index}/value`,
          message: `entities[${m.index}] mentions everyone ("${m.value}") but mention.all is not 1; reminders (which read mention) notify nobody — set mention.all to 1`,
        })
      }
    } else if (m.value !== '' && !all && !uids.includes(m.value)) {
      findings.push({
        code: 'mention-disagrees',
        path: `${prefix}/entities/${m.index}/value`,
        message: `entities[${m.index}] mentions ${JSON.stringify(m.value)} but mention.uids does not list it; the JS SDK, the TangSengDaoDao web and server reminders read only mention — add the uid to mention.uids`,
      })
    }
  }
  // A listed uid without its span, when the producer wrote spans with values (Android, iOS):
  // Android and iOS readers show no highlight for it. Spans without values (Flutter, HarmonyOS)
  // cannot be matched, so nothing is said then.
  if (mentioned.length > 0 && mentioned.every((m) => m.value !== '')) {
    uids.forEach((uid, u) => {
      if (!mentioned.some((m) => m.value === uid)) {
        findings.push({
          code: 'mention-disagrees',
          path: `${prefix}/mention/uids/${u}`,
          message: `mention.uids lists ${JSON.stringify(uid)} but no mention entity names it; Android and iOS highlight only entities — add a mention entity over its @name`,
        })
      }
    })
  }
  return findings
}

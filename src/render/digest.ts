/**
 * Conversation-list previews. Each type's preview is declared beside it (`digest` in its
 * definition) and generated into the registry; this only interprets the declaration.
 */
import type { Locale } from '../model/define.js'
import type { DigestSpec } from '../model/define.js'
import { SYSTEM_TYPE_MIN, typeDigests } from '../generated/registry.js'
import { localeOf, renderSystemMessage, type RenderOptions } from './render.js'

/** Options of {@link digest}: those of `renderSystemMessage` (`locale` defaults to `'zh'`). */
export type DigestOptions = RenderOptions

const UNSUPPORTED: Readonly<Record<Locale, string>> = { zh: '[未知消息]', en: '[Unsupported message]' }

/** `{field}` in a digest template. */
const FIELD = /\{([a-z_]+)\}/g

/**
 * The one-line preview a conversation list shows: the text, `[图片]`/`[Image]`, the file name,
 * the rendered system message, `[未知消息]`/`[Unsupported message]`. Never throws.
 */
export function digest(payload: unknown, options: DigestOptions = {}): string {
  return digestWith(builtInDigest, payload, options)
}

/** The digest declaration of a built-in type; other types above 1000 render as system messages. */
export function builtInDigest(type: unknown): DigestSpec | undefined {
  if (typeof type !== 'number') return undefined
  return typeDigests[type] ?? (Number.isInteger(type) && type >= SYSTEM_TYPE_MIN ? 'system' : undefined)
}

/** {@link digest} with a given lookup of digest declarations (used by `createCodec`). */
export function digestWith(lookup: (type: unknown) => DigestSpec | undefined, payload: unknown, options: DigestOptions = {}): string {
  const locale = localeOf(options)
  const record = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : undefined
  const spec = lookup(record?.type)
  if (record === undefined || spec === undefined) return UNSUPPORTED[locale]
  const text =
    spec === 'system'
      ? renderSystemMessage(record, options)
      : spec[locale].replace(FIELD, (_match, field: string) => {
          const value = record[field]
          return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
        })
  // One line: a conversation list has no room for line breaks.
  // Lines joined by one space (split + trim, not /\s*[\r\n]+\s*/, which backtracks on long runs of spaces).
  return text
    .split(/[\r\n]+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ')
}

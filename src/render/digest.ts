/**
 * Conversation-list previews. Each type's preview is declared beside it (`digest` in its
 * definition) and generated into the registry; this only interprets the declaration.
 */
import type { Locale } from '../model/define.js'
import type { DigestSpec } from '../model/define.js'
import { typeDigests } from '../generated/registry.js'
import { isSystemType } from '../model/message-type.js'
import { DEFAULT_MAX_RENDER_LENGTH, limitOption, localeOf, renderSystemMessage, truncate, type RenderOptions } from './render.js'

/**
 * Options of {@link digest}: those of `renderSystemMessage` (`locale` defaults to `'zh'`), and
 * `codec` (from `createCodec`), whose own types are then labelled by their own digest.
 */
export interface DigestOptions extends RenderOptions {
  /** A codec from `createCodec`: an app's own types get their declared digest instead of `[未知消息]`. */
  readonly codec?: { digest(payload: unknown, options?: DigestOptions): string } | undefined
}

const UNSUPPORTED: Readonly<Record<Locale, string>> = { zh: '[未知消息]', en: '[Unsupported message]' }

/** `{field}` in a digest template. */
const FIELD = /\{([a-z_]+)\}/g

/**
 * The one-line preview a conversation list shows: the text, `[图片]`/`[Image]`, the file name,
 * the rendered system message, `[未知消息]`/`[Unsupported message]`. At most `maxLength`
 * characters (default 10,000), the `…` that marks a cut included; an unknown `locale` is the default's. Never throws.
 */
export function digest(payload: unknown, options: DigestOptions = {}): string {
  if (options.codec) {
    const { codec, ...rest } = options
    return codec.digest(payload, rest)
  }
  return digestWith(builtInDigest, payload, options)
}

/** The digest declaration of a built-in type; other types in 1000–2000 render as system messages. */
export function builtInDigest(type: unknown): DigestSpec | undefined {
  if (typeof type !== 'number') return undefined
  return typeDigests[type] ?? (Number.isInteger(type) && isSystemType(type) ? 'system' : undefined)
}

/** {@link digest} with a given lookup of digest declarations (used by `createCodec`). */
export function digestWith(lookup: (type: unknown) => DigestSpec | undefined, payload: unknown, options: DigestOptions = {}): string {
  try {
    return digestOf(lookup, payload, options)
  } catch {
    // A getter or Proxy trap of the payload that throws: shown as a message that cannot be read.
    return UNSUPPORTED[localeOf(options)]
  }
}

function digestOf(lookup: (type: unknown) => DigestSpec | undefined, payload: unknown, options: DigestOptions): string {
  const locale = localeOf(options)
  const record = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : undefined
  const spec = lookup(record?.type)
  if (record === undefined || spec === undefined) return UNSUPPORTED[locale]
  const maxLength = limitOption(options.maxLength, DEFAULT_MAX_RENDER_LENGTH)
  const text =
    spec === 'system'
      ? renderSystemMessage(record, { ...options, locale })
      : (spec[locale] ?? spec.zh).replace(FIELD, (_match, field: string) => {
          const value = record[field]
          return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
        })
  // One line: a conversation list has no room for line breaks.
  // Lines joined by one space (split + trim, not /\s*[\r\n]+\s*/, which backtracks on long runs of spaces).
  const line = text
    .split(/[\r\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ')
  // At most maxLength characters (default 10,000), the '…' that marks a cut included (a system
  // message is already within the bound, its own mark kept: joining lines only shortens it).
  return truncate(line, maxLength)
}

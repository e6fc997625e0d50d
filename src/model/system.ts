/**
 * What every system message (1000–2000) shares: the `content` template and its `extra` users,
 * and the helper each system type's builder uses to write them. The builders live in the type
 * files; this helper keeps their common part (templates, users, header, input checks) in one place.
 */
import { Type } from '@sinclair/typebox'
import { PayloadError } from '../errors/payload-error.js'
import type { ValidationIssue } from '../errors/issue.js'
import type { BuilderTemplates } from './define.js'
import { localeOf, type Locale } from './locale.js'
import { SystemExtraSchema, type SystemExtra } from './fields.js'
import type { HeaderFlags } from './flags.js'

/** `content`: the template clients render; `{n}` stands for `extra[n].name`. */
export const SystemContent = /*#__PURE__*/ Type.String({ description: 'Template; every `{n}` is replaced by `extra[n].name` when rendered.' })
/** `extra`: the users the template's placeholders stand for. */
export const SystemExtraList = /*#__PURE__*/ Type.Array(SystemExtraSchema, {
  description: '`extra[n]` fills `{n}` in `content`. An entry with an empty `uid` carries plain text (e.g. a group name), not a user.',
  'x-hint': 'a list of { "uid": string, "name": string }, one per {n} placeholder',
})

/** The fields of a system message whose template names users: `content` and `extra`. */
export const systemFields = { content: SystemContent, extra: SystemExtraList }
/** The fields of a system message whose `extra` may be absent (fixed text, tips). */
export const systemFieldsOptionalExtra = { content: SystemContent, extra: /*#__PURE__*/ Type.Optional(SystemExtraList) }

/** A user a system message names. */
export interface UserRef {
  readonly uid: string
  readonly name: string
}

export interface BuildOptions {
  /** Template language. Default `'zh'`. */
  readonly locale?: Locale
  /** Flags that keep the message in channel history (see `recommendFlags`). */
  readonly keepInHistory?: boolean
}

/** A built system message: the payload and the header it should be sent with. */
export interface BuiltSystemMessage<P> {
  readonly payload: P
  readonly header: HeaderFlags
}

/** What a system type's builder needs of its definition (kept apart from the schema, so that a builder alone bundles small). */
export interface SystemTypeMeta<T extends number = number> {
  readonly type: T
  readonly flags: HeaderFlags
  readonly historyFlags?: HeaderFlags
  readonly templates?: Readonly<Record<string, BuilderTemplates>>
}

const LIST_SEPARATOR: Readonly<Record<Locale, string>> = { zh: '、', en: ', ' }


/**
 * Fills a builder template: `{list}` becomes one placeholder per listed user (numbered after the
 * `fixed` ones), `{count}` the number given; `{0}`… are left for clients.
 */
export function templateContent(meta: SystemTypeMeta, variant: string, options: BuildOptions, fixed = 0, listed = 0, count?: number): string {
  const locale = localeOf(options)
  const template = meta.templates?.[variant]?.[locale]
  if (template === undefined) throw new PayloadError('INVALID_PAYLOAD', `type ${meta.type} has no ${variant} template`)
  const list = Array.from({ length: listed }, (_, i) => `{${fixed + i}}`).join(LIST_SEPARATOR[locale])
  return template.replace('{list}', list).replace('{count}', String(count ?? listed))
}

/**
 * Checks a builder's input (every named user has string `uid` and `name`, strings are strings,
 * counts are whole numbers) and throws one `PayloadError` listing every problem.
 */
export function checkBuildInput(input: unknown, shape: Readonly<Record<string, 'user' | 'users' | 'string' | 'strings' | 'count'>>): void {
  const issues: ValidationIssue[] = []
  const record = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>
  const user = (value: unknown, path: string) => {
    if (typeof value !== 'object' || value === null) return void issues.push({ path, code: 'type', message: 'must be a user { uid, name }' })
    for (const key of ['uid', 'name'] as const) {
      if (typeof (value as Record<string, unknown>)[key] !== 'string') issues.push({ path: `${path}/${key}`, code: 'type', message: `${key} must be a string` })
    }
  }
  for (const [key, kind] of Object.entries(shape)) {
    const value = record[key]
    const path = `/${key}`
    if (kind === 'user') user(value, path)
    else if (kind === 'users' || kind === 'strings') {
      if (!Array.isArray(value)) issues.push({ path, code: 'type', message: kind === 'users' ? 'must be a list of users { uid, name }' : 'must be a list of strings' })
      else value.forEach((v, i) => (kind === 'users' ? user(v, `${path}/${i}`) : typeof v !== 'string' && issues.push({ path: `${path}/${i}`, code: 'type', message: 'must be a string' })))
    } else if (kind === 'string' && typeof value !== 'string') issues.push({ path, code: 'type', message: 'must be a string' })
    else if (kind === 'count' && !(Number.isInteger(value) && (value as number) >= 0)) issues.push({ path, code: 'type', message: 'must be a whole number ≥ 0' })
  }
  if (issues.length > 0) throw new PayloadError('INVALID_PAYLOAD', `invalid builder input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues)
}

/** `extra` entries for the named users (only `uid` and `name`, whatever else the objects hold). */
export function extraOf(users: readonly UserRef[]): SystemExtra[] {
  return users.map(({ uid, name }) => ({ uid, name }))
}

/** The payload with the header its type recommends. */
export function built<P>(meta: SystemTypeMeta, payload: P, options: BuildOptions): BuiltSystemMessage<P> {
  const flags = (options.keepInHistory === true && meta.historyFlags) || meta.flags
  return { payload, header: { ...flags } }
}

/**
 * The one place a payload type is described. Everything else (the union, the validators, the
 * published JSON Schemas, the flag table, the digests, the docs pages, the example tests) is
 * derived from the list of definitions in `src/types/index.ts`.
 */
import type { TObject } from '@sinclair/typebox'
import type { HeaderFlags } from './flags.js'

/** Locales the package renders digests and labels in. */
export type Locale = 'zh' | 'en'

/**
 * How a conversation list previews a payload, per locale. `{field}` is replaced with the payload's
 * top-level field of that name (missing → empty). `'system'` means: render the `content` template
 * with `extra` (see `renderSystemMessage`).
 */
export type DigestSpec = { readonly [L in Locale]: string } | 'system'

/**
 * Templates a builder writes into `content`, per locale. `{0}`, `{1}` … are placeholders that
 * clients fill from `extra[n].name`; `{list}` expands to one placeholder per listed user,
 * joined by "、" (zh) or ", " (en); `{text}` is the (escaped) user text such as a group name.
 */
export type BuilderTemplates = { readonly [L in Locale]: string }

/**
 * One example of a payload, validated by the tests against its schema and the published file.
 * (Typed loosely on purpose: checking it against `Static<S>` here would make the recursive
 * `Payload` type depend on itself.)
 */
export interface PayloadExample {
  /** What the example shows. */
  readonly title: string
  readonly value: { readonly type: number; readonly [key: string]: unknown }
  /** Where it comes from, e.g. the doc section of the seeds it was copied from. */
  readonly source?: string
}

/** A payload that must be rejected, with the JSON Pointer of the issue the tests expect. */
export interface InvalidPayloadExample {
  readonly title: string
  readonly value: unknown
  /** JSON Pointer of (one of) the reported issues. */
  readonly path: string
  readonly source?: string
}

export interface PayloadDefinition<S extends TObject = TObject> {
  /** The numeric `type` (a {@link MessageType} value). */
  readonly type: number
  /** Short kebab-case name: file names (`schemas/<name>.schema.json`), CLI, docs. */
  readonly name: string
  /** TypeBox schema; its `$id`, `title` and `description` are published. */
  readonly schema: S
  /** Recommended `/message/send` header (the docs' rule for this type). */
  readonly flags: HeaderFlags
  /** Header that keeps the message in channel history, where it differs from {@link flags}. */
  readonly historyFlags?: HeaderFlags
  /** Conversation-list preview. */
  readonly digest: DigestSpec
  /** `content` templates for the builder of a system message. */
  readonly templates?: Readonly<Record<string, BuilderTemplates>>
  /** Valid examples (at least one). */
  readonly examples: readonly PayloadExample[]
  /** Invalid examples with the issue each must produce. */
  readonly invalidExamples?: readonly InvalidPayloadExample[]
}

/** Declares a payload type. An identity function that checks the definition's shape and keeps its precise type. */
export function definePayloadType<S extends TObject>(definition: PayloadDefinition<S>): PayloadDefinition<S> {
  return definition
}

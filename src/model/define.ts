/**
 * The one place a payload type is described. Everything else (the union, the validators, the
 * published JSON Schemas, the flag table, the digests, the docs pages, the example tests) is
 * derived from the list of definitions in `src/types/index.ts`.
 */
import { Type, type Static, type TLiteral, type TObject, type TProperties, type TSchema } from '@sinclair/typebox'
import { commonFields, type CommonFields } from './fields.js'
import type { HeaderFlags } from './flags.js'
import { schemaId } from './schema-ids.js'

export { DEFAULT_LOCALE, localeOf, type Locale } from './locale.js'
import type { Locale } from './locale.js'

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

/** What a definition says about a type besides its schema: written by the contributor, kept as is. */
export interface PayloadTypeFacts {
  /** Short kebab-case name: file names (`schemas/<name>.schema.json`), `MessageType` key, CLI, docs. */
  readonly name: string
  /**
   * Schemas of `param` by `cmd`, for a command-like type: each known `cmd` has its `param`
   * checked; an unknown `cmd` passes.
   */
  readonly params?: Readonly<Record<string, TObject>>
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

/**
 * What a contributor writes once per message type. `definePayloadType` builds the schema from it:
 * the `type` literal, the `$id` (`schemas/<name>.schema.json`), the title (`<Name>Payload`) and the
 * optional fields any payload may carry all come from here, so none of them is written twice.
 */
export interface PayloadTypeSpec<T extends number, P extends TProperties> extends PayloadTypeFacts {
  /** The numeric `type` on the wire. */
  readonly type: T
  /** One sentence for the schema and the docs. */
  readonly description: string
  /** The type's own fields (not `type`, not the common fields). */
  readonly fields: P
}

/** The schema `definePayloadType` builds: `type`, the type's fields, the common fields it does not redefine. */
export type PayloadTypeSchema<T extends number, P extends TProperties> = TObject<{ type: TLiteral<T> } & P & Omit<CommonFields, keyof P>> & TypeBox1Static<Static<TObject<{ type: TLiteral<T> } & P & Omit<CommonFields, keyof P>>>>

/**
 * The static type for `typebox` 1.x: its `Static` reads a `TUnsafe`'s `'~unsafe'` key, and would
 * otherwise infer a 0.34 schema from its JSON Schema keywords alone, where the recursive `reply`
 * becomes `unknown`. Compile-time only, like 0.34's `static`.
 */
export interface TypeBox1Static<S> {
  readonly '~unsafe': S
}

/** A payload type: its number, its TypeBox schema (`$id`, `title`, `description` published) and its facts. */
export interface PayloadDefinition<S extends TSchema = TObject> extends PayloadTypeFacts {
  /** The numeric `type` (a `MessageType` value). */
  readonly type: number
  readonly schema: S
}

/** `group-members-added` → `GroupMembersAdded`: the `MessageType` key and the title's stem. */
export function pascalName(name: string): string {
  return name.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase())
}

/**
 * Declares a payload type from its number, name and fields, written once: builds the TypeBox
 * schema (`type` literal, the fields, the common fields; `$id`, title and description), and for a
 * command-like type the `if cmd = X then param matches X` rules of its `params`.
 */
export function definePayloadType<const T extends number, P extends TProperties>(spec: PayloadTypeSpec<T, P>): PayloadDefinition<PayloadTypeSchema<T, P>> {
  const { fields, description, ...rest } = spec
  const params = spec.params
  // A type's own field wins over a common field of the same name (a screenshot's `from_uid`).
  const common = Object.fromEntries(Object.entries(commonFields).filter(([key]) => !Object.hasOwn(fields, key)))
  const schema = /* @__PURE__ */ (() => Type.Object(
    { type: /* @__PURE__ */ Type.Literal(spec.type), ...fields, ...common },
    {
      $id: schemaId(spec.name),
      title: `${pascalName(spec.name)}Payload`,
      description,
      ...(params ? { allOf: paramRules(params) } : {}),
    },
  ))() as unknown as PayloadTypeSchema<T, P>
  const definition = { ...rest, schema }
  Object.defineProperty(definition, DEFINITION, { value: true })
  return definition
}

/** Brand of a definition made by {@link definePayloadType}; `Symbol.for` so the ESM and CJS copies agree. */
const DEFINITION = Symbol.for('wukong-payload.PayloadDefinition')

/** Whether `value` was made by {@link definePayloadType}. */
export function isPayloadDefinition(value: unknown): value is PayloadDefinition {
  return typeof value === 'object' && value !== null && (value as { [DEFINITION]?: unknown })[DEFINITION] === true
}

/** One `if cmd = X then param matches X's schema` per known command: an unknown cmd passes. */
function paramRules(params: Readonly<Record<string, TObject>>): object[] {
  return Object.entries(params).map(([cmd, param]) => ({
    if: { properties: { cmd: { const: cmd } }, required: ['cmd'] },
    then: Object.keys(param.properties).length === 0 ? {} : { ...((param.required ?? []).length > 0 ? { required: ['param'] } : {}), properties: { param } },
  }))
}

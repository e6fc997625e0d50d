/**
 * Structures shared by several payload types: ids, `mention`, `reply`, `entities`, system `extra`
 * entries, and the optional fields any payload may carry.
 *
 * Field facts come from the SDKs' and servers' sources: WuKongIM/WuKongIMJSSDK, WuKongIMAndroidSDK,
 * WuKongIMiOSSDK and WuKongIMFlutterSDK (how each encodes and reads `mention`, `reply`,
 * `entities`), TangSengDaoDao/TangSengDaoDaoServerLib (system messages and their `extra`) and
 * WuKongIM/WuKongIMDocs.
 */
import { Type, type Static, type TUnsafe } from '@sinclair/typebox'
import type { Payload } from '../types/payload.js'
import type { TypeBox1Static } from './define.js'
import { PAYLOAD_SCHEMA_ID } from './schema-ids.js'

/** How to fix a nested payload that is not one. */
export const PAYLOAD_HINT = 'a full payload object with an integer "type"'

/**
 * Gives a schema a hand-written static type where TypeBox cannot infer one (recursion). Only the
 * compile-time type changes: the runtime schema stays the plain object, so `Value.Check` and Ajv
 * see an ordinary TypeBox `Object`. (`TUnsafe` is an interface, which lets TypeScript resolve the
 * recursive `Payload` lazily.)
 */
export function withStatic<S>(schema: object): StaticSchema<S> {
  return schema as StaticSchema<S>
}

/**
 * A schema with a hand-written static type that both TypeBox majors read: 0.34 (`@sinclair/typebox`)
 * through `static`, 1.x (`typebox`) through `'~unsafe'`, the key its `TUnsafe` has. Both are
 * compile-time only, like 0.34's `static`: no such property exists at run time. Without the
 * second, a 1.x `Type.Object` holding `reply` inferred it as `unknown`.
 */
export interface StaticSchema<S> extends TUnsafe<S>, TypeBox1Static<S> {}

/**
 * An int64 id written as a decimal string. Message ids are snowflakes near 1.9 × 10¹⁸, beyond
 * 2^53, so a JSON number would be rounded by every JavaScript reader; TangSengDaoDao's server
 * also panics when `reply.message_id` is not a string.
 */
export function DecimalId(description = 'int64 id as a decimal string (ids exceed 2^53, so never a JSON number).', fix?: string) {
  return /* @__PURE__ */ (() => Type.String({ pattern: '^[0-9]+$', description, ...(fix === undefined ? {} : { 'x-hint': fix }) }))()
}

/**
 * How to fix an int64 id written as a number (the `x-hint` of {@link DecimalId}; an issue at a
 * field carries the hint of its schema, never one chosen by the field's name).
 */
export const ID_HINT = 'write the int64 id as a decimal string, e.g. "1867301234567890123": JSON numbers lose precision above 2^53'

/** The `x-hint` annotation of a field (HINT_KEYWORD, written as a literal key so bundlers can drop unused schemas): how to fix it, added to every issue at its position. */
export function hint(text: string): { readonly 'x-hint': string } {
  return { 'x-hint': text }
}

/** A user id. */
export const UidSchema = /* @__PURE__ */ Type.String({ description: 'User id.' })

/**
 * A size, dimension or duration: a non-negative finite JSON number. `unit` (`'a number of bytes'`)
 * is its hint: what an issue at the field adds.
 */
export function NonNegative(description: string, unit?: string) {
  return /* @__PURE__ */ (() => Type.Number({ minimum: 0, description, ...(unit === undefined ? {} : hint(unit)) }))()
}

/**
 * A WuKongIM 0/1 flag. Booleans are rejected: the JS SDK reads `true` as 0 and the TangSengDaoDao
 * server panics on them. `fix`, when given, is the hint an issue at the field adds (an `x-hint`
 * annotation; envelope schemas, which a strict Ajv such as Fastify's compiles, carry none).
 */
export function Flag01(description: string, fix?: string) {
  return /* @__PURE__ */ (() => Type.Union([/* @__PURE__ */ Type.Literal(0), /* @__PURE__ */ Type.Literal(1)], { description, ...(fix === undefined ? {} : { 'x-hint': fix }) }))()
}

/** The hint of a 0/1 flag written as a boolean. */
export const FLAG_HINT = 'use 1 or 0, not a boolean'

/** A list of uids; the hint says so. */
const UID_LIST_HINT = 'a list of uid strings'

/**
 * `mention`: who a text @-mentions. `{}` and `{uids: []}` occur in the wild (TangSengDaoDao web,
 * Flutter), so both fields are optional.
 *
 * @see {@link https://githubim.com/api/message} "Text Message (with @ functionality)"
 */
export const MentionSchema = /* @__PURE__ */ Type.Object(
  {
    all: /* @__PURE__ */ Type.Optional(
      /* @__PURE__ */ Flag01('1 = @everyone, 0 = only the listed uids. An integer, never a boolean.', 'use 1 for @everyone and 0 otherwise: the JS SDK reads a boolean as 0 and the TangSengDaoDao server crashes on it'),
    ),
    uids: /* @__PURE__ */ Type.Optional(
      /* @__PURE__ */ Type.Array(UidSchema, {
        description: 'Mentioned uids, in the order their @name tokens appear in the text (the TangSengDaoDao web matches them by position).',
        'x-hint': UID_LIST_HINT,
      }),
    ),
  },
  { title: 'Mention', description: '@-mentions of a message.' },
)
export type Mention = Static<typeof MentionSchema>

const ReplyFields = /* @__PURE__ */ Type.Object(
  {
    message_id: /* @__PURE__ */ DecimalId('Id of the quoted message, as a decimal string.', ID_HINT),
    message_seq: /* @__PURE__ */ Type.Integer({ minimum: 0, description: 'Sequence number of the quoted message in its channel.' }),
    from_uid: /* @__PURE__ */ Type.String({ description: 'Sender of the quoted message.' }),
    from_name: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Display name of that sender.' })),
    root_mid: /* @__PURE__ */ Type.Optional(
      /* @__PURE__ */ Type.String({
        pattern: '^[0-9]*$',
        description:
          'Id of the first message of the reply chain, as a decimal string (Android, iOS, Flutter). `""` when there is none: Flutter and HarmonyOS always write the key, and Android re-sends a decoded reply that way.',
        'x-hint': ID_HINT,
      }),
    ),
    root_message_id: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ DecimalId('The JS SDK writes the chain root under this name instead of `root_mid`; both are accepted.', ID_HINT)),
    payload: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Ref(PAYLOAD_SCHEMA_ID, { description: 'The quoted message: a full payload, which may itself carry a reply.', 'x-hint': PAYLOAD_HINT })),
  },
  { title: 'Reply', description: 'A quoted message. `payload` nests a full payload, so reply chains can nest.' },
)

/**
 * `reply`: the message being quoted.
 *
 * @see {@link https://githubim.com/api/message} "Text Message (with reply)"
 */
export interface Reply extends Omit<Static<typeof ReplyFields>, 'payload'> {
  /** The quoted message: a full payload (recursive). */
  payload?: Payload
}
/** Schema of {@link Reply}; `payload` is a `$ref` to the payload union. */
export const ReplySchema = /* @__PURE__ */ withStatic<Reply>(ReplyFields)

/** One rich-text span. Offsets are UTF-16 code units, as Android and iOS write them. */
export const EntitySchema = /* @__PURE__ */ Type.Object(
  {
    offset: /* @__PURE__ */ Type.Integer({ minimum: 0, description: 'Start of the span, in UTF-16 code units.' }),
    length: /* @__PURE__ */ Type.Integer({ minimum: 0, description: 'Length of the span, in UTF-16 code units.' }),
    type: /* @__PURE__ */ Type.String({ description: '`mention`, `link` or `bot_command`.' }),
    value: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'uid for `mention`; URL, e-mail or phone for `link`.' })),
  },
  { title: 'Entity' },
)
export type Entity = Static<typeof EntitySchema>

/** One `extra` entry of a system message: the user that `{n}` in `content` stands for. */
export const SystemExtraSchema = /* @__PURE__ */ Type.Object(
  {
    uid: UidSchema,
    name: /* @__PURE__ */ Type.String({ description: 'Display name that replaces `{n}`.' }),
  },
  { title: 'SystemExtra' },
)
export type SystemExtra = Static<typeof SystemExtraSchema>

/**
 * Optional fields any payload may carry (WuKongIM SDKs write them next to the type's own fields).
 * Spread into each type's properties.
 */
export const commonFields = {
  mention: /* @__PURE__ */ Type.Optional(MentionSchema),
  reply: /* @__PURE__ */ Type.Optional(ReplySchema),
  entities: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Array(EntitySchema, { description: 'Rich-text spans (mentions, links, bot commands).' })),
  robot_id: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'The bot this message is addressed to.' })),
  visibles: /* @__PURE__ */ Type.Optional(
    /* @__PURE__ */ Type.Array(UidSchema, {
      description: 'Only these uids see the message. Android and Flutter hide the message when this is present but empty: omit it instead.',
      'x-hint': 'a list of uid strings; omit the key rather than sending [] (Android and Flutter then hide the message)',
    }),
  ),
  invisibles: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Array(UidSchema, { description: 'These uids do not see the message (JS SDK).' })),
  flame: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Flag01('1 = burn after reading.', FLAG_HINT)),
  flame_second: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer({ minimum: 0, description: 'Seconds before a read message burns.' })),
  from_uid: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Original sender, for messages the system sends on a user’s behalf.' })),
  from_name: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Display name of `from_uid`.' })),
}

/** The shape every payload has: an object whose `type` is an integer. */
export const PayloadEnvelopeSchema = /* @__PURE__ */ Type.Object(
  { type: /* @__PURE__ */ Type.Integer({ description: 'Content type. A JSON integer: `"text"` or `"1"` is not understood by any client.' }) },
  { title: 'PayloadEnvelope' },
)

/** The properties of {@link commonFields}, as `definePayloadType` spreads them into every type. */
export type CommonFields = typeof commonFields

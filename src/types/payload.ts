/**
 * The payload union types, derived from the list of definitions in `src/types/index.ts`: adding
 * a type there adds it here. (The recursion through `reply.payload` goes through the `Reply`
 * interface, which TypeScript resolves lazily.)
 */
import type { Static } from '@sinclair/typebox'
import type { KnownPayloadDefinition } from './definitions.js'
import type { GenericSystemPayload } from './system/generic.js'

/** Every payload type this package defines. `switch (payload.type)` narrows it to each variant. */
export type KnownPayload = Static<KnownPayloadDefinition['schema']>

type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9'
/** Whether a literal type number is a system type (1000–2000): `1ddd`, or 2000. */
type IsSystemType<T extends number> = `${T}` extends `1${Digit}${Digit}${Digit}` | '2000' ? true : false

/** System messages with a specific schema (1000–2000). */
export type KnownSystemPayload = KnownPayload extends infer P ? (P extends { type: infer T extends number } ? (IsSystemType<T> extends true ? P : never) : never) : never

/** The known payload whose `type` is `T`. */
export type PayloadOfType<T extends KnownPayload['type']> = Extract<KnownPayload, { type: T }>

declare const unknownTypeFromDecoding: unique symbol

/**
 * The `type` of a payload this package has no definition for: a number, branded so that no
 * number written in code is one by accident. TypeScript cannot exclude the known numbers from
 * `number`; without the brand `{ type: 1, contnet: 'typo' }` would be a valid `UnknownPayload`.
 * Values get it from decoding (or `validatePayload`); code that writes an unknown type on
 * purpose goes through an explicit route: a type argument (`encodePayload<MyPayload>(…)`) or
 * `createCodec({ types })`.
 */
export type UnknownTypeNumber = number & { readonly [unknownTypeFromDecoding]: true }

/**
 * A payload whose integer `type` this package does not know. It decodes (forward compatibility:
 * a new type must not break old clients) with every field kept, unless the caller passes
 * `{ unknownTypes: 'reject' }`.
 */
export interface UnknownPayload {
  type: UnknownTypeNumber
  [key: string]: unknown
}

/**
 * Whatever a WuKongIM payload can be: a known type, a generic system message (1000–2000), or an
 * unknown type. Narrow with `isKnownPayload` (or decode with `unknownTypes: 'reject'`) before
 * switching on `type`: TypeScript does not narrow a union on `type` while one member's `type` is
 * a (branded) `number`.
 *
 * As an input (`encodePayload`, `buildSendRequest`, `recommendFlags`, …) a literal `type` selects
 * that type's shape exactly: typos, missing fields and wrong field types fail to compile, because
 * no literal is an {@link UnknownTypeNumber}.
 */
export type Payload = KnownPayload | GenericSystemPayload | UnknownPayload

/**
 * The constraint of the explicit route for a payload type this package does not define
 * (`encodePayload<RedPacketPayload>(…)`): any object with an integer `type`. The value is still
 * validated at run time.
 */
export interface PayloadShape {
  readonly type: number
}

/** System messages (1000–2000): the specific ones and the generic fallback. */
export type SystemPayload = KnownSystemPayload | GenericSystemPayload

export type { GenericSystemPayload }

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

/**
 * A payload whose integer `type` this package does not know. It decodes (forward compatibility:
 * a new type must not break old clients) with every field kept, unless the caller passes
 * `{ unknownTypes: 'reject' }`.
 */
export interface UnknownPayload {
  type: number
  [key: string]: unknown
}

/**
 * Whatever a WuKongIM payload can be: a known type, a generic system message (1000–2000), or an
 * unknown type. TypeScript cannot exclude the known numbers from `number`, so narrow with
 * `isKnownPayload` (or decode with `unknownTypes: 'reject'`) before switching on `type`.
 */
export type Payload = KnownPayload | GenericSystemPayload | UnknownPayload

/** System messages (1000–2000): the specific ones and the generic fallback. */
export type SystemPayload = KnownSystemPayload | GenericSystemPayload

export type { GenericSystemPayload }

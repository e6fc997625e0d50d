/**
 * `wukong-payload/runtime`: a codec for the built-in types plus an app's own, whose schemas are
 * compiled with Ajv at run time. Ajv compiles with `new Function`, so this entry needs Node or a
 * page whose Content-Security-Policy allows `'unsafe-eval'`; it is a separate entry so that Ajv
 * never reaches a bundle that did not import it.
 */
import type { Static } from '@sinclair/typebox'
import { Ajv, type Options as AjvOptions } from 'ajv'
import { decodeWith, payloadJson, safeDecodeWith, type DecodeOptions, type EncodeOptions, type PayloadInput, type SafeDecodeResult } from '../codec/codec.js'
import { textToBase64 } from '#platform'
import type { HeaderFlags } from '../model/flags.js'
import type { PayloadDefinition } from '../model/define.js'
import type { GenericSystemPayload, KnownPayload, Payload, PayloadShape, UnknownPayload } from '../types/payload.js'
import type { TypeMeta } from '../model/registry-types.js'
import { metaOf, recommendFlags as builtInFlags, type RecommendFlagsOptions } from '../send/flags.js'
import { compiledView, nestedPayloadPositions } from '../validate/compiled-view.js'
import { isSystemType } from '../model/message-type.js'
import { builtInDigest, digestWith, type DigestOptions } from '../render/digest.js'
import { hintTree } from '../validate/hints.js'
import { shapeTree } from '../validate/shapes.js'
import { typeValidatorOf, validateForCodec, validateWith, VALIDATE_MAX_BYTES, type DataRules, type PayloadTypeValidator, type ValidateFunction, type ValidateOptions, type ValidationResult } from '../validate/validate.js'
import { byType, system } from '../generated/validators.js'
import { typeNames } from '../generated/registry.js'

export interface CreateCodecOptions<D extends readonly PayloadDefinition[] = readonly PayloadDefinition[]> {
  /** The app's own payload types (`definePayloadType`); a type number defined here replaces the built-in one. */
  readonly types: D
  /** Extra Ajv options (formats, keywords) for compiling those types. */
  readonly ajv?: AjvOptions
}

/** The payload types a list of definitions describes: the static types of their schemas. */
export type DefinedPayload<D extends readonly PayloadDefinition[]> = Extract<Static<D[number]['schema']>, PayloadShape>

/**
 * The known payloads of a codec made from definitions `D`: the built-in ones (less those whose
 * type number `D` redefines) and `D`'s own.
 */
export type CodecKnownPayload<D extends readonly PayloadDefinition[]> = BuiltInExcept<DefinedPayload<D>['type']> | DefinedPayload<D>

/**
 * The built-in payloads whose type is not one of `Types`. (Not `Exclude<KnownPayload, { type:
 * Types }>`: TypeScript resolves a conditional type whose generic part is nested in an object
 * before `Types` is known, here to `never`; `T extends Types` waits for it.)
 */
export type BuiltInExcept<Types> = KnownPayload extends infer K ? (K extends { type: infer T } ? (T extends Types ? never : K) : never) : never

/** Whatever a codec made from definitions `D` decodes: its known payloads, generic system messages, unknown types. */
export type CodecPayload<D extends readonly PayloadDefinition[]> = CodecKnownPayload<D> | GenericSystemPayload | UnknownPayload

/**
 * The package's functions, bound to the built-in types plus the app's own. `P` is everything the
 * codec decodes, `K` the part of it with a definition (what `isKnownPayload` narrows to, so that
 * `switch (p.type)` yields each variant, the app's own included).
 */
export interface Codec<P extends PayloadShape = Payload, K extends P = Extract<P, KnownPayload>> {
  validatePayload(value: unknown, options?: ValidateOptions): ValidationResult<P>
  isPayload(value: unknown): value is P
  /** Whether a payload's `type` has a definition here (built-in or the app's own). */
  isKnownPayload(payload: P): payload is K
  /** Typed like the package's `encodePayload`, with the app's types known: a literal `type` requires exactly that type's shape. */
  encodePayload<I extends PayloadShape = P>(payload: NoInfer<I>, options?: EncodeOptions): string
  decodePayload(input: PayloadInput, options?: DecodeOptions): P
  safeDecodePayload(input: PayloadInput, options?: DecodeOptions): SafeDecodeResult<P>
  recommendFlags<I extends PayloadShape = P>(payload: NoInfer<I>, options?: RecommendFlagsOptions): HeaderFlags
  digest(payload: unknown, options?: DigestOptions): string
}


/**
 * A codec for the built-in payload types plus `types`. Compiles the app's schemas once, here;
 * throws if one does not compile. Nested payloads inside the app's types are checked by their
 * own type's validator, as for the built-in ones.
 */
export function createCodec<const D extends readonly PayloadDefinition[]>(options: CreateCodecOptions<D>): Codec<CodecPayload<D>, CodecKnownPayload<D>> {
  const ajv = new Ajv({ allErrors: true, messages: false, strict: true, strictTypes: false, ...options.ajv })
  // compiledView: nested payloads become an envelope, checked next by their own type's
  // validator (found at the positions of the schema), as for the built-in types.
  const own = new Map<number, { validate: PayloadTypeValidator; meta: TypeMeta }>()
  for (const definition of options.types) {
    const { $id: _id, ...schema } = compiledView(definition.schema)
    const validate = typeValidatorOf(ajv.compile(schema) as unknown as ValidateFunction, nestedPayloadPositions(definition.schema), hintTree(definition.schema), shapeTree(definition.schema))
    const meta: TypeMeta = {
      name: definition.name,
      flags: definition.flags,
      digest: definition.digest,
      ...(definition.historyFlags ? { historyFlags: definition.historyFlags } : {}),
      ...(definition.templates ? { templates: definition.templates } : {}),
    }
    own.set(definition.type, { validate, meta })
  }
  const lookup = (type: number): PayloadTypeValidator | undefined => own.get(type)?.validate ?? byType[type] ?? (isSystemType(type) ? system : undefined)
  const received: DataRules = { maxBytes: VALIDATE_MAX_BYTES, sending: false }
  const validate = (value: unknown, opts: ValidateOptions = {}, data: DataRules = received): ValidationResult<Payload> => (own.size === 0 ? validateForCodec(value, opts, data) : validateWith(lookup, value, opts, data))
  const meta = (type: unknown): TypeMeta | undefined => (typeof type === 'number' ? own.get(type)?.meta : undefined) ?? metaOf(type)
  type P = CodecPayload<D>
  type K = CodecKnownPayload<D>
  // The validators check the app's schemas at run time; the static types follow from the same
  // schemas, which is what makes these casts (one per result type) true.
  const validateOwn = validate as (value: unknown, opts?: ValidateOptions) => ValidationResult<P>
  return {
    validatePayload: (value: unknown, opts?: ValidateOptions) => validateOwn(value, opts),
    isPayload: (value: unknown): value is P => validate(value).ok,
    isKnownPayload: (payload: P): payload is K => own.has(payload.type) || Object.hasOwn(typeNames, payload.type),
    encodePayload: (payload, opts = {}) => textToBase64(payloadJson(payload, opts, 'payload', validate)),
    decodePayload: (input, opts = {}) => decodeWith(validate, input, opts) as P,
    safeDecodePayload: (input, opts = {}) => safeDecodeWith(validate, input, opts) as SafeDecodeResult<P>,
    recommendFlags: (payload, opts = {}) => {
      const m = meta(payload.type)
      return m ? { ...((opts.keepInHistory && m.historyFlags) || m.flags) } : builtInFlags<PayloadShape>(payload, opts)
    },
    digest: (payload, opts = {}) => digestWith((type) => (typeof type === 'number' ? own.get(type)?.meta.digest : undefined) ?? builtInDigest(type), payload, opts),
  }
}

export type { PayloadDefinition }
export { definePayloadType } from '../model/define.js'

/**
 * `wukong-payload/runtime`: a codec for the built-in types plus an app's own, whose schemas are
 * compiled with Ajv at run time. Ajv compiles with `new Function`, so this entry needs Node or a
 * page whose Content-Security-Policy allows `'unsafe-eval'`; it is a separate entry so that Ajv
 * never reaches a bundle that did not import it.
 */
import { Ajv, type Options as AjvOptions } from 'ajv'
import { decodeWith, payloadJson, safeDecodeWith, type DecodeOptions, type EncodeOptions, type PayloadInput, type SafeDecodeResult } from '../codec/codec.js'
import { textToBase64 } from '#platform'
import type { HeaderFlags } from '../model/flags.js'
import type { PayloadDefinition } from '../model/define.js'
import type { Payload } from '../types/payload.js'
import type { TypeMeta } from '../model/registry-types.js'
import { metaOf, recommendFlags as builtInFlags, type RecommendFlagsOptions } from '../send/flags.js'
import { compiledView, nestedPayloadPositions } from '../validate/compiled-view.js'
import { isSystemType } from '../model/message-type.js'
import { builtInDigest, digestWith, type DigestOptions } from '../render/digest.js'
import { typeValidatorOf, validatePayload as builtInValidate, validateWith, type PayloadTypeValidator, type ValidateFunction, type ValidateOptions, type ValidationResult } from '../validate/validate.js'
import { byType, system } from '../generated/validators.js'

export interface CreateCodecOptions {
  /** The app's own payload types (`definePayloadType`); a type number defined here replaces the built-in one. */
  readonly types: readonly PayloadDefinition[]
  /** Extra Ajv options (formats, keywords) for compiling those types. */
  readonly ajv?: AjvOptions
}

/** The package's functions, bound to the built-in types plus the app's own. */
export interface Codec {
  validatePayload(value: unknown, options?: ValidateOptions): ValidationResult<Payload>
  isPayload(value: unknown): value is Payload
  encodePayload(payload: Payload, options?: EncodeOptions): string
  decodePayload(input: PayloadInput, options?: DecodeOptions): Payload
  safeDecodePayload(input: PayloadInput, options?: DecodeOptions): SafeDecodeResult
  recommendFlags(payload: Payload, options?: RecommendFlagsOptions): HeaderFlags
  digest(payload: unknown, options?: DigestOptions): string
}


/**
 * A codec for the built-in payload types plus `types`. Compiles the app's schemas once, here;
 * throws if one does not compile. Nested payloads inside the app's types are checked by their
 * own type's validator, as for the built-in ones.
 */
export function createCodec(options: CreateCodecOptions): Codec {
  const ajv = new Ajv({ allErrors: true, messages: false, strict: true, strictTypes: false, ...options.ajv })
  // compiledView: nested payloads become an envelope, checked next by their own type's
  // validator (found at the positions of the schema), as for the built-in types.
  const own = new Map<number, { validate: PayloadTypeValidator; meta: TypeMeta }>()
  for (const definition of options.types) {
    const { $id: _id, ...schema } = compiledView(definition.schema)
    const validate = typeValidatorOf(ajv.compile(schema) as unknown as ValidateFunction, nestedPayloadPositions(definition.schema))
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
  const validate = (value: unknown, opts: ValidateOptions = {}): ValidationResult<Payload> => (own.size === 0 ? builtInValidate(value, opts) : validateWith(lookup, value, opts))
  const meta = (type: unknown): TypeMeta | undefined => (typeof type === 'number' ? own.get(type)?.meta : undefined) ?? metaOf(type)
  return {
    validatePayload: validate,
    isPayload: (value: unknown): value is Payload => validate(value).ok,
    encodePayload: (payload, opts = {}) => textToBase64(payloadJson(payload, opts, 'payload', validate)),
    decodePayload: (input, opts = {}) => decodeWith(validate, input, opts),
    safeDecodePayload: (input, opts = {}) => safeDecodeWith(validate, input, opts),
    recommendFlags: (payload, opts = {}) => {
      const m = meta(payload.type)
      return m ? { ...((opts.keepInHistory && m.historyFlags) || m.flags) } : builtInFlags(payload, opts)
    },
    digest: (payload, opts = { locale: 'zh' }) => digestWith((type) => (typeof type === 'number' ? own.get(type)?.meta.digest : undefined) ?? builtInDigest(type), payload, opts),
  }
}

export type { PayloadDefinition }
export { definePayloadType } from '../model/define.js'

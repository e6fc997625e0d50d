/**
 * Content classes for the official JS SDK, made from the package's definitions: one class per
 * type, extending the SDK's own `MessageContent` (`MediaMessageContent` for the uploaded media
 * types), so that the SDK's receive, send, upload, quote and forward paths carry every type the
 * package knows instead of re-encoding it as `{"type":0}` or without `type`.
 *
 * What the SDK's base class does and these classes change (WuKongIM/WuKongIMJSSDK:src/model.ts@3c507ea3e,
 * and `lib/model.js` of the npm release 1.0.4):
 * - `decode(bytes)` there parses JSON without a guard and rebuilds `mention`/`reply`; here it
 *   validates through the codec and never throws (the SDK decodes before it acknowledges a packet),
 *   keeping the delivered value, the typed payload when valid, and the issues when not.
 * - `encode()` there writes `encodeJSON()` plus `type`, then overwrites `mention` and `reply` from
 *   the SDK objects (`all: 0` and unknown keys of both are lost); here it writes the payload as it
 *   is — unknown fields, `entities`, `visibles` kept — and applies `mention`/`reply` only when the
 *   app replaced the objects decode gave.
 */
import type { PayloadError } from '../errors/payload-error.js'
import { isSystemType } from '../model/message-type.js'
import type { Locale } from '../model/define.js'
import type { HeaderFlags } from '../model/flags.js'
import type { PayloadDefinition } from '../model/define.js'
import type { Payload, PayloadShape } from '../types/payload.js'
import type { ValidationIssue } from '../validate/issues.js'
import type { ValidationResult } from '../validate/validate.js'
import { validatePayload } from '../validate/validate.js'
import { payloadJson, safeDecodePayload, type SafeDecodeResult } from '../codec/codec.js'
import { digest as builtInDigest, type DigestOptions } from '../render/digest.js'
import { renderSystemMessage } from '../render/render.js'
import { recommendFlags } from '../send/flags.js'
import { typeNames } from '../generated/registry.js'
import { sdkClasses } from './sdk-module.js'
import type { SdkMentionLike, SdkMessageContentLike, SdkReplyLike, WKSDKLike } from './sdk-types.js'

/**
 * What the bridge needs of a codec: the package's own functions by default, or the object
 * `createCodec({ types })` returns (structurally), so that an app's own types validate, digest
 * and get their flags the same way.
 */
export interface BridgeCodec {
  validatePayload(value: unknown, options?: { readonly unknownTypes?: 'accept' | 'reject' }): ValidationResult<PayloadShape>
  safeDecodePayload(input: Uint8Array | object, options?: object): SafeDecodeResult<PayloadShape>
  digest(payload: unknown, options?: DigestOptions): string
  recommendFlags(payload: PayloadShape): HeaderFlags
}

/** The package's built-in types, as a {@link BridgeCodec}. */
export const builtInCodec: BridgeCodec = {
  validatePayload: (value, options) => validatePayload(value, options),
  safeDecodePayload: (input, options) => safeDecodePayload(input, options),
  digest: (payload, options) => builtInDigest(payload, options),
  recommendFlags: (payload) => recommendFlags(payload as Payload),
}

/** Options of {@link contentClassFor}. */
export interface ContentClassOptions {
  /** The codec that knows the type: `createCodec({ types })` for an app's own types. Default: the built-in types. */
  readonly codec?: BridgeCodec
  /** Language of digests and system-message text. Default `'zh'`, as the official clients. */
  readonly locale?: Locale
  /** The reader's uid, so that system messages name the reader "你"/"You". Default: the SDK's `config.uid` at render time. */
  readonly selfUid?: () => string | undefined
  /** The SDK instance whose classes to extend. Default `WKSDK.shared()`. */
  readonly sdk?: WKSDKLike
  /**
   * `false` builds the plain variant of a media type (extending `MessageContent`): what the send
   * helper uses to forward media on SDK 1.0.4, which sends every `MediaMessageContent` through the
   * upload task, file or not. Default: media for types 2, 3, 4, 5, 8.
   */
  readonly media?: boolean
}

/**
 * The types the official clients upload a file for before sending, so whose classes extend the
 * SDK's `MediaMessageContent`: image, GIF, voice, video, file (TangSengDaoDao/TangSengDaoDaoWeb:
 * packages/tsdaodaobase/src/module.tsx@8083c867d registers these as media contents).
 */
export const MEDIA_TYPES: ReadonlySet<number> = new Set([2, 3, 4, 5, 8])

/** An instance of a class from {@link contentClassFor}: an SDK `MessageContent` with the package's payload. */
export interface WukongContent<P extends PayloadShape = PayloadShape> extends SdkMessageContentLike {
  /** The payload when it is valid; undefined when it is not (see {@link issues}). */
  readonly payload: P | undefined
  /** The JSON value as delivered or as built (what `encode()` writes): never lost, valid or not. */
  readonly value: unknown
  /** Why {@link value} is not a valid payload; empty when it is. */
  readonly issues: readonly ValidationIssue[]
  /** The decode error (Base64/UTF-8/JSON/limits/validation) when there was one. */
  readonly error: PayloadError | undefined
  /** Replaces the payload (validated now; media: again at encode). */
  setPayload(payload: unknown): void
  /** The SDK's subclass hook: validates a parsed payload, as decode does for bytes. Never throws. */
  decodeJSON(content: unknown): void
  /** The SDK's subclass hook: the payload without `type`. */
  encodeJSON(): unknown
  /** Media: the uploaded URL the app's upload task sets; `encode()` writes it as `url`. */
  remoteUrl?: string
  /** Media: the file the SDK uploads through the app's `messageUploadTask`. */
  file?: unknown
}

/** A class from {@link contentClassFor}: `new Cls(payload?)`, with the payload's `type` optional. */
export interface WukongContentClass<P extends PayloadShape = PayloadShape> {
  new (payload?: P | Omit<P, 'type'>): WukongContent<P>
  /** The type the class is for (undefined for the generic system and unknown-type classes, which take the delivered one). */
  readonly payloadType: number | undefined
  /** Whether it extends the SDK's `MediaMessageContent`. */
  readonly media: boolean
}

const textEncoder = new TextEncoder()

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The SDK's view of a payload's `mention` (`all: 1` → `true`). */
function mentionView(value: unknown): SdkMentionLike | undefined {
  if (!isRecord(value) || !isRecord(value.mention)) return undefined
  const m = value.mention
  const view: SdkMentionLike = { all: m.all === 1 }
  if (Array.isArray(m.uids)) view.uids = m.uids.filter((u): u is string => typeof u === 'string')
  return view
}

/** The payload's `mention` from an SDK `Mention` an app assigned. */
function mentionFromSdk(mention: SdkMentionLike): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (mention.all) out.all = 1
  if (mention.uids) out.uids = mention.uids
  return out
}

type Kind = 'fixed' | 'system' | 'unknown'

interface ClassSpec {
  readonly type: number | undefined
  readonly kind: Kind
  readonly media: boolean
  readonly codec: BridgeCodec
  readonly locale: Locale | undefined
  readonly selfUid: (() => string | undefined) | undefined
  readonly sdk: WKSDKLike | undefined
}

const classCache = new WeakMap<BridgeCodec, WeakMap<object, WeakMap<object, Map<string, WukongContentClass>>>>()

/** The digest and render options for the reader. */
function readerOptions(spec: ClassSpec): DigestOptions {
  const uid = spec.selfUid ? spec.selfUid() : spec.sdk?.config?.uid
  return { ...(spec.locale ? { locale: spec.locale } : {}), ...(uid ? { selfUid: uid } : {}) }
}

/** `group-members-added` → `GroupMembersAdded`, for the class names. */
function pascal(name: string): string {
  return name.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase())
}

function makeClass(spec: ClassSpec): WukongContentClass {
  const bases = sdkClasses(spec.sdk)
  const Base = (spec.media ? bases.MediaMessageContent : bases.MessageContent) as unknown as new () => object
  const { codec } = spec

  class Content extends Base {
    static readonly payloadType = spec.type
    static readonly media = spec.media
    declare mention?: SdkMentionLike | undefined
    declare reply?: SdkReplyLike | undefined
    declare contentObj?: unknown
    declare remoteUrl?: string
    declare file?: unknown
    value: unknown = undefined
    payload: PayloadShape | undefined = undefined
    issues: readonly ValidationIssue[] = []
    error: PayloadError | undefined = undefined
    /** The `mention`/`reply` objects decode handed out: left alone, they are not written back. */
    #mentionSeen: SdkMentionLike | undefined
    #replySeen: SdkReplyLike | undefined
    /** The type a generic system or unknown-type class was given (by decode or the SDK's setter). */
    #type: number | undefined = spec.type

    constructor(payload?: object) {
      super()
      if (payload !== undefined) this.setPayload(spec.type !== undefined && isRecord(payload) && !('type' in payload) ? { ...payload, type: spec.type } : payload)
    }

    get contentType(): number {
      if (spec.type !== undefined) return spec.type
      if (this.#type !== undefined) return this.#type
      return isRecord(this.value) && typeof this.value.type === 'number' ? this.value.type : 0
    }

    set contentType(value: number) {
      // The SDK's base class stores the delivered type on decode; a fixed class keeps its own.
      if (spec.type === undefined) this.#type = value
    }

    get conversationDigest(): string {
      return codec.digest(this.value, readerOptions(spec))
    }

    set conversationDigest(_value: string) {
      // Derived from the payload (the package's digest); the SDK's setter has nothing to store.
    }

    setPayload(payload: unknown): void {
      // Not an object (a Base64 string decodes; anything else fails with its issue): the codec decides.
      this.#accept(codec.safeDecodePayload(payload as object), payload)
    }

    /** The SDK's receive path: the payload's UTF-8 JSON bytes. Never throws. */
    decode(data: Uint8Array): void {
      let result: SafeDecodeResult<PayloadShape>
      try {
        result = codec.safeDecodePayload(data instanceof Uint8Array ? data : new Uint8Array(data as ArrayLike<number>))
      } catch (error) {
        // safeDecodePayload never throws; an app codec might: kept as an error, not thrown into the SDK.
        result = { ok: false, error: error as PayloadError }
      }
      this.#accept(result, undefined)
    }

    /** The SDK's subclass hook, for code that calls it directly (the official examples' converter calls decode). */
    decodeJSON(content: unknown): void {
      this.#accept(codec.safeDecodePayload(content as object), content)
    }

    /** The SDK's subclass hook: the payload without `type` (the SDK's `encode()` adds it; ours writes it whole). */
    encodeJSON(): unknown {
      if (!isRecord(this.value)) return {}
      const { type: _type, ...rest } = this.value
      return rest
    }

    /**
     * The payload's UTF-8 JSON. Validated — strict where we send — except for a media content
     * whose file is still to be uploaded (the SDK encodes once before the upload task runs and
     * again after it has set `remoteUrl`). Throws `PayloadError` with the issues otherwise.
     */
    encode(): Uint8Array {
      let value = this.value
      if (isRecord(value)) {
        let record: Record<string, unknown> = value
        if (this.mention !== this.#mentionSeen) {
          const { mention: _old, ...rest } = record
          record = this.mention ? { ...rest, mention: mentionFromSdk(this.mention) } : rest
        }
        if (this.reply !== this.#replySeen && this.reply && typeof this.reply.encode === 'function') record = { ...record, reply: this.reply.encode() }
        if (spec.media && typeof this.remoteUrl === 'string' && this.remoteUrl !== '' && record.url !== this.remoteUrl) record = { ...record, url: this.remoteUrl }
        value = record
      }
      if (value !== this.value) this.setPayload(value)
      const pendingUpload = spec.media && this.file !== undefined && this.file !== null && (typeof this.remoteUrl !== 'string' || this.remoteUrl === '')
      if (pendingUpload) return textEncoder.encode(JSON.stringify(isRecord(this.value) ? this.value : { type: this.contentType }))
      return textEncoder.encode(payloadJson(this.value, {}, 'payload', (v) => codec.validatePayload(v) as ValidationResult<Payload>))
    }

    /** The SDK's `MediaMessageContent.dealFile` hook: nothing to prepare, the upload task reads `file`. */
    dealFile(): void {}

    /** The SDK's `isVisiable(uid)`: `visibles`/`invisibles` of the payload. */
    isVisiable(uid: string): boolean {
      const v = isRecord(this.value) ? this.value : {}
      if (Array.isArray(v.visibles) && v.visibles.length > 0 && !v.visibles.includes(uid)) return false
      if (Array.isArray(v.invisibles) && v.invisibles.length > 0 && v.invisibles.includes(uid)) return false
      return true
    }

    #accept(result: SafeDecodeResult<PayloadShape>, given: unknown): void {
      if (result.ok) {
        this.value = result.value
        this.payload = result.value
        this.issues = []
        this.error = undefined
      } else {
        // Faithful where we receive: the delivered value stays, with its issues.
        this.value = result.error.value !== undefined ? result.error.value : given
        this.payload = undefined
        this.issues = result.error.issues ?? []
        this.error = result.error
      }
      if (spec.type === undefined && isRecord(this.value) && typeof this.value.type === 'number') this.#type = this.value.type
      this.contentObj = this.value
      this.#mentionSeen = mentionView(this.value)
      this.mention = this.#mentionSeen
      this.#replySeen = this.#replyView()
      this.reply = this.#replySeen
    }

    /** The SDK's view of the payload's `reply`: ids as given, the quoted payload as a content of its class. */
    #replyView(): SdkReplyLike | undefined {
      if (!isRecord(this.value) || !isRecord(this.value.reply)) return undefined
      const r = this.value.reply
      const view: SdkReplyLike = {
        messageSeq: typeof r.message_seq === 'number' ? r.message_seq : Number(r.message_seq ?? 0),
        fromUID: typeof r.from_uid === 'string' ? r.from_uid : '',
        fromName: typeof r.from_name === 'string' ? r.from_name : '',
      }
      if (r.message_id !== undefined && r.message_id !== null) view.messageID = String(r.message_id)
      const root = r.root_message_id ?? r.root_mid
      if (typeof root === 'string' && root !== '') view.rootMessageID = root
      if (isRecord(r.payload) && typeof r.payload.type === 'number') {
        // The quoted type comes from the wire: a type without a definition takes the unknown-type
        // class, so that hostile type numbers cannot grow the class cache.
        const quotedType = r.payload.type
        const known = Number.isInteger(quotedType) && (isSystemType(quotedType) || codecKnows(codec, quotedType))
        const Quoted = known ? classFor(quotedType, { ...spec, media: false, kind: isSystemType(quotedType) ? 'system' : 'fixed' }) : classFor(undefined, { ...spec, media: false, kind: 'unknown' })
        const quoted = new Quoted()
        quoted.decodeJSON(r.payload)
        view.content = quoted
      }
      return view
    }
  }

  if (spec.kind === 'system') {
    Object.defineProperty(Content.prototype, 'displayText', {
      /** The SDK's `SystemContent.displayText`, rendered by the package (every placeholder, the reader named). */
      get(this: Content): string {
        return renderSystemMessage(this.value, readerOptions(spec))
      },
      configurable: true,
    })
    Object.defineProperty(Content.prototype, 'content', {
      /** The SDK's `SystemContent.content`: the delivered object. */
      get(this: Content): unknown {
        return this.value
      },
      configurable: true,
    })
  }
  if (spec.type === 99 || spec.kind === 'fixed') {
    for (const [name, field] of [
      ['cmd', 'cmd'],
      ['param', 'param'],
      ['text', 'content'],
    ] as const) {
      if (name === 'text' && spec.type !== 1) continue
      if (name !== 'text' && spec.type !== 99) continue
      Object.defineProperty(Content.prototype, name, {
        get(this: Content): unknown {
          return isRecord(this.value) ? this.value[field] : undefined
        },
        configurable: true,
      })
    }
  }
  Object.defineProperty(Content, 'name', { value: `${spec.type === undefined ? (spec.kind === 'system' ? 'System' : 'UnknownType') : pascal(typeNames[spec.type] ?? `type-${spec.type}`)}Content` })
  return Content as unknown as WukongContentClass
}

/** Stands for "no SDK given" / "no selfUid given" in the class cache. */
const NONE = {}

/**
 * The class for a type with the given options, made once per combination (a decoded reply makes
 * the class of its quoted type: that must not be a new class per message). Weakly keyed by the
 * codec, the SDK and the `selfUid` function, so classes of a dropped option go with it.
 */
function classFor(type: number | undefined, spec: Omit<ClassSpec, 'type' | 'kind'> & { readonly kind?: Kind }): WukongContentClass {
  const kind: Kind = spec.kind ?? (type === undefined ? 'unknown' : 'fixed')
  const media = spec.media && type !== undefined && kind === 'fixed'
  let bySdk = classCache.get(spec.codec)
  if (!bySdk) classCache.set(spec.codec, (bySdk = new WeakMap()))
  let bySelf = bySdk.get(spec.sdk ?? NONE)
  if (!bySelf) bySdk.set(spec.sdk ?? NONE, (bySelf = new WeakMap()))
  let byKey = bySelf.get(spec.selfUid ?? NONE)
  if (!byKey) bySelf.set(spec.selfUid ?? NONE, (byKey = new Map()))
  // At most (types + 2) × 2 (media) × locales entries: bounded.
  const key = `${kind}:${type ?? ''}:${media ? 1 : 0}:${spec.locale ?? ''}`
  let cls = byKey.get(key)
  if (!cls) byKey.set(key, (cls = makeClass({ ...spec, type, kind, media })))
  return cls
}

/** Whether the codec validates `type` with a definition of its own (not as unknown or generic system). */
export function codecKnows(codec: BridgeCodec, type: number): boolean {
  const probe = codec.validatePayload({ type }, { unknownTypes: 'reject' })
  return probe.ok || !probe.issues.some((issue) => issue.code === 'unknown_type')
}

/**
 * The SDK content class for a payload type: a built-in type number, or a definition (an app's own
 * type from `definePayloadType`, passed with `{ codec: createCodec({ types }) }`, or a built-in
 * one). `contentType` is the type; decode validates and never throws (the typed `payload`, the
 * delivered `value`, the `issues`); encode is lossless and validated; `conversationDigest` is the
 * package's digest. Types 2, 3, 4, 5 and 8 extend `MediaMessageContent` and validate after the
 * upload task set `remoteUrl`. A type in 1000–2000 without a definition gets the generic
 * system-message class (`displayText` rendered by the package). Throws (a set-up error, never on
 * receive) for an app type no codec given knows, which could not be validated.
 */
export function contentClassFor<P extends PayloadShape = PayloadShape>(typeOrDefinition: number | Pick<PayloadDefinition, 'type'>, options: ContentClassOptions = {}): WukongContentClass<P> {
  const type = typeof typeOrDefinition === 'number' ? typeOrDefinition : typeOrDefinition.type
  if (!Number.isInteger(type)) throw new TypeError(`contentClassFor: type must be an integer, not ${String(type)}`)
  const codec = options.codec ?? builtInCodec
  const system = isSystemType(type)
  if (!system && !codecKnows(codec, type)) {
    throw new TypeError(
      `contentClassFor: type ${type} has no definition in ${options.codec ? 'the codec given' : 'the built-in types'}; pass { codec: createCodec({ types: [yourDefinition] }) } (wukong-payload/runtime) so that its payloads are validated`,
    )
  }
  const base = { codec, locale: options.locale, selfUid: options.selfUid, sdk: options.sdk, media: options.media ?? MEDIA_TYPES.has(type) }
  const cls = classFor(type, { ...base, kind: system ? 'system' : 'fixed' })
  return cls as unknown as WukongContentClass<P>
}

/** The class of the system messages without a definition of their own (1000–2000): the delivered type, rendered by the package. */
export function systemContentClass(options: ContentClassOptions = {}): WukongContentClass {
  const codec = options.codec ?? builtInCodec
  return classFor(undefined, { codec, locale: options.locale, selfUid: options.selfUid, sdk: options.sdk, media: false, kind: 'system' })
}

/** The class of types nobody defined: the delivered value kept and re-encoded as it came (the SDK's `UnknownContent` writes `{"type":0}`). */
export function unknownContentClass(options: ContentClassOptions = {}): WukongContentClass {
  const codec = options.codec ?? builtInCodec
  return classFor(undefined, { codec, locale: options.locale, selfUid: options.selfUid, sdk: options.sdk, media: false, kind: 'unknown' })
}

/**
 * One call that teaches the SDK every type: `register(type, …)` for each built-in type and each
 * of the app's own, then one factor — the SDK's single `registerFactor` slot, which `WKSDK.init()`
 * fills with its own decoding of 1000–2000 (`SystemContent`) and 99 (`CMDContent`)
 * (WuKongIM/WuKongIMJSSDK:src/index.ts@3c507ea3e L37-45; the same in 1.0.4's lib/index.js) — that
 * keeps those decoding, now through the package, and keeps types nobody defined as delivered.
 */
import { typeNames } from '../generated/registry.js'
import { isSystemType } from '../model/message-type.js'
import { builtInCodec, contentClassFor, systemContentClass, unknownContentClass, type BridgeCodec, type ContentClassOptions, type WukongContentClass } from './content.js'
import type { SdkMessageContentLike, WKSDKLike } from './sdk-types.js'

/** Options of {@link registerWukongPayload}. */
export interface RegisterOptions extends Omit<ContentClassOptions, 'sdk' | 'media'> {
  /**
   * The app's own types (definitions from `definePayloadType`), validated by `codec`
   * (`createCodec({ types })`). Default: the types `codec` defines beyond the built-in ones are
   * not known to the bridge unless listed here.
   */
  readonly types?: readonly { readonly type: number }[]
  /**
   * Types nobody defined: `'keep'` (default) decodes them into a content that keeps the delivered
   * value and re-encodes it as it came; `'sdk'` leaves them to the SDK (its `UnknownContent`
   * re-encodes them as `{"type":0}`).
   */
  readonly unknownTypes?: 'keep' | 'sdk'
}

/** What {@link registerWukongPayload} did: the classes by type, and how to undo the factor. */
export interface Registration {
  /** The class registered for each type number. */
  readonly classes: ReadonlyMap<number, WukongContentClass>
  /** The class of system messages without a definition (1000–2000). */
  readonly systemClass: WukongContentClass
  /** Puts back the factor that was there before (the map registrations stay: the SDK cannot remove them). */
  restoreFactor(): void
}

/**
 * Registers a content class for every built-in type and every type of `options.types` with the
 * SDK (`WKSDK.shared()`), and installs one factor for the rest: 1000–2000 as system messages
 * rendered by the package, 99 with typed `cmd`/`param`, and (by default) unknown types kept as
 * delivered. The factor that was installed before (the SDK's own, or the app's) is asked for every
 * other type first, so an app's factor keeps working. Call it once, after `WKSDK.shared()` exists
 * and before connecting.
 */
export function registerWukongPayload(sdk: WKSDKLike, options: RegisterOptions = {}): Registration {
  const codec: BridgeCodec = options.codec ?? builtInCodec
  const classOptions: ContentClassOptions = {
    codec,
    sdk,
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.selfUid ? { selfUid: options.selfUid } : {}),
  }
  const classes = new Map<number, WukongContentClass>()
  const types = new Set<number>([...Object.keys(typeNames).map(Number), 99, ...(options.types ?? []).map((d) => d.type)])
  for (const type of types) {
    const Cls = contentClassFor(type, classOptions)
    classes.set(type, Cls)
    sdk.register(type, () => new Cls() as unknown as SdkMessageContentLike)
  }
  const systemClass = systemContentClass(classOptions)
  const unknownClass = unknownContentClass(classOptions)
  // The installed factor: a private field of the SDK's MessageContentManager (`factor`) in both lines.
  const manager = (sdk as { messageContentManager?: { factor?: (contentType: number) => SdkMessageContentLike | undefined } }).messageContentManager
  const previous = typeof manager?.factor === 'function' ? manager.factor.bind(manager) : undefined
  const keepUnknown = (options.unknownTypes ?? 'keep') === 'keep'
  sdk.registerFactor((contentType: number) => {
    if (typeof contentType === 'number' && Number.isInteger(contentType) && isSystemType(contentType)) return new systemClass() as unknown as SdkMessageContentLike
    const fromPrevious = previous ? previous(contentType) : undefined
    if (fromPrevious) return fromPrevious
    // `type` 0 is what the SDK's decoder passes for a payload without one: kept too, so nothing is lost.
    return keepUnknown ? (new unknownClass() as unknown as SdkMessageContentLike) : undefined
  })
  return {
    classes,
    systemClass,
    restoreFactor: () => {
      if (previous) sdk.registerFactor(previous)
    },
  }
}

/**
 * Where the SDK's classes come from. `import WKSDK from 'wukongimjssdk'` is the one import both
 * release lines answer the same way (1.0.4's root exports only the default; 1.3.x exports the
 * default and every class). The base classes, `Message`, `Channel` and `Conversation` are then
 * taken from the SDK's own factories (`newMessageContent()`, `newMediaMessageContent()`,
 * `newMessage()`, …), so that they are the very classes the SDK checks with `instanceof`
 * (`content instanceof MediaMessageContent` decides the upload path), whichever copy a bundler
 * picked.
 */
import * as sdkModule from 'wukongimjssdk'
import type { SdkClass, SdkConversationLike, SdkMessageContentLike, SdkMessageLike, WKSDKLike } from './sdk-types.js'

/** The SDK's classes the bridge extends or creates. */
export interface SdkClasses {
  readonly MessageContent: SdkClass<SdkMessageContentLike>
  readonly MediaMessageContent: SdkClass<SdkMessageContentLike>
  readonly Message: new () => SdkMessageLike
  readonly Conversation: new () => SdkConversationLike
}

/** `WKSDK` from the module, through the ESM/CommonJS interop layers bundlers and Node add. */
function wkSdkClass(): { shared(): WKSDKLike } {
  const candidates: unknown[] = []
  const m = sdkModule as unknown as Record<string, unknown>
  candidates.push(m.WKSDK, m.default)
  const d = m.default as Record<string, unknown> | undefined
  if (d && (typeof d === 'object' || typeof d === 'function')) candidates.push(d.WKSDK, d.default)
  for (const c of candidates) if (typeof c === 'function' && typeof (c as { shared?: unknown }).shared === 'function') return c as unknown as { shared(): WKSDKLike }
  throw new Error('wukong-payload/wukongimjssdk: the module "wukongimjssdk" has no WKSDK export; install wukongimjssdk 1.0.4 or 1.3.x')
}

/** `WKSDK.shared()` of the installed SDK. */
export function sharedSdk(): WKSDKLike {
  return wkSdkClass().shared()
}

const cache = new WeakMap<object, SdkClasses>()

function ctorOf<T>(instance: object): T {
  return (Object.getPrototypeOf(instance) as { constructor: T }).constructor
}

/**
 * The SDK's classes, read from an SDK instance (default: `WKSDK.shared()`). `Conversation` has
 * no factory: it is taken from `conversationManager.createEmptyConversation` on a probe channel
 * with the conversation listeners detached and the conversation list restored after the call
 * (1.3.x adds the probe to the list, 1.0.4 does not), so the app sees nothing.
 */
export function sdkClasses(sdk: WKSDKLike = sharedSdk()): SdkClasses {
  const cached = cache.get(sdk)
  if (cached) return cached
  const manager = sdk.conversationManager
  const { listeners, conversations } = manager
  let conversation: SdkConversationLike
  manager.listeners = []
  try {
    conversation = manager.createEmptyConversation(sdk.newChannel('\u0000wukong-payload-probe', 0))
  } finally {
    manager.listeners = listeners
    manager.conversations = conversations
  }
  const classes: SdkClasses = {
    MessageContent: ctorOf(sdk.newMessageContent()),
    MediaMessageContent: ctorOf(sdk.newMediaMessageContent()),
    Message: ctorOf(sdk.newMessage()),
    Conversation: ctorOf(conversation),
  }
  cache.set(sdk, classes)
  return classes
}

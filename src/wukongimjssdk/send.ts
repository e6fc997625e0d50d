/**
 * Sending a payload through the SDK: validated first, with the type's recommended header flags
 * applied as far as the SDK lets an app set them, and what it ignores said, not hidden.
 *
 * What each SDK line lets an app set (read in its sources):
 * - 1.0.4 (npm): `chatManager.send(content, channel, setting)` only; `getSendPacket` writes
 *   `reddot = true` and leaves `noPersist`/`syncOnce` false. No header flag can be set.
 * - 1.3.x: `chatManager.sendWithOptions(content, channel, { setting, noPersist, reddot })`; its
 *   `getSendPacketWithOptions` writes `packet.reddot = opts.reddot` and then `packet.reddot = true`
 *   (WuKongIM/WuKongIMJSSDK:src/chat_manager.ts@3c507ea3e L191-L194), so only `noPersist` takes;
 *   there is no `syncOnce` option at all.
 * - 1.0.4 sends every `MediaMessageContent` through the app's upload task, file or not; 1.3.x
 *   only when `content.file` is set. A forwarded or re-sent media payload (no file) therefore goes
 *   as the plain variant of its class on 1.0.4, so that it is sent at all.
 */
import { PayloadError, invalidPayloadError } from '../errors/payload-error.js'
import type { HeaderFlags } from '../model/flags.js'
import type { PayloadShape } from '../types/payload.js'
import { lintPayload, type LintFinding } from '../send/lint.js'
import { builtInCodec, codecKnows, contentClassFor, MEDIA_TYPES, unknownContentClass, type BridgeCodec, type WukongContent } from './content.js'
import { isSystemType } from '../model/message-type.js'
import { sharedSdk } from './sdk-module.js'
import type { SdkChannelLike, SdkMessageContentLike, SdkMessageLike, WKSDKLike } from './sdk-types.js'

/** A header flag of `/message/send`. */
export type HeaderFlagName = keyof HeaderFlags

/** Options of {@link sendPayload}. */
export interface SendPayloadOptions {
  /** The SDK instance (default `WKSDK.shared()`). */
  readonly sdk?: WKSDKLike
  /** The codec that knows the type (`createCodec({ types })` for an app's own). Default: the built-in types. */
  readonly codec?: BridgeCodec
  /** A file to upload first (media types): the SDK runs the app's `messageUploadTask`, which sets `remoteUrl`; the payload's `url` is then checked. */
  readonly file?: unknown
  /** The SDK's `Setting` to send with (receipts, topic, stream). */
  readonly setting?: unknown
  /** Header flags to use instead of the type's recommended ones. */
  readonly flags?: Partial<HeaderFlags>
}

/** What {@link sendPayload} sent. */
export interface SendPayloadResult {
  /** The SDK's message (status Wait until the server acknowledges it). */
  readonly message: SdkMessageLike
  /** The content sent (a class from `contentClassFor`). */
  readonly content: WukongContent
  /** The flags wanted: the type's recommended ones, or `options.flags` over them. */
  readonly flags: HeaderFlags
  /** The wanted flags this SDK version could not set: the server receives the SDK's value instead. */
  readonly ignored: readonly HeaderFlagName[]
  /** Advisory findings of `lintPayload` (the payload was sent). */
  readonly lint: readonly LintFinding[]
}

function channelOf(sdk: WKSDKLike, channel: SdkChannelLike | { readonly channel_id: string; readonly channel_type: number }): SdkChannelLike {
  return 'channelID' in channel ? channel : sdk.newChannel(channel.channel_id, channel.channel_type)
}

/**
 * Validates `payload`, builds its content class, and sends it with the SDK, applying the type's
 * recommended header flags where the SDK version allows (see `ignored`). Throws `PayloadError`
 * with the issues when the payload is invalid (for a media payload with `options.file`, the
 * `url` is checked after the upload, by the content's `encode`; the rest now).
 */
export async function sendPayload<P extends PayloadShape>(channel: SdkChannelLike | { readonly channel_id: string; readonly channel_type: number }, payload: P, options: SendPayloadOptions = {}): Promise<SendPayloadResult> {
  const sdk = options.sdk ?? sharedSdk()
  const codec = options.codec ?? builtInCodec
  const type = (payload as { type?: unknown }).type
  if (typeof type !== 'number' || !Number.isInteger(type)) throw new PayloadError('INVALID_PAYLOAD', 'payload.type must be an integer', [{ path: '/type', code: 'type', message: 'payload.type must be an integer' }])
  const uploading = options.file !== undefined && options.file !== null
  const withOptions = typeof sdk.chatManager.sendWithOptions === 'function'
  // 1.0.4 routes every MediaMessageContent to the upload task: without a file, the plain variant.
  const media = MEDIA_TYPES.has(type) && (uploading || withOptions)
  // A type nobody defined (forwarding what a newer client sent) goes as delivered, as the codec accepts it.
  const Cls = isSystemType(type) || codecKnows(codec, type) ? contentClassFor(type, { codec, sdk, media }) : unknownContentClass({ codec, sdk })
  const content = new Cls(payload)
  if (uploading) {
    // The url is the upload's to set: check everything else now.
    const rest = content.issues.filter((issue) => issue.path !== '/url')
    if (rest.length > 0) throw invalidPayloadError(rest)
    content.file = options.file
  } else if (content.issues.length > 0 || content.payload === undefined) {
    throw content.error ?? invalidPayloadError(content.issues)
  }
  const flags: HeaderFlags = { ...codec.recommendFlags(payload), ...options.flags }
  const ch = channelOf(sdk, channel)
  const sdkContent = content as unknown as SdkMessageContentLike
  let message: SdkMessageLike
  let sent: HeaderFlags
  if (withOptions && sdk.chatManager.sendWithOptions) {
    const setting = options.setting
    message = await sdk.chatManager.sendWithOptions(sdkContent, ch, { ...(setting !== undefined ? { setting } : {}), noPersist: flags.no_persist === 1, reddot: flags.red_dot === 1 })
    sent = { no_persist: flags.no_persist, red_dot: 1, sync_once: 0 }
  } else {
    message = await sdk.chatManager.send(sdkContent, ch, options.setting)
    sent = { no_persist: 0, red_dot: 1, sync_once: 0 }
  }
  const ignored = (Object.keys(flags) as HeaderFlagName[]).filter((name) => flags[name] !== sent[name])
  return { message, content, flags, ignored, lint: lintPayload<PayloadShape>(payload) }
}

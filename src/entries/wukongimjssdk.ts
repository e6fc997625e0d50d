/**
 * `wukong-payload/wukongimjssdk`: the bridge to the official JS SDK (`wukongimjssdk`, an optional
 * peer dependency: 1.0.4 from npm, or the 1.3.x source line). Content classes made from the
 * definitions (`contentClassFor`), one registration call that keeps the SDK's system and command
 * decoding (`registerWukongPayload`), converters from the read side to the SDK's `Message` and
 * `Conversation` for its provider callbacks, and a validating send helper. See docs/wukongimjssdk.md.
 *
 * @module wukong-payload/wukongimjssdk
 */
export { builtInCodec, contentClassFor, MEDIA_TYPES, systemContentClass, unknownContentClass } from '../wukongimjssdk/content.js'
export type { BridgeCodec, ContentClassOptions, WukongContent, WukongContentClass } from '../wukongimjssdk/content.js'
export { registerWukongPayload } from '../wukongimjssdk/register.js'
export type { RegisterOptions, Registration } from '../wukongimjssdk/register.js'
export { toSdkContent, toSdkConversation, toSdkMessage } from '../wukongimjssdk/convert.js'
export type { ConvertOptions, ExactId, ReadConversationLike, ReadMessageLike } from '../wukongimjssdk/convert.js'
export { sendPayload } from '../wukongimjssdk/send.js'
export type { HeaderFlagName, SendPayloadOptions, SendPayloadResult } from '../wukongimjssdk/send.js'
export { sdkClasses, sharedSdk } from '../wukongimjssdk/sdk-module.js'
export type { SdkClasses } from '../wukongimjssdk/sdk-module.js'
export type { SdkChannelLike, SdkClass, SdkConversationLike, SdkMentionLike, SdkMessageContentLike, SdkMessageLike, SdkReplyLike, WKSDKLike } from '../wukongimjssdk/sdk-types.js'

/**
 * The parts of the official JS SDK (`wukongimjssdk`) the bridge touches, typed structurally so
 * that both release lines fit: 1.0.4 (what the npm registry serves; the classes only through
 * `wukongimjssdk/lib/sdk`) and the 1.3.x source line (WuKongIM/WuKongIMJSSDK@3c507ea3e, version
 * 1.3.5: the classes at the root, plus `MessageImage`, `sendWithOptions` and `eventManager`).
 * Nothing here imports the SDK's own declarations, so an app's type check does not depend on
 * which SDK version it installed.
 */

/** The SDK's `Channel`: `new Channel(channelID, channelType)`. */
export interface SdkChannelLike {
  channelID: string
  channelType: number
}

/** The SDK's `Mention` (`all` a boolean where the wire has `all: 1`). */
export interface SdkMentionLike {
  all?: boolean
  uids?: string[]
}

/** The SDK's `Reply` as the bridge fills it on decode (a view of the payload's `reply`). */
export interface SdkReplyLike {
  messageID?: string
  messageSeq: number
  fromUID: string
  fromName: string
  rootMessageID?: string
  content?: SdkMessageContentLike
  encode?(): unknown
}

/** The SDK's `MessageContent`, as far as the bridge and the SDK use it. */
export interface SdkMessageContentLike {
  contentType: number
  readonly conversationDigest: string
  mention?: SdkMentionLike | undefined
  reply?: SdkReplyLike | undefined
  contentObj?: unknown
  encode(): Uint8Array
  decode(data: Uint8Array): void
}

/** The SDK's `Message`. `messageID` is a decimal string in both lines. */
export interface SdkMessageLike {
  header: { reddot: boolean; noPersist: boolean; syncOnce: boolean; dup?: boolean }
  setting: unknown
  messageID: string
  messageSeq: number
  clientMsgNo: string
  fromUID: string
  channel: SdkChannelLike
  timestamp: number
  content: unknown
  status: number
  streamNo?: string
}

/** The SDK's `Conversation`. */
export interface SdkConversationLike {
  channel: SdkChannelLike
  unread: number
  timestamp: number
  lastMessage?: SdkMessageLike
  extra?: unknown
}

/** The SDK's `Setting` (1.0.4 and 1.3.x: a class with `toUint8()`; the bridge only creates it through the SDK). */
export interface SdkSettingLike {
  receiptEnabled?: boolean
  topic?: boolean
  streamOn?: boolean
  [key: string]: unknown
}

/** A constructor of an SDK class (1.0.4 ships ES5 function classes). */
export type SdkClass<T> = abstract new (...args: never[]) => T

/**
 * `WKSDK.shared()`: what registration, conversion and sending call. `sendWithOptions` and
 * `eventManager` exist only in the 1.3.x line.
 */
export interface WKSDKLike {
  register(contentType: number, handler: (contentType?: number) => SdkMessageContentLike): void
  registerFactor(factor: (contentType: number) => SdkMessageContentLike | undefined): void
  getMessageContent(contentType: number): SdkMessageContentLike
  newMessage(): SdkMessageLike
  newChannel(channelID: string, channelType: number): SdkChannelLike
  newMessageContent(): SdkMessageContentLike
  newMediaMessageContent(): SdkMessageContentLike
  conversationManager: { listeners: unknown[]; conversations: unknown[]; createEmptyConversation(channel: SdkChannelLike): SdkConversationLike }
  chatManager: {
    send(content: SdkMessageContentLike, channel: SdkChannelLike, setting?: unknown): Promise<SdkMessageLike>
    sendWithOptions?(content: SdkMessageContentLike, channel: SdkChannelLike, options: { setting?: unknown; noPersist?: boolean; reddot?: boolean }): Promise<SdkMessageLike>
  }
  config?: { uid?: string }
  eventManager?: unknown
}

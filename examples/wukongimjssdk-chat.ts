// A chat view on the official JS SDK (wukongimjssdk 1.0.4 from npm) with the bridge: every type
// received, system messages rendered by the package, quoting and forwarding any type, history and
// conversations through the SDK's provider callbacks with exact ids. Run by
// test/wukongimjssdk.test.ts; shown in docs/wukongimjssdk.md.
import WKSDK from 'wukongimjssdk'
import type { Channel, Conversation, Message } from 'wukongimjssdk/lib/sdk'
import type { PayloadShape } from 'wukong-payload'
import { registerWukongPayload, sendPayload, toSdkConversation, toSdkMessage, type ReadConversationLike, type ReadMessageLike, type SendPayloadResult, type WukongContent } from 'wukong-payload/wukongimjssdk'

/** The app's backend, proxying WuKongIM's read side (the parsers of wukong-payload/api give these shapes). */
export interface ChatBackend {
  syncMessages(channelId: string, channelType: number, startSeq: number, endSeq: number, limit: number): Promise<readonly ReadMessageLike[]>
  syncConversations(): Promise<readonly ReadConversationLike[]>
}

/** One line of the chat view. */
export interface ChatLine {
  readonly messageId: string
  readonly from: string
  readonly text: string
  readonly system: boolean
  /** Part of the message did not validate: shown greyed, never dropped. */
  readonly unreadable: boolean
}

/** The bridge's content of a message (every type is one once `registerWukongPayload` ran). */
const contentOf = (message: Message): WukongContent & { displayText?: string } => message.content as WukongContent & { displayText?: string }

/** A line for any message: a system message as the package renders it, anything else as its digest. */
export function lineOf(message: Message): ChatLine {
  const content = contentOf(message)
  const system = typeof content.displayText === 'string'
  return { messageId: message.messageID, from: message.fromUID, text: system ? (content.displayText ?? '') : content.conversationDigest, system, unreadable: content.issues.length > 0 }
}

/** Registers the bridge and the provider callbacks, and shows every received message. Returns the unsubscribe. */
export function startChat(uid: string, backend: ChatBackend, show: (line: ChatLine) => void): () => void {
  const sdk = WKSDK.shared()
  sdk.config.uid = uid
  registerWukongPayload(sdk) // once, before connect(): every type, system messages and commands
  sdk.config.provider.syncMessagesCallback = async (channel: Channel, opts) => {
    const messages = await backend.syncMessages(channel.channelID, channel.channelType, opts.startMessageSeq, opts.endMessageSeq, opts.limit)
    return messages.map((m) => toSdkMessage<Message>(m))
  }
  sdk.config.provider.syncConversationsCallback = async () => (await backend.syncConversations()).map((c) => toSdkConversation<Conversation>(c))
  const listener = (message: Message) => show(lineOf(message))
  sdk.chatManager.addMessageListener(listener)
  return () => sdk.chatManager.removeMessageListener(listener)
}

/** Forwards a message of any type as it was delivered (unknown fields kept); throws PayloadError if it is malformed. */
export function forward(message: Message, to: Channel): Promise<SendPayloadResult> {
  return sendPayload(to, contentOf(message).value as PayloadShape)
}

/** Replies with a text quoting a message of any type: the quoted payload goes in whole, its id exact. */
export function quote(message: Message, text: string, to: Channel): Promise<SendPayloadResult> {
  const reply = { message_id: message.messageID, message_seq: message.messageSeq, from_uid: message.fromUID, payload: contentOf(message).value }
  return sendPayload(to, { type: 1, content: text, reply } as PayloadShape)
}

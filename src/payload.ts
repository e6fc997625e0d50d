/**
 * The payload union types.
 *
 * `KnownPayload` lists one type per definition in `src/types/index.ts`. (TypeScript cannot derive
 * it from that list: the recursive `reply.payload` would make the union depend on itself.)
 * `test/types.test-d.ts` fails when the two lists differ.
 */
import type { CardPayload } from './types/card.js'
import type { CommandPayload } from './types/command.js'
import type { FilePayload } from './types/file.js'
import type { GifPayload } from './types/gif.js'
import type { ImagePayload } from './types/image.js'
import type { LocationPayload } from './types/location.js'
import type { MergeForwardPayload } from './types/merge-forward.js'
import type { ScreenshotPayload } from './types/screenshot.js'
import type { EmojiStickerPayload, VectorStickerPayload } from './types/sticker.js'
import type { FriendAcceptedPayload } from './types/system/friend-accepted.js'
import type { GenericSystemPayload } from './types/system/generic.js'
import type { GroupCreatedPayload } from './types/system/group-created.js'
import type { GroupMemberInviteRequestPayload } from './types/system/group-member-invite-request.js'
import type { GroupMemberKickedPayload } from './types/system/group-member-kicked.js'
import type { GroupMemberQuitPayload } from './types/system/group-member-quit.js'
import type { GroupMemberScanJoinPayload } from './types/system/group-member-scan-join.js'
import type { GroupMembersAddedPayload } from './types/system/group-members-added.js'
import type { GroupMembersRemovedPayload } from './types/system/group-members-removed.js'
import type { GroupOwnerTransferredPayload } from './types/system/group-owner-transferred.js'
import type { GroupUpdatedPayload } from './types/system/group-updated.js'
import type { GroupUpgradedPayload } from './types/system/group-upgraded.js'
import type { MessageRecalledPayload } from './types/system/message-recalled.js'
import type { RemovedFromGroupPayload } from './types/system/removed-from-group.js'
import type { TipPayload } from './types/system/tip.js'
import type { TextPayload } from './types/text.js'
import type { VideoPayload } from './types/video.js'
import type { VoicePayload } from './types/voice.js'

/** System messages with a specific schema (type > 1000). */
export type KnownSystemPayload =
  | GroupCreatedPayload
  | GroupMembersAddedPayload
  | GroupMembersRemovedPayload
  | FriendAcceptedPayload
  | GroupUpdatedPayload
  | MessageRecalledPayload
  | GroupMemberScanJoinPayload
  | GroupOwnerTransferredPayload
  | GroupMemberInviteRequestPayload
  | GroupMemberKickedPayload
  | RemovedFromGroupPayload
  | GroupMemberQuitPayload
  | GroupUpgradedPayload
  | TipPayload

/** Every payload type this package defines. `switch (payload.type)` narrows it to each variant. */
export type KnownPayload =
  | TextPayload
  | ImagePayload
  | GifPayload
  | VoicePayload
  | VideoPayload
  | LocationPayload
  | CardPayload
  | FilePayload
  | MergeForwardPayload
  | VectorStickerPayload
  | EmojiStickerPayload
  | ScreenshotPayload
  | CommandPayload
  | KnownSystemPayload

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
 * Whatever a WuKongIM payload can be: a known type, a generic system message (> 1000), or an
 * unknown type. TypeScript cannot exclude the known numbers from `number`, so narrow with
 * `isKnownPayload` (or decode with `unknownTypes: 'reject'`) before switching on `type`.
 */
export type Payload = KnownPayload | GenericSystemPayload | UnknownPayload

/** System messages (type > 1000): the specific ones and the generic fallback. */
export type SystemPayload = KnownSystemPayload | GenericSystemPayload

export type { GenericSystemPayload }

/**
 * `wukong-payload/render`: rendering, digests and builders without any validator — for chat UIs
 * that receive already-validated payloads and want the smallest bundle.
 */
export { DEFAULT_LOCALE, renderSystemMessage, renderSystemMessageHtml, renderSystemMessageSegments, escapeHtml } from '../render/render.js'
export type { RenderOptions, Segment } from '../render/render.js'
export { digest } from '../render/digest.js'
export type { DigestOptions } from '../render/digest.js'
export {
  buildFriendAccepted,
  buildGroupAnnouncementUpdated,
  buildGroupCreated,
  buildGroupMemberInviteRequest,
  buildGroupMemberKicked,
  buildGroupMemberQuit,
  buildGroupMembersAdded,
  buildGroupMembersRemoved,
  buildGroupMemberScanJoin,
  buildGroupNameUpdated,
  buildGroupOwnerTransferred,
  buildGroupUpgraded,
  buildMessageRecalled,
  buildRemovedFromGroup,
  buildTip,
} from '../render/builders.js'
export type { BuildOptions, BuiltSystemMessage, UserRef } from '../render/builders.js'

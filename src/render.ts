/**
 * `wukong-payload/render`: rendering, digests and builders without any validator — for chat UIs
 * that receive already-validated payloads and want the smallest bundle.
 */
export { renderSystemMessage, renderSystemMessageHtml, renderSystemMessageSegments, escapeHtml } from './template/render.js'
export type { RenderOptions, Segment } from './template/render.js'
export { digest } from './template/digest.js'
export type { DigestOptions } from './template/digest.js'
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
} from './template/builders.js'
export type { BuildOptions, BuiltSystemMessage, UserRef } from './template/builders.js'

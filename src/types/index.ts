/**
 * The list of payload types. Adding a type = adding its file and one line here; the union, the
 * validators, `schemas/*.json`, the flag table, digests and docs are generated from this list
 * (`npm run generate`).
 */
import { card } from './card.js'
import { command } from './command.js'
import { file } from './file.js'
import { gif } from './gif.js'
import { image } from './image.js'
import { location } from './location.js'
import { mergeForward } from './merge-forward.js'
import { screenshot } from './screenshot.js'
import { emojiSticker, vectorSticker } from './sticker.js'
import { friendAccepted } from './system/friend-accepted.js'
import { friendApply } from './system/friend-apply.js'
import { groupCreated } from './system/group-created.js'
import { groupMemberInviteRequest } from './system/group-member-invite-request.js'
import { groupMemberKicked } from './system/group-member-kicked.js'
import { groupMemberQuit } from './system/group-member-quit.js'
import { groupMemberScanJoin } from './system/group-member-scan-join.js'
import { groupMembersAdded } from './system/group-members-added.js'
import { groupMembersRemoved } from './system/group-members-removed.js'
import { groupOwnerTransferred } from './system/group-owner-transferred.js'
import { groupUpdated } from './system/group-updated.js'
import { groupUpgraded } from './system/group-upgraded.js'
import { messageRecalled } from './system/message-recalled.js'
import { removedFromGroup } from './system/removed-from-group.js'
import { tip } from './system/tip.js'
import { text } from './text.js'
import { video } from './video.js'
import { voice } from './voice.js'

export const payloadDefinitions = [
  text,
  image,
  gif,
  voice,
  video,
  location,
  card,
  file,
  mergeForward,
  vectorSticker,
  emojiSticker,
  screenshot,
  command,
  friendApply,
  groupCreated,
  groupMembersAdded,
  groupMembersRemoved,
  friendAccepted,
  groupUpdated,
  messageRecalled,
  groupMemberScanJoin,
  groupOwnerTransferred,
  groupMemberInviteRequest,
  groupMemberKicked,
  removedFromGroup,
  groupMemberQuit,
  groupUpgraded,
  tip,
] as const

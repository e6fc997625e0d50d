/**
 * Builders for system messages in the documented style: the operator is `{0}` (`extra[0]`),
 * listed users follow, joined by "、" (zh) or ", " (en); templates come from each type's
 * definition.
 *
 * User text (a group name, an announcement) is never written into `content`: it goes into an
 * `extra` entry with an empty uid and is referenced by its placeholder. A group named "{1}"
 * therefore cannot become a placeholder in any client, and the text reaches readers byte-exact.
 */
import type { HeaderFlags } from '../model/flags.js'
import { MessageType } from '../generated/message-type.js'
import type { Locale } from '../model/define.js'
import { typeFlags, typeHistoryFlags, typeTemplates } from '../generated/registry.js'
import type { SystemExtra } from '../model/fields.js'
import type { Payload } from '../types/payload.js'
import type { FriendAcceptedPayload } from '../types/system/friend-accepted.js'
import type { GroupCreatedPayload } from '../types/system/group-created.js'
import type { GroupMemberInviteRequestPayload } from '../types/system/group-member-invite-request.js'
import type { GroupMemberScanJoinPayload } from '../types/system/group-member-scan-join.js'
import type { GroupUpgradedPayload } from '../types/system/group-upgraded.js'
import type { TipPayload } from '../types/system/tip.js'
import type { GroupMemberKickedPayload } from '../types/system/group-member-kicked.js'
import type { GroupMemberQuitPayload } from '../types/system/group-member-quit.js'
import type { GroupMembersAddedPayload } from '../types/system/group-members-added.js'
import type { GroupMembersRemovedPayload } from '../types/system/group-members-removed.js'
import type { GroupOwnerTransferredPayload } from '../types/system/group-owner-transferred.js'
import type { GroupUpdatedPayload } from '../types/system/group-updated.js'
import type { MessageRecalledPayload } from '../types/system/message-recalled.js'
import type { RemovedFromGroupPayload } from '../types/system/removed-from-group.js'

/** A user a system message names. */
export interface UserRef {
  readonly uid: string
  readonly name: string
}

export interface BuildOptions {
  /** Template language. Default `'zh'`. */
  readonly locale?: Locale
  /** Flags that keep the message in channel history (see `recommendFlags`). */
  readonly keepInHistory?: boolean
}

/** A built system message: the payload and the header it should be sent with. */
export interface BuiltSystemMessage<P> {
  readonly payload: P
  readonly header: HeaderFlags
}

const LIST_SEPARATOR: Readonly<Record<Locale, string>> = { zh: '、', en: ', ' }

function template(type: number, variant: string, locale: Locale): string {
  const t = typeTemplates[type]?.[variant]
  if (t === undefined) throw new TypeError(`no ${variant} template for type ${type}`)
  return t[locale]
}

/**
 * Fills a builder template: `{list}` becomes one placeholder per listed user (numbered after
 * the fixed ones), `{count}` the number given; `{0}`… are left for clients.
 */
function content(type: number, variant: string, locale: Locale, fixed: number, listed: number, count?: number): string {
  const list = Array.from({ length: listed }, (_, i) => `{${fixed + i}}`).join(LIST_SEPARATOR[locale])
  return template(type, variant, locale).replace('{list}', list).replace('{count}', String(count ?? listed))
}

function extraOf(users: readonly UserRef[]): SystemExtra[] {
  return users.map(({ uid, name }) => ({ uid, name }))
}

function built<P extends Payload>(payload: P, options: BuildOptions): BuiltSystemMessage<P> {
  const flags = (options.keepInHistory && typeHistoryFlags[payload.type]) || typeFlags[payload.type]
  return { payload, header: { ...(flags as HeaderFlags) } }
}

/** 1001: `creator` created the group with `members`. */
export function buildGroupCreated(input: { creator: UserRef; members: readonly UserRef[]; version?: number } & BuildOptions): BuiltSystemMessage<GroupCreatedPayload> {
  const locale = input.locale ?? 'zh'
  return built(
    {
      type: MessageType.GroupCreated,
      creator: input.creator.uid,
      creator_name: input.creator.name,
      ...(input.version === undefined ? {} : { version: input.version }),
      content: content(MessageType.GroupCreated, 'default', locale, 1, input.members.length),
      extra: extraOf([input.creator, ...input.members]),
    },
    input,
  )
}

/** 1002: `operator` invited `members`. */
export function buildGroupMembersAdded(input: { operator: UserRef; members: readonly UserRef[] } & BuildOptions): BuiltSystemMessage<GroupMembersAddedPayload> {
  const locale = input.locale ?? 'zh'
  return built(
    { type: MessageType.GroupMembersAdded, content: content(MessageType.GroupMembersAdded, 'default', locale, 1, input.members.length), extra: extraOf([input.operator, ...input.members]) },
    input,
  )
}

/** 1003: `operator` removed `members`. */
export function buildGroupMembersRemoved(input: { operator: UserRef; members: readonly UserRef[] } & BuildOptions): BuiltSystemMessage<GroupMembersRemovedPayload> {
  const locale = input.locale ?? 'zh'
  return built(
    { type: MessageType.GroupMembersRemoved, content: content(MessageType.GroupMembersRemoved, 'default', locale, 1, input.members.length), extra: extraOf([input.operator, ...input.members]) },
    input,
  )
}

function groupUpdated(variant: 'name' | 'announcement', key: 'name' | 'notice', operator: UserRef, text: string, options: BuildOptions): BuiltSystemMessage<GroupUpdatedPayload> {
  const locale = options.locale ?? 'zh'
  return built(
    {
      type: MessageType.GroupUpdated,
      content: template(MessageType.GroupUpdated, variant, locale),
      // The new text is `{1}`: an entry without a uid, so it is never parsed as a template.
      extra: [...extraOf([operator]), { uid: '', name: text }],
      data: { [key]: text },
    },
    options,
  )
}

/** 1005: `operator` renamed the group to `name`. */
export function buildGroupNameUpdated(input: { operator: UserRef; name: string } & BuildOptions): BuiltSystemMessage<GroupUpdatedPayload> {
  return groupUpdated('name', 'name', input.operator, input.name, input)
}

/** 1005: `operator` changed the group announcement to `announcement`. */
export function buildGroupAnnouncementUpdated(input: { operator: UserRef; announcement: string } & BuildOptions): BuiltSystemMessage<GroupUpdatedPayload> {
  return groupUpdated('announcement', 'notice', input.operator, input.announcement, input)
}

/** 1006: `operator` recalled the message `message_id` (a decimal string). */
export function buildMessageRecalled(input: { operator: UserRef; message_id: string } & BuildOptions): BuiltSystemMessage<MessageRecalledPayload> {
  const locale = input.locale ?? 'zh'
  return built(
    { type: MessageType.MessageRecalled, message_id: input.message_id, content: template(MessageType.MessageRecalled, 'default', locale), extra: extraOf([input.operator]) },
    input,
  )
}

/** 1010: the reader was removed by `operator` (WuKongIM docs' kick message). */
export function buildGroupMemberKicked(input: { operator: UserRef } & BuildOptions): BuiltSystemMessage<GroupMemberKickedPayload> {
  const locale = input.locale ?? 'zh'
  return built({ type: MessageType.GroupMemberKicked, content: template(MessageType.GroupMemberKicked, 'default', locale), extra: extraOf([input.operator]) }, input)
}

/** 1020: `removed` were removed by `operator` (TangSengDaoDao); only they see it. */
export function buildRemovedFromGroup(input: { operator: UserRef; removed: readonly string[] } & BuildOptions): BuiltSystemMessage<RemovedFromGroupPayload> {
  const locale = input.locale ?? 'zh'
  return built(
    { type: MessageType.RemovedFromGroup, content: template(MessageType.RemovedFromGroup, 'default', locale), extra: extraOf([input.operator]), visibles: [...input.removed] },
    input,
  )
}

/** 1021: `member` left the group (TangSengDaoDao). */
export function buildGroupMemberQuit(input: { member: UserRef } & BuildOptions): BuiltSystemMessage<GroupMemberQuitPayload> {
  const locale = input.locale ?? 'zh'
  return built({ type: MessageType.GroupMemberQuit, content: template(MessageType.GroupMemberQuit, 'default', locale), extra: extraOf([input.member]) }, input)
}

/** 1008: `owner` is the new group owner (TangSengDaoDao). */
export function buildGroupOwnerTransferred(input: { owner: UserRef } & BuildOptions): BuiltSystemMessage<GroupOwnerTransferredPayload> {
  const locale = input.locale ?? 'zh'
  return built({ type: MessageType.GroupOwnerTransferred, content: template(MessageType.GroupOwnerTransferred, 'default', locale), extra: extraOf([input.owner]) }, input)
}

/** 1004: `accepter` accepted `requester`'s friend request (TangSengDaoDao; fixed text). */
export function buildFriendAccepted(input: { accepter: UserRef; requester: string } & BuildOptions): BuiltSystemMessage<FriendAcceptedPayload> {
  const locale = input.locale ?? 'zh'
  return built(
    { type: MessageType.FriendAccepted, content: template(MessageType.FriendAccepted, 'default', locale), sure_uid: input.accepter.uid, sure_name: input.accepter.name, to_uid: input.requester },
    input,
  )
}

/** 1007: `member` joined through the QR code `sharer` shared (TangSengDaoDao). */
export function buildGroupMemberScanJoin(input: { member: UserRef; sharer: UserRef } & BuildOptions): BuiltSystemMessage<GroupMemberScanJoinPayload> {
  const locale = input.locale ?? 'zh'
  return built({ type: MessageType.GroupMemberScanJoin, content: template(MessageType.GroupMemberScanJoin, 'default', locale), extra: extraOf([input.member, input.sharer]) }, input)
}

/** 1009: `inviter` asks to invite `count` people; only `approvers` see it (TangSengDaoDao). */
export function buildGroupMemberInviteRequest(
  input: { inviter: UserRef; count: number; invite_no: string; approvers: readonly string[] } & BuildOptions,
): BuiltSystemMessage<GroupMemberInviteRequestPayload> {
  const locale = input.locale ?? 'zh'
  return built(
    {
      type: MessageType.GroupMemberInviteRequest,
      content: content(MessageType.GroupMemberInviteRequest, 'default', locale, 1, 0, input.count),
      extra: extraOf([input.inviter]),
      invite_no: input.invite_no,
      visibles: [...input.approvers],
    },
    input,
  )
}

/** 1022: the group was upgraded to a super group (TangSengDaoDao; fixed text). */
export function buildGroupUpgraded(input: BuildOptions = {}): BuiltSystemMessage<GroupUpgradedPayload> {
  return built({ type: MessageType.GroupUpgraded, content: template(MessageType.GroupUpgraded, 'default', input.locale ?? 'zh') }, input)
}

/**
 * 2000: a tip with the app's own template. `users[n]` fills `{n}`; `text` is written as given,
 * so it must not contain user text (put that in an entry of `users` with an empty uid).
 */
export function buildTip(input: { text: string; users?: readonly UserRef[] } & BuildOptions): BuiltSystemMessage<TipPayload> {
  return built({ type: MessageType.Tip, content: input.text, ...(input.users ? { extra: extraOf(input.users) } : {}) }, input)
}

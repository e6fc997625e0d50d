import { Type, type Static, type TObject } from '@sinclair/typebox'
import { DecimalId, ID_HINT, withStatic } from '../model/fields.js'
import { COMMAND_FLAGS } from '../model/flags.js'
import { definePayloadType } from '../model/define.js'

const channelRef = {
  channel_id: Type.String({ description: 'Channel id.' }),
  channel_type: Type.Integer({ minimum: 0, description: 'Channel type (1 personal, 2 group, …).' }),
}
const groupRef = { group_no: Type.String({ description: 'Group id.' }) }
const noParam = Type.Object({})

/**
 * `param` of the commands the docs and the WuKongIM / TangSengDaoDao ecosystem define (names from
 * TangSengDaoDao/TangSengDaoDaoServerLib:common/constant.go; params from its config/msg*.go and
 * from the consumers in TangSengDaoDao/TangSengDaoDaoWeb:packages/tsdaodaobase/src/module.tsx
 * and WuKongIM/WuKongIMAndroidSDK's CMDManager). Keys a command does not list are kept; only the
 * listed required keys are enforced.
 */
export const commandParamSchemas = {
  /** Docs: group information changed; refetch it. */
  groupUpdate: Type.Object({ group_no: Type.Optional(groupRef.group_no) }),
  /** Docs: group members changed; sync them incrementally. */
  memberUpdate: Type.Object(groupRef),
  /** Docs: clear the red dot of a conversation. */
  unreadClear: Type.Object({ ...channelRef, unread: Type.Optional(Type.Integer({ minimum: 0, description: 'Unread count to keep.' })) }),
  channelUpdate: Type.Object(channelRef),
  groupAvatarUpdate: Type.Object(groupRef),
  userAvatarUpdate: Type.Object({ uid: Type.String() }),
  typing: Type.Object({ from_uid: Type.String(), from_name: Type.Optional(Type.String()), ...channelRef }),
  onlineStatus: Type.Object({
    uid: Type.String(),
    online: Type.Optional(Type.Integer()),
    device_flag: Type.Optional(Type.Integer()),
    main_device_flag: Type.Optional(Type.Integer()),
    all_offline: Type.Optional(Type.Integer()),
  }),
  friendRequest: Type.Object({
    apply_uid: Type.String(),
    apply_name: Type.Optional(Type.String()),
    remark: Type.Optional(Type.String()),
    token: Type.Optional(Type.String()),
    to_uid: Type.Optional(Type.String()),
  }),
  friendAccept: Type.Object({ from_uid: Type.String(), to_uid: Type.String() }),
  friendDeleted: Type.Object({ uid: Type.String() }),
  /** TangSengDaoDao's recall: `message_id` formatted as a decimal string. */
  messageRevoke: Type.Object({ message_id: DecimalId('Id of the recalled message.', ID_HINT) }),
  /** Spelled `messageEerase` by TangSengDaoDao, and so on the wire. */
  messageEerase: Type.Object({
    erase_type: Type.Union([Type.Literal('all'), Type.Literal('from')]),
    from_uid: Type.Optional(Type.String()),
    ...channelRef,
  }),
  conversationDelete: Type.Object(channelRef),
  conversationDeleted: Type.Object(channelRef),
  syncMessageExtra: noParam,
  syncMessageReaction: noParam,
  syncReminders: noParam,
  syncConversationExtra: noParam,
  syncPinnedMessage: noParam,
} satisfies Record<string, TObject>

/** The `param` type of each known command. */
export type CommandParams = { [C in keyof typeof commandParamSchemas]: Static<(typeof commandParamSchemas)[C]> }

const ParamSchema = Type.Object({}, { description: 'Command arguments; shape depends on `cmd`.' })


/** A command payload whose `cmd` is the known command `C`, with that command's `param`. */
export type KnownCommandPayload<C extends keyof CommandParams> = CommandPayload & { cmd: C; param: CommandParams[C] }

/**
 * Whether `payload` is the command `cmd`; narrows `param` to that command's shape. It trusts a
 * payload that passed validation (the validator already checked `param` for known commands).
 */
export function isCommand<C extends keyof CommandParams>(payload: { type: number }, cmd: C): payload is KnownCommandPayload<C> {
  return payload.type === commandDefinition.type && (payload as { cmd?: unknown }).cmd === cmd
}

export const commandDefinition = definePayloadType({
  type: 99,
  name: 'command',
  description:
    'Command (type 99): tells clients to do something (sync members, clear a red dot). Send with `sync_once: 1`. The `param` of each known `cmd` is checked.',
  fields: {
    cmd: Type.String({ minLength: 1, description: 'Command name, e.g. `memberUpdate`.' }),
    param: Type.Optional(withStatic<Record<string, unknown>>(ParamSchema)),
    sign: Type.Optional(Type.String({ description: 'Signature (read by iOS only).' })),
  },
  params: commandParamSchemas,
  flags: COMMAND_FLAGS,
  digest: { zh: '', en: '' },
  examples: [
    { title: 'Group updated', value: { type: 99, cmd: 'groupUpdate', param: {} }, source: 'seeds/000 "Command Message"' },
    { title: 'Basic command', value: { type: 99, cmd: 'cmd', param: {} }, source: 'seeds/000 "Basic Command Message"' },
    { title: 'Group member info update', value: { type: 99, cmd: 'memberUpdate', param: { group_no: 'xxxx' } }, source: 'seeds/000 "Group Member Info Update"' },
    { title: 'Red dot clear', value: { type: 99, cmd: 'unreadClear', param: { channel_id: 'xxxx', channel_type: 2 } }, source: 'seeds/000 "Red Dot Clear"' },
    { title: 'Recall (TangSengDaoDao)', value: { type: 99, cmd: 'messageRevoke', param: { message_id: '1867301234567890123' } } },
  ],
  invalidExamples: [
    { title: '`memberUpdate` without `group_no`', value: { type: 99, cmd: 'memberUpdate', param: {} }, path: '/param/group_no' },
    { title: '`unreadClear` with a string channel type', value: { type: 99, cmd: 'unreadClear', param: { channel_id: 'g1', channel_type: '2' } }, path: '/param/channel_type' },
    { title: 'No cmd', value: { type: 99, param: {} }, path: '/cmd' },
  ],
})
/**
 * Command message (type 99). Use {@link isCommand} to narrow `param` to a known command's shape.
 *
 * @see {@link https://githubim.com/api/message} "Command Message"
 */
export const CommandSchema = commandDefinition.schema
export type CommandPayload = Static<typeof CommandSchema>

import { Type, type Static, type TObject } from '@sinclair/typebox'
import { DecimalId, ID_HINT, withStatic } from '../model/fields.js'
import { COMMAND_FLAGS } from '../model/flags.js'
import { definePayloadType } from '../model/define.js'

const channelRef = {
  channel_id: /* @__PURE__ */ Type.String({ description: 'Channel id.' }),
  channel_type: /* @__PURE__ */ Type.Integer({ minimum: 0, description: 'Channel type (1 personal, 2 group, …).' }),
}
const groupRef = { group_no: /* @__PURE__ */ Type.String({ description: 'Group id.' }) }
const noParam = /* @__PURE__ */ Type.Object({})

/**
 * `param` of the commands the docs and the WuKongIM / TangSengDaoDao ecosystem define (names from
 * TangSengDaoDao/TangSengDaoDaoServerLib:common/constant.go; params from its config/msg*.go and
 * from the consumers in TangSengDaoDao/TangSengDaoDaoWeb:packages/tsdaodaobase/src/module.tsx
 * and WuKongIM/WuKongIMAndroidSDK's CMDManager). Keys a command does not list are kept; only the
 * listed required keys are enforced.
 */
export const commandParamSchemas = {
  /** Docs: group information changed; refetch it. */
  groupUpdate: /* @__PURE__ */ Type.Object({ group_no: /* @__PURE__ */ Type.Optional(groupRef.group_no) }),
  /** Docs: group members changed; sync them incrementally. */
  memberUpdate: /* @__PURE__ */ Type.Object(groupRef),
  /** Docs: clear the red dot of a conversation. */
  unreadClear: /* @__PURE__ */ (() => Type.Object({ ...channelRef, unread: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer({ minimum: 0, description: 'Unread count to keep.' })) }))(),
  channelUpdate: /* @__PURE__ */ Type.Object(channelRef),
  groupAvatarUpdate: /* @__PURE__ */ Type.Object(groupRef),
  userAvatarUpdate: /* @__PURE__ */ Type.Object({ uid: /* @__PURE__ */ Type.String() }),
  typing: /* @__PURE__ */ (() => Type.Object({ from_uid: /* @__PURE__ */ Type.String(), from_name: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()), ...channelRef }))(),
  onlineStatus: /* @__PURE__ */ Type.Object({
    uid: /* @__PURE__ */ Type.String(),
    online: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer()),
    device_flag: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer()),
    main_device_flag: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer()),
    all_offline: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer()),
  }),
  friendRequest: /* @__PURE__ */ Type.Object({
    apply_uid: /* @__PURE__ */ Type.String(),
    apply_name: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
    remark: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
    token: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
    to_uid: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
  }),
  friendAccept: /* @__PURE__ */ Type.Object({ from_uid: /* @__PURE__ */ Type.String(), to_uid: /* @__PURE__ */ Type.String() }),
  friendDeleted: /* @__PURE__ */ Type.Object({ uid: /* @__PURE__ */ Type.String() }),
  /** TangSengDaoDao's recall: `message_id` formatted as a decimal string. */
  messageRevoke: /* @__PURE__ */ Type.Object({ message_id: /* @__PURE__ */ DecimalId('Id of the recalled message.', ID_HINT) }),
  /** Spelled `messageEerase` by TangSengDaoDao, and so on the wire. */
  messageEerase: /* @__PURE__ */ (() => Type.Object({
    erase_type: /* @__PURE__ */ Type.Union([/* @__PURE__ */ Type.Literal('all'), /* @__PURE__ */ Type.Literal('from')]),
    from_uid: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String()),
    ...channelRef,
  }))(),
  conversationDelete: /* @__PURE__ */ Type.Object(channelRef),
  conversationDeleted: /* @__PURE__ */ Type.Object(channelRef),
  syncMessageExtra: noParam,
  syncMessageReaction: noParam,
  syncReminders: noParam,
  syncConversationExtra: noParam,
  syncPinnedMessage: noParam,
} satisfies Record<string, TObject>

/** The `param` type of each known command. */
export type CommandParams = { [C in keyof typeof commandParamSchemas]: Static<(typeof commandParamSchemas)[C]> }

const ParamSchema = /* @__PURE__ */ Type.Object({}, { description: 'Command arguments; shape depends on `cmd`.' })


/** A command payload whose `cmd` is the known command `C`, with that command's `param`. */
export type KnownCommandPayload<C extends keyof CommandParams> = CommandPayload & { cmd: C; param: CommandParams[C] }

/**
 * Whether `payload` is the command `cmd`; narrows `param` to that command's shape. It trusts a
 * payload that passed validation (the validator already checked `param` for known commands).
 */
export function isCommand<C extends keyof CommandParams>(payload: { type: number }, cmd: C): payload is KnownCommandPayload<C> {
  return payload.type === commandDefinition.type && (payload as { cmd?: unknown }).cmd === cmd
}

export const commandDefinition = /* @__PURE__ */ definePayloadType({
  type: 99,
  name: 'command',
  description:
    'Command (type 99): tells clients to do something (sync members, clear a red dot). Send with `sync_once: 1`. The `param` of each known `cmd` is checked.',
  fields: {
    cmd: /* @__PURE__ */ Type.String({ minLength: 1, description: 'Command name, e.g. `memberUpdate`.' }),
    param: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ withStatic<Record<string, unknown>>(ParamSchema)),
    sign: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Signature (read by iOS only).' })),
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
export const CommandSchema = /* @__PURE__ */ (() => commandDefinition.schema)()
export type CommandPayload = Static<typeof CommandSchema>

import { Type, type Static } from '@sinclair/typebox'
import { DOCS_SYSTEM_FLAGS, HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFields, built, checkBuildInput, extraOf, templateContent, type BuildOptions, type BuiltSystemMessage, type UserRef } from '../../model/system.js'

/** Number, header and builder templates: apart from the schema, so that the builder alone bundles small. */
const meta = {
  type: 1005,
  flags: DOCS_SYSTEM_FLAGS,
  historyFlags: HISTORY_SYSTEM_FLAGS,
  templates: {
    name: { zh: '{0}修改群名为"{1}"', en: '{0} changed the group name to "{1}"' },
    announcement: { zh: '{0}修改群公告为"{1}"', en: '{0} changed the group announcement to "{1}"' },
  },
} as const

/**
 * A group attribute changed (1005): name, announcement, mute, invite setting, …. One number covers
 * every change; the template text (and TangSengDaoDao's `data`) tell them apart.
 *
 * @see {@link https://githubim.com/api/message} "Update Group Name", "Update Group Announcement"
 */
export const groupUpdatedDefinition = /* @__PURE__ */ (() => definePayloadType({
  ...meta,
  name: 'group-updated',
  description: 'System message: a group attribute changed (1005).',
  fields: {
    ...systemFields,
    data: /* @__PURE__ */ Type.Optional(
    /* @__PURE__ */ Type.Object(
      {
        name: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'New group name.' })),
        notice: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'New announcement.' })),
        forbidden: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: '"1" = everyone muted.' })),
        invite: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: '"1" = invitations need approval.' })),
        status: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Group status.' })),
      },
      { description: 'What changed and its new value (TangSengDaoDao writes each as a string).' },
    ),
  ),
  },
  digest: 'system',
  // The new name or announcement is user text: builders pass it as `extra[1]` (empty uid) so that
  // a name like "{1}" can never become a placeholder.
  examples: [
    {
      title: 'Update group name',
      value: { type: 1005, content: '{0} changed the group name to "Test Group"', extra: [{ uid: 'xxx', name: 'John' }] },
      source: 'seeds/000 "Update Group Name"',
    },
    {
      title: 'Update group announcement',
      value: { type: 1005, content: '{0} changed the group announcement to "This is a group announcement"', extra: [{ uid: 'xxx', name: 'John' }] },
      source: 'seeds/000 "Update Group Announcement"',
    },
    { title: '更新群名称', value: { type: 1005, content: '{0}修改群名为"测试群"', extra: [{ uid: 'xxx', name: '张三' }] }, source: 'seeds/001 "更新群名称"' },
    {
      title: '更新群公告',
      value: { type: 1005, content: '{0}修改群公告为"这是一个群公告"', extra: [{ uid: 'xxx', name: '张三' }] },
      source: 'seeds/001 "更新群公告"',
    },
  ],
  invalidExamples: [{ title: 'extra uid as a number', value: { type: 1005, content: '{0}', extra: [{ uid: 1, name: 'n' }] }, path: '/extra/0/uid' }],
}))()
export const GroupUpdatedSchema = /* @__PURE__ */ (() => groupUpdatedDefinition.schema)()
export type GroupUpdatedPayload = Static<typeof GroupUpdatedSchema>

function buildUpdated(variant: 'name' | 'announcement', key: 'name' | 'notice', operator: UserRef, text: string, options: BuildOptions): BuiltSystemMessage<GroupUpdatedPayload> {
  return built(meta, {
    type: meta.type,
    content: templateContent(meta, variant, options),
    // The new text is `{1}`: an entry without a uid, so it is never parsed as a template.
    extra: [...extraOf([operator]), { uid: '', name: text }],
    data: { [key]: text },
  }, options)
}

/** 1005: `operator` renamed the group to `name`. */
export function buildGroupNameUpdated(input: { operator: UserRef; name: string } & BuildOptions): BuiltSystemMessage<GroupUpdatedPayload> {
  checkBuildInput(input, { operator: 'user', name: 'string' })
  return buildUpdated('name', 'name', input.operator, input.name, input)
}

/** 1005: `operator` changed the group announcement to `announcement`. */
export function buildGroupAnnouncementUpdated(input: { operator: UserRef; announcement: string } & BuildOptions): BuiltSystemMessage<GroupUpdatedPayload> {
  checkBuildInput(input, { operator: 'user', announcement: 'string' })
  return buildUpdated('announcement', 'notice', input.operator, input.announcement, input)
}

import { Type, type Static } from '@sinclair/typebox'
import { DOCS_SYSTEM_FLAGS, HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFields } from '../../model/system.js'

/**
 * A group attribute changed (1005): name, announcement, mute, invite setting, …. One number covers
 * every change; the template text (and TangSengDaoDao's `data`) tell them apart.
 *
 * @see {@link https://githubim.com/api/message} "Update Group Name", "Update Group Announcement"
 */

export const groupUpdated = definePayloadType({
  type: 1005,
  name: 'group-updated',
  description: 'System message: a group attribute changed (1005).',
  fields: {
    ...systemFields,
    data: Type.Optional(
    Type.Object(
      {
        name: Type.Optional(Type.String({ description: 'New group name.' })),
        notice: Type.Optional(Type.String({ description: 'New announcement.' })),
        forbidden: Type.Optional(Type.String({ description: '"1" = everyone muted.' })),
        invite: Type.Optional(Type.String({ description: '"1" = invitations need approval.' })),
        status: Type.Optional(Type.String({ description: 'Group status.' })),
      },
      { description: 'What changed and its new value (TangSengDaoDao writes each as a string).' },
    ),
  ),
  },
  flags: DOCS_SYSTEM_FLAGS,
  historyFlags: HISTORY_SYSTEM_FLAGS,
  digest: 'system',
  // The new name or announcement is user text: builders pass it as `extra[1]` (empty uid) so that
  // a name like "{1}" can never become a placeholder.
  templates: {
    name: { zh: '{0}修改群名为"{1}"', en: '{0} changed the group name to "{1}"' },
    announcement: { zh: '{0}修改群公告为"{1}"', en: '{0} changed the group announcement to "{1}"' },
  },
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
})
export const GroupUpdatedSchema = groupUpdated.schema
export type GroupUpdatedPayload = Static<typeof GroupUpdatedSchema>

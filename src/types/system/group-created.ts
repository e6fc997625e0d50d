import { Type, type Static } from '@sinclair/typebox'
import { DOCS_SYSTEM_FLAGS, HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { definePayloadType } from '../../model/define.js'
import { systemFields, built, checkBuildInput, extraOf, templateContent, type BuildOptions, type BuiltSystemMessage, type UserRef } from '../../model/system.js'

/** Number, header and builder templates: apart from the schema, so that the builder alone bundles small. */
const meta = {
  type: 1001,
  flags: DOCS_SYSTEM_FLAGS,
  historyFlags: HISTORY_SYSTEM_FLAGS,
  templates: { default: { zh: '{0}邀请{list}加入群聊', en: '{0} invited {list} to join the group chat' } },
} as const

/**
 * A group was created (1001). Docs style: the creator is `{0}` / `extra[0]`, the members follow.
 * (TangSengDaoDao instead bakes the creator's name into the text and lists only the members.)
 *
 * @see {@link https://githubim.com/api/message} "Create Group Chat"
 */
export const groupCreatedDefinition = /* @__PURE__ */ (() => definePayloadType({
  ...meta,
  name: 'group-created',
  description: 'System message: a group was created (1001).',
  fields: {
    ...systemFields,
    creator: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Creator uid.' })),
    creator_name: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: 'Creator display name.' })),
    version: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer({ description: 'Group version (TangSengDaoDao).' })),
  },
  digest: 'system',
  examples: [
    {
      title: 'Create group chat',
      value: {
        type: 1001,
        creator: 'xxx',
        creator_name: 'John',
        content: '{0} invited {1}, {2} to join the group chat',
        extra: [
          { uid: 'xxx', name: 'John' },
          { uid: 'xx01', name: 'Alice' },
          { uid: 'xx02', name: 'Bob' },
        ],
      },
      source: 'seeds/000 "Create Group Chat"',
    },
    {
      title: '创建群聊',
      value: {
        type: 1001,
        creator: 'xxx',
        creator_name: '张三',
        content: '{0}邀请{1}、{2}加入群聊',
        extra: [
          { uid: 'xxx', name: '张三' },
          { uid: 'xx01', name: '李四' },
          { uid: 'xx02', name: '王五' },
        ],
      },
      source: 'seeds/001 "创建群聊"',
    },
  ],
  invalidExamples: [
    { title: 'extra entry without a name', value: { type: 1001, content: '{0} created the group', extra: [{ uid: 'u1' }] }, path: '/extra/0/name' },
  ],
}))()
export const GroupCreatedSchema = /* @__PURE__ */ (() => groupCreatedDefinition.schema)()
export type GroupCreatedPayload = Static<typeof GroupCreatedSchema>

/** 1001: `creator` created the group with `members`. */
export function buildGroupCreated(input: { creator: UserRef; members: readonly UserRef[]; version?: number } & BuildOptions): BuiltSystemMessage<GroupCreatedPayload> {
  checkBuildInput(input, { creator: 'user', members: 'users' })
  return built(meta, {
    type: meta.type,
    creator: input.creator.uid,
    creator_name: input.creator.name,
    ...(input.version === undefined ? {} : { version: input.version }),
    content: templateContent(meta, 'default', input, 1, input.members.length),
    extra: extraOf([input.creator, ...input.members]),
  }, input)
}

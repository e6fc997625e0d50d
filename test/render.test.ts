import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { payloadDefinitions, validatePayload } from '../src/entries/index.js'
import {
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
  digest,
  renderSystemMessage,
  renderSystemMessageHtml,
  renderSystemMessageSegments,
} from '../src/entries/render.js'

const example = (title: string) => {
  for (const d of payloadDefinitions) for (const e of d.examples) if (e.title === title) return e.value
  throw new Error(`no example ${title}`)
}

describe('renderSystemMessage on the seeds’ examples', () => {
  it.each([
    ['Create group chat', 'John invited Alice, Bob to join the group chat'],
    ['创建群聊', '张三邀请李四、王五加入群聊'],
    ['Add group members', 'John invited Alice, Bob to join the group chat'],
    ['添加群成员', '张三邀请李四、王五加入群聊'],
    ['Remove group members', 'John removed Alice from the group chat'],
    ['移除群成员', '张三将李四移除群聊'],
    ['Group member kicked', 'You were removed from the group chat by John'],
    ['群成员被踢', '你被张三移除群聊'],
    ['Update group name', 'John changed the group name to "Test Group"'],
    ['更新群名称', '张三修改群名为"测试群"'],
    ['Update group announcement', 'John changed the group announcement to "This is a group announcement"'],
    ['更新群公告', '张三修改群公告为"这是一个群公告"'],
    ['Recall message', 'John recalled a message'],
    ['撤回消息', '张三撤回了一条消息'],
  ])('%s → %s', (title, expected) => {
    expect(renderSystemMessage(example(title))).toBe(expected)
  })
})

describe('rendering is right where the official clients are not', () => {
  const extra = (...names: string[]) => names.map((name, i) => ({ uid: `u${i}`, name }))
  it('replaces every occurrence (the JS SDK replaces only the first)', () => {
    expect(renderSystemMessage({ content: '{0} and {0}', extra: extra('A') })).toBe('A and A')
  })
  it('inserts names verbatim: $& (JS SDK), {1} (iOS), apostrophes (Android)', () => {
    expect(renderSystemMessage({ content: '{0} invited {1}', extra: extra('$&$$', '{0}') })).toBe('$&$$ invited {0}')
    expect(renderSystemMessage({ content: '{0} invited {1}', extra: extra('{1}', 'B') })).toBe('{1} invited B')
    expect(renderSystemMessage({ content: "It's {0}'s group", extra: extra("O'Brien") })).toBe("It's O'Brien's group")
  })
  it('keeps missing indices literal (configurable) and survives bad input', () => {
    expect(renderSystemMessage({ content: '{0} {5} {99999999999999999999}', extra: extra('A') })).toBe('A {5} {99999999999999999999}')
    expect(renderSystemMessage({ content: '{0} {5}', extra: extra('A') }, { missing: 'empty' })).toBe('A ')
    expect(renderSystemMessage({ content: 'unbalanced { and } and {0', extra: extra('A') })).toBe('unbalanced { and } and {0')
    for (const bad of [null, undefined, 1, 'x', [], {}, { content: 5 }, { content: '{0}', extra: 'nope' }, { content: '{0}', extra: [null, 3] }]) {
      expect(typeof renderSystemMessage(bad)).toBe('string')
    }
  })
  it('renders a missing or empty name empty, as the clients do, unless the app resolves it', () => {
    // JS SDK `extrMap['name'] || ''`, iOS `?: @""`, Android MessageFormat with "": all show nothing, never the uid.
    expect(renderSystemMessage({ content: '张三邀请{0},{1}加入群聊', extra: [{ uid: '8f2c1e5a9b7d4c3e8a1f0b2d6c4e9a7b', name: '' }, { uid: 'u3', name: '王五' }] })).toBe('张三邀请,王五加入群聊')
    expect(renderSystemMessage({ content: '{0}', extra: [{ uid: 'u9' }] })).toBe('')
    const cache = new Map([['u9', '某人']])
    const resolveName = (uid: string) => cache.get(uid)
    expect(renderSystemMessage({ content: '{0}+{1}', extra: [{ uid: 'u9' }, { uid: 'u8', name: '' }] }, { resolveName })).toBe('某人+')
    // A name the payload carries is not replaced by the cache.
    expect(renderSystemMessage({ content: '{0}', extra: [{ uid: 'u9', name: '老王' }] }, { resolveName })).toBe('老王')
    expect(renderSystemMessageSegments({ content: '{0}', extra: [{ uid: 'u9', name: '' }] })).toEqual([{ kind: 'user', uid: 'u9', name: '', self: false }])
  })
  it('names the reader by locale, or by the given label', () => {
    const p = { content: '{0}邀请{1}加入群聊', extra: extra('张三', '李四') }
    expect(renderSystemMessage(p, { selfUid: 'u1' })).toBe('张三邀请你加入群聊')
    expect(renderSystemMessage({ content: '{0} invited {1}', extra: extra('John', 'Alice') }, { selfUid: 'u0', locale: 'en' })).toBe('You invited Alice')
    expect(renderSystemMessage(p, { selfUid: 'u0', selfLabel: '您' })).toBe('您邀请李四加入群聊')
  })
  it('gives segments for rich UIs', () => {
    expect(renderSystemMessageSegments(example('创建群聊'), { selfUid: 'xx02' })).toEqual([
      { kind: 'user', uid: 'xxx', name: '张三', self: false },
      { kind: 'text', text: '邀请' },
      { kind: 'user', uid: 'xx01', name: '李四', self: false },
      { kind: 'text', text: '、' },
      { kind: 'user', uid: 'xx02', name: '你', self: true },
      { kind: 'text', text: '加入群聊' },
    ])
  })
  it('escapes everything in HTML', () => {
    const html = renderSystemMessageHtml({ content: '<b>{0}</b> & {1}', extra: [{ uid: 'a"b', name: '<script>alert(1)</script>' }, { uid: 'me', name: "O'Brien" }] }, { selfUid: 'me', locale: 'en' })
    expect(html).toBe('&lt;b&gt;<span class="wk-user" data-uid="a&quot;b" dir="auto">&lt;script&gt;alert(1)&lt;/script&gt;</span>&lt;/b&gt; &amp; <span class="wk-user wk-self" data-uid="me" dir="auto">You</span>')
  })
})

describe('rendering properties', () => {
  const name = fc.string({ unit: 'grapheme' })
  it('is total, single-pass, and the identity without placeholders', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.record({ uid: fc.string({ minLength: 1 }), name })), (content, extra) => {
        const rendered = renderSystemMessage({ content, extra })
        if (!/\{[0-9]+\}/.test(content)) expect(rendered).toBe(content)
      }),
      { numRuns: 3000 },
    )
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string().map((s) => s.replace(/[{}]/g, '')), fc.nat(5).map((n) => `{${n}}`))), fc.array(fc.record({ uid: fc.string({ minLength: 1 }), name }), { maxLength: 4 }), (parts, extra) => {
        // Reference: substitute each piece independently, so inserted text is never rescanned.
        const expected = parts.map((p) => { const m = /^\{([0-9]+)\}$/.exec(p); if (!m) return p; const e = extra[Number(m[1])]; return e ? e.name : p }).join('')
        expect(renderSystemMessage({ content: parts.join(''), extra })).toBe(expected)
      }),
      { numRuns: 3000 },
    )
    fc.assert(fc.property(fc.anything(), (value) => void renderSystemMessageHtml(value)), { numRuns: 2000 })
  })
})

describe('digest', () => {
  it('previews every built-in type in zh and en', () => {
    for (const d of payloadDefinitions) {
      for (const e of d.examples) {
        for (const locale of ['zh', 'en'] as const) {
          const text = digest(e.value, { locale })
          expect(text).not.toMatch(/\n/)
          if (d.type !== 99) expect(text.length, `${d.name} ${locale}`).toBeGreaterThan(0)
        }
      }
    }
    expect(digest({ type: 1, content: 'line1\nline2' }, { locale: 'zh' })).toBe('line1 line2')
    expect(digest({ type: 2, url: 'x', width: 1, height: 1 }, { locale: 'zh' })).toBe('[图片]')
    expect(digest({ type: 2, url: 'x', width: 1, height: 1 }, { locale: 'en' })).toBe('[Image]')
    expect(digest({ type: 4, url: 'x', timeTrad: 3 }, { locale: 'zh' })).toBe('[语音]')
    expect(digest({ type: 8, url: 'x', name: '报告.pdf', size: 1 }, { locale: 'en' })).toBe('[File] 报告.pdf')
    expect(digest(example('创建群聊'), { locale: 'zh', selfUid: 'xx01' })).toBe('张三邀请你、王五加入群聊')
    expect(digest({ type: 777 }, { locale: 'zh' })).toBe('[未知消息]')
    expect(digest({ type: 777 }, { locale: 'en' })).toBe('[Unsupported message]')
    expect(digest('garbage', { locale: 'en' })).toBe('[Unsupported message]')
  })
})

describe('builders', () => {
  const zhang = { uid: 'u0', name: '张三' }
  const li = { uid: 'u1', name: '李四' }
  const wang = { uid: 'u2', name: '王五' }

  it('build valid payloads in the documented style, with recommended flags', () => {
    const created = buildGroupCreated({ creator: zhang, members: [li, wang] })
    expect(created.payload).toEqual({ type: 1001, creator: 'u0', creator_name: '张三', content: '{0}邀请{1}、{2}加入群聊', extra: [zhang, li, wang] })
    expect(created.header).toEqual({ no_persist: 0, red_dot: 0, sync_once: 1 })
    expect(renderSystemMessage(created.payload)).toBe('张三邀请李四、王五加入群聊')
    const en = buildGroupMembersAdded({ operator: { uid: 'x', name: 'John' }, members: [{ uid: 'a', name: 'Alice' }, { uid: 'b', name: 'Bob' }], locale: 'en', keepInHistory: true })
    expect(renderSystemMessage(en.payload)).toBe('John invited Alice, Bob to join the group chat')
    expect(en.header).toEqual({ no_persist: 0, red_dot: 1, sync_once: 0 })
    expect(renderSystemMessage(buildGroupMembersRemoved({ operator: zhang, members: [li] }).payload)).toBe('张三将李四移除群聊')
    expect(renderSystemMessage(buildMessageRecalled({ operator: zhang, message_id: '1867301234567890123' }).payload)).toBe('张三撤回了一条消息')
    expect(renderSystemMessage(buildGroupMemberKicked({ operator: zhang, locale: 'en' }).payload)).toBe('You were removed from the group chat by 张三')
  })

  it('never lets user text become a placeholder', () => {
    const renamed = buildGroupNameUpdated({ operator: zhang, name: '{1}{0} $& <b>' })
    expect(renamed.payload.content).toBe('{0}修改群名为"{1}"')
    expect(renderSystemMessage(renamed.payload)).toBe('张三修改群名为"{1}{0} $& <b>"')
    expect(renamed.payload.data).toEqual({ name: '{1}{0} $& <b>' })
    const notice = buildGroupAnnouncementUpdated({ operator: zhang, announcement: '明天{0}开会', locale: 'en' })
    expect(renderSystemMessage(notice.payload)).toBe('张三 changed the group announcement to "明天{0}开会"')
    expect(renderSystemMessageSegments(notice.payload).filter((s) => s.kind === 'user')).toHaveLength(1)
  })

  it('every builder’s payload validates', () => {
    const built = [
      buildGroupCreated({ creator: zhang, members: [li] }),
      buildGroupMembersAdded({ operator: zhang, members: [li, wang], locale: 'en' }),
      buildGroupMembersRemoved({ operator: zhang, members: [li] }),
      buildGroupNameUpdated({ operator: zhang, name: 'x' }),
      buildGroupAnnouncementUpdated({ operator: zhang, announcement: 'y' }),
      buildMessageRecalled({ operator: zhang, message_id: '1' }),
      buildGroupMemberKicked({ operator: zhang }),
      buildRemovedFromGroup({ operator: zhang, removed: ['u9'] }),
      buildGroupMemberQuit({ member: li }),
      buildGroupOwnerTransferred({ owner: li }),
      buildFriendAccepted({ accepter: li, requester: 'u0' }),
      buildGroupMemberScanJoin({ member: wang, sharer: zhang, locale: 'en' }),
      buildGroupMemberInviteRequest({ inviter: zhang, count: 3, invite_no: 'i1', approvers: ['owner'] }),
      buildGroupUpgraded(),
      buildTip({ text: '{0}已解散该群聊', users: [zhang] }),
    ]
    for (const { payload } of built) expect(validatePayload(payload)).toEqual({ ok: true, value: payload })
    expect(renderSystemMessage(built[12]?.payload)).toBe('“张三”想邀请3位朋友加入群聊')
    expect(renderSystemMessage(built[11]?.payload)).toBe('"王五" joined the group chat via "张三"’s QR code')
  })
})

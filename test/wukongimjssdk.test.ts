/**
 * The bridge against the real official SDK from npm (`wukongimjssdk` 1.0.4, a devDependency),
 * bundled with the bridge by esbuild as an app's bundler would (test/wukongimjssdk/harness.ts).
 * Payloads go through the SDK's own paths: `new Message(recvPacket)` (what `ChatManager.onPacket`
 * does for every received packet), `chatManager.getSendPacket` (what `send` encodes),
 * the SDK's `MessageText` + `Reply` (quoting), its task manager (upload). Oracles: each
 * definition's examples and the corpus (test/corpus/*.json: what the official clients write and
 * render, cited per entry) for the values; JSON.parse of the SDK's bytes for what it sends; the
 * issue's hand-checked SDK renderings for system text.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Type } from '@sinclair/typebox'
import { definePayloadType, digest, encodePayload, payloadDefinitions, renderSystemMessage } from '../src/entries/index.js'
import { createCodec } from '../src/entries/runtime.js'
import type * as Bridge from '../src/entries/wukongimjssdk.js'
import type * as Chat from '../examples/wukongimjssdk-chat.js'
import { root } from './helpers.js'

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's classes are loaded at run time from the bundle */
type Harness = typeof Bridge & { chat: typeof Chat; sdk: any; RecvPacket: any; SendPacket: any; Setting: any; WKSDK: any; MessageTask: any; TaskStatus: any }

let h: Harness
let wk: any
let dir: string

interface CorpusEntry {
  readonly id: string
  readonly payload: { readonly type: number; readonly [key: string]: unknown }
  readonly verdict: 'accept' | 'keep'
  readonly render?: { readonly zh?: string; readonly selfUid?: string }
}
const corpusDir = join(root, 'test/corpus')
const corpus: CorpusEntry[] = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(join(corpusDir, f), 'utf8')) as CorpusEntry[])

const utf8 = new TextEncoder()
const text = new TextDecoder()
/** JSON value equality through an independent serialisation (key order ignored). */
const same = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

/** A packet as the SDK's decoder builds it from a RECV frame (after decryption). */
function received(payload: Uint8Array, fields: Record<string, unknown> = {}): any {
  const p = new h.RecvPacket()
  Object.assign(p, { messageID: '1867420349275230208', messageSeq: 7, clientMsgNo: 'c1', fromUID: 'u1', channelID: 'g1', channelType: 2, timestamp: 1700000000, payload, ...fields })
  return p
}
/** The package's encoding of a payload (Base64, as the server delivers it) as the bytes the SDK decodes. */
const packageBytes = (payload: object): Uint8Array => Buffer.from(encodePayload(payload as never), 'base64')
/** What the SDK sends for a content: the payload of its own send packet. */
const sdkSends = (content: unknown): unknown => JSON.parse(text.decode(wk.chatManager.getSendPacket(content, wk.newChannel('g1', 2)).payload))

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wukongimjssdk-'))
  const outfile = join(dir, 'harness.mjs')
  await build({ entryPoints: [join(root, 'test/wukongimjssdk/harness.ts')], bundle: true, platform: 'node', format: 'esm', target: 'es2022', outfile, logLevel: 'silent' })
  h = (await import(pathToFileURL(outfile).href)) as Harness
  wk = h.WKSDK.shared()
  wk.config.uid = 'me'
  h.registerWukongPayload(wk)
}, 60_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const examples = payloadDefinitions.flatMap((d) => (d.examples as readonly { readonly value: object }[]).map((e, i) => ({ id: `${d.name} example ${i}`, payload: e.value as { type: number } })))
const accepted = corpus.filter((e) => e.verdict === 'accept').map((e) => ({ id: e.id, payload: e.payload }))

describe('every example and accepted corpus entry through the SDK', () => {
  it.each([...examples, ...accepted])('$id: received, decoded to the same payload, re-sent and quoted as the same JSON', ({ payload }) => {
    const message = new h.sdk.Message(received(packageBytes(payload)))
    const content = message.content
    expect(message.contentType).toBe(payload.type)
    expect(content.issues).toEqual([])
    expect(same(content.payload)).toEqual(same(payload))
    // Forwarding: the SDK's own send packet carries the same JSON value.
    expect(sdkSends(content)).toEqual(same(payload))
    // Quoting: the SDK's MessageText with the SDK's Reply around the decoded content.
    const quote = new h.sdk.MessageText('引用')
    const reply = new h.sdk.Reply()
    Object.assign(reply, { messageID: message.messageID, messageSeq: message.messageSeq, fromUID: message.fromUID, fromName: '张三', content })
    quote.reply = reply
    const sent = sdkSends(quote) as { reply: { payload: unknown; message_id: string } }
    expect(sent.reply.payload).toEqual(same(payload))
    expect(sent.reply.message_id).toBe('1867420349275230208')
    expect(typeof content.conversationDigest).toBe('string')
  })

  it('covers every built-in type, each decoded by its own registered class (not the SDK’s UnknownContent)', () => {
    const types = new Set([...examples, ...accepted].map((e) => e.payload.type))
    for (const d of payloadDefinitions) {
      expect(types.has(d.type), d.name).toBe(true)
      const content = wk.getMessageContent(d.type)
      expect(content.contentType, d.name).toBe(d.type)
      expect(content, d.name).not.toBeInstanceOf(h.sdk.UnknownContent)
    }
  })
})

describe('what the SDK’s own classes lose, kept', () => {
  it('unknown fields, entities, visibles and mention.all: 0 survive; the SDK’s MessageText loses them', () => {
    const payload = { type: 1, content: '@李四 看这个', mention: { all: 0, uids: ['u2'] }, entities: [{ offset: 0, length: 3, type: 'mention', value: 'u2' }], visibles: ['u2', 'me'], x_app: { k: [1, 2] } }
    const ours = new h.sdk.Message(received(utf8.encode(JSON.stringify(payload)))).content
    expect(sdkSends(ours)).toEqual(payload)
    const theirs = new h.sdk.MessageText()
    theirs.decode(utf8.encode(JSON.stringify(payload)))
    expect(sdkSends(theirs)).not.toEqual(payload) // the oracle for the loss: the SDK's own class
    expect(ours.isVisiable('u3')).toBe(false)
    expect(ours.isVisiable('u2')).toBe(true)
  })

  it('an image is not re-encoded as {"type":0}: the SDK without the bridge does that', () => {
    const payload = { type: 2, url: 'https://cdn.example/a.png', width: 640, height: 480 }
    expect(JSON.parse(text.decode(new h.sdk.UnknownContent().encode()))).toEqual({ type: 0 }) // the SDK alone
    expect(sdkSends(new h.sdk.Message(received(utf8.encode(JSON.stringify(payload)))).content)).toEqual(payload)
  })

  it('an app mention set the SDK way on a decoded content is written (all: true → 1)', () => {
    const content = new h.sdk.Message(received(utf8.encode(JSON.stringify({ type: 1, content: 'hi' })))).content
    content.mention = { all: true, uids: ['u2'] }
    expect(sdkSends(content)).toEqual({ type: 1, content: 'hi', mention: { all: 1, uids: ['u2'] } })
  })

  it('a quoted payload of any type is kept, and hostile type numbers share one class (the class cache stays bounded)', () => {
    const quoting = (type: number) => new h.sdk.Message(received(utf8.encode(JSON.stringify({ type: 1, content: 'q', reply: { message_id: '1867420349275230208', message_seq: 1, from_uid: 'u1', payload: { type, x: 1 } } })))).content
    const a = quoting(123456)
    const b = quoting(654321)
    expect(a.reply.content.contentType).toBe(123456)
    expect(a.reply.content.constructor).toBe(b.reply.content.constructor)
    expect(quoting(2).reply.content.constructor).not.toBe(a.reply.content.constructor)
    expect(sdkSends(a)).toEqual({ type: 1, content: 'q', reply: { message_id: '1867420349275230208', message_seq: 1, from_uid: 'u1', payload: { type: 123456, x: 1 } } })
  })
})

describe('registration keeps system messages and commands decoding', () => {
  it.each([1001, 1002, 1011, 1019, 1500, 1999, 2000])('type %i decodes, renders through the package and re-encodes', (type) => {
    const payload = { type, content: '{0}邀请{1}加入群聊', extra: [{ uid: 'u1', name: '张三' }, { uid: 'me', name: '李四' }] }
    const content = new h.sdk.Message(received(utf8.encode(JSON.stringify(payload)))).content
    expect(content.contentType).toBe(type)
    expect(content).not.toBeInstanceOf(h.sdk.UnknownContent)
    expect(content.displayText).toBe(renderSystemMessage(content.value, { selfUid: 'me' }))
    expect(sdkSends(content)).toEqual(payload)
  })

  it('renders as the issue found the clients do, not as the SDK’s SystemContent (first-occurrence String.replace with $ patterns)', () => {
    const payload = { type: 1002, content: '{0}邀请{1}、{2}加入群聊', extra: [{ uid: 'u1', name: '张三' }, { uid: 'me', name: '李四' }, { uid: 'u3', name: '王$&五{1}' }] }
    const bytes = utf8.encode(JSON.stringify(payload))
    expect(new h.sdk.Message(received(bytes)).content.displayText).toBe('张三邀请你、王$&五{1}加入群聊')
    const sdkOwn = new h.sdk.SystemContent()
    sdkOwn.decode(bytes)
    expect(sdkOwn.displayText).toBe('张三邀请李四、王{2}五{1}加入群聊')
  })

  // What the package renders where the JS SDK differs on purpose (the corpus test lists them, with reasons).
  const ours: Readonly<Record<string, string>> = {
    'js-system-1002-no-self-label': '张三邀请你,王五加入群聊',
    'js-system-1005-placeholder-in-group-name': '张三修改群名为"张三的小组"',
    'js-system-dollar-pattern-name': '“$&”通过“张三”的二维码加入群聊',
    'tsdd-android-system-1005-apostrophe': '张三修改群名为"Tom\'s group"',
    'serverlib-friend-apply-1000': '',
  }
  it.each(corpus.filter((e) => e.render?.zh !== undefined && e.payload.type >= 1000 && e.payload.type <= 2000).map((e) => [e.id, e] as const))('%s: displayText is the cited client’s rendering', (id, e) => {
    const content = new h.sdk.Message(received(utf8.encode(JSON.stringify(e.payload)))).content
    const Cls = h.contentClassFor(e.payload.type, { selfUid: () => e.render?.selfUid, sdk: wk })
    const own = new Cls()
    own.decode(utf8.encode(JSON.stringify(e.payload)))
    expect((own as any).displayText).toBe(ours[id] ?? e.render?.zh)
    expect(content.contentType).toBe(e.payload.type)
  })

  it('a command decodes with typed cmd/param and contentType 99 (what ChatManager routes to the CMD listeners)', () => {
    const payload = { type: 99, cmd: 'syncConversation', param: { channel_id: 'g1', channel_type: 2 } }
    const message = new h.sdk.Message(received(utf8.encode(JSON.stringify(payload))))
    expect(message.contentType).toBe(99)
    expect(message.content.cmd).toBe('syncConversation')
    expect(message.content.param).toEqual({ channel_id: 'g1', channel_type: 2 })
  })

  it('a type nobody defined is kept as delivered (the SDK’s UnknownContent writes {"type":0})', () => {
    const payload = { type: 777, anything: [1, { b: 'c' }] }
    const content = new h.sdk.Message(received(utf8.encode(JSON.stringify(payload)))).content
    expect(content.contentType).toBe(777)
    expect(sdkSends(content)).toEqual(payload)
  })
})

describe('SDK-built contents validate, or fail with the issue', () => {
  it('the SDK’s MessageText is a valid text payload', () => {
    const content = new h.sdk.Message(received(new h.sdk.MessageText('你好').encode())).content
    expect(content.issues).toEqual([])
    expect(content.payload).toEqual({ type: 1, content: '你好' })
  })

  it('a content class written as the official docs teach (no contentType getter) sends no type: decoded, kept, with the issue at /type', () => {
    class GifContent extends h.sdk.MessageContent {
      encodeJSON() {
        return { url: 'a.gif', width: 1, height: 2 }
      }
    }
    const bytes = new (GifContent as any)().encode()
    expect(JSON.parse(text.decode(bytes))).toEqual({ url: 'a.gif', width: 1, height: 2 }) // what 1.0.4 writes
    const content = new h.sdk.Message(received(bytes)).content
    expect(content.value).toEqual({ url: 'a.gif', width: 1, height: 2 })
    expect(content.payload).toBeUndefined()
    expect(content.issues.map((i: { path: string }) => i.path)).toContain('/type')
  })

  it('new SystemContent() with contentType 1001 writes {"type":1001}: decoded with the issue (no content), kept', () => {
    const own = new h.sdk.SystemContent()
    own.contentType = 1001
    const content = new h.sdk.Message(received(own.encode())).content
    expect(content.value).toEqual({ type: 1001 })
    expect(content.issues.length).toBeGreaterThan(0)
    expect(content.issues[0].path).toMatch(/^\/(content|extra)$/)
  })

  it('a malformed delivered payload never throws in the receive path; encoding it for sending does, with the issues', () => {
    const content = new h.sdk.Message(received(utf8.encode(JSON.stringify({ type: 2, url: 5 })))).content
    expect(content.value).toEqual({ type: 2, url: 5 })
    expect(content.issues.map((i: { path: string }) => i.path).sort()).toEqual(['/height', '/url', '/width'])
    expect(() => content.encode()).toThrow(/url/)
  })
})

describe('media: validated after the upload task set the remote URL', () => {
  it('the SDK encodes before the upload (no throw), the task sets remoteUrl, the SDK re-encodes and sends the URL', async () => {
    const Image = h.contentClassFor(2)
    const content = new Image({ url: '', width: 640, height: 480 })
    expect(content).toBeInstanceOf(h.sdk.MediaMessageContent)
    content.file = { name: 'a.png' }
    const sentPackets: any[] = []
    const originalSend = wk.connectManager.sendPacket
    wk.connectManager.sendPacket = (p: unknown) => sentPackets.push(p)
    const provider = wk.config.provider
    provider.messageUploadTaskCallback = (message: any) => {
      const task = new h.MessageTask(message)
      task.start = () => {
        message.content.remoteUrl = 'https://cdn.example/a.png'
        task.status = h.TaskStatus.success
        task.update()
      }
      return task
    }
    try {
      await wk.chatManager.send(content, wk.newChannel('g1', 2))
    } finally {
      wk.connectManager.sendPacket = originalSend
      provider.messageUploadTaskCallback = undefined
    }
    expect(sentPackets).toHaveLength(1)
    expect(JSON.parse(text.decode(sentPackets[0].payload))).toEqual({ type: 2, url: 'https://cdn.example/a.png', width: 640, height: 480 })
  })

  it('after the upload an invalid payload fails at encode, with the issue', () => {
    const content = new (h.contentClassFor(2))({ url: '', width: -1, height: 1 } as never)
    content.file = {}
    expect(() => content.encode()).not.toThrow()
    content.remoteUrl = 'https://cdn.example/a.png'
    expect(() => content.encode()).toThrow(/width/)
  })
})

describe('converters for the provider callbacks keep ids exact', () => {
  const message = {
    message_id: '1867420349275230209',
    message_seq: '42',
    client_msg_no: 'abc',
    from_uid: 'u1',
    channel_id: 'g1',
    channel_type: 2,
    timestamp: 1700000000,
    header: { no_persist: 0, red_dot: 1, sync_once: 0 },
    setting: 0,
    payload: { type: 3, url: 'https://cdn.example/a.gif', width: 1, height: 2 },
  }
  it('toSdkMessage: the SDK’s Message, exact messageID, content from the registered class', () => {
    const m = h.toSdkMessage(message, { sdk: wk }) as any
    expect(m).toBeInstanceOf(h.sdk.Message)
    expect(m.messageID).toBe('1867420349275230209')
    expect(m.messageSeq).toBe(42)
    expect(m.channel).toBeInstanceOf(h.sdk.Channel)
    expect(m.contentType).toBe(3)
    expect(m.header).toMatchObject({ reddot: true, noPersist: false, syncOnce: false })
    expect(sdkSends(m.content)).toEqual(message.payload)
  })

  it('takes the read-side parsers\' messages and conversations as they are typed (every field, readonly, payload failed or not)', () => {
    // The shape of wukong-payload/api's ApiMessage / ApiConversation (issue 28), written out here:
    // assigned through variables, as an app passes them, so only the fields the converters read matter.
    const apiMessage: { readonly message_id: string; readonly message_seq: string; readonly client_msg_no: string; readonly from_uid: string; readonly channel_id: string; readonly channel_type: number; readonly topic: string | undefined; readonly header: { readonly no_persist: number; readonly red_dot: number; readonly sync_once: number }; readonly setting: number; readonly expire: number; readonly timestamp: number; readonly payload: { type: number } | undefined; readonly error: Error & { readonly value?: unknown } | undefined; readonly payload_base64: string | null; readonly stream: undefined; readonly raw: Readonly<Record<string, unknown>> } = {
      ...message,
      topic: undefined,
      expire: 0,
      error: undefined,
      payload_base64: encodePayload(message.payload as never),
      stream: undefined,
      raw: {},
    }
    const apiConversation: { readonly channel_id: string; readonly channel_type: number; readonly unread: number; readonly timestamp: string; readonly last_msg_seq: number; readonly last_client_msg_no: string; readonly offset_msg_seq: string; readonly readed_to_msg_seq: number; readonly version: string; readonly recents: readonly (typeof apiMessage)[]; readonly raw: Readonly<Record<string, unknown>> } = {
      channel_id: 'g1', channel_type: 2, unread: 0, timestamp: '1700000000', last_msg_seq: 42, last_client_msg_no: 'abc', offset_msg_seq: '0', readed_to_msg_seq: 40, version: '1764839415123456789', recents: [apiMessage], raw: {},
    }
    expect((h.toSdkMessage(apiMessage, { sdk: wk }) as any).messageID).toBe('1867420349275230209')
    expect((h.toSdkConversation(apiConversation, { sdk: wk }) as any).extra.version).toBe('1764839415123456789')
  })

  it('toSdkMessage refuses an id JSON.parse already rounded, saying how to get it exact', () => {
    expect(() => h.toSdkMessage({ ...message, message_id: 1867420349275230209 }, { sdk: wk })).toThrow(/2\^53/)
    expect(h.toSdkMessage({ ...message, message_id: 1867420349275230209n }, { sdk: wk }).messageID).toBe('1867420349275230209')
  })

  it('a payload that failed to decode keeps its delivered value and issues', () => {
    const m = h.toSdkMessage({ ...message, payload: undefined, error: { value: { type: 2, url: 5 } } }, { sdk: wk }) as any
    expect(m.content.value).toEqual({ type: 2, url: 5 })
    expect(m.content.issues.length).toBe(3)
  })

  it('toSdkConversation: the SDK’s Conversation, lastMessage from the newest recent, version exact, the SDK’s list untouched', () => {
    const before = wk.conversationManager.conversations.length
    const c = h.toSdkConversation({ channel_id: 'g1', channel_type: 2, unread: 3, timestamp: '1700000001', last_msg_seq: 42, version: '1764839415123456789', recents: [message] }, { sdk: wk }) as any
    expect(c).toBeInstanceOf(h.sdk.Conversation)
    expect(c.unread).toBe(3)
    expect(c.timestamp).toBe(1700000001)
    expect(c.lastMessage.messageID).toBe('1867420349275230209')
    expect(c.extra).toEqual({ version: '1764839415123456789', lastMsgSeq: '42' })
    expect(wk.conversationManager.conversations.length).toBe(before)
  })
})

describe('sendPayload', () => {
  it('validates, sends through the SDK and reports the flags SDK 1.0.4 cannot set', async () => {
    const sent: any[] = []
    const originalSend = wk.connectManager.sendPacket
    wk.connectManager.sendPacket = (p: unknown) => sent.push(p)
    try {
      const result = await h.sendPayload({ channel_id: 'u2', channel_type: 1 }, { type: 99, cmd: 'groupUpdate', param: {} }, { sdk: wk })
      expect(result.flags).toEqual({ no_persist: 0, red_dot: 0, sync_once: 1 })
      expect([...result.ignored].sort()).toEqual(['red_dot', 'sync_once'])
      expect(JSON.parse(text.decode(sent[0].payload))).toEqual({ type: 99, cmd: 'groupUpdate', param: {} })
      // A forwarded image (no file) is sent at all on 1.0.4, which routes every MediaMessageContent to the upload task.
      await h.sendPayload({ channel_id: 'u2', channel_type: 1 }, { type: 2, url: 'https://cdn.example/a.png', width: 1, height: 1 }, { sdk: wk })
      expect(JSON.parse(text.decode(sent[1].payload))).toEqual({ type: 2, url: 'https://cdn.example/a.png', width: 1, height: 1 })
    } finally {
      wk.connectManager.sendPacket = originalSend
    }
  })

  it('throws PayloadError with the issues for an invalid payload, sending nothing', async () => {
    await expect(h.sendPayload({ channel_id: 'u2', channel_type: 1 }, { type: 1 } as never, { sdk: wk })).rejects.toMatchObject({ name: 'PayloadError', issues: [expect.objectContaining({ path: '/content' })] })
  })
})

describe('an app’s own type', () => {
  const RedPacket = definePayloadType({ type: 101, name: 'red-packet', description: 'a red packet', fields: { amount: Type.Integer({ minimum: 1 }), greeting: Type.String() }, flags: { no_persist: 0, red_dot: 1, sync_once: 0 }, digest: { zh: '[红包]{greeting}', en: '[Red packet]{greeting}' }, examples: [{ type: 101, amount: 8, greeting: '恭喜发财' }] } as never) as { type: 101 }
  it('registered with its codec: decoded, validated, digested, re-encoded; invalid ones kept with the issue', () => {
    const codec = createCodec({ types: [RedPacket as never] })
    h.registerWukongPayload(wk, { codec: codec as never, types: [RedPacket] })
    const good = new h.sdk.Message(received(utf8.encode(JSON.stringify({ type: 101, amount: 8, greeting: '恭喜发财' })))).content
    expect(good.payload).toEqual({ type: 101, amount: 8, greeting: '恭喜发财' })
    expect(good.conversationDigest).toBe('[红包]恭喜发财')
    expect(sdkSends(good)).toEqual({ type: 101, amount: 8, greeting: '恭喜发财' })
    const bad = new h.sdk.Message(received(utf8.encode(JSON.stringify({ type: 101, amount: 0, greeting: 'x' })))).content
    expect(bad.issues.map((i: { path: string }) => i.path)).toEqual(['/amount'])
    h.registerWukongPayload(wk) // back to the built-in types for the other tests
  })

  it('contentClassFor an app type without a codec that knows it is a set-up error that says what to pass', () => {
    expect(() => h.contentClassFor(RedPacket)).toThrow(/createCodec/)
  })
})

describe('the chat view of docs/wukongimjssdk.md (examples/wukongimjssdk-chat.ts)', () => {
  it('is embedded in the guide exactly as run here', () => {
    const guide = readFileSync(join(root, 'docs/wukongimjssdk.md'), 'utf8')
    expect(guide, 'docs/wukongimjssdk.md must embed examples/wukongimjssdk-chat.ts (npm run docs:guides)').toContain('```ts\n' + readFileSync(join(root, 'examples/wukongimjssdk-chat.ts'), 'utf8') + '```')
  })

  it('receives every type, renders system messages, history and conversations through the provider callbacks, forwards and quotes every type', async () => {
    const all = [...examples, ...accepted]
    const history = all.map(({ payload }, i) => ({
      message_id: `18674203492752302${String(i).padStart(2, '0')}`,
      message_seq: String(i + 1),
      client_msg_no: `c${i}`,
      from_uid: 'u1',
      channel_id: 'g1',
      channel_type: 2,
      timestamp: 1700000000 + i,
      header: { no_persist: 0, red_dot: 1, sync_once: 0 },
      setting: 0,
      payload,
    }))
    const backend = {
      syncMessages: async () => history,
      syncConversations: async () => [{ channel_id: 'g1', channel_type: 2, unread: 1, timestamp: '1700000100', last_msg_seq: 2, version: '1764839415123456789', recents: history.slice(0, 1) }],
    }
    const lines: Chat.ChatLine[] = []
    const stop = h.chat.startChat('me', backend, (line) => lines.push(line))
    const sent: any[] = []
    const originalSend = wk.connectManager.sendPacket
    wk.connectManager.sendPacket = (p: unknown) => sent.push(p)
    try {
      // Live: what ChatManager.onPacket does with a received packet once its key checked out.
      for (const { payload } of all) wk.chatManager.notifyMessageListeners(new h.sdk.Message(received(packageBytes(payload))))
      expect(lines).toHaveLength(all.length)
      all.forEach(({ id, payload }, i) => {
        const system = payload.type >= 1000 && payload.type <= 2000
        const line = lines[i] as Chat.ChatLine
        expect(line.system, id).toBe(system)
        expect(line.unreadable, id).toBe(false)
        expect(line.text, id).toBe(system ? renderSystemMessage(payload, { selfUid: 'me' }) : digest(payload, { selfUid: 'me' }))
      })
      // History through the SDK's own syncMessages → provider.syncMessagesCallback.
      const channel = wk.newChannel('g1', 2)
      const messages = await wk.chatManager.syncMessages(channel, { startMessageSeq: 0, endMessageSeq: 0, limit: 100, pullMode: 0 })
      expect(messages.map((m: any) => m.messageID)).toEqual(history.map((m) => m.message_id))
      const conversations = await wk.conversationManager.sync()
      expect(conversations[0].extra.version).toBe('1764839415123456789')
      expect(conversations[0].lastMessage.messageID).toBe(history[0]?.message_id)
      // Forward and quote every type: the JSON the SDK sends is the delivered payload.
      for (const [i, m] of messages.entries()) {
        await h.chat.forward(m, channel)
        expect(JSON.parse(text.decode(sent.at(-1).payload)), all[i]?.id).toEqual(same(all[i]?.payload))
        await h.chat.quote(m, '好的', channel)
        const quoted = JSON.parse(text.decode(sent.at(-1).payload))
        expect(quoted.reply.payload, all[i]?.id).toEqual(same(all[i]?.payload))
        expect(quoted.reply.message_id).toBe(history[i]?.message_id)
      }
    } finally {
      wk.connectManager.sendPacket = originalSend
      stop()
    }
  })
})

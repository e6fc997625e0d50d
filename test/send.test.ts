import { describe, expect, it } from 'vitest'
import { buildSendRequest, decodePayload, encodePayload, lintPayload, lintSendRequest, parseSendResponse, recommendFlags, validateSendRequest, type Payload, type PayloadShape } from '../src/entries/index.js'

const text: Payload = { type: 1, content: '你好 😀' }

describe('recommendFlags', () => {
  it('follows the documented rules', () => {
    expect(recommendFlags(text)).toEqual({ no_persist: 0, red_dot: 1, sync_once: 0 })
    expect(recommendFlags({ type: 99, cmd: 'x' })).toEqual({ no_persist: 0, red_dot: 0, sync_once: 1 })
    for (const type of [1001, 1002, 1003, 1005, 1006]) expect(recommendFlags<PayloadShape>({ type })).toEqual({ no_persist: 0, red_dot: 0, sync_once: 1 })
    expect(recommendFlags<PayloadShape>({ type: 1010 })).toEqual({ no_persist: 0, red_dot: 1, sync_once: 0 })
    expect(recommendFlags<PayloadShape>({ type: 1234 })).toEqual({ no_persist: 0, red_dot: 0, sync_once: 1 })
    expect(recommendFlags<PayloadShape>({ type: 500 })).toEqual({ no_persist: 0, red_dot: 1, sync_once: 0 })
  })

  it('keeps system messages in history on request (WuKongIM #414)', () => {
    for (const type of [1001, 1002, 1003, 1005, 1006, 1234]) expect(recommendFlags<PayloadShape>({ type }, { keepInHistory: true })).toEqual({ no_persist: 0, red_dot: 1, sync_once: 0 })
    expect(recommendFlags<PayloadShape>({ type: 99 }, { keepInHistory: true })).toEqual({ no_persist: 0, red_dot: 0, sync_once: 1 })
  })

  it('returns a copy the caller may change', () => {
    const flags = recommendFlags(text)
    flags.red_dot = 0
    expect(recommendFlags(text).red_dot).toBe(1)
  })
})

describe('buildSendRequest', () => {
  it('encodes the payload, recommends the header and fills client_msg_no', () => {
    const body = buildSendRequest({ payload: text, from_uid: 'u1', channel_id: 'g1', channel_type: 2 })
    expect(body).toEqual({
      header: { no_persist: 0, red_dot: 1, sync_once: 0 },
      client_msg_no: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      from_uid: 'u1',
      channel_id: 'g1',
      channel_type: 2,
      payload: encodePayload(text),
    })
    expect(decodePayload(body.payload)).toEqual(text)
    expect(buildSendRequest({ payload: text, from_uid: 'u1', channel_id: 'g1', channel_type: 2 }).client_msg_no).not.toBe(body.client_msg_no)
  })

  it('takes overrides and keepInHistory', () => {
    const body = buildSendRequest({ payload: { type: 1002, content: '{0}', extra: [{ uid: 'a', name: 'A' }] }, from_uid: 'sys', channel_id: 'g', channel_type: 2, keepInHistory: true, client_msg_no: 'm1', header: { no_persist: 1 } })
    expect(body.header).toEqual({ no_persist: 1, red_dot: 1, sync_once: 0 })
    expect(body.client_msg_no).toBe('m1')
  })

  it('refuses an invalid payload or envelope', () => {
    expect(() => buildSendRequest({ payload: { type: 1 } as Payload, from_uid: 'u', channel_id: 'g', channel_type: 2 })).toThrow(/content/)
    expect(() => buildSendRequest({ payload: text, from_uid: 'u', channel_id: 'a@b', channel_type: 1 })).toThrow(/channel_id/)
  })
})

describe('validateSendRequest', () => {
  const valid = { header: { no_persist: 0, red_dot: 1, sync_once: 0 }, from_uid: 'user123', channel_id: 'group123', channel_type: 2, payload: encodePayload(text) }

  it('returns the body and the decoded payload', () => {
    expect(validateSendRequest(valid)).toEqual({ ok: true, value: { request: valid, payload: text } })
  })

  it('points issues into the envelope and into the payload', () => {
    const body = { ...valid, channel_id: 'a#b', header: { red_dot: true }, payload: encodePayload(text).replace(/.*/, Buffer.from('{"type":1,"content":"x","mention":{"all":true}}').toString('base64')) }
    const result = validateSendRequest(body)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => i.path).sort()).toEqual(['/channel_id', '/header/red_dot', '/payload/mention/all'])
  })

  it('rejects the docs’ own example payloads', () => {
    const docsExample = { ...valid, payload: Buffer.from(JSON.stringify({ type: 'text', content: 'Hello, World!' })).toString('base64') }
    const result = validateSendRequest(docsExample)
    expect(!result.ok && result.issues).toEqual([{ path: '/payload/type', code: 'type', message: 'type must be an integer; text is 1' }])
    const helloWorld = validateSendRequest({ ...valid, payload: 'SGVsbG8gV29ybGQ=' })
    expect(!helloWorld.ok && helloWorld.issues[0]).toMatchObject({ path: '/payload', code: 'invalid_json' })
  })

  it('explains a payload sent as an object, a missing channel and a non-object body', () => {
    const asObject = validateSendRequest({ ...valid, payload: text })
    expect(!asObject.ok && asObject.issues).toEqual([expect.objectContaining({ path: '/payload', message: expect.stringMatching(/Base64 string.*encodePayload/) })])
    const { channel_id: _c, channel_type: _t, ...noChannel } = valid
    const missing = validateSendRequest(noChannel)
    expect(!missing.ok && missing.issues.map((i) => i.path)).toEqual(['/channel_id', '/channel_type'])
    expect(validateSendRequest([]).ok).toBe(false)
    expect(validateSendRequest(null).ok).toBe(false)
  })
})

describe('lint', () => {
  const codes = (findings: { code: string }[]) => findings.map((f) => f.code)
  const body = (payload: Payload, extra: Record<string, unknown> = {}) => ({ from_uid: 'u', channel_id: 'g', channel_type: 2, payload: encodePayload(payload), ...extra })

  it('flags a command without sync_once: 1', () => {
    expect(lintSendRequest(body({ type: 99, cmd: 'memberUpdate', param: { group_no: 'g' } }, { header: { sync_once: 0 } }))).toEqual([
      expect.objectContaining({ code: 'command-without-sync-once', path: '/header/sync_once' }),
    ])
    expect(lintSendRequest(body({ type: 99, cmd: 'x' }, { header: { sync_once: 1 } }))).toEqual([])
  })

  it('flags subscribers on a non-command, and v2’s subscriber rules', () => {
    expect(codes(lintSendRequest(body(text, { subscribers: ['a'], header: { red_dot: 1 } })))).toEqual(['subscribers-on-non-command', 'subscribers-without-sync-once', 'subscribers-with-channel'])
  })

  it('flags mention.all with uids, empty visibles, system messages hidden from history, differing flags', () => {
    expect(codes(lintPayload({ type: 1, content: '@all', mention: { all: 1, uids: ['a'] } }))).toEqual(['mention-all-with-uids'])
    expect(codes(lintPayload({ type: 1, content: 'x', visibles: [] }))).toEqual(['empty-visibles'])
    const system: Payload = { type: 1001, content: '{0}', extra: [{ uid: 'a', name: 'A' }] }
    expect(codes(lintSendRequest(body(system, { header: { sync_once: 1 } })))).toEqual(['system-hidden-from-history'])
    expect(lintSendRequest(body(system, { header: { red_dot: 1 } }))).toEqual([])
    expect(lintSendRequest(body(text, { header: { no_persist: 1, red_dot: 1 } }))).toEqual([expect.objectContaining({ code: 'flags-differ', path: '/header/no_persist' })])
    expect(codes(lintPayload<PayloadShape>({ type: -1 }))).toEqual(['local-only-type'])
  })

  it('says where an official client writes a valid payload badly', () => {
    const findings = (p: unknown) => lintPayload<PayloadShape>(p as PayloadShape).map((f) => `${f.code} ${f.path}`)
    // Flutter: null for an absent optional field, and a reply without a root as root_mid "".
    expect(findings({ timeTrad: 6, url: 'https://x/f1.aac', waveform: null, type: 4 })).toEqual(['null-field /waveform'])
    expect(findings({ name: '李四', uid: 'u2', vercode: null, type: 7 })).toEqual(['null-field /vercode'])
    expect(findings({ content: '好', type: 1, reply: { root_mid: '', message_id: '1', message_seq: 1, from_uid: 'u1', payload: { type: 4, url: 'u', timeTrad: 1, waveform: null } } })).toEqual([
      'empty-root-mid /reply/root_mid',
      'null-field /reply/payload/waveform',
    ])
    // Quoting or forwarding a message the sender's client could not decode (JS SDK, Android: type 0; Flutter: -1).
    expect(findings({ content: '哈哈', type: 1, reply: { message_id: '1', message_seq: 1, from_uid: 'u1', payload: { type: 0 } } })).toEqual(['local-only-type /reply/payload/type'])
    expect(findings({ type: 11, channel_type: 1, users: [{ uid: 'u2', name: 'A' }], msgs: [{ message_id: '1', timestamp: 1, from_uid: 'u2', payload: { type: -1 } }] })).toEqual(['local-only-type /msgs/0/payload/type'])
    // TangSengDaoDao Android and web merged forwards.
    expect(findings({ type: 11, channel_type: 2, msgs: [] })).toEqual(['forward-without-users /users'])
    expect(findings({ type: 11, channel_type: 1, users: [{ uid: 'u2' }, { uid: 'u1', name: '张三' }], msgs: [] })).toEqual(['forwarded-user-without-name /users/0/name'])
    // A template placeholder without its extra entry shows literally on every client.
    expect(findings({ type: 1002, content: '张三邀请{0},{1}加入群聊', extra: [{ uid: 'u2', name: '李四' }] })).toEqual(['placeholder-without-extra /content'])
    expect(findings({ type: 1002, content: '欢迎张三加入研发部' })).toEqual([])
    expect(findings({ type: 1, content: 'ok', reply: { root_mid: '1', message_id: '1', message_seq: 1, from_uid: 'u1', payload: { type: 1, content: 'x' } } })).toEqual([])
  })

  it('lints nested payloads without recursion, to a bounded depth', () => {
    let deep: Record<string, unknown> = { type: 0 }
    for (let i = 0; i < 100_000; i++) deep = { type: 1, content: '', reply: { message_id: '1', message_seq: 1, from_uid: 'u', payload: deep } }
    expect(lintPayload<PayloadShape>(deep as unknown as PayloadShape)).toEqual([])
  })

  it('never throws', () => {
    for (const value of [null, 1, 'x', [], {}, { payload: '!!!' }, { payload: {} }]) {
      expect(() => lintSendRequest(value)).not.toThrow()
      expect(() => lintPayload<PayloadShape>(value as PayloadShape)).not.toThrow()
    }
  })
})

describe('parseSendResponse', () => {
  const id = '1867301234567890123'
  it('keeps message_id exact in every documented shape', () => {
    expect(parseSendResponse(`{"message_id":${id},"message_seq":1001,"client_msg_no":"client_msg_123"}`)).toEqual({ ok: true, message_id: id, message_seq: 1001, client_msg_no: 'client_msg_123' })
    expect(parseSendResponse(`{"status":200,"data":{"message_id":${id},"client_msg_no":"c"}}`)).toEqual({ ok: true, message_id: id, client_msg_no: 'c', status: 200 })
    expect(parseSendResponse(`{"message_id":${id},"message_idstr":"${id}"}`)).toEqual({ ok: true, message_id: id })
    expect(parseSendResponse('{"status":200}')).toEqual({ ok: true, status: 200 })
    expect(JSON.parse(`{"message_id":${id}}`).message_id.toString()).not.toBe(id)
  })

  it('reads error bodies', () => {
    expect(parseSendResponse('{"msg":"频道ID不合法！","status":400}')).toEqual({ ok: false, status: 400, message: '频道ID不合法！' })
    expect(parseSendResponse('{"error":"invalid payload"}')).toEqual({ ok: false, message: 'invalid payload' })
  })

  it('refuses an already-rounded id and bodies it does not understand', () => {
    expect(() => parseSendResponse(JSON.parse(`{"message_id":${id}}`) as object)).toThrow(/res.text/)
    expect(parseSendResponse({ message_id: 42, message_seq: 1 })).toEqual({ ok: true, message_id: '42', message_seq: 1 })
    expect(() => parseSendResponse('not json')).toThrow(expect.objectContaining({ code: 'INVALID_JSON' }))
    expect(() => parseSendResponse('{"hello":1}')).toThrow(expect.objectContaining({ code: 'INVALID_PAYLOAD' }))
  })
})

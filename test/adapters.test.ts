/**
 * Adapters: the seeds' examples convert both ways; WuKongIM → platform → WuKongIM keeps every
 * field the platform can carry and `lost` names the rest (fast-check); each platform's own rules
 * give clear errors; units and int64 ids convert exactly.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { leaves } from './helpers.js'
import { decodePayload, encodePayload, isPayloadError, type Payload, type SendMessageRequest } from 'wukong-payload'
import { commsEaseForm, fromCommsEase, toCommsEase } from 'wukong-payload/adapters/commsease'
import { fromLanying, lanyingRequestJson, toLanying } from 'wukong-payload/adapters/lanying'
import { fromOpenIM, toOpenIM, type OpenIMSendMsgRequest } from 'wukong-payload/adapters/openim'

const SEED = 20261124
type Json = unknown
type Lost = readonly { path: string; reason: string }[]

/** The request with its payload decoded, as one JSON document (payload under /payload). */
function document(request: SendMessageRequest): Record<string, Json> {
  return { ...request, payload: decodePayload(request.payload) }
}

/** Every leaf of a JSON value, by JSON Pointer. */

/** Asserts the round trip kept every leaf of the original that no `lost` entry covers. */
function expectKept(original: SendMessageRequest, back: SendMessageRequest, lost: Lost): void {
  const before = leaves(document(original))
  const after = leaves(document(back))
  const covered = (path: string) => lost.some((l) => path === l.path || path.startsWith(`${l.path}/`))
  for (const l of lost) expect([...before.keys()].some((p) => p === l.path || p.startsWith(`${l.path}/`)), `lost names ${l.path}, which the original has`).toBe(true)
  for (const [path, value] of before) if (!covered(path)) expect(after.get(path), path).toEqual(value)
}

// ---------------------------------------------------------------------------------------------
// Arbitrary WuKongIM send requests, within what each platform accepts
const digits = fc.bigInt({ min: 1n, max: 9223372036854775807n }).map(String)
const text = fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' })
const url = fc.constantFrom('https://cdn.example.com/a.png', 'https://cdn.example.com/b.jpg', 'https://cdn.example.com/v.aac', 'https://cdn.example.com/c', 'https://cdn.example.com/d.mp4')
const pixels = fc.integer({ min: 1, max: 8000 })

function payloads(uid: fc.Arbitrary<string>): fc.Arbitrary<Payload> {
  const mention = fc.record({ all: fc.constantFrom(0, 1), uids: fc.array(uid, { minLength: 1, maxLength: 3 }) })
  const quoted: fc.Arbitrary<Payload> = fc.oneof(text.map((content) => ({ type: 1, content }) as Payload), fc.record({ type: fc.constant(2), url, width: pixels, height: pixels }) as fc.Arbitrary<Payload>)
  const reply = fc.record({ message_id: digits, message_seq: fc.nat(), from_uid: uid, from_name: text, payload: quoted })
  return fc.oneof(
    fc.record({ type: fc.constant(1), content: text, mention, reply }, { requiredKeys: ['type', 'content'] }) as fc.Arbitrary<Payload>,
    fc.record({ type: fc.constant(2), url, width: pixels, height: pixels, size: fc.integer({ min: 1, max: 1e9 }) }, { requiredKeys: ['type', 'url', 'width', 'height'] }) as fc.Arbitrary<Payload>,
    fc.record({ type: fc.constant(3), url, width: pixels, height: pixels }) as fc.Arbitrary<Payload>,
    fc.record({ type: fc.constant(4), url, timeTrad: fc.integer({ min: 1, max: 600 }) }) as fc.Arbitrary<Payload>,
    fc.record({ type: fc.constant(8), url, name: fc.constantFrom('a.pdf', '报告.docx', 'x'), size: fc.integer({ min: 1, max: 1e12 }) }) as fc.Arbitrary<Payload>,
    fc.record({ type: fc.constant(99), cmd: fc.constantFrom('groupUpdate', 'custom.thing'), param: fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string(), fc.integer())) }) as fc.Arbitrary<Payload>,
    fc.record({ type: fc.constant(7), uid, name: text }) as fc.Arbitrary<Payload>,
  )
}

function requests(uid: fc.Arbitrary<string>, channel: fc.Arbitrary<string>): fc.Arbitrary<SendMessageRequest> {
  return fc.record({ payload: payloads(uid), from_uid: uid, channel_id: channel, channel_type: fc.constantFrom(1, 2), client_msg_no: fc.oneof(fc.uuid(), digits), no_persist: fc.constantFrom(0, 1) }).map(
    ({ payload, no_persist, ...rest }) => ({ header: { no_persist, red_dot: payload.type === 99 ? 0 : 1, sync_once: payload.type === 99 ? 1 : 0 }, ...rest, payload: encodePayload(payload) }) as SendMessageRequest,
  )
}

describe('OpenIM', () => {
  it("converts the seed's send_msg example both ways", () => {
    const seed = { sendID: 'openIMAdmin', recvID: '2839678182', content: { content: 'hello!!' }, contentType: 101, sessionType: 1, isOnlineOnly: false, notOfflinePush: false, sendTime: 1695212630740, offlinePushInfo: { title: 'send message', desc: '', ex: '', iOSPushSound: 'default', iOSBadgeCount: true }, ex: 'ex' } as OpenIMSendMsgRequest
    const wk = fromOpenIM(seed)
    expect(wk.value).toMatchObject({ from_uid: 'openIMAdmin', channel_id: '2839678182', channel_type: 1, header: { no_persist: 0, red_dot: 1, sync_once: 0 } })
    expect(decodePayload(wk.value.payload)).toEqual({ type: 1, content: 'hello!!' })
    expect(wk.lost.map((l) => l.path).sort()).toEqual(['/ex', '/offlinePushInfo', '/sendTime'])
    const back = toOpenIM(wk.value)
    expect(back.value).toEqual({ sendID: 'openIMAdmin', recvID: '2839678182', content: { content: 'hello!!' }, contentType: 101, sessionType: 1 })
    expect(back.lost).toEqual([])
  })

  it('WuKongIM → OpenIM → WuKongIM keeps what OpenIM carries; lost names the rest', () => {
    fc.assert(
      fc.property(requests(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/[@#&]/.test(s)), fc.stringMatching(/^[a-z0-9_]{1,12}$/)), (request) => {
        const there = toOpenIM(request)
        const back = fromOpenIM(there.value)
        expectKept(request, back.value, there.lost)
      }),
      { seed: SEED, numRuns: 300 },
    )
  })

  it("applies OpenIM's rules: group sessions are 3, @all is AtAllTag, sizes and durations", () => {
    const group = toOpenIM({ from_uid: 'u1', channel_id: 'g1', channel_type: 2, payload: encodePayload({ type: 1, content: 'hi all', mention: { all: 1 } }) })
    expect(group.value).toMatchObject({ groupID: 'g1', sessionType: 3, contentType: 106, content: { atUserList: ['AtAllTag'] } })
    const voice = toOpenIM({ from_uid: 'u1', channel_id: 'u2', channel_type: 1, payload: encodePayload({ type: 4, url: 'https://x/v.aac', timeTrad: 0.4 }) })
    expect(voice.value.content).toMatchObject({ duration: 1 })
    expect(voice.lost).toEqual([{ path: '/payload/timeTrad', reason: expect.stringMatching(/whole seconds, at least 1: 0.4 s sent as 1 s/) }])
    const custom = toOpenIM({ from_uid: 'u1', channel_id: 'u2', channel_type: 1, payload: encodePayload({ type: 99, cmd: 'groupUpdate', param: { group_no: 'g' } } as Payload) })
    expect(typeof (custom.value.content as { data: unknown }).data).toBe('string')
    const reject = (payload: Payload, channel_type = 1) => {
      try {
        toOpenIM({ from_uid: 'u1', channel_id: 'u2', channel_type, payload: encodePayload(payload) })
      } catch (error) {
        if (isPayloadError(error)) return `${error.issues[0]?.path}: ${error.issues[0]?.message}`
      }
      return 'accepted'
    }
    expect(reject({ type: 8, url: 'https://x/a', name: 'a', size: 0 })).toMatch(/^\/payload\/size: OpenIM needs the file size/)
    expect(reject({ type: 2, url: 'https://x/a.png', width: 0, height: 10 })).toMatch(/^\/payload\/width: OpenIM rejects a width of 0/)
    expect(reject({ type: 1, content: 'x' }, 3)).toMatch(/^\/channel_type: OpenIM has single \(1\) and group \(3\) sessions only/)
    // An invalid OpenIM body is refused with its path, as OpenIM would (errCode 500 for content).
    expect(() => fromOpenIM({ sendID: 'a', recvID: 'b', contentType: 110, sessionType: 1, content: { data: { not: 'a string' } } } as unknown as OpenIMSendMsgRequest)).toThrow(/\/content\/data: must be a string/)
    expect(() => fromOpenIM({ sendID: 'a', contentType: 101, sessionType: 3, content: { content: 'x' } } as unknown as OpenIMSendMsgRequest)).toThrow(/\/groupID/)
  })
})

describe('Lanying IM', () => {
  const seedImage = '{"url":"https://xxx" ,"dName":"1646751218948","fLen":508728,"width":828.0,"height":828.0}'
  const seedAudio = '{"url":"https://xxx" ,"dName":"1658890327124.amr","fLen":1670,"duration":1}'

  it("converts the seed's attachments both ways, with int64 ids exact", () => {
    const body = `{"attachment":${JSON.stringify(seedImage)},"content":"","content_type":1,"from_user_id":9223372036854775807,"targets":[9223372036854775806],"transaction_id":1867301234567890123,"type":1}`
    const image = fromLanying(body)
    expect(image.value).toMatchObject({ from_uid: '9223372036854775807', channel_id: '9223372036854775806', channel_type: 1, client_msg_no: '1867301234567890123' })
    expect(decodePayload(image.value.payload)).toEqual({ type: 2, url: 'https://xxx', width: 828, height: 828, size: 508728 })
    expect(image.lost.map((l) => l.path)).toEqual(['/attachment/dName'])
    const back = toLanying(image.value)
    expect(lanyingRequestJson(back.value)).toContain('"from_user_id":9223372036854775807')
    expect(lanyingRequestJson(back.value)).toContain('"targets":[9223372036854775806]')
    expect(lanyingRequestJson(back.value)).toContain('"transaction_id":1867301234567890123')
    const audio = fromLanying(body.replace(JSON.stringify(seedImage), JSON.stringify(seedAudio)).replace('"content_type":1', '"content_type":2'))
    expect(decodePayload(audio.value.payload)).toEqual({ type: 4, url: 'https://xxx', timeTrad: 1 })
    expect(JSON.parse(toLanying(audio.value).value.attachment as string)).toEqual({ url: 'https://xxx', duration: 1 })
  })

  it('WuKongIM → Lanying → WuKongIM keeps what Lanying carries; lost names the rest', () => {
    fc.assert(
      fc.property(requests(digits, digits), (request) => {
        const there = toLanying(request)
        const back = fromLanying(lanyingRequestJson(there.value))
        expectKept(request, back.value, there.lost)
      }),
      { seed: SEED, numRuns: 300 },
    )
  })

  it("applies Lanying's rules: int64 ids, never through a lossy number", () => {
    expect(() => toLanying({ from_uid: 'alice', channel_id: '1', channel_type: 1, payload: encodePayload({ type: 1, content: 'x' }) })).toThrow(/\/from_uid: Lanying user ids are int64 numbers; "alice" is not one/)
    expect(() => fromLanying({ content: 'x', content_type: 0, targets: [2 ** 60], type: 1, from_user_id: '1' } as never)).toThrow(/\/targets\/0: .*already rounded/)
    const mention = toLanying({ from_uid: '1', channel_id: '2', channel_type: 2, payload: encodePayload({ type: 1, content: 'x', mention: { all: 0, uids: ['18446744073709551'] } }) })
    expect(mention.value.config).toBe('{"mentionAll":false,"mentionList":[18446744073709551]}')
  })
})

describe('CommsEase chat rooms', () => {
  const seedForm = 'roomid=36&fromAccid=zhangsan&msgType=0&attach=This+is+test+msg&msgId=c9e6c306-804f-4ec3-b8f0-573778829419&toAccids=["acc1","acc2"]'

  it("converts the seed's directional message both ways", () => {
    const wk = fromCommsEase(seedForm)
    expect(wk.value).toMatchObject({ from_uid: 'zhangsan', channel_id: '36', channel_type: 2, client_msg_no: 'c9e6c306-804f-4ec3-b8f0-573778829419' })
    expect(decodePayload(wk.value.payload)).toEqual({ type: 1, content: 'This is test msg' })
    expect(wk.lost.map((l) => l.path)).toEqual(['/toAccids'])
    const back = toCommsEase(wk.value, { toAccids: ['acc1', 'acc2'] })
    expect(Object.fromEntries(commsEaseForm(back.value))).toEqual({ roomid: '36', msgId: 'c9e6c306-804f-4ec3-b8f0-573778829419', fromAccid: 'zhangsan', toAccids: '["acc1","acc2"]', msgType: '0', attach: 'This is test msg' })
  })

  it('WuKongIM → CommsEase → WuKongIM keeps what CommsEase carries; lost names the rest', () => {
    fc.assert(
      fc.property(requests(fc.stringMatching(/^[a-z0-9_]{1,12}$/), digits.filter((d) => d !== '0')), (request) => {
        const there = toCommsEase(request, { toAccids: ['acc1'] })
        const back = fromCommsEase(commsEaseForm(there.value).toString())
        expectKept(request, back.value, there.lost)
      }),
      { seed: SEED, numRuns: 300 },
    )
  })

  it("applies CommsEase's rules: milliseconds, 4096-character attach, 100 recipients, numeric rooms", () => {
    const voice = toCommsEase({ from_uid: 'a', channel_id: '36', channel_type: 2, client_msg_no: 'm1', payload: encodePayload({ type: 4, url: 'https://x/v.aac', timeTrad: 2.5 }) }, { toAccids: ['b'] })
    expect(JSON.parse(voice.value.attach as string)).toEqual({ dur: 2500, url: 'https://x/v.aac', ext: 'aac' })
    expect(decodePayload(fromCommsEase(voice.value).value.payload)).toEqual({ type: 4, url: 'https://x/v.aac', timeTrad: 2.5 })
    const base = { from_uid: 'a', channel_id: '36', channel_type: 2, client_msg_no: 'm1' }
    expect(() => toCommsEase({ ...base, payload: encodePayload({ type: 1, content: 'x'.repeat(4097) }) }, { toAccids: ['b'] })).toThrow(/over its limit of 4096/)
    expect(() => toCommsEase({ ...base, payload: encodePayload({ type: 1, content: 'x' }) }, { toAccids: Array.from({ length: 101 }, (_, i) => `u${i}`) })).toThrow(/\/toAccids/)
    expect(() => toCommsEase({ ...base, channel_id: 'room-a', payload: encodePayload({ type: 1, content: 'x' }) }, { toAccids: ['b'] })).toThrow(/\/channel_id: CommsEase room ids are numbers/)
    expect(() => fromCommsEase('roomid=36&fromAccid=a&msgType=0&attach=x&msgId=m&toAccids=acc1')).toThrow(/toAccids must be a JSON array/)
  })
})

describe('hostile input', () => {
  it('from* return a conversion or throw a PayloadError, whatever the body', () => {
    const openimLike = fc.record({ sendID: fc.string(), recvID: fc.string(), groupID: fc.string(), contentType: fc.constantFrom(101, 102, 103, 104, 105, 106, 110, 114, 118, 7), sessionType: fc.constantFrom(1, 3, 4, 2), content: fc.anything() }, { requiredKeys: [] })
    const lanyingLike = fc.record({ content: fc.string(), content_type: fc.integer({ min: -1, max: 13 }), targets: fc.array(fc.oneof(digits, fc.integer())), type: fc.constantFrom(1, 2, 3), from_user_id: digits, attachment: fc.oneof(fc.json(), fc.string()), config: fc.oneof(fc.json(), fc.string()), ext: fc.oneof(fc.json(), fc.string()) }, { requiredKeys: [] })
    const total = (f: () => unknown) => {
      try {
        f()
      } catch (error) {
        if (!isPayloadError(error)) throw error
      }
    }
    fc.assert(
      fc.property(fc.oneof(fc.anything(), openimLike, lanyingLike), fc.string(), (value, text) => {
        total(() => fromOpenIM(value as OpenIMSendMsgRequest))
        total(() => fromLanying(value as never))
        total(() => fromLanying(text))
        total(() => fromCommsEase(value as never))
        total(() => fromCommsEase(text))
        total(() => toOpenIM(value as SendMessageRequest))
        total(() => toLanying(value as SendMessageRequest))
        total(() => toCommsEase(value as SendMessageRequest, { toAccids: ['a'] }))
      }),
      { seed: SEED, numRuns: 2000 },
    )
  })
})

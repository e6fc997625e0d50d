/**
 * Issue 26, "nothing lost silently in adapters": docs/migration.md promises that every field that
 * does not come back is named in `lost`. Oracle: the round trip itself — WuKongIM → platform (over
 * its wire form) → WuKongIM, compared leaf by leaf with the original (an empty object or array is
 * a leaf) — over payloads with the edge values official clients write: empty objects
 * (`mention: {}`, which the TangSengDaoDao web writes on every text), zeros, empty strings and
 * arrays, keys no mapping knows.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { leaves } from './helpers.js'
import { decodePayload, encodePayload, isPayloadError, type Payload, type SendMessageRequest } from 'wukong-payload'
import { commsEaseForm, fromCommsEase, toCommsEase } from 'wukong-payload/adapters/commsease'
import { fromLanying, lanyingRequestJson, toLanying } from 'wukong-payload/adapters/lanying'
import { fromOpenIM, toOpenIM } from 'wukong-payload/adapters/openim'

type Lost = readonly { path: string; reason: string }[]


/** Every leaf of the original either comes back equal or lies under a path `lost` names. */
function expectNamedOrKept(original: SendMessageRequest, back: SendMessageRequest, lost: Lost): void {
  const before = leaves({ ...original, payload: decodePayload(original.payload) })
  const after = leaves({ ...back, payload: decodePayload(back.payload) })
  const covered = (path: string) => lost.some((l) => path === l.path || path.startsWith(`${l.path}/`))
  for (const [path, value] of before) if (!covered(path)) expect(after.get(path), `${path} did not come back and lost does not name it`).toEqual(value)
}

const send = (payload: Record<string, unknown>, channel_type = 2): SendMessageRequest => ({
  header: { no_persist: 0, red_dot: 1, sync_once: 0 },
  from_uid: '1001',
  channel_id: '2002',
  channel_type,
  client_msg_no: '1867301234567890123',
  payload: encodePayload(payload as Payload),
})

describe('the reproducers', () => {
  it('Lanying names mention: {} when it does not come back', () => {
    const request = send({ type: 1, content: 'hi', mention: {} })
    const there = toLanying(request)
    expect(there.lost.map((l) => l.path)).toContain('/payload/mention')
    expectNamedOrKept(request, fromLanying(lanyingRequestJson(there.value)).value, there.lost)
  })
  it('OpenIM names an image size: 0 when it does not come back', () => {
    const request = send({ type: 2, url: 'https://cdn.example.com/a.png', width: 10, height: 10, size: 0 })
    const there = toOpenIM(request)
    const back = fromOpenIM(there.value).value
    expectNamedOrKept(request, back, there.lost)
    if ((decodePayload(back.payload) as { size?: unknown }).size !== 0) expect(there.lost.map((l) => l.path)).toContain('/payload/size')
  })
})

const edge = fc.oneof(fc.constant({}), fc.constant([]), fc.constant(0), fc.constant(''), fc.constant(null), fc.constant({ a: {} }), fc.integer({ min: -2, max: 2 }), fc.string({ maxLength: 3 }))
const url = fc.constantFrom('https://cdn.example.com/a.png', 'https://cdn.example.com/v.aac', 'https://cdn.example.com/f.pdf')
const extraKeys = fc.dictionary(fc.constantFrom('extra_key', 'x', 'robot_id', 'entities'), edge, { maxKeys: 2 })
const payload: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.oneof(
      fc.record({ type: fc.constant(1), content: fc.string({ minLength: 1, maxLength: 5 }), mention: fc.oneof(fc.constant({}), fc.record({ all: fc.constantFrom(0, 1) }), fc.record({ uids: fc.constant([]) }), fc.record({ all: fc.constant(0), uids: fc.constant(['3003']) })) }, { requiredKeys: ['type', 'content'] }),
      fc.record({ type: fc.constant(2), url, width: fc.nat(3), height: fc.nat(3), size: fc.nat(2) }, { requiredKeys: ['type', 'url', 'width', 'height'] }),
      fc.record({ type: fc.constant(3), url, width: fc.nat(3), height: fc.nat(3) }, { requiredKeys: ['type', 'url'] }),
      fc.record({ type: fc.constant(4), url, timeTrad: fc.nat(3) }, { requiredKeys: ['type', 'url'] }),
      fc.record({ type: fc.constant(8), url, name: fc.constantFrom('', 'a.pdf'), size: fc.nat(2) }, { requiredKeys: ['type', 'url'] }),
    ),
    extraKeys,
  )
  .map(([p, extra]) => ({ ...extra, ...p }))

/** Runs one adapter's round trip on a payload, if both WuKongIM and the platform accept it. */
function roundTrip(p: Record<string, unknown>, to: (r: SendMessageRequest) => { value: unknown; lost: Lost }, back: (v: unknown) => SendMessageRequest): void {
  let request: SendMessageRequest
  try {
    request = send(p)
  } catch (error) {
    if (isPayloadError(error)) return void fc.pre(false)
    throw error
  }
  let there: { value: unknown; lost: Lost }
  try {
    there = to(request)
  } catch (error) {
    if (isPayloadError(error)) return void fc.pre(false)
    throw error
  }
  expectNamedOrKept(request, back(there.value), there.lost)
}

describe('every field that does not come back is named, for edge values', () => {
  it('Lanying', () => {
    fc.assert(fc.property(payload, (p) => roundTrip(p, toLanying, (v) => fromLanying(lanyingRequestJson(v as never)).value)), { numRuns: 400 })
  })
  it('OpenIM', () => {
    fc.assert(fc.property(payload, (p) => roundTrip(p, toOpenIM, (v) => fromOpenIM(v as never).value)), { numRuns: 400 })
  })
  it('CommsEase', () => {
    fc.assert(fc.property(payload, (p) => roundTrip(p, (r) => toCommsEase(r, { toAccids: ['acc1'] }), (v) => fromCommsEase(commsEaseForm(v as never).toString()).value)), { numRuns: 400 })
  })
})

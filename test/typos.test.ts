/**
 * Typos caught by lint: an unknown property within a small edit distance of a name the type (or
 * the /message/send envelope) defines is reported with "did you mean …?". Unknown properties stay
 * accepted (forward compatibility); lint only says "are you sure". Oracles: the reproducers of
 * issue 31 (names from WuKongIM's documented payload and /message/send body), and the examples of
 * every definition, whose own property names are the expected suggestions when misspelt.
 */
import { describe, expect, it } from 'vitest'
import { analyze } from '../src/inspector/analyze.js'
import { encodePayload, lintPayload, lintSendRequest, payloadDefinitions, validatePayload, type PayloadShape } from '../src/entries/index.js'

/** lintPayload of an untyped value (typos do not compile against the typed signature). */
const lp = (value: object) => lintPayload<PayloadShape>(value as PayloadShape)
const typos = (findings: readonly { code: string; path: string; message: string }[]) => findings.filter((f) => f.code === 'possible-typo').map((f) => `${f.path} ${/did you mean `([^`]+)`\?/.exec(f.message)?.[1]}`)

describe('lint finds near-miss property names', () => {
  it('mentoin → mention (the @everyone mention would be lost silently)', () => {
    const payload = { type: 1, content: 'hi', mentoin: { all: 1 } }
    expect(validatePayload(payload).ok).toBe(true)
    expect(typos(lp(payload))).toEqual(['/mentoin mention'])
    expect(lp(payload).find((f) => f.code === 'possible-typo')?.message).toMatch(/did you mean `mention`\?/)
  })

  it('contnet → content, and inside nested objects: mention.al, reply.from_nmae, the quoted payload', () => {
    expect(typos(lp({ type: 1, contnet: 'hello' }))).toEqual(['/contnet content'])
    expect(typos(lp({ type: 1, content: 'x', mention: { al: 1, uisd: ['u'] } }))).toEqual(['/mention/uisd uids'])
    expect(typos(lp({ type: 1, content: 'x', mention: { alll: 1 } }))).toEqual(['/mention/alll all'])
    const reply = { message_id: '1', message_seq: 1, from_uid: 'u', from_nmae: '张三', payload: { type: 2, url: 'a.png', widht: 1, height: 1 } }
    expect(typos(lp({ type: 1, content: 'x', reply }))).toEqual(['/reply/from_nmae from_name', '/reply/payload/widht width'])
  })

  it('an envelope with chanel_id beside channel_id, and a header flag misspelt', () => {
    const body = { from_uid: 'u1', channel_id: 'g1', chanel_id: 'g2', channel_type: 2, header: { red_dto: 1 }, payload: encodePayload<PayloadShape>({ type: 1, content: 'hi', mentoin: { all: 1 } } as PayloadShape) }
    expect(typos(lintSendRequest(body))).toEqual(['/payload/mentoin mention', '/chanel_id channel_id', '/header/red_dto red_dot'])
  })

  it('says nothing about unrelated extra properties (forward compatibility) or about any valid example', () => {
    expect(typos(lp({ type: 1, content: 'x', my_app_extension: { anything: 1 }, zz: 1 }))).toEqual([])
    for (const d of payloadDefinitions) for (const e of d.examples) expect(typos(lp(e.value)), `${d.name}: ${e.title}`).toEqual([])
  })

  it('suggests each top-level property of every example when two of its letters are swapped', () => {
    let checked = 0
    for (const d of payloadDefinitions) {
      for (const e of d.examples) {
        const value = e.value as Record<string, unknown>
        for (const key of Object.keys(value)) {
          if (key.length < 4 || key === 'type') continue
          const misspelt = `${key.slice(0, 1)}${key[2]}${key[1]}${key.slice(3)}`
          if (misspelt === key || misspelt in value) continue
          const copy = Object.fromEntries(Object.entries(value).map(([k, v]) => [k === key ? misspelt : k, v]))
          expect(typos(lp(copy)), `${d.name}: ${key}`).toContain(`/${misspelt} ${key}`)
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(40)
  })

  it('never throws and stays bounded on hostile input', () => {
    const deep: Record<string, unknown> = { type: 1, content: 'x' }
    let at = deep
    for (let i = 0; i < 10_000; i++) at = (at.reply = { payload: { type: 1, content: 'y', contnt: 1 } }).payload as Record<string, unknown>
    expect(() => lp(deep)).not.toThrow()
    expect(typos(lp({ type: 1, content: 'x', ['a'.repeat(100_000)]: 1 }))).toEqual([])
  })
})

describe('the inspector shows them', () => {
  it('as lint findings of a pasted payload and a pasted /message/send body', () => {
    expect(typos(analyze('{"type":1,"content":"hi","mentoin":{"all":1}}', false).lint)).toEqual(['/mentoin mention'])
    const body = { from_uid: 'u1', channel_id: 'g1', chanel_id: 'g1', channel_type: 2, payload: Buffer.from('{"type":1,"contnet":"hello","content":"x"}').toString('base64') }
    expect(typos(analyze(JSON.stringify(body), false).lint)).toEqual(['/payload/contnet content', '/chanel_id channel_id'])
  })
})

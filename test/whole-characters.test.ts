/**
 * Issue 26, "whole characters": every `/message/event` body this package builds holds whole
 * characters. WuKongIM's Go decoder turns a lone surrogate (`\ud83d` in JSON) into U+FFFD, so a
 * body carrying half an emoji is stored as replacement characters. Oracle: the platform's
 * `String.prototype.isWellFormed` over every string of every body, and the text the bodies add up to.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildMessageEvent, textDeltasToEvents, validateMessageEvent } from '../src/entries/events.js'
import { isPayloadError } from '../src/entries/index.js'

const target = { channel_id: 'g', channel_type: 2, client_msg_no: 'm1', now: () => 1 }

/** Every string in a body, keys included. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) { out.push(k); strings(v, out) }
  return out
}
const wellFormed = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed()

async function bodies(deltas: string[]) {
  const out = []
  for await (const body of textDeltasToEvents(deltas, target)) out.push(body)
  return out
}

describe('textDeltasToEvents never splits a character', () => {
  it("['Hi \\ud83d', '\\ude00!'] streams 'Hi 😀!' in whole characters", async () => {
    const out = await bodies(['Hi \ud83d', '\ude00!'])
    for (const body of out) for (const s of strings(body)) expect(wellFormed(s)).toBe(true)
    const deltas = out.filter((b) => b.event_type === 'stream.delta').map((b) => (b.payload as { delta: string }).delta)
    expect(deltas.join('')).toBe('Hi 😀!')
    const close = out.find((b) => b.event_type === 'stream.close') as { payload: { snapshot: { text: string } } }
    expect(close.payload.snapshot.text).toBe('Hi 😀!')
    expect(out.at(-1)?.event_type).toBe('stream.finish')
  })

  it('any split of well-formed text into chunks: every body well-formed, the deltas add up to the text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.array(fc.nat(60), { maxLength: 8 }), async (text, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)
        const chunks: string[] = []
        let from = 0
        for (const p of points) { chunks.push(text.slice(from, p)); from = p }
        chunks.push(text.slice(from))
        const out = await bodies(chunks)
        for (const body of out) for (const s of strings(body)) expect(wellFormed(s)).toBe(true)
        const deltas = out.filter((b) => b.event_type === 'stream.delta').map((b) => (b.payload as { delta: string }).delta)
        expect(deltas.join('')).toBe(text)
        expect(out.at(-1)?.event_type).toBe('stream.finish')
      }),
      { numRuns: 300 },
    )
  })

  it('text that really holds a lone surrogate ends with stream.error, never a body carrying it', async () => {
    for (const chunks of [['a\udc00b'], ['ok', 'x\ud800'], ['\ud800', 'y']]) {
      const out = await bodies(chunks)
      for (const body of out) for (const s of strings(body)) expect(wellFormed(s)).toBe(true)
      expect(out.at(-1)?.event_type).toBe('stream.error')
    }
  })
})

describe('buildMessageEvent and validateMessageEvent refuse lone surrogates', () => {
  const base = { channel_id: 'g', channel_type: 2, client_msg_no: 'm1', event_type: 'stream.delta' }
  it('a delta holding a lone surrogate is a PayloadError at its pointer', () => {
    let thrown: unknown
    try {
      buildMessageEvent({ ...base, payload: { kind: 'text', delta: 'Hi \ud83d' } })
    } catch (error) {
      thrown = error
    }
    expect(isPayloadError(thrown)).toBe(true)
    if (isPayloadError(thrown)) expect(thrown.issues[0]).toMatchObject({ code: 'lone_surrogate', path: '/payload/delta' })
    const checked = validateMessageEvent({ ...base, event_id: 'e', event_key: 'main', payload: { kind: 'text', delta: '\ude00' } })
    expect(checked.ok).toBe(false)
  })
  it('a whole emoji is accepted', () => {
    expect(buildMessageEvent({ ...base, payload: { kind: 'text', delta: 'Hi 😀' } }).payload).toEqual({ kind: 'text', delta: 'Hi 😀' })
  })
})

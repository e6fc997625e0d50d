import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chatLine } from '../examples/chat-receive.js'
import { decodeForDisplay, decodePayload, digest, isPayloadError, safeDecodePayload, unreadablePartOf } from '../src/entries/index.js'

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64')

// The TangSengDaoDao web quoting a voice message it cannot re-encode: the user's words are fine.
const quotesLossyVoice = {
  content: '听到了',
  type: 1,
  mention: {},
  reply: { message_id: '1867301234567890301', message_seq: 61, from_uid: 'u2', from_name: '李四', payload: { type: 4 } },
}

describe('PayloadError.value', () => {
  it('carries the parsed payload, unchanged, when it parses but fails validation', () => {
    const result = safeDecodePayload(b64(quotesLossyVoice))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('INVALID_PAYLOAD')
    expect(result.error.value).toEqual(quotesLossyVoice)
    expect(result.error.issues.map((i) => i.path)).toEqual(['/reply/payload/url', '/reply/payload/timeTrad'])
    expect(digest(result.error.value)).toBe('听到了')
    expect(digest({ type: 4 })).toBe('[语音]')
  })

  it('is the same from decodePayload, and for bytes and objects', () => {
    let thrown: unknown
    try {
      decodePayload(new TextEncoder().encode(JSON.stringify({ type: 4 })))
    } catch (error) {
      thrown = error
    }
    expect(isPayloadError(thrown) && thrown.value).toEqual({ type: 4 })
    const object = { type: 20 }
    const result = safeDecodePayload(object)
    // Not copied: the very object given.
    expect(!result.ok && result.error.value).toBe(object)
  })

  it('keeps a message that nests too deeply (TOO_DEEP) and a parsed non-object', () => {
    let deep: Record<string, unknown> = { type: 1, content: 'x' }
    for (let i = 0; i < 40; i++) deep = { type: 1, content: String(i), reply: { message_id: '1', message_seq: 1, from_uid: 'u', payload: deep } }
    const tooDeep = safeDecodePayload(b64(deep))
    expect(!tooDeep.ok && tooDeep.error.code).toBe('TOO_DEEP')
    expect(!tooDeep.ok && tooDeep.error.value).toEqual(deep)
    const notObject = safeDecodePayload(b64(null))
    expect(!notObject.ok && 'value' in notObject.error && notObject.error.value).toBe(null)
  })

  it('is absent when nothing parsed', () => {
    for (const input of ['!!!', Buffer.from([0xff]).toString('base64'), Buffer.from('{"type":').toString('base64')]) {
      const result = safeDecodePayload(input)
      expect(result.ok).toBe(false)
      if (!result.ok) expect('value' in result.error).toBe(false)
    }
  })
})

describe('unreadablePartOf', () => {
  it('names the message, its quote, a forwarded message, and nested ones', () => {
    expect(unreadablePartOf('')).toBe('')
    expect(unreadablePartOf('/url')).toBe('')
    expect(unreadablePartOf('/mention/all')).toBe('')
    expect(unreadablePartOf('/reply')).toBe('/reply')
    expect(unreadablePartOf('/reply/message_id')).toBe('/reply')
    expect(unreadablePartOf('/reply/payload')).toBe('/reply')
    expect(unreadablePartOf('/reply/payload/type')).toBe('/reply')
    expect(unreadablePartOf('/reply/payload/reply/message_id')).toBe('/reply/payload/reply')
    expect(unreadablePartOf('/msgs')).toBe('')
    expect(unreadablePartOf('/msgs/0/payload')).toBe('/msgs/0')
    expect(unreadablePartOf('/msgs/3/payload/url')).toBe('/msgs/3')
    expect(unreadablePartOf('/msgs/3/payload/reply/payload/width')).toBe('/msgs/3/payload/reply')
    expect(unreadablePartOf('/msgs/x/payload')).toBe('')
  })
})

describe('decodeForDisplay', () => {
  it('shows a valid message', () => {
    expect(decodeForDisplay(b64({ type: 1, content: 'hi' }))).toEqual({ status: 'ok', payload: { type: 1, content: 'hi' }, issues: [], unreadable: [] })
  })

  it('shows the text and marks only the quote unreadable', () => {
    const shown = decodeForDisplay(b64(quotesLossyVoice))
    expect(shown.status).toBe('partial')
    expect(shown.payload).toEqual(quotesLossyVoice)
    expect(shown.unreadable).toEqual(['/reply'])
  })

  it('marks each unreadable forwarded message (the web re-forwarding a merged forward), and a quote of a quote', () => {
    const forward = { channel_type: 2, users: [{ uid: 'u2', name: '李四' }], msgs: [{ message_id: '1', from_uid: 'u2', timestamp: 1 }, { message_id: '2', from_uid: 'u2', timestamp: 2, payload: { type: 1, content: 'ok' } }, { message_id: '3', from_uid: 'u2', timestamp: 3, payload: { type: 6 } }], type: 11 }
    expect(decodeForDisplay(b64(forward))).toMatchObject({ status: 'partial', unreadable: ['/msgs/0', '/msgs/2'] })
    const nested = { type: 1, content: 'a', reply: { message_id: '1', message_seq: 1, from_uid: 'u', payload: { type: 1, content: 'b', reply: { message_id: 'x', message_seq: 1, from_uid: 'u' } } } }
    expect(decodeForDisplay(b64(nested))).toMatchObject({ status: 'partial', unreadable: ['/reply/payload/reply'] })
  })

  it('gives the delivered payload of an unreadable message, for its label', () => {
    const shown = decodeForDisplay(b64({ type: 4 }))
    expect(shown).toMatchObject({ status: 'unreadable', payload: { type: 4 }, unreadable: [''] })
    expect(shown.payload && digest(shown.payload)).toBe('[语音]')
    // A problem in the message and in its quote: the message is unreadable, and that covers the quote.
    expect(decodeForDisplay(b64({ type: 1, reply: { message_id: 'x', message_seq: 1, from_uid: 'u' } }))).toMatchObject({ status: 'unreadable', unreadable: [''] })
  })

  it('has no payload when nothing usable arrived', () => {
    for (const input of ['!!!', b64('text'), b64({ type: 'text', content: 'hi' }), b64([1])]) {
      const shown = decodeForDisplay(input)
      expect(shown).toMatchObject({ status: 'unreadable', payload: undefined, unreadable: [''] })
      expect(shown.status !== 'ok' && isPayloadError(shown.error)).toBe(true)
    }
  })
})

describe('the chat recipe (examples/chat-receive.ts, docs/receiving.md)', () => {
  it('shows the text and marks the quote unreadable', () => {
    expect(chatLine(b64(quotesLossyVoice))).toEqual({ text: '听到了', quote: '[无法显示的内容]', unreadable: true })
    expect(chatLine(b64(quotesLossyVoice), 'en')).toEqual({ text: '听到了', quote: '[Cannot be shown]', unreadable: true })
  })
  it('shows a valid quote, a broken message by its label, and a placeholder when nothing arrived', () => {
    const valid = { type: 1, content: '同意', reply: { message_id: '1', message_seq: 1, from_uid: 'u1', payload: { type: 2, url: 'https://x/a.png', width: 1, height: 1 } } }
    expect(chatLine(b64(valid))).toEqual({ text: '同意', quote: '[图片]' })
    expect(chatLine(b64({ type: 4 }))).toEqual({ text: '[语音]', unreadable: true })
    expect(chatLine(b64({ type: 1, content: 'x', reply: { message_id: '1', message_seq: 1, from_uid: 'u', payload: { type: 0 } } }))).toEqual({ text: 'x', quote: '[未知消息]' })
    expect(chatLine('!!!')).toEqual({ text: '[无法显示的内容]', unreadable: true })
  })
  it('is shown verbatim in the guide', () => {
    const root = join(import.meta.dirname, '..')
    const guide = readFileSync(join(root, 'docs/receiving.md'), 'utf8')
    expect(guide, 'docs/receiving.md must embed examples/chat-receive.ts (npm run docs:guides)').toContain('```ts\n' + readFileSync(join(root, 'examples/chat-receive.ts'), 'utf8') + '```')
  })
})

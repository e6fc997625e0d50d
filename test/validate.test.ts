import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isKnownPayload, isPayload, MessageType, validatePayload, type Payload, type UnknownPayload } from '../src/entries/index.js'

function issues(value: unknown, options = {}) {
  const result = validatePayload(value, options)
  return result.ok ? [] : result.issues
}

describe('validatePayload', () => {
  it('rejects the docs’ `type: "text"` with the integer to use', () => {
    expect(issues({ type: 'text', content: 'Hello, World!' })).toEqual([{ path: '/type', code: 'type', message: 'type must be an integer; text is 1' }])
    expect(issues({ type: 'image', url: 'x' })[0]?.message).toBe('type must be an integer; image is 2')
    expect(issues({ type: '1', content: 'x' })[0]?.message).toBe('type must be the integer 1, not the string "1"')
    expect(issues({ type: 1.5 })[0]).toMatchObject({ path: '/type', code: 'type' })
    expect(issues({ content: 'x' })[0]).toMatchObject({ path: '/type', code: 'required' })
  })

  it('names the fix for mention.all as a boolean', () => {
    const [issue, ...rest] = issues({ type: 1, content: 'hi', mention: { all: true, uids: [] } })
    expect(rest).toEqual([])
    expect(issue).toMatchObject({ path: '/mention/all', code: 'enum' })
    expect(issue?.message).toMatch(/must be 0 or 1, not a boolean \(true\).*use 1 for @everyone/)
  })

  it('requires ids inside payloads to be decimal strings', () => {
    const found = issues({ type: 1006, message_id: 234343435, content: '{0}', extra: [{ uid: 'u', name: 'n' }] })
    expect(found[0]).toMatchObject({ path: '/message_id', code: 'type' })
    expect(found[0]?.message).toMatch(/decimal string/)
    expect(issues({ type: 1006, message_id: '12a', content: '{0}', extra: [] })[0]).toMatchObject({ path: '/message_id', code: 'pattern' })
  })

  it('dispatches on type: a bad image reports only the image’s problems', () => {
    expect(issues({ type: 2, url: 'http://x', width: -1, height: '3' })).toEqual([
      { path: '/width', code: 'range', message: 'must be >= 0, not the number -1: a number of pixels' },
      { path: '/height', code: 'type', message: 'must be a number, not a string ("3"): a number of pixels' },
    ])
  })

  it('validates nested payloads with their own type, with paths into them', () => {
    const reply = { message_id: '1', message_seq: 1, from_uid: 'u', payload: { type: 1, content: 'x', reply: { message_id: '2', message_seq: 2, from_uid: 'v', payload: { type: 2, url: 'u', width: 1 } } } }
    expect(issues({ type: 1, content: 'outer', reply })).toEqual([
      { path: '/reply/payload/reply/payload/height', code: 'required', message: '"height" is required: a number of pixels' },
    ])
    const forward = { type: 11, channel_type: 2, users: [], msgs: [{ message_id: '1', timestamp: 1, from_uid: 'u', payload: { type: 99 } }] }
    expect(issues(forward)).toEqual([{ path: '/msgs/0/payload/cmd', code: 'required', message: '"cmd" is required' }])
  })

  it('checks known commands’ params and lets unknown commands through', () => {
    expect(issues({ type: 99, cmd: 'unreadClear', param: { channel_id: 'g', channel_type: '2' } })).toEqual([
      { path: '/param/channel_type', code: 'type', message: 'must be an integer, not a string ("2")' },
    ])
    expect(issues({ type: 99, cmd: 'myAppCommand', param: { anything: [1, { b: 2 }] } })).toEqual([])
  })

  it('keeps unknown types (forward compatibility) unless asked to reject them', () => {
    const value = { type: 777, whatever: { nested: true } }
    expect(validatePayload(value)).toEqual({ ok: true, value })
    expect(issues(value, { unknownTypes: 'reject' })).toEqual([
      { path: '/type', code: 'unknown_type', message: "type 777 is not a known payload type; decode with { unknownTypes: 'accept' } to keep it as an UnknownPayload" },
    ])
  })

  it('checks other system types (> 1000) as generic system messages', () => {
    expect(validatePayload({ type: 1200, content: '{0}接入', extra: [{ uid: 'a', name: 'A' }], foo: 1 }).ok).toBe(true)
    expect(issues({ type: 1200, content: 5 })).toEqual([{ path: '/content', code: 'type', message: 'must be a string, not the number 5' }])
    expect(issues({ type: 1200, extra: [{ uid: 'a' }] })[0]).toMatchObject({ path: '/extra/0/name', code: 'required' })
  })

  it('returns the very same object: properties a schema does not define are kept', () => {
    const value = { type: 8, url: 'u', name: 'a.pdf', size: 1, ext: 'pdf', localPath: '/sdcard/a.pdf' }
    const result = validatePayload(value)
    expect(result.ok && result.value).toBe(value)
    expect(value).toEqual({ type: 8, url: 'u', name: 'a.pdf', size: 1, ext: 'pdf', localPath: '/sdcard/a.pdf' })
  })

  it('refuses nesting deeper than maxDepth without recursion (100,000 levels)', () => {
    let payload: Record<string, unknown> = { type: 1, content: 'leaf' }
    for (let i = 0; i < 100_000; i++) payload = { type: 1, content: String(i), reply: { message_id: '1', message_seq: 1, from_uid: 'u', payload } }
    const result = validatePayload(payload)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0]?.code).toBe('too_deep')
    // One notion of valid (issue 27): what the encoder cannot write, JSON nesting past 1000
    // levels, is invalid whatever maxDepth allows; within it, maxDepth is what limits.
    const beyond = validatePayload(payload, { maxDepth: 200_000 })
    expect(beyond.ok).toBe(false)
    if (!beyond.ok) expect(beyond.issues).toEqual([expect.objectContaining({ code: 'too_deep', message: expect.stringContaining('1000 levels') })])
    let within: Record<string, unknown> = { type: 1, content: 'leaf' }
    for (let i = 0; i < 400; i++) within = { type: 1, content: String(i), reply: { message_id: '1', message_seq: 1, from_uid: 'u', payload: within } }
    expect(validatePayload(within, { maxDepth: 200_000 }).ok).toBe(true)
  })

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const result = validatePayload(value)
        if (!result.ok) for (const issue of result.issues) expect(typeof issue.path === 'string' && issue.message.length > 0).toBe(true)
      }),
      { numRuns: 3000 },
    )
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 2100 }), fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), (type, rest) => {
        validatePayload({ ...rest, type })
      }),
      { numRuns: 3000 },
    )
  })

  it('isPayload and isKnownPayload', () => {
    expect(isPayload({ type: 1, content: 'x' })).toBe(true)
    expect(isPayload({ type: 1 })).toBe(false)
    const p: Payload = { type: 1, content: 'x' }
    expect(isKnownPayload(p)).toBe(true)
    // An unknown type comes from decoding; the cast stands for that.
    expect(isKnownPayload({ type: 777 } as unknown as UnknownPayload)).toBe(false)
    expect(isKnownPayload({ type: MessageType.GroupCreated, content: '', extra: [] })).toBe(true)
  })
})

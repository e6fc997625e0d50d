/**
 * Issue 27: one notion of valid, re-entrant checks; issue 26: what is encoded is what was
 * validated. Oracles: the JSON text itself (what `JSON.parse` of the written payload gives back,
 * and whether the decoder accepts it), and the verdict of a call made without the interfering
 * getter (the same input, read once).
 */
import { describe, expect, it } from 'vitest'
import { decodePayload, encodePayload, safeDecodePayload } from '../src/codec/codec.js'
import { buildSendRequest } from '../src/send/request.js'
import { isPayload, validatePayload } from '../src/validate/validate.js'
import { textToBase64 } from '../src/wire/platform-node.js'

const b64 = (value: unknown): string => textToBase64(JSON.stringify(value))

describe('one notion of valid: validatePayload, isPayload, encodePayload and decodePayload agree', () => {
  const refused: [string, unknown][] = [
    ['a number beyond 2^53 in an unknown property', { type: 1, content: 'x', n: 2 ** 60 }],
    ['a number beyond 2^53 nested in an unknown property', { type: 1, content: 'x', extra: { deep: [1, -(2 ** 54)] } }],
    ['a number beyond 2^53 in an unknown type', { type: 4242, n: 2 ** 60 }],
  ]
  it.each(refused)('%s is invalid everywhere', (_name, value) => {
    expect(validatePayload(value).ok).toBe(false)
    expect(isPayload(value)).toBe(false)
    expect(() => encodePayload(value as never)).toThrow(expect.objectContaining({ name: 'PayloadError' }))
    expect(() => decodePayload(value as object)).toThrow(expect.objectContaining({ name: 'PayloadError' }))
    expect(() => decodePayload(b64(value))).toThrow(expect.objectContaining({ name: 'PayloadError' }))
    const result = validatePayload(value)
    // The same issue, at the same place, whichever entry reports it.
    const decoded = safeDecodePayload(b64(value))
    expect(decoded.ok).toBe(false)
    if (!result.ok && !decoded.ok) expect(decoded.error.issues.map((i) => i.path)).toEqual(result.issues.map((i) => i.path))
  })

  it('the issue names the number and where it is', () => {
    const result = validatePayload({ type: 1, content: 'x', n: 2 ** 60 })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues).toEqual([expect.objectContaining({ path: '/n', code: 'unsafe_number' })])
  })

  it('a valid payload stays valid everywhere', () => {
    const value = { type: 1, content: 'x', n: 2 ** 53 - 1 }
    expect(validatePayload(value).ok).toBe(true)
    expect(isPayload(value)).toBe(true)
    expect(decodePayload(encodePayload(value as never))).toEqual(value)
  })
})

describe('re-entrancy: a getter that validates during a check cannot change the verdict', () => {
  /** A payload whose `content` getter runs a validation of `inner` with `options` while it is being checked. */
  const interfering = (base: Record<string, unknown>, inner: unknown, options: Parameters<typeof validatePayload>[1]) =>
    // `content` first (a redefined key keeps its place): the getter runs before the rest is checked.
    Object.defineProperty({ content: '', ...base }, 'content', {
      enumerable: true,
      get() {
        validatePayload(inner, options)
        return 'x'
      },
    })

  it("a nested unknown type under unknownTypes: 'reject' stays refused", () => {
    const reply = { message_id: '1', message_seq: 1, from_uid: 'u', payload: { type: 4242 } }
    const options = { unknownTypes: 'reject' } as const
    // Oracle: the same payload without the getter.
    expect(validatePayload({ type: 1, content: 'x', reply }, options).ok).toBe(false)
    const value = interfering({ type: 1, reply }, { type: 1, content: 'y' }, options)
    // The getter runs a validation with the default options (unknown types accepted).
    const withDefaults = interfering({ type: 1, reply }, { type: 1, content: 'y' }, {})
    expect(validatePayload(value, options).ok).toBe(false)
    expect(validatePayload(withDefaults, options).ok).toBe(false)
    expect(() => encodePayload(withDefaults as never, options)).toThrow(expect.objectContaining({ name: 'PayloadError' }))
  })

  it('maxDepth stays in force', () => {
    const reply = (payload: unknown) => ({ message_id: '1', message_seq: 1, from_uid: 'u', payload })
    const deep = { type: 1, content: 'a', reply: reply({ type: 1, content: 'b', reply: reply({ type: 1, content: 'c' }) }) }
    expect(validatePayload(deep, { maxDepth: 1 }).ok).toBe(false)
    const value = interfering({ type: 1, reply: deep.reply }, { type: 1, content: 'y' }, { maxDepth: 100 })
    expect(validatePayload(value, { maxDepth: 1 }).ok).toBe(false)
    expect(() => encodePayload(value as never, { maxDepth: 1 })).toThrow(expect.objectContaining({ name: 'PayloadError' }))
  })
})

describe('what is encoded is what was validated (one snapshot of plain data)', () => {
  it('a non-enumerable required field is refused, not written without it', () => {
    const value = Object.defineProperty({ type: 1 }, 'content', { value: 'hello', enumerable: false })
    expect(() => encodePayload(value as never)).toThrow(expect.objectContaining({ name: 'PayloadError' }))
    expect(() => buildSendRequest({ channel_id: 'g1', channel_type: 2, from_uid: 'u', payload: value as never })).toThrow(expect.objectContaining({ name: 'PayloadError' }))
  })

  it('a getter that answers differently when read again cannot slip an unsafe number through', () => {
    const shifty = () => {
      let reads = 0
      return Object.defineProperty({ type: 1 }, 'content', {
        enumerable: true,
        get: () => (reads++ === 0 ? 'safe' : 12345678901234567890),
      })
    }
    // Whatever is written must decode: either it throws, or the written payload is valid.
    const check = (write: () => string) => {
      let written: string | undefined
      try {
        written = write()
      } catch (error) {
        expect(error).toEqual(expect.objectContaining({ name: 'PayloadError' }))
        return
      }
      expect(safeDecodePayload(written).ok).toBe(true)
    }
    check(() => encodePayload(shifty() as never))
    check(() => buildSendRequest({ channel_id: 'g1', channel_type: 2, from_uid: 'u', payload: shifty() as never }).payload)
  })
})

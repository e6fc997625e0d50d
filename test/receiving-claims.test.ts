/**
 * Issue 26, "claims true as written": docs/receiving.md says what a round trip preserves — the
 * value, exactly — and that the escapes a client's JSON writer chose (Android's and iOS's `\/`)
 * do not survive re-encoding. Oracles: `JSON.parse` of the delivered text for the value, and
 * Python's `json` module (an independent JSON implementation) for what the standard form is.
 */
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { decodePayload, encodePayload } from '../src/entries/index.js'

/** As org.json (Android) and NSJSONSerialization (iOS) write it: `/` escaped, non-ASCII as \u escapes. */
const delivered = '{"type":1,"content":"see https:\\/\\/example.com\\/a caf\\u00e9 😀","extra_key":{"b":1,"a":[1.5,-0.25,9007199254740991]}}'
const b64 = Buffer.from(delivered, 'utf8').toString('base64')

describe('what a round trip preserves', () => {
  it('the value, exactly: every key in order, every string and number', () => {
    const value = decodePayload(b64)
    expect(value).toEqual(JSON.parse(delivered))
    expect(Object.keys(value)).toEqual(Object.keys(JSON.parse(delivered) as object))
  })
  it('not the bytes: re-encoding writes the standard JSON of the value (`\\/` becomes `/`)', () => {
    const again = Buffer.from(encodePayload(decodePayload(b64)), 'base64').toString('utf8')
    expect(again).not.toBe(delivered)
    expect(again).toContain('https://example.com/a café')
    // Python's json, a second implementation, reads both texts as the same value.
    const script = 'import json,sys; a,b=sys.argv[1],sys.argv[2]; print(json.loads(a)==json.loads(b))'
    expect(execFileSync('python3', ['-c', script, delivered, again], { encoding: 'utf8' }).trim()).toBe('True')
  })
})

/** The CommonJS build (dist/, so the slow tier): its errors are recognised by the ESM copy and back, without instanceof. */
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { errorOf } from './helpers.js'
import { decodePayload, isPayloadError, PayloadError } from '../src/entries/index.js'


describe('isPayloadError', () => {
  it('recognizes errors thrown by the CommonJS build (no instanceof)', () => {
    const require = createRequire(import.meta.url)
    const cjs = require('../dist/index.cjs') as typeof import('../src/entries/index.js')
    let thrown: unknown
    try {
      cjs.decodePayload('!!!')
    } catch (error) {
      thrown = error
    }
    expect(thrown instanceof PayloadError).toBe(false)
    expect(isPayloadError(thrown)).toBe(true)
    expect(cjs.isPayloadError(errorOf(() => decodePayload('!!!')))).toBe(true)
    expect(isPayloadError(new Error('x'))).toBe(false)
  })
})

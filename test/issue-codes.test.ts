/**
 * One vocabulary: every issue any function reports, on many bad inputs, has a code of the
 * documented `ValidationIssueCode` union. The oracle is the union as written in
 * src/errors/issue.ts (read from the source text, not from the implementation's output).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeWebhookMessages, payloadDefinitions, safeDecodePayload, validatePayload, validateSendRequest, type ValidationIssue } from '../src/entries/index.js'
import { parseSendRequestBody, parseWebhookBody, problemFromFastifyError } from '../src/entries/server.js'
import { createCodec } from '../src/entries/runtime.js'

const source = readFileSync(join(import.meta.dirname, '..', 'src', 'errors', 'issue.ts'), 'utf8')
const union = /export type ValidationIssueCode =([^;]*?)\n\n/s.exec(source)?.[1] ?? ''
const documented = new Set([...union.matchAll(/'([a-z0-9_]+)'/g)].map((m) => m[1]))

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64')

// Bad payloads: every definition's invalid examples, plus inputs no schema describes.
const badPayloads: unknown[] = [
  ...payloadDefinitions.flatMap((d) => (d.invalidExamples ?? []).map((e) => e.value)),
  null,
  7,
  'text',
  [],
  {},
  { type: 'text' },
  { type: '1', content: 'x' },
  { type: 1.5 },
  { type: 1, content: 'x', mention: { all: true } },
  { type: 1, content: 'x', reply: { message_id: 1 } },
  { type: 1, content: 'x', n: Number.NaN },
  { type: 1, content: '\ud800' },
  { type: 1, content: 'x', big: 2 ** 60 },
  { type: 1200, content: 7, extra: 'x' },
  { type: 777 },
]
const badWire: unknown[] = ['!!!', 'eyJ0eXBlIjox', b64('{"type":1,'), b64('\ufeff{"type":1,"content":"x"}'), Uint8Array.from([0xff, 0xfe]), b64('x'.repeat(2 * 1024 * 1024))]

function codesOf(issues: readonly ValidationIssue[]): string[] {
  return issues.map((i) => i.code)
}

describe('every issue code is a member of the documented ValidationIssueCode union', () => {
  it('reads the union from src/errors/issue.ts', () => {
    expect(documented.size).toBeGreaterThan(5)
  })

  it('across validation, decoding, send requests, webhooks, server helpers and a codec', () => {
    const seen: string[] = []
    const codec = createCodec({ types: [] })
    for (const value of badPayloads) {
      for (const result of [validatePayload(value), validatePayload(value, { unknownTypes: 'reject' }), codec.validatePayload(value)]) if (!result.ok) seen.push(...codesOf(result.issues))
    }
    for (const input of [...badWire, ...badPayloads.filter((v) => typeof v === 'object' && v !== null)]) {
      const decoded = safeDecodePayload(input as string)
      if (!decoded.ok) seen.push(...codesOf(decoded.error.issues))
    }
    const envelopes = [null, [], {}, { from_uid: 7, channel_type: '2', payload: 1 }, { from_uid: 'u', payload: { type: 1 } }, { from_uid: 'u', channel_id: 'g@', channel_type: 0, payload: '' }]
    const sends = [...envelopes, ...[...badWire.filter((w) => typeof w === 'string'), ...badPayloads.map(b64)].map((payload) => ({ from_uid: 'u', channel_id: 'g', channel_type: 2, payload }))]
    for (const body of sends) {
      const result = validateSendRequest(body)
      if (!result.ok) seen.push(...codesOf(result.issues))
      for (const raw of [body, JSON.stringify(body)]) {
        const parsed = parseSendRequestBody(raw)
        if (!parsed.ok) seen.push(...parsed.problem.errors.map((e) => e.code))
      }
    }
    for (const body of ['{"a":1}', '[', '{"messages": 1}', Uint8Array.from([0xff]), `[{"message_id":1,"payload":"!!!"},{"message_id":2,"payload":"${b64({ type: 2 })}"},{"message_id":3}]`]) {
      const parsed = parseWebhookBody(body)
      if (!parsed.ok) seen.push(...parsed.problem.errors.map((e) => e.code))
      else for (const m of parsed.value) if (m.error) seen.push(...codesOf(m.error.issues))
    }
    for (const m of decodeWebhookMessages('[{"message_id":1,"payload":"!!!"}]')) if (m.error) seen.push(...codesOf(m.error.issues))
    for (const error of [
      { validation: [{ instancePath: '/x', keyword: 'weird', params: {} }], validationContext: 'body' },
      { validation: [{ instancePath: '/from_uid', keyword: 'type', params: { type: 'string' } }], validationContext: 'body' },
      { code: 'FST_ERR_CTP_BODY_TOO_LARGE' },
      { code: 'FST_ERR_CTP_INVALID_JSON_BODY', message: 'x' },
    ]) {
      seen.push(...(problemFromFastifyError(error, { from_uid: 7 })?.errors.map((e) => e.code) ?? []))
    }
    expect(seen.length).toBeGreaterThan(100)
    expect([...new Set(seen)].filter((code) => !documented.has(code))).toEqual([])
  })
})

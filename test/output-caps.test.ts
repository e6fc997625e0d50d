/**
 * Bounded answers beyond the server (issue 25.5): the CLI prints at most MAX_PROBLEM_ISSUES (100)
 * issues and says how many more there were, as the problem bodies do. The oracle is the count
 * of issues the codec itself reports for the same payload (`safeDecodePayload`).
 */
import { describe, expect, it } from 'vitest'
import { safeDecodePayload } from 'wukong-payload'
import { MAX_PROBLEM_ISSUES } from 'wukong-payload/server'
import type { Io } from '../src/cli/io.js'
import { run } from '../src/cli/run.js'

function cli(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const io: Io = { out: (t) => out.push(`${t}\n`), err: (t) => err.push(`${t}\n`), color: false, stdin: () => new Uint8Array() }
  const code = run(args, io, false)
  return { code, out: out.join(''), err: err.join('') }
}

// A merged forward of 5,000 broken messages: thousands of issues.
const payload = Buffer.from(JSON.stringify({ type: 11, channel_type: 1, msgs: Array(5_000).fill({}) })).toString('base64')

describe('the CLI caps the issues it prints', () => {
  const decoded = safeDecodePayload(payload)
  const total = decoded.ok ? 0 : decoded.error.issues.length

  it('the oracle: the payload has more than 100 issues', () => {
    expect(total).toBeGreaterThan(MAX_PROBLEM_ISSUES)
  })

  it('validate --json: 100 issues and issues_omitted', () => {
    const r = cli(['validate', payload, '--json'])
    expect(r.code).toBe(1)
    const json = JSON.parse(r.out) as { issues: unknown[]; issues_omitted: number }
    expect(json.issues).toHaveLength(MAX_PROBLEM_ISSUES)
    expect(json.issues_omitted).toBe(total - MAX_PROBLEM_ISSUES)
  })

  it('validate and decode as text: at most 100 issue lines and "… and N more"', () => {
    const v = cli(['validate', payload])
    expect(v.out.trim().split('\n')).toHaveLength(MAX_PROBLEM_ISSUES + 1)
    expect(v.out).toContain(`… and ${total - MAX_PROBLEM_ISSUES} more`)
    const d = cli(['decode', payload])
    expect(d.code).toBe(1)
    expect(d.err.trim().split('\n').length).toBeLessThanOrEqual(MAX_PROBLEM_ISSUES + 2)
    expect(d.err).toContain(`… and ${total - MAX_PROBLEM_ISSUES} more`)
  })
})

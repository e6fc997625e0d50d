/**
 * Bounded cost per byte (issue 25): reading a send body or a webhook body of any shape at the
 * default limits costs at most 64 bytes of heap per body byte and at most 1 s of CPU per MB, in a
 * process whose heap is capped at 512 MB (so a request at the default limit cannot exhaust it).
 * Each worst-case shape runs in its own child process (test/body-cost-worker.mjs, the built
 * package as the example servers use it); the oracle is the process itself: it must not die, and
 * what it measured must be within the bound. The machine may be loaded: CPU is the process's own.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const shapes = [
  'webhook: many small numbers',
  'webhook: many empty objects',
  'webhook: many unsafe numbers',
  'webhook: deep nesting',
  'webhook: one long string',
  'webhook: many messages',
  'webhook: user.onlinestatus of numbers',
  'webhook: msg.offline inflating to [{},…]',
  'webhook: a payload object of unsafe numbers',
  'send: many small numbers',
  'send: many empty objects',
  'send: one long string',
]

/** Heap per body byte and CPU per MB that every shape must stay within (docs/security.md, "Bounds"). */
const MAX_HEAP_PER_BYTE = 64
const MAX_CPU_SECONDS_PER_MB = 1

describe('cost per body byte at the default limits, in a 512 MB heap', () => {
  it.each(shapes)('%s', (shape) => {
    const child = spawnSync(process.execPath, ['--max-old-space-size=512', '--expose-gc', join(root, 'test/body-cost-worker.mjs'), shape], { cwd: root, encoding: 'utf8', timeout: 120_000 })
    expect(child.status, `${shape}: the process died (${child.signal ?? ''}) ${child.stderr.slice(-500)}`).toBe(0)
    const measured = JSON.parse(child.stdout) as { bytes: number; heapPerByte: number; cpuSecondsPerMB: number; outcome: string }
    console.log(JSON.stringify(measured))
    expect(measured.heapPerByte, shape).toBeLessThanOrEqual(MAX_HEAP_PER_BYTE)
    expect(measured.cpuSecondsPerMB, shape).toBeLessThanOrEqual(MAX_CPU_SECONDS_PER_MB)
  })
})

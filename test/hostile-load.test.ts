/**
 * The example server stays up (issue 25.8): the node:http example, in a child process with a
 * 512 MB heap at the default limits, gets the hostile bodies of issue 25 — a webhook of
 * `[0,0,…]` at the 8 MiB limit and past it, a 21 KB gzip msg.offline inflating to megabytes of
 * `[{},{},…]`, a send forward of 20,000 `{}` — several at once, mixed with valid requests. The
 * oracle is the process: it must still be alive and answer a valid request with 202 afterwards,
 * and every problem answer is within MAX_PROBLEM_BODY_BYTES.
 */
import { spawn } from 'node:child_process'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_PROBLEM_BODY_BYTES } from 'wukong-payload/server'

const root = join(import.meta.dirname, '..')
const MiB = 1024 * 1024
const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64')
const valid = JSON.stringify({ from_uid: 'u1', channel_id: 'g1', channel_type: 2, payload: b64({ type: 1, content: 'hi' }) })

describe('the node:http example under hostile bodies, in a 512 MB heap', () => {
  let child: ReturnType<typeof spawn>
  let url = ''
  beforeAll(async () => {
    child = spawn(process.execPath, ['--max-old-space-size=512', '--import', 'tsx', '--conditions', 'node', join(root, 'test/hostile-load-server.ts')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim()))
      child.once('exit', (code) => reject(new Error(`server exited ${code}`)))
    })
    url = `http://127.0.0.1:${port}`
  })
  afterAll(() => void child.kill())

  it('answers every hostile body within bounds and still serves a valid request', async () => {
    const offline = `{"message_id":1,"payload":"${b64({ type: 1, content: 'x' })}","compress":"gzip","compress_to_uids":"${gzipSync('[' + '{},'.repeat(Math.floor((8 * MiB - 64 * 1024) / 3)) + '{}]').toString('base64')}"}`
    const bodies: [string, string][] = [
      ['/webhook?event=msg.notify', `[${'0,'.repeat(190_000)}0]`],
      ['/webhook?event=msg.notify', `[${'0,'.repeat(4 * MiB - 8)}0]`],
      ['/webhook?event=msg.notify', `[${'0,'.repeat(4 * MiB + 8)}0]`],
      ['/webhook?event=msg.offline', offline],
      ['/webhook?event=user.onlinestatus', `[${'0,'.repeat(4 * MiB - 8)}0]`],
      ['/messages', JSON.stringify({ from_uid: 'u1', channel_id: 'g1', channel_type: 2, payload: b64({ type: 11, channel_type: 1, msgs: Array(20_000).fill({}) }) })],
      ['/messages', valid],
    ]
    const answers = await Promise.all(bodies.map(async ([path, body]) => {
      const r = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      return [r.status, Buffer.byteLength(await r.text())] as const
    }))
    for (const [status, size] of answers) {
      expect([200, 202, 400, 413]).toContain(status)
      if (status >= 400) expect(size).toBeLessThanOrEqual(MAX_PROBLEM_BODY_BYTES)
    }
    expect(child.exitCode).toBeNull()
    const after = await fetch(url + '/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: valid })
    expect(after.status).toBe(202)
  })
})

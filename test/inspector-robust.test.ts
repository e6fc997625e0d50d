/**
 * Issue 26: the inspector survives what a shared link or a paste can hold. A link to the build
 * tab with a lone surrogate in the value (valid as JSON, not encodable) used to throw during
 * start-up and leave a dead page; `analyze()` on a webhook whose payload has hundreds of
 * thousands of issues used to overflow the stack. Oracles: the page reaching its ready state in
 * Debian's headless Chromium with no page error, and the count of issues (one per element of
 * the array the test built).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildInspector } from '../scripts/build-inspector.js'
import { serveInspector, type InspectorServer } from '../src/cli/commands/inspect.js'
import { analyze } from '../src/inspector/analyze.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const available = existsSync(CHROMIUM)
const required = process.env.REQUIRE_BROWSER === '1'

describe('analyze() never overflows', () => {
  it('a webhook whose payload has 300,000 issues lists them all', () => {
    const n = 300_000
    const payload = Buffer.from(JSON.stringify({ type: 1, content: 'x', mention: { uids: Array(n).fill(1) } })).toString('base64')
    const result = analyze(JSON.stringify([{ message_id: 1, payload }]), false)
    expect(result.kind).toBe('webhook')
    expect(result.problems.filter((p) => p.path.startsWith('/0/payload/mention/uids/')).length).toBe(n)
  }, 120_000)
})

describe.runIf(available || required)('the inspector page survives a hostile shared link', () => {
  let site: string
  let served: InspectorServer
  let browser: Browser

  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'wukong-inspector-'))
    await buildInspector(site)
    served = await serveInspector(site, 0)
    const { chromium } = await import('playwright-core')
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await served?.close()
    if (site) rmSync(site, { recursive: true, force: true })
  })

  it('#tab=build&type=1&value={"type":1,"content":"\\ud800"} starts and names the problem', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    const value = '{"type":1,"content":"\\ud800"}'
    await page.goto(`${served.url}#tab=build&type=1&value=${encodeURIComponent(value)}`)
    await page.waitForSelector('body[data-ready="yes"]', { timeout: 30_000 })
    expect(errors).toEqual([])
    expect(await page.getAttribute('#build-base64', 'data-ok')).toBe('no')
    expect(((await page.textContent('#build-issues')) ?? '').length).toBeGreaterThan(0)
    await page.close()
  }, 60_000)
})

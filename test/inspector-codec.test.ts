/**
 * The inspector page with an app's codec, in headless Chromium under the page's own CSP:
 * `window.wukongPayloadInspector.registerCodec(codec)` makes the page validate and digest an app
 * type (a red packet, type 21) as the app's own. The codec is written here by hand (a page under
 * `script-src 'self'` cannot compile one with Ajv): its verdicts and digest are the oracle the
 * page must show. Skipped, by name, without Chromium unless REQUIRE_BROWSER=1.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildInspector } from '../scripts/build-inspector.js'
import { serveInspector, type InspectorServer } from '../src/cli/commands/inspect.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const available = existsSync(CHROMIUM)
const required = process.env.REQUIRE_BROWSER === '1'
const title = available || required ? 'the inspector with an app codec, in headless Chromium' : `SKIPPED: no Chromium at ${CHROMIUM} (REQUIRE_BROWSER=1 makes this a failure)`

/** A hand-written codec for type 21 (amount: integer ≥ 0; greeting: string), built-in types passed through as valid. */
function registerRedPacketCodec(): void {
  const issuesOf = (p: Record<string, unknown>) =>
    p.type !== 21 ? [] : Number.isInteger(p.amount) && (p.amount as number) >= 0 ? [] : [{ path: '/amount', code: 'INVALID_TYPE', message: 'amount must be an integer ≥ 0 (cents)' }]
  const validatePayload = (value: unknown) => {
    const issues = issuesOf(value as Record<string, unknown>)
    return issues.length === 0 ? { ok: true, value } : { ok: false, issues }
  }
  const safeDecodePayload = (input: unknown) => {
    const text = typeof input === 'string' ? new TextDecoder().decode(Uint8Array.from(atob(input), (c) => c.charCodeAt(0))) : new TextDecoder().decode(input as Uint8Array)
    const value = JSON.parse(text) as Record<string, unknown>
    const result = validatePayload(value)
    return result.ok ? result : { ok: false, error: Object.assign(new Error('invalid'), { code: 'INVALID_PAYLOAD', issues: result.issues, value }) }
  }
  const codec = {
    validatePayload,
    safeDecodePayload,
    digest: (p: Record<string, unknown>) => (p.type === 21 ? `[红包]${String(p.greeting ?? '')}` : '[built-in]'),
    recommendFlags: () => ({ no_persist: 0, red_dot: 1, sync_once: 0 }),
  }
  ;(window as unknown as { wukongPayloadInspector: { registerCodec(c: unknown): void } }).wukongPayloadInspector.registerCodec(codec)
}

describe.runIf(available || required)(title, () => {
  let site: string
  let served: InspectorServer
  let browser: Browser
  let page: Page
  const violations: string[] = []

  beforeAll(async () => {
    if (!available) throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM}`)
    site = mkdtempSync(join(tmpdir(), 'wukong-inspector-codec-'))
    await buildInspector(site)
    served = await serveInspector(site, 0)
    const { chromium } = await import('playwright-core')
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
    page = await browser.newPage()
    page.on('console', (m) => {
      if (m.type() === 'error') violations.push(m.text())
    })
    await page.goto(`${served.url}#lang=en`)
    await page.waitForSelector('body[data-ready="yes"]', { timeout: 15_000 })
  }, 90_000)

  afterAll(async () => {
    await browser?.close()
    await served?.close()
    if (site) rmSync(site, { recursive: true, force: true })
  })

  /** Pastes `text` and waits for the page to render it. */
  const paste = async (text: string) => {
    const before = await page.getAttribute('body', 'data-rendered')
    await page.fill('#input', text)
    await page.waitForFunction((b) => document.body.getAttribute('data-rendered') !== b, before)
  }

  it('shows an app type’s issues and its own digest once a codec is registered', async () => {
    await paste(JSON.stringify({ type: 21, amount: '888' }))
    expect(await page.$$eval('#issues li[data-pointer]', (els) => els.length)).toBe(0)
    await page.evaluate(registerRedPacketCodec)
    await paste(JSON.stringify({ type: 21, amount: '888', greeting: 'x' }))
    expect(await page.$$eval('#issues li[data-pointer]', (els) => els.map((e) => e.getAttribute('data-pointer')))).toEqual(['/amount'])
    await paste(JSON.stringify({ type: 21, amount: 888, greeting: '恭喜发财' }))
    expect(await page.$$eval('#issues li[data-pointer]', (els) => els.length)).toBe(0)
    expect(await page.$$eval('.digest', (els) => els.map((e) => e.textContent))).toContain('[红包]恭喜发财')
    expect(violations).toEqual([])
  }, 60_000)
})

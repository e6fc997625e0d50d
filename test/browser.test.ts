/**
 * A real browser under a strict Content-Security-Policy: Debian's Chromium, headless, driven by
 * playwright-core. The page (test/browser/page.ts, bundled from the built ESM) decodes a Chinese +
 * emoji payload, rejects an invalid one with its issues, renders a system message as HTML into
 * the DOM and shows a digest, with no CSP violation and no console error.
 *
 * Finds Chromium at CHROMIUM_PATH, else /usr/bin/chromium, else `chromium` or `chromium-browser` on
 * PATH. Where there is none the tests are skipped, and the block's name says so, so the skip shows
 * in vitest's summary; REQUIRE_BROWSER=1 (set by .ci/run, which installs Debian's chromium) makes
 * a missing browser a failure.
 */
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { delimiter, join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean)
  for (const name of ['chromium', 'chromium-browser']) {
    const found = dirs.map((dir) => join(dir, name)).find((file) => existsSync(file))
    if (found) return found
  }
  return undefined
}

const CHROMIUM = findChromium()
const required = process.env.REQUIRE_BROWSER === '1'
const title =
  CHROMIUM || required
    ? 'in headless Chromium under a strict CSP'
    : `SKIPPED: no Chromium (${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium, chromium on PATH'}) — apt-get install chromium, or set CHROMIUM_PATH; REQUIRE_BROWSER=1 makes this a failure`

const root = join(import.meta.dirname, '..')
const CSP = "default-src 'self'; script-src 'self'"
const HTML = '<!doctype html><meta charset="utf-8"><title>wukong-payload</title><p id="system"></p><p id="digest"></p><script type="module" src="/app.js"></script>'

describe.runIf(CHROMIUM !== undefined || required)(title, () => {
  let server: Server
  let origin: string

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('REQUIRE_BROWSER=1 but no Chromium found (CHROMIUM_PATH, /usr/bin/chromium, PATH): apt-get install -y chromium')
    const bundle = await build({
      entryPoints: [join(root, 'test', 'browser', 'page.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      tsconfigRaw: {},
      logLevel: 'silent',
    })
    const app = bundle.outputFiles[0]?.text ?? ''
    server = createServer((req, res) => {
      const headers = { 'Content-Security-Policy': CSP }
      if (req.url === '/') res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(HTML)
      else if (req.url === '/app.js') res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' }).end(app)
      else if (req.url === '/favicon.ico') res.writeHead(204, headers).end() // browsers ask; nothing to show
      else res.writeHead(404, headers).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  })

  it.each(['native Uint8Array.fromBase64', 'atob/btoa fallback'] as const)('decodes, rejects, renders and digests, with %s, causing no CSP violation or console error', async (base64Path) => {
    const { chromium } = await import('playwright-core')
    const browser = await chromium.launch({
      executablePath: CHROMIUM as string, // beforeAll has failed the block when there is none
      headless: true, // playwright gives each launch a fresh, temporary profile
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    })
    try {
      const page = await browser.newPage()
      const consoleErrors: string[] = []
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text())
      })
      page.on('pageerror', (e) => consoleErrors.push(String(e)))
      // Count violations from before the first script runs.
      await page.addInitScript(() => {
        const w = window as unknown as { __violations: string[] }
        w.__violations = []
        document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`))
      })
      if (base64Path === 'atob/btoa fallback') {
        // Browsers before 2025 have no native Base64 on Uint8Array.
        await page.addInitScript(() => {
          delete (Uint8Array as { fromBase64?: unknown }).fromBase64
          delete (Uint8Array.prototype as { toBase64?: unknown }).toBase64
        })
      }
      const response = await page.goto(`${origin}/`)
      expect(response?.headers()['content-security-policy']).toBe(CSP)
      await page.waitForSelector('body[data-done="yes"]', { timeout: 15_000 })

      const results = (await page.evaluate(() => (window as unknown as { __results: unknown }).__results)) as {
        decoded: unknown
        evalAllowed: boolean
        nativeBase64: boolean
        invalid: { code: string; issues: string[] } | null
      }
      expect(results.nativeBase64).toBe(base64Path === 'native Uint8Array.fromBase64')
      expect(results.decoded).toEqual({ type: 1, content: '你好，世界 👋🏽 𠮷', mention: { all: 0, uids: ['u2'] } })
      expect(results.invalid).toEqual({ code: 'INVALID_PAYLOAD', issues: ['/type: type'] })

      expect(await page.textContent('#system')).toBe('张三邀请<img src=x onerror=alert(1)>、你加入群聊')
      expect(await page.locator('#system img').count()).toBe(0) // the name was text, not markup
      expect(await page.locator('#system .wk-user').count()).toBe(3)
      expect(await page.textContent('#digest')).toBe('你好，世界 👋🏽 𠮷')

      // The package caused no violation; the one reported is the page's own eval probe, which
      // shows the policy was enforced.
      expect(results.evalAllowed).toBe(false)
      await page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length > 0)
      const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)
      expect(violations).toEqual(['script-src eval'])
      expect(consoleErrors.filter((e) => !/unsafe-eval|Content Security Policy/i.test(e))).toEqual([])
    } finally {
      await browser.close()
    }
  })
})

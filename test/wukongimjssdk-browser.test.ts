/**
 * The official SDK with the bridge in a real browser under a strict Content-Security-Policy:
 * Debian's Chromium, headless, driven by playwright-core (as test/browser.test.ts). The page
 * (test/wukongimjssdk/page.ts, bundled by esbuild from the built package and the SDK from npm)
 * receives a conversation of every type — each definition's examples and the corpus's accepted
 * entries, Base64-encoded here by the package — through the SDK's receive path, renders each line
 * into the DOM and re-encodes each content through the SDK's send path. Oracles: the payloads
 * themselves (re-encoded JSON), `digest`/`renderSystemMessage` in Node for the text, and no CSP
 * violation but the page's own eval probe.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { digest, encodePayload, payloadDefinitions, renderSystemMessage } from '../src/entries/index.js'
import { root } from './helpers.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
const required = process.env.REQUIRE_BROWSER === '1'
const CSP = "default-src 'self'; script-src 'self'"
const HTML = '<!doctype html><meta charset="utf-8"><title>chat</title><ul id="chat"></ul><script type="module" src="/app.js"></script>'

const corpus = readdirSync(join(root, 'test/corpus'))
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(join(root, 'test/corpus', f), 'utf8')) as { verdict: string; payload: { type: number } }[])
const payloads: { type: number }[] = [
  ...payloadDefinitions.flatMap((d) => (d.examples as readonly { readonly value: { type: number } }[]).map((e) => e.value)),
  ...corpus.filter((e) => e.verdict === 'accept').map((e) => e.payload),
]

describe.runIf(CHROMIUM !== undefined || required)(CHROMIUM || required ? 'wukongimjssdk with the bridge in headless Chromium under a strict CSP' : 'SKIPPED: no Chromium', () => {
  let server: Server
  let origin: string

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('REQUIRE_BROWSER=1 but no Chromium found (CHROMIUM_PATH, /usr/bin/chromium)')
    const bundle = await build({
      entryPoints: [join(root, 'test', 'wukongimjssdk', 'page.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      tsconfigRaw: {}, // resolve the package through its "exports" (dist/), as an app's bundler does
      logLevel: 'silent',
    })
    const app = bundle.outputFiles[0]?.text ?? ''
    const conversation = JSON.stringify(payloads.map((p) => ({ base64: encodePayload(p as never) })))
    server = createServer((req, res) => {
      const headers = { 'Content-Security-Policy': CSP }
      if (req.url === '/') res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(HTML)
      else if (req.url === '/app.js') res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' }).end(app)
      else if (req.url === '/conversation.json') res.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end(conversation)
      else if (req.url === '/favicon.ico') res.writeHead(204, headers).end() // browsers ask; nothing to show
      else res.writeHead(404, headers).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }, 120_000)

  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  })

  it('decodes, renders and re-encodes a conversation of every type, with no CSP violation', async () => {
    const { chromium } = await import('playwright-core')
    const browser = await chromium.launch({ executablePath: CHROMIUM as string, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
    try {
      const page = await browser.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(String(e)))
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text())
      })
      await page.addInitScript(() => {
        const w = window as unknown as { __violations: string[] }
        w.__violations = []
        document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`))
      })
      await page.goto(`${origin}/`)
      await page.waitForSelector('body[data-done="yes"]', { timeout: 30_000 })
      expect(await page.evaluate(() => (window as unknown as { __error?: string }).__error)).toBeUndefined()
      const { results, evalAllowed } = (await page.evaluate(() => (window as unknown as { __results: unknown }).__results)) as {
        results: { type: number; issues: number; text: string; reencoded: string }[]
        evalAllowed: boolean
      }
      expect(results).toHaveLength(payloads.length)
      results.forEach((r, i) => {
        const payload = payloads[i] as { type: number }
        const system = payload.type >= 1000 && payload.type <= 2000
        expect(r.type).toBe(payload.type)
        expect(r.issues).toBe(0)
        expect(r.text).toBe(system ? renderSystemMessage(payload, { selfUid: 'me' }) : digest(payload, { selfUid: 'me' }))
        expect(JSON.parse(r.reencoded)).toEqual(JSON.parse(JSON.stringify(payload)))
      })
      expect(await page.locator('#chat li').count()).toBe(payloads.length)
      expect(evalAllowed).toBe(false)
      await page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length > 0)
      expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual(['script-src eval'])
      expect(errors.filter((e) => !/unsafe-eval|Content Security Policy/i.test(e))).toEqual([])
    } finally {
      await browser.close()
    }
  }, 120_000)
})

/**
 * Hostile text messages and Markdown (script, event-handler attributes, `javascript:` links,
 * bidi controls, unclosed constructs, a stream cut at every position) rendered to HTML and put
 * into a page in headless Chromium under a strict CSP, both parsed with the page and assigned to
 * `innerHTML`. The browser is the oracle: no CSP violation (a blocked script or handler reports
 * one), no dialog, no console error, no navigation, no popup, no element that can run or load
 * anything, and every link's scheme http, https, mailto or tel as the browser resolves it.
 */
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderTextHtml } from '../src/render/text.js'
import { renderMarkdownHtml } from '../src/markdown/markdown.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
const required = process.env.REQUIRE_BROWSER === '1'
const NONCE = 'wk32test'
const CSP = `default-src 'none'; script-src 'nonce-${NONCE}'; style-src 'none'; img-src 'none'; form-action 'none'; frame-src 'none'; base-uri 'none'`

const ATTACKS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '<svg onload="window.__pwned=3"></svg>',
  '"><a href="javascript:window.__pwned=4">x</a>',
  "' onmouseover='window.__pwned=5' x='",
  '<iframe src="javascript:window.__pwned=6"></iframe>',
  '<style>body{background:url(https://evil.example/x)}</style>',
  '\u202egnp.exe\u202c \u2066isolate\u2069 \u202bembed',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<form action="https://evil.example"><button>go</button></form>',
]

const MARKDOWN = [
  ...ATTACKS,
  '[click](javascript:window.__pwned=7)',
  '[click](JaVaScRiPt:window.__pwned=8 "t")',
  '[x](vbscript:msgbox) [y](data:text/html;base64,PHNjcmlwdD4=) [z](file:///etc/passwd)',
  '<javascript:window.__pwned=9>',
  '![img](https://evil.example/track.png) ![x](javascript:window.__pwned=10)',
  '[ref]: javascript:window.__pwned=11\n\n[ref]',
  '```html\n<script>window.__pwned=12</script>\n',
  '**bold *em `code <img src=x onerror=window.__pwned=13>',
  '> quote\n> - [link](https://ok.example/?a=<b>)\n> - <https://ok.example/"onmouseover="x>',
  '# h <a href=javascript:1>x</a>\n\n| a | b |\n|---|---|\n| <script>1</script> | [x](javascript:1) |',
]

/** An AI reply as it streams: every prefix of a hostile document (cut mid-construct). */
const STREAM = '# Answer\n\nHere is code:\n\n```js\nalert("<script>")\n```\n\nSee [docs](https://example.com/a?b=1&c=<d>) and **bold <img src=x onerror=window.__pwned=14>** `x` [bad](javascript:window.__pwned=15)\n\n1. one\n2. two ~~'
const prefixes = Array.from({ length: STREAM.length + 1 }, (_, i) => STREAM.slice(0, i))

const TEXTS: unknown[] = [
  ...ATTACKS.map((content) => ({ type: 1, content })),
  { type: 1, content: 'click me', entities: [{ offset: 0, length: 8, type: 'link', value: 'javascript:window.__pwned=20' }] },
  { type: 1, content: 'x', entities: [{ offset: 0, length: 1, type: 'link', value: ' javascript:window.__pwned=21' }] },
  { type: 1, content: '@<b>x</b>', mention: { uids: ['"><img src=x onerror=window.__pwned=22>'] } },
  { type: 1, content: '@李四<script>', entities: [{ offset: 0, length: 3, type: 'mention', value: '" onmouseover="window.__pwned=23' }], mention: { uids: ['x'] } },
  { type: 1, content: 'see www.example.com/<script> and https://a.example/"onload="x', reply: { message_id: '1', message_seq: 1, from_uid: '<u>', from_name: '<img src=x onerror=window.__pwned=24>\u202e', payload: { type: 1, content: '<script>window.__pwned=25</script>' } } },
  { type: 1, content: 'q', reply: { message_id: '1', message_seq: 1, from_uid: 'u', payload: { type: 2, url: 'javascript:1', width: 1, height: 1 } } },
]

const fragments = [...TEXTS.map((p) => renderTextHtml(p)), ...MARKDOWN.map((m) => renderMarkdownHtml(m)), ...prefixes.map((m) => renderMarkdownHtml(m))]

function page(): string {
  const json = JSON.stringify(fragments).replace(/</g, '\\u003c')
  return `<!doctype html><html><head><meta charset="utf-8"><title>xss</title>
<script nonce="${NONCE}">window.__violations=[];document.addEventListener('securitypolicyviolation',e=>window.__violations.push(e.violatedDirective+' '+e.blockedURI))</script></head>
<body><div id="parsed">${fragments.map((f) => `<div class="case">${f}</div>`).join('\n')}</div><div id="assigned"></div>
<script nonce="${NONCE}">const list=${json};const host=document.getElementById('assigned');for(const f of list){const d=document.createElement('div');d.className='case';d.innerHTML=f;host.appendChild(d)}document.body.dataset.done='yes'</script></body></html>`
}

describe.runIf(CHROMIUM !== undefined || required)('hostile text and Markdown rendered as HTML are inert in headless Chromium under a strict CSP', () => {
  let server: Server
  let origin: string
  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('REQUIRE_BROWSER=1 but no Chromium found')
    const html = page()
    server = createServer((req, res) => {
      if (req.url === '/') res.writeHead(200, { 'Content-Security-Policy': CSP, 'Content-Type': 'text/html; charset=utf-8' }).end(html)
      else res.writeHead(404, { 'Content-Security-Policy': CSP }).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  })

  it(`${fragments.length} fragments: no script, handler, load, navigation or CSP violation`, async () => {
    const { chromium } = await import('playwright-core')
    const browser = await chromium.launch({ executablePath: CHROMIUM as string, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] })
    try {
      const context = await browser.newContext()
      const p = await context.newPage()
      const popups: string[] = []
      p.on('popup', (w) => popups.push(w.url()))
      const problems: string[] = []
      p.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`))
      p.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`))
      p.on('dialog', (d) => {
        problems.push(`dialog: ${d.message()}`)
        void d.dismiss()
      })
      const requests: string[] = []
      p.on('request', (r) => requests.push(r.url()))
      let navigations = 0
      p.on('framenavigated', (f) => f === p.mainFrame() && navigations++)
      await p.goto(`${origin}/`)
      await p.waitForSelector('body[data-done="yes"]', { timeout: 20_000 })
      // Hover and click every element (links included): a handler would fire, a link navigate.
      const count = await p.locator('.case *').count()
      expect(count).toBeGreaterThan(100)
      await p.evaluate(() => {
        for (const el of Array.from(document.querySelectorAll('.case *'))) {
          for (const type of ['mouseover', 'focus', 'animationstart']) el.dispatchEvent(new Event(type, { bubbles: true }))
          // Clicking a safe link would open it: only the links that are not http(s)/mailto/tel would be clicked, and there must be none.
          if (!(el instanceof HTMLAnchorElement)) (el as HTMLElement).click()
        }
      })
      await p.waitForTimeout(300)
      const report = await p.evaluate(() => {
        const w = window as unknown as { __violations: string[]; __pwned?: unknown }
        const all = Array.from(document.querySelectorAll('.case *'))
        return {
          pwned: w.__pwned ?? null,
          violations: w.__violations,
          active: all.filter((el) => /^(script|iframe|object|embed|img|svg|style|link|meta|base|form|input|button|video|audio|source|math)$/i.test(el.tagName)).map((el) => el.outerHTML.slice(0, 80)),
          handlers: all.flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name) || /^(src|srcset|action|formaction|style|background)$/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
          schemes: [...new Set(Array.from(document.querySelectorAll('.case a')).map((a) => new URL((a as HTMLAnchorElement).href).protocol))],
          links: document.querySelectorAll('.case a').length,
          bidi: /[\u202a-\u202e\u2066-\u2069]/.test(document.getElementById('parsed')?.textContent ?? '') || /[\u202a-\u202e\u2066-\u2069]/.test(document.getElementById('assigned')?.textContent ?? ''),
          parsedEqualsAssigned: document.getElementById('parsed')?.innerHTML.replace(/\s+/g, '') === document.getElementById('assigned')?.innerHTML.replace(/\s+/g, ''),
        }
      })
      expect(report.pwned).toBeNull()
      expect(report.violations).toEqual([])
      expect(problems).toEqual([])
      expect(report.active).toEqual([])
      expect(report.handlers).toEqual([])
      expect(report.links).toBeGreaterThan(10)
      for (const s of report.schemes) expect(['http:', 'https:', 'mailto:', 'tel:']).toContain(s)
      expect(report.bidi).toBe(false)
      // Well-formed: parsing with the page and assigning to innerHTML build the same tree (an unclosed tag would swallow what follows).
      expect(report.parsedEqualsAssigned).toBe(true)
      expect(navigations).toBe(1)
      expect(popups).toEqual([])
      expect(requests.filter((u) => u !== `${origin}/`)).toEqual([])
    } finally {
      await browser.close()
    }
  }, 60_000)
})

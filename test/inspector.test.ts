/**
 * The payload inspector (src/inspector/), built by scripts/build-inspector.ts into a temporary
 * folder, served by the CLI's own server (src/cli/commands/inspect.ts) on 127.0.0.1 under its
 * strict CSP, and driven in Debian's headless Chromium: every seed example of every type pasted
 * as Base64 and as JSON, every invalid example, the documented mistakes, a send body, a webhook
 * body, the build form for every type, the URL fragment; zero CSP violations, no console error,
 * no request beyond the page's own files. Saves docs/images/inspector-{zh,en}.png.
 *
 * Oracles: the definitions themselves (examples, invalid examples' pointers, flags), plain
 * Buffer Base64 and JSON.parse, the documented template rule ({n} → extra[n].name, or its uid)
 * and, for digests, the package's digest() run in Node against what the page shows.
 *
 * Skips with a message where no Chromium is installed, unless REQUIRE_BROWSER=1.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildInspector, INSPECTOR_FILES, type InspectorBuild } from '../scripts/build-inspector.js'
import { commandInspect, INSPECTOR_CSP, serveInspector, type InspectorServer } from '../src/cli/commands/inspect.js'
import { run } from '../src/cli/run.js'
import { digest, payloadDefinitions, type PayloadDefinition } from '../src/entries/index.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const available = existsSync(CHROMIUM)
const required = process.env.REQUIRE_BROWSER === '1'
if (!available && !required) {
  console.warn(`inspector test skipped: no Chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH; REQUIRE_BROWSER=1 makes this a failure)`)
}

const root = join(import.meta.dirname, '..')
// 63.4 KB measured after the text segments (linkify-it) and the app-codec registration joined the page.
const BUDGET_GZIP = 64 * 1024
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64')
const fromB64 = (text: string): unknown => JSON.parse(Buffer.from(text, 'base64').toString('utf8'))
const pointer = (path: readonly (string | number)[]) => path.map((k) => `/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
/** The system range as every official client counts it (1000–2000 inclusive). */
const isSystem = (type: number) => type >= 1000 && type <= 2000

/** Every scalar of a value with its JSON Pointer. */
function leaves(value: unknown, path: (string | number)[] = []): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[pointer(path), value]]
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value)
  return entries.flatMap(([k, v]) => leaves(v, [...path, k]))
}

/** A system template as the docs define it: every {n} becomes extra[n].name (its uid when empty); others stay. */
function expectedSystemText(value: Record<string, unknown>, selfUid?: string, selfLabel?: string): string {
  const extra = Array.isArray(value.extra) ? (value.extra as { uid?: string; name?: string }[]) : []
  // As the clients render: an empty or missing name is empty (never the uid); no template, no text.
  return (typeof value.content === 'string' ? value.content : '').replace(/\{([0-9]+)\}/g, (whole, n: string) => {
    const entry = extra[Number(n)]
    if (entry === undefined) return whole
    if (selfUid !== undefined && entry.uid === selfUid) return selfLabel ?? ''
    return entry.name ?? ''
  })
}

const seeds = payloadDefinitions.flatMap((d) => d.examples.map((e) => [`${d.type} ${d.name}: ${e.title}`, d as PayloadDefinition, e.value] as const))
const invalid = payloadDefinitions.flatMap((d) => (d.invalidExamples ?? []).map((e) => [`${d.name}: ${e.title}`, e.value, e.path] as const))

describe.runIf(available || required)('payload inspector in headless Chromium under a strict CSP', () => {
  let site: string
  let built: InspectorBuild
  let served: InspectorServer
  let browser: Browser
  let page: Page
  const violations: string[] = []
  const consoleErrors: string[] = []
  const requests: string[] = []

  async function openPage(fragment = ''): Promise<Page> {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 })
    p.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(m.text())
    })
    p.on('pageerror', (e) => consoleErrors.push(String(e)))
    p.on('request', (r) => requests.push(r.url()))
    await p.exposeFunction('__violation', (text: string) => violations.push(text))
    await p.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __violation: (t: string) => void }).__violation(`${e.violatedDirective} ${e.blockedURI}`))
    })
    const response = await p.goto(`${served.url}${fragment}`)
    expect(response?.headers()['content-security-policy']).toBe(INSPECTOR_CSP)
    await p.waitForSelector('body[data-ready="yes"]', { timeout: 15_000 })
    return p
  }

  /** Pastes `text` and waits for the page to render it. */
  async function paste(text: string, p: Page = page): Promise<void> {
    const before = await p.getAttribute('body', 'data-rendered')
    await p.fill('#input', text)
    await p.waitForFunction((b) => document.body.getAttribute('data-rendered') !== b, before)
  }

  async function setSelf(uid: string): Promise<void> {
    const before = await page.getAttribute('body', 'data-rendered')
    await page.fill('#self', uid)
    await page.waitForFunction((b) => document.body.getAttribute('data-rendered') !== b, before)
  }

  const text = async (selector: string) => ((await page.textContent(selector)) ?? '').trim()
  const attrs = (selector: string, name: string) => page.$$eval(selector, (els, n) => els.map((e) => e.getAttribute(n) ?? ''), name)

  beforeAll(async () => {
    if (!available) throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM}: apt-get install -y chromium`)
    site = mkdtempSync(join(tmpdir(), 'wukong-inspector-'))
    built = await buildInspector(site)
    served = await serveInspector(site, 0)
    const { chromium } = await import('playwright-core')
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    })
    page = await openPage('#lang=en')
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await served?.close()
    if (site) rmSync(site, { recursive: true, force: true })
  })

  it('weighs at most 64 KB gzip in all, as served, and bundles no Ajv and no eval', async () => {
    let total = 0
    for (const name of INSPECTOR_FILES) {
      const response = await fetch(new URL(name, served.url))
      expect(response.status, name).toBe(200)
      expect(response.headers.get('content-security-policy')).toBe(INSPECTOR_CSP)
      const body = Buffer.from(await response.arrayBuffer())
      total += gzipSync(body, { level: 9 }).length
      if (name === 'app.js') expect(body.toString('utf8')).not.toMatch(/new Function\b|\beval\s*\(|\brequire\s*\(/)
    }
    console.info(`inspector page: ${total} B gzip in all (${built.files.map((f) => `${f.name} ${f.gzip}`).join(', ')})`)
    expect(total).toBe(built.totalGzip)
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP)
    expect(built.inputs.filter((i) => /node_modules\/ajv\//.test(i))).toEqual([])
    expect(built.inputs).toContain('src/wire/platform-web.ts')
    expect(built.inputs).not.toContain('src/wire/platform-node.ts')
  })

  it('serves only the page: other paths 404, other methods 405', async () => {
    for (const path of ['/../package.json', '/main.ts', '/%2e%2e/package.json', '/index.html/x']) expect((await fetch(new URL(path, served.url))).status, path).toBe(404)
    expect((await fetch(served.url, { method: 'POST', body: 'x' })).status).toBe(405)
  })

  it.each(seeds)('seed %s: as Base64 and as JSON — tree, no issue, flags, digest, rendering', async (_title, definition, value) => {
    for (const [input, kind] of [
      [b64(value), 'base64'],
      [JSON.stringify(value, null, 2), 'payload'],
    ] as const) {
      await paste(input)
      expect(await page.getAttribute('#kind', 'data-kind')).toBe(kind)
      expect(await text('#verdict')).toBe(`✓ valid · type ${definition.type} ${definition.name}`)
      expect(await page.isHidden('#issues-card')).toBe(true)
      expect(await page.locator('#tree .has-issue').count()).toBe(0)
      // The tree shows every value of the example at its pointer.
      const shown = new Map(await page.$$eval('#tree li[data-pointer] > .row > .v', (els) => els.map((e) => [e.closest('li')?.getAttribute('data-pointer') ?? '', e.textContent ?? ''] as const)))
      for (const [at, leaf] of leaves(value)) expect(shown.get(at), at).toBe(typeof leaf === 'string' ? JSON.stringify(leaf) : String(leaf))
    }
    for (const [flag, recommended] of Object.entries(definition.flags)) expect(await text(`#flags tr[data-flag="${flag}"] td.recommended`)).toBe(String(recommended))
    if (definition.historyFlags) {
      for (const [flag, keep] of Object.entries(definition.historyFlags)) expect(await text(`#flags tr[data-flag="${flag}"] td.history`)).toBe(String(keep))
    }
    for (const locale of ['zh', 'en'] as const) expect(await text(`#preview-${locale} .digest`)).toBe(digest(value, { locale }))
    if (isSystem(definition.type)) {
      const record = value as Record<string, unknown>
      for (const locale of ['zh', 'en'] as const) expect(await text(`#preview-${locale} .system-pill`)).toBe(expectedSystemText(record))
      const first = (record.extra as { uid: string }[] | undefined)?.[0]
      if (first?.uid) {
        await setSelf(first.uid)
        expect(await text('#preview-zh .system-pill')).toBe(expectedSystemText(record, first.uid, '你'))
        expect(await text('#preview-en .system-pill')).toBe(expectedSystemText(record, first.uid, 'You'))
        expect(await page.locator('#preview-zh .seg-self').count()).toBeGreaterThan(0)
        await setSelf('')
      }
    } else {
      expect(await page.locator('#preview-zh .bubble').count()).toBe(1)
    }
  })

  it.each(invalid)('invalid example %s: the issue at its pointer, in the list and in the tree', async (_title, value, path) => {
    await paste(JSON.stringify(value))
    expect(await text('#verdict')).toMatch(/^✗ invalid · (1 issue|[1-9][0-9]* issues)$/)
    expect(await attrs('#issues li', 'data-pointer')).toContain(path)
    expect(await page.locator('#tree .has-issue').count()).toBeGreaterThan(0)
    const messages = await page.$$eval(`#issues li[data-pointer="${path}"] .message`, (els) => els.map((e) => e.textContent ?? ''))
    for (const m of messages) expect(m.length).toBeGreaterThan(10)
  })

  it('bad inputs: bad Base64, type "text", mention.all true', async () => {
    await paste('!!!not base64')
    expect(await page.getAttribute('#kind', 'data-kind')).toBe('base64')
    expect(await attrs('#issues li', 'data-code')).toEqual(['INVALID_BASE64'])
    expect(await text('#issues li .message')).toMatch(/Base64/)
    expect(await page.isHidden('#tree-card')).toBe(true)

    await paste(b64({ type: 'text', content: 'Hello, World!' }))
    expect(await attrs('#issues li', 'data-pointer')).toEqual(['/type'])
    expect(await text('#issues li .message')).toContain('text is 1')
    expect(await page.getAttribute('#tree li[data-pointer="/type"]', 'class')).toContain('has-issue')
    expect(await text('#tree li[data-pointer="/type"] .node-issues')).toContain('text is 1')

    await paste('{"type":1,"content":"hi","mention":{"all":true}}')
    expect(await attrs('#issues li', 'data-pointer')).toEqual(['/mention/all'])
    expect(await text('#issues li .message')).toContain('0 or 1')
    expect(await page.getAttribute('#tree li[data-pointer="/mention/all"]', 'class')).toContain('has-issue')
    expect(await text('#tree li[data-pointer="/mention/all"] > .row > .v')).toBe('true')

    await paste('{"type":1,"content":')
    expect(await attrs('#issues li', 'data-code')).toEqual(['INVALID_JSON'])
  })

  it('a /message/send body: its payload decoded in the tree, header flags against the recommended, lint', async () => {
    const command = { type: 99, cmd: 'groupUpdate', param: { group_no: 'g1' } }
    await paste(JSON.stringify({ header: { no_persist: 0, red_dot: 1, sync_once: 0 }, from_uid: 'u1', channel_id: 'g1', channel_type: 2, payload: b64(command) }))
    expect(await page.getAttribute('#kind', 'data-kind')).toBe('send')
    expect(await text('#verdict')).toBe('✓ valid · type 99 command')
    expect(await text('#tree li[data-pointer="/payload"] .note')).toBe('decoded from Base64')
    expect(await text('#tree li[data-pointer="/payload/param/group_no"] > .row > .v')).toBe('"g1"')
    const commandFlags = payloadDefinitions.find((d) => d.type === 99)?.flags as Record<string, number>
    for (const [flag, sent] of Object.entries({ no_persist: 0, red_dot: 1, sync_once: 0 })) {
      expect(await text(`#flags tr[data-flag="${flag}"] td.recommended`)).toBe(String(commandFlags[flag]))
      expect(await page.getAttribute(`#flags tr[data-flag="${flag}"] td.body`, 'class')).toBe(sent === commandFlags[flag] ? 'body' : 'body differs')
    }
    expect(await attrs('#lint li', 'data-code')).toEqual(expect.arrayContaining(['command-without-sync-once', 'flags-differ']))
    expect(await attrs('#lint li', 'data-pointer')).toContain('/header/sync_once')

    await paste(JSON.stringify({ header: { no_persist: 0, red_dot: 1, sync_once: 0 }, from_uid: 'u1', channel_id: 'g1', channel_type: 2, payload: b64({ type: 1, content: 'hi', mention: { all: true } }) }))
    expect(await attrs('#issues li', 'data-pointer')).toEqual(['/payload/mention/all'])
    expect(await page.getAttribute('#tree li[data-pointer="/payload/mention/all"]', 'class')).toContain('has-issue')

    await paste(JSON.stringify({ from_uid: 'u1', channel_id: 'g1', channel_type: 2, payload: { type: 1, content: 'hi' } }))
    expect(await page.getAttribute('#kind', 'data-kind')).toBe('send')
    expect(await attrs('#issues li', 'data-pointer')).toContain('/payload')
    expect(await text('#issues li[data-pointer="/payload"] .message')).toContain('Base64')
  })

  it('a webhook body: exact int64 ids, each message decoded, a bad one reported at its pointer', async () => {
    const webhook = `[{"message_id":1867301234567890123,"from_uid":"u1","channel_id":"g1","channel_type":2,"payload":"${b64({ type: 1, content: '你好' })}"},{"message_id":2,"from_uid":"u2","payload":"!!!"}]`
    await paste(webhook)
    expect(await page.getAttribute('#kind', 'data-kind')).toBe('webhook')
    expect(await text('#tree li[data-pointer="/0/message_id"] > .row > .v')).toBe('"1867301234567890123"')
    expect(await text('#tree li[data-pointer="/0/payload/content"] > .row > .v')).toBe('"你好"')
    expect(await attrs('#issues li', 'data-pointer')).toEqual(['/1/payload'])
    expect(await attrs('#issues li', 'data-code')).toEqual(['INVALID_BASE64'])
    expect(await page.$$eval('#preview-zh .bubble', (els) => els.map((e) => e.textContent))).toEqual(['你好'])
  })

  it('builds every type from its schema form: the Base64 decodes to the example, the body and curl carry it', async () => {
    await page.click('#tab-build')
    for (const definition of payloadDefinitions) {
      const before = await page.getAttribute('body', 'data-rendered')
      await page.selectOption('#build-type', String(definition.type))
      await page.waitForFunction((b) => document.body.getAttribute('data-rendered') !== b, before)
      expect(await page.isHidden('#build-issues-card'), definition.name).toBe(true)
      const base64 = await page.inputValue('#build-base64')
      expect(fromB64(base64), definition.name).toEqual(definition.examples[0]?.value)
      const body = JSON.parse(await text('#build-body')) as Record<string, unknown>
      expect(body).toMatchObject({ payload: base64, header: definition.flags, from_uid: 'u1', channel_id: 'g1', channel_type: 2 })
      const curl = await text('#build-curl')
      expect(curl).toMatch(/^curl -sS -X POST 'http:\/\/127\.0\.0\.1:5001\/message\/send'/)
      const quoted = /-d '(.*)'$/s.exec(curl)?.[1] ?? ''
      expect(JSON.parse(quoted.replace(/'\\''/g, "'"))).toEqual(body)
    }
  })

  it('build: a typed text, an omitted optional field, a wrong number; then back into the inspector', async () => {
    const before = await page.getAttribute('body', 'data-rendered')
    await page.selectOption('#build-type', '1')
    await page.waitForFunction((b) => document.body.getAttribute('data-rendered') !== b, before)
    await page.selectOption('#build-example', 'required')
    const content = page.locator('#form [data-pointer="/content"] .control > :is(input, textarea)')
    await content.fill("你好, it's built 👋")
    await page.waitForFunction(() => document.getElementById('build-base64')?.getAttribute('data-ok') === 'yes')
    await expect.poll(async () => fromB64(await page.inputValue('#build-base64'))).toEqual({ type: 1, content: "你好, it's built 👋" })

    // A mention with all = 1 and a reply whose message_seq is not a number.
    await page.check('#form [data-pointer="/mention"] > label > input.include')
    await page.check('#form [data-pointer="/mention/all"] > label > input.include')
    await page.selectOption('#form [data-pointer="/mention/all"] select', { label: '1' })
    await expect.poll(async () => (fromB64(await page.inputValue('#build-base64')) as { mention?: unknown }).mention).toEqual({ all: 1 })
    await page.check('#form [data-pointer="/reply"] > label > input.include')
    await page.fill('#form [data-pointer="/reply/message_id"] input', '1867301234567890123')
    await page.fill('#form [data-pointer="/reply/message_seq"] input', 'twelve')
    await expect.poll(() => attrs('#build-issues li', 'data-pointer')).toContain('/reply/message_seq')
    expect(await page.getAttribute('#form [data-pointer="/reply/message_seq"]', 'class')).toContain('has-issue')
    expect(await page.isDisabled('#build-inspect')).toBe(true)
    await page.fill('#form [data-pointer="/reply/message_seq"] input', '12')
    await page.fill('#form [data-pointer="/reply/from_uid"] input', 'u9')
    await page.waitForFunction(() => document.getElementById('build-base64')?.getAttribute('data-ok') === 'yes')
    const expected = { type: 1, content: "你好, it's built 👋", mention: { all: 1 }, reply: { message_id: '1867301234567890123', message_seq: 12, from_uid: 'u9' } }
    await expect.poll(async () => fromB64(await page.inputValue('#build-base64'))).toEqual(expected)

    await page.click('#build-inspect')
    await page.waitForSelector('#panel-inspect:not([hidden])')
    expect(await page.getAttribute('#kind', 'data-kind')).toBe('base64')
    expect(await text('#verdict')).toBe('✓ valid · type 1 text')
    expect(await text('#tree li[data-pointer="/reply/message_seq"] > .row > .v')).toBe('12')
    expect(await text('#preview-zh .bubble')).toBe(expected.content)
  })

  it('keeps its state in the URL fragment: a new tab opened on the link shows the same', async () => {
    const value = { type: 1, content: '分享 #1 & 2' }
    await paste(b64(value))
    await setSelf('u7')
    const url = page.url()
    const fragment = new URLSearchParams(new URL(url).hash.slice(1))
    expect(fragment.get('in')).toBe(b64(value))
    expect(fragment.get('self')).toBe('u7')
    expect(new URL(url).search).toBe('')
    const second = await openPage(new URL(url).hash)
    try {
      expect(await second.inputValue('#input')).toBe(b64(value))
      expect(await second.inputValue('#self')).toBe('u7')
      expect(await second.textContent('#tree li[data-pointer="/content"] > .row > .v')).toBe(JSON.stringify(value.content))
    } finally {
      await second.close()
    }
  })

  it('takes a dropped file', async () => {
    const value = { type: 8, name: '报告.pdf', size: 1024, url: 'https://example.com/r.pdf' }
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([text], 'payload.txt', { type: 'text/plain' }))
      return transfer
    }, b64(value))
    const before = await page.getAttribute('body', 'data-rendered')
    await page.dispatchEvent('#drop', 'drop', { dataTransfer })
    await page.waitForFunction((b) => document.body.getAttribute('data-rendered') !== b, before)
    expect(await page.inputValue('#input')).toBe(b64(value))
    expect(await text('#tree li[data-pointer="/name"] > .row > .v')).toBe('"报告.pdf"')
  })

  it('saves the zh and en screenshots the README shows', async () => {
    const system = payloadDefinitions.find((d) => d.name === 'group-members-added') ?? payloadDefinitions.find((d) => isSystem(d.type))
    const example = system?.examples[0]?.value as Record<string, unknown>
    const viewer = (example.extra as { uid: string }[])[1]?.uid ?? ''
    const zh = await openPage(`#lang=zh&self=${encodeURIComponent(viewer)}&in=${encodeURIComponent(b64(example))}`)
    try {
      expect(await zh.textContent('#preview-zh .seg-self')).toBe('你')
      await zh.screenshot({ path: join(root, 'docs', 'images', 'inspector-zh.png'), fullPage: true })
    } finally {
      await zh.close()
    }
    const body = { header: { no_persist: 0, red_dot: 1, sync_once: 0 }, from_uid: 'u1', channel_id: 'g1', channel_type: 2, payload: b64({ type: 1, content: 'Meeting at 3pm @all', mention: { all: true } }) }
    const en = await openPage(`#lang=en&in=${encodeURIComponent(JSON.stringify(body, null, 2))}`)
    try {
      expect(await en.getAttribute('#tree li[data-pointer="/payload/mention/all"]', 'class')).toContain('has-issue')
      await en.screenshot({ path: join(root, 'docs', 'images', 'inspector-en.png'), fullPage: true })
    } finally {
      await en.close()
    }
  })

  it('caused no CSP violation, no console error and no request beyond its own files', () => {
    expect(violations).toEqual([])
    expect(consoleErrors).toEqual([])
    const own = new Set(['/', ...INSPECTOR_FILES.map((f) => `/${f}`)])
    const foreign = requests.filter((r) => {
      const url = new URL(r)
      return url.origin !== new URL(served.url).origin || !own.has(url.pathname)
    })
    expect(foreign).toEqual([])
    expect(requests.length).toBeGreaterThan(0)
  })
})

describe('wukong-payload inspect', () => {
  it('rejects a bad --port and an input argument as usage errors', () => {
    const err: string[] = []
    const io = { out: () => undefined, err: (t: string) => err.push(t), color: false, stdin: () => '' }
    expect(run(['inspect', '--port', 'http'], io, true)).toBe(2)
    expect(run(['inspect', '--port', '70000'], io, true)).toBe(2)
    expect(run(['inspect', 'eyJ0eXBlIjoxfQ=='], io, true)).toBe(2)
    expect(err.join('\n')).toMatch(/--port must be a whole number/)
  })

  it('reports a port that cannot be bound, with exit code 1', async () => {
    const site = mkdtempSync(join(tmpdir(), 'wukong-inspector-'))
    try {
      await buildInspector(site)
      const first = await serveInspector(site, 0)
      const err: string[] = []
      const port = Number(new URL(first.url).port)
      expect(await commandInspect({ out: () => undefined, err: (t) => err.push(t) }, { port, assets: site })).toBe(1)
      expect(err.join('\n')).toMatch(new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port} \\(EADDRINUSE\\)`))
      await first.close()
    } finally {
      rmSync(site, { recursive: true, force: true })
    }
  })

  it.runIf(existsSync(join(root, 'dist', 'cli', 'main.js')))('the built CLI serves the built page on a free port and prints it', async () => {
    const child = spawn(process.execPath, [join(root, 'dist', 'cli', 'main.js'), 'inspect'], { stdio: ['ignore', 'pipe', 'pipe'] })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        let err = ''
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString()
          const m = /payload inspector: (http:\/\/127\.0\.0\.1:[0-9]+\/)/.exec(out)
          if (m?.[1]) resolve(m[1])
        })
        child.stderr.on('data', (d: Buffer) => (err += d.toString()))
        child.on('exit', (code) => reject(new Error(`inspect exited ${code}: ${err}`)))
      })
      const page = await fetch(url)
      expect(page.status).toBe(200)
      expect(page.headers.get('content-security-policy')).toBe(INSPECTOR_CSP)
      expect(await page.text()).toContain('<script type="module" src="app.js"></script>')
      expect((await fetch(new URL('app.js', url))).status).toBe(200)
    } finally {
      child.kill()
    }
  })
})

/**
 * `node bench/browser-mixed.mjs [--quick]`: in Debian's headless Chromium, decode of the mixed
 * stream (every example of every definition, as Base64) ÷ the native floor
 * (`Uint8Array.fromBase64` + `TextDecoder` + `JSON.parse`), for the shipped web layer and for
 * variants of the length from which it calls the native decoder instead of `atob` (the constant
 * `NATIVE_FROM` of src/wire/platform-web.ts, rewritten in the bundle). Also `atob` + a byte loop ÷
 * `Uint8Array.fromBase64` alone by size, the primitive the choice rests on. Bundles from src/
 * (no build needed). Same paired, interleaved harness as bench/run.mjs.
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const quick = process.argv.includes('--quick')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const VARIANTS = [null, 1024, 48, 160]

const page = (variant) => `
import { decodePayload, payloadDefinitions } from './src/entries/index.ts'
import { makeHarness } from './bench/harness.mjs'
window.runBench = (rounds) => {
  const { compare, cycle } = makeHarness({ rounds, batchNs: 4e6, now: () => performance.now() * 1e6 })
  const enc = new TextEncoder()
  const toB64 = (text) => enc.encode(text).toBase64()
  const mixed = payloadDefinitions.flatMap((d) => d.examples.map((e) => toB64(JSON.stringify(e.value))))
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const nativeFloor = (s) => JSON.parse(decoder.decode(Uint8Array.fromBase64(s)))
  const rows = [{ what: 'mixed stream (' + mixed.length + ' payloads, Base64 ' + Math.min(...mixed.map((s) => s.length)) + '–' + Math.max(...mixed.map((s) => s.length)) + ' chars), NATIVE_FROM ${variant ?? 'shipped'}', ...compare(cycle(mixed, (s) => decodePayload(s)), cycle(mixed, nativeFloor)) }]
  if (${variant === null}) {
    for (const size of [24, 60, 120, 240, 480, 1024]) {
      const list = [toB64(JSON.stringify({ type: 1, content: 'x'.repeat(size) }))]
      const loop = (s) => { const bin = atob(s); const u8 = new Uint8Array(bin.length); for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i); return u8 }
      rows.push({ what: 'atob + byte loop ÷ fromBase64 at ' + list[0].length + ' chars', ...compare(cycle(list, loop), cycle(list, (s) => Uint8Array.fromBase64(s))) })
    }
  }
  return rows
}
`

const rewrite = (variant) => ({
  name: 'native-from',
  setup(b) {
    b.onResolve({ filter: /^#platform$/ }, () => ({ path: join(root, 'src', 'wire', 'platform-web.ts') }))
    b.onLoad({ filter: /platform-web\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8')
      if (variant === null) return { contents: source, loader: 'ts' }
      const changed = source.replace(/const NATIVE_FROM = \d+/, `const NATIVE_FROM = ${variant}`)
      if (changed === source) throw new Error('NATIVE_FROM not found in platform-web.ts')
      return { contents: changed, loader: 'ts' }
    })
  },
})

const apps = await Promise.all(VARIANTS.map(async (variant) => (await build({ stdin: { contents: page(variant), resolveDir: root, sourcefile: 'bench-page.js', loader: 'js' }, bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'error', tsconfigRaw: {}, plugins: [rewrite(variant)] })).outputFiles[0].text))
const server = createServer((req, res) => {
  const isolated = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }
  const m = /^\/(\d+)(\.js)?$/.exec(req.url ?? '')
  if (m && !m[2]) res.writeHead(200, { ...isolated, 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html><meta charset="utf-8"><script type="module" src="/${m[1]}.js"></script>`)
  else if (m) res.writeHead(200, { ...isolated, 'Content-Type': 'text/javascript; charset=utf-8' }).end(apps[Number(m[1])])
  else res.writeHead(404).end()
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const origin = `http://127.0.0.1:${server.address().port}`
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
try {
  console.log(`Chromium ${browser.version()}`)
  for (let i = 0; i < VARIANTS.length; i++) {
    const tab = await browser.newPage()
    await tab.goto(`${origin}/${i}`)
    await tab.waitForFunction(() => typeof window.runBench === 'function')
    const rows = await tab.evaluate((rounds) => window.runBench(rounds), quick ? 21 : 61)
    for (const r of rows) console.log(`${r.what.padEnd(80)} ${r.ratio.toFixed(2)}× (${r.low.toFixed(2)}–${r.high.toFixed(2)})  ${r.candidate.toFixed(0)} vs ${r.baseline.toFixed(0)} ns`)
    await tab.close()
  }
} finally {
  await browser.close()
  server.close()
}

/**
 * `npm run bench:browser`: the browser build (the `#platform` import resolved to the web layer)
 * in Debian's headless Chromium, driven by playwright-core, against the browser floors: native
 * `Uint8Array.fromBase64` + `TextDecoder` + `JSON.parse`, and — with `fromBase64` removed from the
 * page, as in browsers before it — `atob` + a byte loop + `TextDecoder` + `JSON.parse`. Same paired,
 * interleaved harness as bench/run.mjs (bench/harness.mjs). Writes bench/results/browser.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { makeHarness, meets } from './harness.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const quick = process.argv.includes('--quick')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const page = `
import { decodePayload } from 'wukong-payload'
import { makeHarness, meets } from './bench/harness.mjs'
const sizes = [60, 1024, 4096, 16384, 65536]
function payloadOf(size) {
  // A text payload whose JSON is about size bytes, mixing ASCII and CJK like a chat.
  const unit = ['H', 'e', 'l', 'l', 'o', ' ', '你', '好', ' ', '👋', ' ', 'w', 'o', 'r', 'l', 'd', '.', ' ']
  const enc = new TextEncoder()
  let content = ''
  for (let i = 0; enc.encode(JSON.stringify({ type: 1, content })).length < size; i++) content += unit[i % unit.length]
  return { type: 1, content }
}
function toB64(p) {
  const u8 = new TextEncoder().encode(JSON.stringify(p))
  let bin = ''
  for (let i = 0; i < u8.length; i++) bin += String.fromCharCode(u8[i])
  return btoa(bin)
}
window.runBench = (rounds) => {
  const { compare, cycle } = makeHarness({ rounds, batchNs: 4e6, now: () => performance.now() * 1e6 })
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const nativeFloor = (s) => JSON.parse(decoder.decode(Uint8Array.fromBase64(s)))
  const atobFloor = (s) => {
    const bin = atob(s)
    const u8 = new Uint8Array(bin.length)
    for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i)
    return JSON.parse(decoder.decode(u8))
  }
  const inputs = sizes.map((size) => { const p = payloadOf(size); return { size: new TextEncoder().encode(JSON.stringify(p)).length, list: [toB64(p)] } })
  const rows = []
  const hasNative = typeof Uint8Array.fromBase64 === 'function'
  if (hasNative) {
    for (const { size, list } of inputs) rows.push({ section: 'native', what: size + ' B', ...compare(cycle(list, (s) => decodePayload(s)), cycle(list, nativeFloor)), target: { max: 1.15 } })
  }
  const saved = Uint8Array.fromBase64
  delete Uint8Array.fromBase64
  try {
    for (const { size, list } of inputs) rows.push({ section: 'atob', what: size + ' B', ...compare(cycle(list, (s) => decodePayload(s)), cycle(list, atobFloor)), target: { max: 1.25 } })
  } finally {
    if (saved) Uint8Array.fromBase64 = saved
  }
  for (const r of rows) r.met = meets(r, r.target)
  return { hasNative, isolated: crossOriginIsolated, userAgent: navigator.userAgent, rows }
}
`
const bundle = await build({ stdin: { contents: page, resolveDir: root, sourcefile: 'bench-page.js' }, bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'error', tsconfigRaw: {} })
const app = bundle.outputFiles[0].text
const server = createServer((req, res) => {
  // Cross-origin isolated: performance.now() then has 5 µs resolution instead of 100 µs.
  const isolated = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }
  if (req.url === '/') res.writeHead(200, { ...isolated, 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><meta charset="utf-8"><script type="module" src="/app.js"></script>')
  else if (req.url === '/app.js') res.writeHead(200, { ...isolated, 'Content-Type': 'text/javascript; charset=utf-8' }).end(app)
  else res.writeHead(404).end()
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const origin = `http://127.0.0.1:${server.address().port}`
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
let result
try {
  const tab = await browser.newPage()
  await tab.goto(origin)
  await tab.waitForFunction(() => typeof window.runBench === 'function')
  result = await tab.evaluate((rounds) => window.runBench(rounds), quick ? 30 : 101)
  result.version = browser.version()
} finally {
  await browser.close()
  server.close()
}
for (const r of result.rows) {
  console.log(`chromium ${r.section.padEnd(7)} ${r.what.padStart(8)}  ${r.ratio.toFixed(2)}× (${r.low.toFixed(2)}–${r.high.toFixed(2)})  (${r.candidate.toFixed(0)} vs ${r.baseline.toFixed(0)} ns)  ≤ ${r.target.max} ${meets(r, r.target) ? '✓' : '✗'}`)
}
if (!result.hasNative) console.log(`Chromium ${result.version} has no Uint8Array.fromBase64: only the atob rows ran`)
mkdirSync(join(root, 'bench', 'results'), { recursive: true })
writeFileSync(join(root, 'bench', 'results', 'browser.json'), `${JSON.stringify({ date: new Date().toISOString().slice(0, 10), quick, ...result }, null, 2)}\n`)
console.log('wrote bench/results/browser.json')

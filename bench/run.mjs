/**
 * `npm run bench`: the package against its floor and against the alternatives, in one process,
 * interleaved. Each comparison runs many rounds; in each round both sides run the same number of
 * operations back to back (the order alternating between rounds), and the reported ratio is the
 * median of the per-round ratios — robust against a noisy machine. Writes docs/performance.md.
 *
 * Not part of `npm test`: speed is measured here, never asserted by unit tests.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { Base64 } from 'js-base64'
// Through the package's own exports, as a Node application gets it (the bundled dist/node build).
import * as wk from 'wukong-payload'
import { ZodPayload } from './zod-schemas.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const quick = process.argv.includes('--quick')
const ROUNDS = quick ? 30 : 150
const BATCH_NS = 2e6 // each side runs about 2 ms per round

// ---------------------------------------------------------------------------------------------
// Inputs
const ascii = { type: 1, content: 'Hello! This is a plain ASCII text message sent through WuKongIM.' }
const cjk = { type: 1, content: '你好，世界！这是一条包含表情符号的中文消息 👋🏽🎉，用于基准测试。', mention: { all: 0, uids: ['u1', 'u2'] } }
const large = { type: 1, content: '这是一条很长的消息。This is a long message. '.repeat(90).slice(0, 2700), mention: { all: 0, uids: ['u1'] } }
const mixed = wk.payloadDefinitions.flatMap((d) => d.examples.map((e) => e.value))
const invalid = [
  { type: 'text', content: 'hi' },
  { type: 2, url: 1, width: '100', height: -1 },
  { type: 1, content: 'x', mention: { all: true, uids: 'u1' } },
  { type: 1001, content: 7, extra: [{ uid: 1 }] },
]
const b64 = (p) => Buffer.from(JSON.stringify(p)).toString('base64')
const sets = {
  'ASCII text': [ascii],
  'Chinese + emoji text': [cjk],
  [`mixed stream (${mixed.length} payloads, every type)`]: mixed,
  [`4 KB text (${Buffer.byteLength(JSON.stringify(large))} B)`]: [large],
}
const encoded = Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, v.map(b64)]))
const bytes = Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, v.map((p) => new Uint8Array(Buffer.from(JSON.stringify(p))))]))
const texts = Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, v.map((p) => JSON.stringify(p))]))

// ---------------------------------------------------------------------------------------------
// Alternatives, built the way their users would use them
async function bundle(contents, platform) {
  const result = await build({ stdin: { contents, resolveDir: root }, bundle: true, format: 'esm', platform, write: false, logLevel: 'error', tsconfigRaw: {} })
  const dir = mkdtempSync(join(tmpdir(), 'wk-bench-'))
  const file = join(dir, 'bundle.mjs')
  writeFileSync(file, result.outputFiles[0].text)
  const module = await import(file)
  rmSync(dir, { recursive: true, force: true })
  return module
}
// The official JS SDK (its lib/ is untranspiled ESM without extensions: bundled to load in Node).
const sdk = await bundle("export { MessageText, MessageContent } from 'wukongimjssdk/lib/model'", 'node')
// The package as a browser bundle: the #platform import resolves to the atob/TextDecoder layer.
const web = await bundle("export { decodePayload, encodePayload } from 'wukong-payload'", 'browser')
// js-base64 + Ajv compiling the published JSON Schemas at run time.
const ajv = new Ajv2020({ allErrors: true, strict: false })
for (const file of readdirSync(join(root, 'schemas'))) ajv.addSchema(JSON.parse(readFileSync(join(root, 'schemas', file), 'utf8')))
const ajvValidate = ajv.getSchema('https://unpkg.com/wukong-payload/schemas/payload.schema.json')

let sink = 0
const use = (v) => {
  sink = (sink + (typeof v === 'object' && v !== null ? 1 : typeof v === 'string' ? v.length : 2)) | 0
}

// ---------------------------------------------------------------------------------------------
// Harness
const now = () => Number(process.hrtime.bigint())
function timeBatch(fn, n) {
  const t0 = now()
  for (let i = 0; i < n; i++) use(fn(i))
  return (now() - t0) / n / OPS
}
function calibrate(fn) {
  for (let n = 1; ; n *= 2) {
    const t0 = now()
    for (let i = 0; i < n; i++) use(fn(i))
    const dt = now() - t0
    if (dt > BATCH_NS / 4) return Math.max(1, Math.round((n * BATCH_NS) / dt))
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
/** Median over rounds of candidate time / baseline time, plus each side's median ns per op. */
function compare(candidate, baseline) {
  for (let w = 0; w < 3; w++) {
    timeBatch(candidate, 200)
    timeBatch(baseline, 200)
  }
  const n = Math.min(calibrate(candidate), calibrate(baseline))
  const ratios = []
  const a = []
  const b = []
  for (let r = 0; r < ROUNDS; r++) {
    let ta, tb
    if (r % 2) {
      ta = timeBatch(candidate, n)
      tb = timeBatch(baseline, n)
    } else {
      tb = timeBatch(baseline, n)
      ta = timeBatch(candidate, n)
    }
    ratios.push(ta / tb)
    a.push(ta)
    b.push(tb)
  }
  return { ratio: median(ratios), candidate: median(a), baseline: median(b) }
}
/**
 * Each timed call runs OPS operations over the inputs, so that the harness's own cost (an
 * indirect call per timed call) is spread thin and does not flatten the ratios of small inputs.
 */
const OPS = 16
const cycle = (list, f) => (i) => {
  let last
  for (let k = i * OPS, end = k + OPS; k < end; k++) last = f(list[k % list.length])
  return last
}

// ---------------------------------------------------------------------------------------------
// Comparisons
const rows = []
function row(section, what, candidateName, baselineName, result, target) {
  rows.push({ section, what, candidateName, baselineName, ...result, target })
  const met = target === undefined ? '' : (target.max !== undefined ? result.ratio <= target.max : result.ratio >= target.min) ? '  ✓' : '  ✗'
  console.log(`${section.padEnd(12)} ${what.padEnd(44)} ${result.ratio.toFixed(2).padStart(6)}×  (${result.candidate.toFixed(0)} vs ${result.baseline.toFixed(0)} ns)${met}`)
}

for (const [name, list] of Object.entries(encoded)) {
  row('decode', name, 'decodePayload(base64)', 'JSON.parse(Buffer.from(b64, "base64").toString())', compare(cycle(list, (s) => wk.decodePayload(s)), cycle(list, (s) => JSON.parse(Buffer.from(s, 'base64').toString('utf8')))), { max: 1.1 })
}
for (const [name, list] of Object.entries(sets)) {
  row('encode', name, 'encodePayload(p)', 'Buffer.from(JSON.stringify(p)).toString("base64")', compare(cycle(list, (p) => wk.encodePayload(p)), cycle(list, (p) => Buffer.from(JSON.stringify(p)).toString('base64'))), { max: 1.15 })
}
for (const [name, list] of Object.entries(bytes)) {
  const sdkDecode = (u8) => {
    // The SDK's own flow (model.js decodePayload): sniff `type`, pick the content class, decode.
    // The sniff is done here with Buffer, faster than the SDK's own fromCharCode/escape pass.
    const type = JSON.parse(Buffer.from(u8).toString()).type
    const content = type === 1 ? new sdk.MessageText() : new sdk.MessageContent()
    content.decode(u8)
    return content
  }
  // Ratio of the SDK's time to ours: how many times faster the package is.
  const r = compare(cycle(list, sdkDecode), cycle(list, (u8) => wk.decodePayload(u8)))
  row('vs SDK', `${name} (bytes)`, 'wukongimjssdk MessageContent.decode', 'decodePayload(bytes)', r, { min: 3 })
}
{
  const list = sets['Chinese + emoji text']
  const sdkEncode = (p) => {
    const text = new sdk.MessageText(p.content)
    text.mention = { all: p.mention.all === 1, uids: p.mention.uids }
    return Buffer.from(text.encode()).toString('base64') // REST wants Base64
  }
  const r = compare(cycle(list, sdkEncode), cycle(list, (p) => wk.encodePayload(p)))
  row('vs SDK', 'Chinese + emoji text, encode to Base64', 'wukongimjssdk MessageText.encode + Buffer', 'encodePayload(p)', r)
}
for (const [name, list] of Object.entries(encoded)) {
  row('vs zod 4', name, 'Buffer + JSON.parse + zod 4 parse', 'decodePayload(base64)', compare(cycle(list, (s) => ZodPayload.parse(JSON.parse(Buffer.from(s, 'base64').toString('utf8')))), cycle(list, (s) => wk.decodePayload(s))))
}
for (const [name, list] of Object.entries(encoded)) {
  row('vs Ajv', name, 'js-base64 + JSON.parse + Ajv (runtime)', 'decodePayload(base64)', compare(cycle(list, (s) => { const v = JSON.parse(Base64.decode(s)); if (!ajvValidate(v)) throw new Error('invalid'); return v }), cycle(list, (s) => wk.decodePayload(s))))
}
for (const [name, list] of Object.entries(encoded)) {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const floor = (s) => {
    const bin = atob(s)
    const u8 = new Uint8Array(bin.length)
    for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i)
    return JSON.parse(decoder.decode(u8))
  }
  row('browser', `decode, ${name}`, 'decodePayload (browser build)', 'atob + TextDecoder + JSON.parse', compare(cycle(list, (s) => web.decodePayload(s)), cycle(list, floor)), { max: 1.25 })
}
{
  const list = sets['Chinese + emoji text']
  const enc = new TextEncoder()
  const floor = (p) => {
    const u8 = enc.encode(JSON.stringify(p))
    let bin = ''
    for (let i = 0; i < u8.length; i++) bin += String.fromCharCode(u8[i])
    return btoa(bin)
  }
  row('browser', 'encode, Chinese + emoji text', 'encodePayload (browser build)', 'TextEncoder + btoa', compare(cycle(list, (p) => web.encodePayload(p)), cycle(list, floor)))
}
for (const [name, list] of Object.entries(texts)) {
  const parsed = list.map((t) => JSON.parse(t))
  row('validate', `${name}: validation ÷ JSON.parse`, 'validatePayload(object)', 'JSON.parse(text)', compare(cycle(parsed, (p) => wk.validatePayload(p)), cycle(list, (t) => JSON.parse(t))), { max: 0.1 })
}
{
  const list = invalid.map(b64)
  row('invalid', `${invalid.length} invalid payloads: issues built`, 'safeDecodePayload(base64)', 'JSON.parse(Buffer.from(b64).toString())', compare(cycle(list, (s) => wk.safeDecodePayload(s)), cycle(list, (s) => JSON.parse(Buffer.from(s, 'base64').toString('utf8')))))
}

// ---------------------------------------------------------------------------------------------
// Cold start: a fresh process, from before the import to after the first decode.
function coldStart(script) {
  const times = []
  for (let i = 0; i < (quick ? 5 : 15); i++) {
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })
    if (out.status !== 0) throw new Error(out.stderr)
    times.push(Number(out.stdout.trim()))
  }
  return median(times)
}
const sample = b64(cjk)
const oneLine = join(mkdtempSync(join(tmpdir(), 'wk-cold-')), 'one-line.mjs')
writeFileSync(oneLine, 'export const x = 1\n')
const coldBaseline = coldStart(`const t0 = performance.now(); await import(${JSON.stringify(pathToFileURL(oneLine).href)}); console.log(performance.now() - t0)`)
const coldPackage = coldStart(`const t0 = performance.now(); const m = await import('wukong-payload'); m.decodePayload('${sample}'); console.log(performance.now() - t0)`)
const coldCodec = coldStart(`const t0 = performance.now(); const m = await import('wukong-payload/codec'); m.decodePayload('${sample}'); console.log(performance.now() - t0)`)
const coldAjv = coldStart(`
  const t0 = performance.now()
  const { Ajv2020 } = await import('ajv/dist/2020.js')
  const { readdirSync, readFileSync } = await import('node:fs')
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  for (const f of readdirSync('schemas')) ajv.addSchema(JSON.parse(readFileSync('schemas/' + f, 'utf8')))
  const v = ajv.getSchema('https://unpkg.com/wukong-payload/schemas/payload.schema.json')
  v(JSON.parse(Buffer.from('${sample}', 'base64').toString()))
  console.log(performance.now() - t0)`)
console.log(`cold start   trivial ESM import: ${coldBaseline.toFixed(1)} ms; wukong-payload: ${coldPackage.toFixed(1)} ms; wukong-payload/codec: ${coldCodec.toFixed(1)} ms; Ajv: ${coldAjv.toFixed(1)} ms`)

// ---------------------------------------------------------------------------------------------
// Report
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const versions = Object.fromEntries(['ajv', 'zod', 'js-base64', 'wukongimjssdk', 'lossless-json', '@sinclair/typebox'].map((n) => [n, JSON.parse(readFileSync(join(root, 'node_modules', n, 'package.json'), 'utf8')).version]))
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(2))
const verdict = (r) => (r.target === undefined ? '' : r.target.max !== undefined ? (r.ratio <= r.target.max ? `≤ ${r.target.max}× ✓` : `≤ ${r.target.max}× ✗`) : r.ratio >= r.target.min ? `≥ ${r.target.min}× ✓` : `≥ ${r.target.min}× ✗`)
const table = (section, header) => {
  const lines = [`| ${header} | package | baseline | ratio | target |`, '|---|---|---|---|---|']
  for (const r of rows.filter((x) => x.section === section)) lines.push(`| ${r.what} | ${fmt(r.candidate)} ns | ${fmt(r.baseline)} ns | **${r.ratio.toFixed(2)}×** | ${verdict(r)} |`)
  return lines.join('\n')
}
const tableVs = (section, header) => {
  const lines = [`| ${header} | alternative | wukong-payload | alternative ÷ package | target |`, '|---|---|---|---|---|']
  for (const r of rows.filter((x) => x.section === section)) lines.push(`| ${r.what} | ${fmt(r.candidate)} ns | ${fmt(r.baseline)} ns | **${r.ratio.toFixed(2)}×** | ${verdict(r)} |`)
  return lines.join('\n')
}
const cpu = cpus()[0]?.model ?? 'unknown CPU'
const md = `# Performance

Measured by \`npm run bench\` (\`bench/run.mjs\`) on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} × ${cpu}.
wukong-payload ${pkg.version}; ${Object.entries(versions).map(([n, v]) => `${n} ${v}`).join(', ')}.

Method: every comparison runs in one process, interleaved: ${ROUNDS} rounds, each running both sides
for the same number of operations (about 2 ms per side, the order alternating between rounds).
Ratios are medians of the per-round ratios; times are medians per operation. Inputs are the
same bytes for both sides. Nothing here is asserted by \`npm test\`; run \`npm run bench\` to
reproduce (under 3 minutes).

## Against the floor

The floor is the least any correct pipeline must do: Base64 → UTF-8 → \`JSON.parse\` (and back),
with Node's \`Buffer\`. The package adds strict Base64 and UTF-8 checks, the size limit, the
beyond-2^53 check and full validation of every field on top.

${table('decode', 'decodePayload(base64) vs JSON.parse(Buffer.from(b64, "base64").toString())')}

${table('encode', 'encodePayload(p) vs Buffer.from(JSON.stringify(p)).toString("base64")')}

## Validation alone, as a share of JSON.parse

${table('validate', 'validatePayload(object) ÷ JSON.parse(text)')}

## Invalid payloads (the cost of building issues with messages)

${table('invalid', 'safeDecodePayload on invalid input vs the floor on the same bytes')}

## Against what users would otherwise use

How many times longer the alternative takes than wukong-payload on the same input.

${tableVs('vs SDK', 'wukongimjssdk (the official JS SDK) MessageContent.decode/encode')}

${tableVs('vs zod 4', 'Buffer + JSON.parse + a zod 4 schema of the same union (bench/zod-schemas.mjs)')}

${tableVs('vs Ajv', 'js-base64 + JSON.parse + Ajv compiling the published schemas at run time')}

## The browser path (no Buffer)

The package bundled for the browser (its \`#platform\` import resolves to the atob/TextDecoder
layer; Node ${process.version.split('.')[0]} has no native \`Uint8Array.fromBase64\`), against the
browser floor.

${table('browser', 'browser build vs atob/TextEncoder floor')}

## Cold start

A fresh Node process, from before \`import\` to after the first decode (median of ${quick ? 5 : 15} processes).
"Net" subtracts the first ESM import of a one-line module, which Node spends in any case
(its module loader starting up).

| | time | net |
|---|---|---|
| a one-line ESM module (the loader's own start-up) | ${coldBaseline.toFixed(1)} ms | |
| \`import('wukong-payload')\` + first \`decodePayload\` | ${coldPackage.toFixed(1)} ms | **${(coldPackage - coldBaseline).toFixed(1)} ms** |
| \`import('wukong-payload/codec')\` + first \`decodePayload\` | ${coldCodec.toFixed(1)} ms | **${(coldCodec - coldBaseline).toFixed(1)} ms** (target ≤ 5 ms ${coldCodec - coldBaseline <= 5 ? '✓' : '✗'}) |
| \`import Ajv\` + compile the published schemas + first validate | ${coldAjv.toFixed(1)} ms | ${(coldAjv - coldBaseline).toFixed(1)} ms |

No schema is compiled at import: the validators are generated ahead of time.
`
writeFileSync(join(root, 'docs', 'performance.md'), md + (existingAnalysis() ?? ''))
console.log(`wrote docs/performance.md (sink ${sink})`)
// The SDK bundle leaves handles open (its timers); the run is over.
process.exit(0)

/** Keeps the hand-written analysis that follows the generated tables. */
function existingAnalysis() {
  try {
    const old = readFileSync(join(root, 'docs', 'performance.md'), 'utf8')
    const at = old.indexOf('\n## Analysis')
    return at >= 0 ? old.slice(at) : undefined
  } catch {
    return undefined
  }
}

/**
 * `npm run bench`: the package against its floor and against the alternatives, in one process,
 * interleaved. Each comparison runs many rounds; in each round both sides run the same number of
 * operations back to back (the order alternating between rounds), and the reported ratio is the
 * median of the per-round ratios — robust against a noisy machine. Writes bench/results/node.json,
 * from which bench/report.mjs writes docs/performance.md.
 *
 * Not part of `npm test`: speed is measured here, never asserted by unit tests.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { Base64 } from 'js-base64'
// Through the package's own exports, as a Node application gets it (the bundled dist/node build).
import * as wk from 'wukong-payload'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { ZodPayload } from './zod-schemas.mjs'
import { makeHarness, meets } from './harness.mjs'
import { bundleSizes } from './sizes.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const quick = process.argv.includes('--quick')
const ROUNDS = quick ? 30 : 150
const BATCH_NS = 2e6 // each side runs about 2 ms per round

// ---------------------------------------------------------------------------------------------
// Inputs. The short ones are the first example of their type's definition; the mixed stream is
// every example of every definition.
const definition = (name) => {
  const d = wk.payloadDefinitions.find((x) => x.name === name)
  if (!d) throw new Error(`no definition named ${name}`)
  return d.examples[0].value
}
const text = definition('text')
const image = definition('image')
const command = definition('command')
const cjk = { type: 1, content: '你好，世界！这是一条包含表情符号的中文消息 👋🏽🎉，用于基准测试。', mention: { all: 0, uids: ['u1', 'u2'] } }
const large = { type: 1, content: '这是一条很长的消息。This is a long message. '.repeat(90).slice(0, 2700), mention: { all: 0, uids: ['u1'] } }
const mixed = wk.payloadDefinitions.flatMap((d) => d.examples.map((e) => e.value))
const invalid = [
  { type: 'text', content: 'hi' },
  { type: 2, url: 1, width: '100', height: -1 },
  { type: 1, content: 'x', mention: { all: true, uids: 'u1' } },
  { type: 1001, content: 7, extra: [{ uid: 1 }] },
]
const json = (p) => JSON.stringify(p)
const b64 = (p) => Buffer.from(json(p)).toString('base64')
const MIXED = `mixed stream (${mixed.length} payloads, every type)`
const sets = {
  [`short text (${json(text).length} B)`]: [text],
  [`short image (${json(image).length} B)`]: [image],
  [`short command (${json(command).length} B)`]: [command],
  'Chinese + emoji text': [cjk],
  [MIXED]: mixed,
  [`4 KB text (${Buffer.byteLength(json(large))} B)`]: [large],
}
const SHORT = Object.keys(sets).slice(0, 3)
const encoded = Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, v.map(b64)]))
const bytes = Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, v.map((p) => new Uint8Array(Buffer.from(json(p))))]))
const texts = Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, v.map(json)]))

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

const { compare, cycle, median, use, sink } = makeHarness({ rounds: ROUNDS, batchNs: BATCH_NS, now: () => Number(process.hrtime.bigint()) })

// ---------------------------------------------------------------------------------------------
// Comparisons
const rows = []
const fmtRange = (r) => `${r.ratio.toFixed(2)}× (${r.low.toFixed(2)}–${r.high.toFixed(2)})`
function row(section, what, candidateName, baselineName, result, target) {
  rows.push({ section, what, candidateName, baselineName, ...result, target, met: meets(result, target) })
  const met = target === undefined ? '' : `  ${target.max !== undefined ? '≤' : '≥'} ${target.max ?? target.min} ${meets(result, target) ? '✓' : '✗'}`
  console.log(`${section.padEnd(12)} ${what.padEnd(50)} ${fmtRange(result).padStart(20)}  (${result.candidate.toFixed(0)} vs ${result.baseline.toFixed(0)} ns)${met}`)
}
const floorDecode = (s) => JSON.parse(Buffer.from(s, 'base64').toString('utf8'))
const floorEncode = (p) => Buffer.from(JSON.stringify(p)).toString('base64')
const decodeTarget = (name) => ({ max: name === MIXED ? 1.25 : 1.15 })

for (const [name, list] of Object.entries(encoded)) {
  row('decode', name, 'decodePayload(base64)', 'JSON.parse(Buffer.from(b64, "base64").toString())', compare(cycle(list, (s) => wk.decodePayload(s)), cycle(list, floorDecode)), SHORT.includes(name) || name === MIXED ? decodeTarget(name) : undefined)
}
for (const [name, list] of Object.entries(sets)) {
  const target = SHORT.includes(name) ? { max: 1.2 } : name === MIXED ? { max: 1.35 } : undefined
  row('encode', name, 'encodePayload(p)', 'Buffer.from(JSON.stringify(p)).toString("base64")', compare(cycle(list, (p) => wk.encodePayload(p)), cycle(list, floorEncode)), target)
}
// What a user gets by compiling the package's exported schema with TypeBox (it checks less: no
// strict Base64 or UTF-8, no beyond-2^53 check).
const typeboxCheck = TypeCompiler.Compile(wk.PayloadSchema, wk.PayloadReferences)
for (const p of mixed) if (!typeboxCheck.Check(p)) throw new Error(`TypeCompiler rejects the example of type ${p.type}`)
const typeboxDecode = (s) => {
  const v = JSON.parse(Buffer.from(s, 'base64').toString('utf8'))
  if (!typeboxCheck.Check(v)) throw new Error('invalid')
  return v
}
for (const name of [...SHORT, MIXED]) {
  const list = encoded[name]
  row('vs TypeBox', name, 'decodePayload(base64)', 'Buffer + JSON.parse + TypeCompiler.Compile(PayloadSchema, PayloadReferences).Check', compare(cycle(list, (s) => wk.decodePayload(s)), cycle(list, typeboxDecode)), { max: 1 })
}
for (const [name, list] of Object.entries(bytes)) {
  if (SHORT.slice(1).includes(name)) continue
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
  if (SHORT.slice(1).includes(name)) continue
  row('vs zod 4', name, 'Buffer + JSON.parse + zod 4 parse', 'decodePayload(base64)', compare(cycle(list, (s) => ZodPayload.parse(JSON.parse(Buffer.from(s, 'base64').toString('utf8')))), cycle(list, (s) => wk.decodePayload(s))))
}
for (const [name, list] of Object.entries(encoded)) {
  if (SHORT.slice(1).includes(name)) continue
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
  if (!SHORT.includes(name)) row('browser', `decode, ${name}`, 'decodePayload (browser build)', 'atob + TextDecoder + JSON.parse', compare(cycle(list, (s) => web.decodePayload(s)), cycle(list, floor)), undefined)
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
  row('validate', `${name}: validation ÷ JSON.parse`, 'validatePayload(object)', 'JSON.parse(text)', compare(cycle(parsed, (p) => wk.validatePayload(p)), cycle(list, (t) => JSON.parse(t))))
}
{
  const list = invalid.map(b64)
  row('invalid', `${invalid.length} invalid payloads: issues built`, 'safeDecodePayload(base64)', 'JSON.parse(Buffer.from(b64).toString())', compare(cycle(list, (s) => wk.safeDecodePayload(s)), cycle(list, (s) => JSON.parse(Buffer.from(s, 'base64').toString('utf8')))))
}


// A long run in which every entry point sees every shape (valid and invalid, decode, encode,
// validate), so that V8's caches at shared call sites are as megamorphic as in a busy app; then
// the mixed stream again.
{
  const until = Date.now() + (quick ? 1000 : 5000)
  const invalidB64 = invalid.map(b64)
  while (Date.now() < until) {
    for (let k = 0; k < 50; k++) {
      for (const s of encoded[MIXED]) use(wk.decodePayload(s))
      for (const p of mixed) use(wk.encodePayload(p))
      for (const p of mixed) use(wk.validatePayload(p))
      for (const s of invalidB64) use(wk.safeDecodePayload(s))
      for (const u8 of bytes[MIXED]) use(wk.decodePayload(u8))
    }
  }
  row('decode', `${MIXED}, after a long megamorphic run`, 'decodePayload(base64)', 'JSON.parse(Buffer.from(b64, "base64").toString())', compare(cycle(encoded[MIXED], (s) => wk.decodePayload(s)), cycle(encoded[MIXED], floorDecode)), decodeTarget(MIXED))
  row('vs TypeBox', `${MIXED}, after a long megamorphic run`, 'decodePayload(base64)', 'Buffer + JSON.parse + TypeCompiler.Compile(PayloadSchema, PayloadReferences).Check', compare(cycle(encoded[MIXED], (s) => wk.decodePayload(s)), cycle(encoded[MIXED], typeboxDecode)), { max: 1 })
  row('encode', `${MIXED}, after a long megamorphic run`, 'encodePayload(p)', 'Buffer.from(JSON.stringify(p)).toString("base64")', compare(cycle(mixed, (p) => wk.encodePayload(p)), cycle(mixed, floorEncode)), { max: 1.35 })
}

// ---------------------------------------------------------------------------------------------
// Cold start: a fresh process, from before the import to after the first decode.
const sample = b64(cjk)
const oneLine = join(mkdtempSync(join(tmpdir(), 'wk-cold-')), 'one-line.mjs')
writeFileSync(oneLine, 'export const x = 1\n')
const cold = {}
// Interleaved, as the ratios are: one process of each kind per round.
{
  const scripts = {
    baseline: `const t0 = performance.now(); await import(${JSON.stringify(pathToFileURL(oneLine).href)}); console.log(performance.now() - t0)`,
    root: `const t0 = performance.now(); const m = await import('wukong-payload'); m.decodePayload('${sample}'); console.log(performance.now() - t0)`,
    codec: `const t0 = performance.now(); const m = await import('wukong-payload/codec'); m.decodePayload('${sample}'); console.log(performance.now() - t0)`,
    ajv: `
  const t0 = performance.now()
  const { Ajv2020 } = await import('ajv/dist/2020.js')
  const { readdirSync, readFileSync } = await import('node:fs')
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  for (const f of readdirSync('schemas')) ajv.addSchema(JSON.parse(readFileSync('schemas/' + f, 'utf8')))
  const v = ajv.getSchema('https://unpkg.com/wukong-payload/schemas/payload.schema.json')
  v(JSON.parse(Buffer.from('${sample}', 'base64').toString()))
  console.log(performance.now() - t0)`,
  }
  const times = Object.fromEntries(Object.keys(scripts).map((k) => [k, []]))
  const nets = { root: [], codec: [], ajv: [] }
  for (let i = 0; i < (quick ? 7 : 21); i++) {
    const t = {}
    for (const [k, script] of Object.entries(scripts)) {
      const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })
      if (out.status !== 0) throw new Error(out.stderr)
      t[k] = Number(out.stdout.trim())
      times[k].push(t[k])
    }
    for (const k of Object.keys(nets)) nets[k].push(t[k] - t.baseline)
  }
  for (const k of Object.keys(scripts)) cold[k] = { median: median(times[k]), min: Math.min(...times[k]), max: Math.max(...times[k]) }
  for (const k of Object.keys(nets)) Object.assign(cold[k], { net: median(nets[k]), netMin: Math.min(...nets[k]), netMax: Math.max(...nets[k]) })
  cold.codec.target = 3
  cold.root.target = 12
}
for (const k of ['root', 'codec', 'ajv']) {
  const c = cold[k]
  console.log(`cold start   ${k.padEnd(6)} ${c.median.toFixed(1)} ms; over the first ESM import (${cold.baseline.median.toFixed(1)} ms): ${c.net.toFixed(1)} ms (${c.netMin.toFixed(1)}–${c.netMax.toFixed(1)})${c.target ? `  ≤ ${c.target} ${c.net <= c.target ? '✓' : '✗'}` : ''}`)
}

// ---------------------------------------------------------------------------------------------
// Bundle sizes, as a browser app pays them (bench/sizes.mjs).
const sizes = await bundleSizes()
for (const s of sizes) console.log(`size         ${s.name.padEnd(80)} ${(s.gzip / 1024).toFixed(2)} KB  ≤ ${(s.target / 1024).toFixed(1)} ${s.gzip <= s.target ? '✓' : '✗'}`)

// ---------------------------------------------------------------------------------------------
// Results, for bench/report.mjs.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const versions = Object.fromEntries(['ajv', 'zod', 'js-base64', 'wukongimjssdk', 'lossless-json', '@sinclair/typebox'].map((n) => [n, JSON.parse(readFileSync(join(root, 'node_modules', n, 'package.json'), 'utf8')).version]))
const results = {
  date: new Date().toISOString().slice(0, 10),
  node: process.version,
  platform: `${process.platform}/${process.arch}`,
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown CPU',
  version: pkg.version,
  versions,
  rounds: ROUNDS,
  quick,
  rows,
  cold,
  sizes,
}
mkdirSync(join(root, 'bench', 'results'), { recursive: true })
writeFileSync(join(root, 'bench', 'results', 'node.json'), `${JSON.stringify(results, null, 2)}\n`)
console.log(`wrote bench/results/node.json (sink ${sink()})`)
// The SDK bundle leaves handles open (its timers); the run is over.
process.exit(0)

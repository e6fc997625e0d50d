/**
 * Writes docs/performance.md from one run's results (bench/results/node.json from bench/run.mjs,
 * bench/results/browser.json from bench/browser.mjs), keeping the hand-written analysis that
 * follows the generated part.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const read = (name) => {
  const file = join(root, 'bench', 'results', name)
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined
}
const node = read('node.json')
if (!node) throw new Error('no bench/results/node.json: run `npm run bench` first')
const web = read('browser.json')

const fmt = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(2))
const ratio = (r) => `**${r.ratio.toFixed(2)}×** (${r.low.toFixed(2)}–${r.high.toFixed(2)})`
const verdict = (r) => (r.target == null ? '' : `${r.target.max !== undefined ? `≤ ${r.target.max}` : `≥ ${r.target.min}`}× ${r.met ? '✓' : '✗'}`)
const table = (rows, header, [left, right] = ['package', 'baseline']) => {
  const lines = [`| ${header} | ${left} | ${right} | ratio (min–max) | target |`, '|---|---|---|---|---|']
  for (const r of rows) lines.push(`| ${r.what} | ${fmt(r.candidate)} ns | ${fmt(r.baseline)} ns | ${ratio(r)} | ${verdict(r)} |`)
  return lines.join('\n')
}
const section = (name) => node.rows.filter((r) => r.section === name)
const kb = (b) => `${(b / 1024).toFixed(2)} KB`

const targets = [...node.rows.filter((r) => r.target), ...(web?.rows ?? []).map((r) => ({ ...r, what: `Chromium ${r.section === 'native' ? '÷ native fromBase64' : '÷ atob'} floor, ${r.what}` }))]
const summary = [
  '| measure | result | target |',
  '|---|---|---|',
  ...targets.map((r) => `| ${r.section === 'native' || r.section === 'atob' ? r.what : `${r.section}: ${r.what}`} | ${ratio(r)} | ${verdict(r)} |`),
  ...node.sizes.map((s) => `| bundle ${s.name}, min+gzip | ${kb(s.gzip)} | ≤ ${kb(s.target)} ${s.gzip <= s.target ? '✓' : '✗'} |`),
  ...['codec', 'root'].map((k) => `| cold start, ${k === 'codec' ? "`import('wukong-payload/codec')`" : "`import('wukong-payload')`"} + first decode, over the first ESM import | ${node.cold[k].net.toFixed(1)} ms (${node.cold[k].netMin.toFixed(1)}–${node.cold[k].netMax.toFixed(1)}) | ≤ ${node.cold[k].target} ms ${node.cold[k].net <= node.cold[k].target ? '✓' : '✗'} |`),
].join('\n')

const browserPart = web
  ? `## In a browser

\`npm run bench:browser\` (\`bench/browser.mjs\`): the browser build (the \`#platform\` import resolved to
the web layer) in headless ${web.version ? `Chromium ${web.version}` : 'Chromium'} (Debian's, through playwright-core), cross-origin
isolated for a 5 µs clock; text payloads of 60 B to 64 KB; ${web.rows.filter((r) => r.section === 'atob').length ? 'then again with `Uint8Array.fromBase64` deleted from the page, as in browsers before it' : ''}.

${table(web.rows.filter((r) => r.section === 'native'), 'decodePayload ÷ Uint8Array.fromBase64 + TextDecoder + JSON.parse')}

${table(web.rows.filter((r) => r.section === 'atob'), 'without fromBase64: decodePayload ÷ atob + byte loop + TextDecoder + JSON.parse')}
`
  : '## In a browser\n\nNot measured in this run: `npm run bench:browser` needs Chromium at /usr/bin/chromium.\n'

const c = node.cold
const md = `# Performance

Measured by \`npm run bench\` (\`bench/run.mjs\`, \`bench/browser.mjs\`; this file written by \`bench/report.mjs\`) on ${node.date}: Node ${node.node}, ${node.platform}, ${node.cpus} × ${node.cpu}.
wukong-payload ${node.version}; ${Object.entries(node.versions).map(([n, v]) => `${n} ${v}`).join(', ')}.${node.quick ? ' **Quick run (fewer rounds): rerun without --quick for the published figures.**' : ''}

Method: every comparison runs in one process, interleaved: ${node.rounds} rounds, each running both sides
for the same number of operations (about 2 ms per side, the order alternating between rounds).
Ratios are medians of the per-round ratios, with the least and greatest round's ratio in
parentheses (the machine is shared: single rounds stall); times are medians per operation. Inputs
are the same bytes for both sides. Nothing here is asserted by \`npm test\`.

## Targets

${summary}

## Against the floor

The floor is the least any correct pipeline must do: Base64 → UTF-8 → \`JSON.parse\` (and back),
with Node's \`Buffer\`. The package adds strict Base64 and UTF-8 checks, the size limit, the
beyond-2^53 check and full validation of every field on top. The short payloads are the first
example of their type's definition; the mixed stream is every example of every definition. The
"long megamorphic run" rows come after 5 s in which every entry point saw every shape.

${table(section('decode'), 'decodePayload(base64) vs JSON.parse(Buffer.from(b64, "base64").toString())')}

${table(section('encode'), 'encodePayload(p) vs Buffer.from(JSON.stringify(p)).toString("base64")')}

## Against TypeBox's own compiler on the package's schema

What a user gets by compiling the exported \`PayloadSchema\` with \`TypeCompiler.Compile(PayloadSchema,
PayloadReferences)\` and decoding with \`Buffer\` + \`JSON.parse\`: it checks less (no strict Base64 or
UTF-8, no beyond-2^53 check).

${table(section('vs TypeBox'), 'decodePayload ÷ Buffer + JSON.parse + TypeCompiler Check')}

## Validation alone, as a share of JSON.parse

${table(section('validate'), 'validatePayload(object) ÷ JSON.parse(text)')}

## Invalid payloads (the cost of building issues with messages)

${table(section('invalid'), 'safeDecodePayload on invalid input vs the floor on the same bytes')}

## Against what users would otherwise use

How many times longer the alternative takes than wukong-payload on the same input.

${table(section('vs SDK'), 'wukongimjssdk (the official JS SDK) MessageContent.decode/encode', ['alternative', 'wukong-payload'])}

${table(section('vs zod 4'), 'Buffer + JSON.parse + a zod 4 schema of the same union (bench/zod-schemas.mjs)', ['alternative', 'wukong-payload'])}

${table(section('vs Ajv'), 'js-base64 + JSON.parse + Ajv compiling the published schemas at run time', ['alternative', 'wukong-payload'])}

## The browser build in Node

The package bundled for the browser, run in Node ${node.node.split('.')[0]} (no native \`Uint8Array.fromBase64\`), against the
atob/TextDecoder floor. Informational; the browser targets are measured in Chromium below.

${table(section('browser'), 'browser build vs atob/TextEncoder floor')}

${browserPart}
## Cold start

A fresh Node process, from before \`import\` to after the first decode, interleaved (one process of
each kind per round, medians with min–max). "Net" subtracts, round by round, the first ESM import of a
one-line module, which Node spends in any case (its module loader starting up).

| | time | net |
|---|---|---|
| a one-line ESM module (the loader's own start-up) | ${c.baseline.median.toFixed(1)} ms | |
| \`import('wukong-payload')\` + first \`decodePayload\` | ${c.root.median.toFixed(1)} ms | **${c.root.net.toFixed(1)} ms** (${c.root.netMin.toFixed(1)}–${c.root.netMax.toFixed(1)}; target ≤ ${c.root.target} ms ${c.root.net <= c.root.target ? '✓' : '✗'}) |
| \`import('wukong-payload/codec')\` + first \`decodePayload\` | ${c.codec.median.toFixed(1)} ms | **${c.codec.net.toFixed(1)} ms** (${c.codec.netMin.toFixed(1)}–${c.codec.netMax.toFixed(1)}; target ≤ ${c.codec.target} ms ${c.codec.net <= c.codec.target ? '✓' : '✗'}) |
| \`import Ajv\` + compile the published schemas + first validate | ${c.ajv.median.toFixed(1)} ms | ${c.ajv.net.toFixed(1)} ms |

No schema is compiled at import: the validators are generated ahead of time.

## Bundle sizes

A one-line consumer bundled from the built package with esbuild for the browser, minified, gzip -9 (\`bench/sizes.mjs\`).

| bundle | minified | min+gzip | target |
|---|---|---|---|
${node.sizes.map((s) => `| ${s.name} | ${kb(s.minified)} | **${kb(s.gzip)}** | ≤ ${kb(s.target)} ${s.gzip <= s.target ? '✓' : '✗'} |`).join('\n')}
`
const doc = join(root, 'docs', 'performance.md')
let analysis = ''
if (existsSync(doc)) {
  const old = readFileSync(doc, 'utf8')
  const at = old.indexOf('\n## Analysis')
  if (at >= 0) analysis = old.slice(at)
}
writeFileSync(doc, md + analysis)
console.log('wrote docs/performance.md')

/**
 * Bundle sizes as a browser app pays them: a one-line consumer bundled from the built package
 * (dist/, resolved through package.json "exports" like any dependency) with esbuild for the
 * browser, minified, then gzip -9. Used by test/package.test.ts (the budgets) and by
 * `npm run sizes` (the README's table).
 */
import { build } from 'esbuild'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { payloadDefinitions } from '../src/types/definitions.js'
import * as builders from '../src/generated/builders.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

export interface SizeCase {
  readonly name: string
  /** The consumer's source: one import line, and a use so that nothing is dropped as unused. */
  readonly source: string
  /** Budget in bytes, minified + gzip. */
  readonly budget: number
  /** Packages the consumer has anyway and that are not counted (a peer dependency such as the SDK a bridge serves). */
  readonly external?: readonly string[]
}

/**
 * The codec's budget grows with the types, each of which brings its generated validator and its
 * one-pass check: a base (dispatch, issues, Base64/UTF-8, the walk) plus an allowance per
 * definition, so that adding a type does not break the budget while a regression in the shared
 * code or in every validator does. The base is 5 KB since hostile-input round 2 (the bounded walk
 * that refuses cycles, toJSON and oversized values before validating; limits that NaN cannot
 * switch off). The allowance per type is 192 B for the validator plus 96 B for its one-pass check
 * (src/generated/fast-checks.js, performance round 2: decode and encode at 1.1–1.25× the floor
 * instead of 1.4–2×): measured 12.2 KB with 28 types against 12.9 KB allowed. Issues 27/31 add
 * 1 KB to the base: hints read from the schemas and the declared properties of the senders'
 * strict mode (two generated tables, about 0.5 KB gzip each) and the typo notes (nearestName):
 * measured 13.8 KB with 28 types against 13.9 KB allowed. Moving both tables into one is the next
 * saving; the one-emitter rewrite of issue 27 is what brings the codec towards 8 KB.
 */
// After the merge of the boundary, runtime and promise work (foreign-value guard, runtimes without
// atob/TextEncoder, hints and shapes): measured 14.5 KB with 28 types.
export const CODEC_BASE_BYTES = 6912
export const CODEC_BYTES_PER_TYPE = 192 + 96

/**
 * The read side's parsers (issue 28): the codec (every payload is decoded), the api validators,
 * and the events reducer that the stream fields seed — which today brings the events' TypeBox
 * schemas along (the module of its constants). Measured 35.2 KB at first; a regression beyond 36 KB fails.
 */
// After the merge with the codec's growth (above): measured 37.7 KB.
export const API_PARSE_BUDGET = 39 * 1024

export const sizeCases: readonly SizeCase[] = [
  {
    name: `import { decodePayload, encodePayload, validatePayload } from 'wukong-payload' (${CODEC_BASE_BYTES} B + ${CODEC_BYTES_PER_TYPE} B × ${payloadDefinitions.length} types)`,
    source: "import { decodePayload, encodePayload, validatePayload } from 'wukong-payload'\nexport const use = [decodePayload, encodePayload, validatePayload]",
    budget: CODEC_BASE_BYTES + CODEC_BYTES_PER_TYPE * payloadDefinitions.length,
  },
  // Each builder alone: no TypeBox, no schema (tsup.config.ts marks the schema-building calls pure).
  ...Object.keys(builders)
    .filter((name) => /^build[A-Z]/.test(name))
    .map((name) => ({ name: `import { ${name} } from 'wukong-payload/render'`, source: `import { ${name} } from 'wukong-payload/render'\nexport const use = ${name}`, budget: 2.5 * 1024 })),
  {
    name: "import { renderSystemMessage, digest } from 'wukong-payload/render'",
    source: "import { renderSystemMessage, digest } from 'wukong-payload/render'\nexport const use = [renderSystemMessage, digest]",
    // 2 KB since output is bounded (maxLength, a marked truncation) and names resolve (resolveName), and
    // since issue 26 the budget counts the marker and HTML markup over lazily made parts: measured 1.80 KB.
    budget: 2 * 1024,
  },
  {
    // The read side: the exact JSON read, the api validators, the codec (every payload is decoded), the events reducer.
    name: "import { parseMessageSyncResponse, parseConversationSyncResponse } from 'wukong-payload/api'",
    source: "import { parseMessageSyncResponse, parseConversationSyncResponse } from 'wukong-payload/api'\nexport const use = [parseMessageSyncResponse, parseConversationSyncResponse]",
    budget: API_PARSE_BUDGET,
  },
  {
    name: "import { renderTextHtml, formatText } from 'wukong-payload/text'",
    source: "import { renderTextHtml, formatText } from 'wukong-payload/text'\nexport const use = [renderTextHtml, formatText]",
    // Most of it is linkify-it with its Unicode classes (uc.micro): measured 8.0 KB (issue 32).
    budget: 9 * 1024,
  },
  {
    name: "import { renderMarkdownHtml } from 'wukong-payload/markdown'",
    source: "import { renderMarkdownHtml } from 'wukong-payload/markdown'\nexport const use = renderMarkdownHtml",
    // markdown-it with its HTML entity table, linkify-it, mdurl and punycode: measured 41.7 KB (issue 32).
    budget: 44 * 1024,
  },
  {
    // The bridge alone, the SDK external (the app has it): the codec (every type's validator) plus
    // the content classes, rendering and digests, flags and lint. Measured 18.2 KB with 28 types
    // (the codec's 12.2 KB + 6.0 KB); the allowance is the codec's plus 7 KB.
    name: "import { registerWukongPayload, contentClassFor, toSdkMessage, toSdkConversation, sendPayload } from 'wukong-payload/wukongimjssdk' (the SDK external)",
    source:
      "import { registerWukongPayload, contentClassFor, toSdkMessage, toSdkConversation, sendPayload } from 'wukong-payload/wukongimjssdk'\nexport const use = [registerWukongPayload, contentClassFor, toSdkMessage, toSdkConversation, sendPayload]",
    // After the merge: 46.8 KB, because the send helper's lint now finds typos from the definitions'
    // TypeBox schemas at run time (src/send/typos.ts), which brings TypeBox and every schema along.
    // Reading the generated property trees (src/generated/shapes.ts) instead is the fix that returns it to ~19 KB.
    budget: CODEC_BASE_BYTES + CODEC_BYTES_PER_TYPE * payloadDefinitions.length + 34 * 1024,
    external: ['wukongimjssdk'],
  },
  {
    name: "import type { Payload } from 'wukong-payload'",
    source: "import type { Payload } from 'wukong-payload'\nexport const use = (p: Payload) => p.type",
    budget: 0,
  },
]

export interface MeasuredSize {
  readonly name: string
  readonly minified: number
  readonly gzip: number
  /** Bytes of the bundle that come from this package (0 for a type-only import). */
  readonly packageBytes: number
  readonly budget: number
  /** Output bytes per input file, largest first. */
  readonly inputs: readonly (readonly [string, number])[]
}

export async function measure(c: SizeCase): Promise<MeasuredSize> {
  const result = await build({
    stdin: { contents: c.source, resolveDir: root, sourcefile: 'consumer.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    // Resolve dist/ as a consumer's bundler does, not through this repository's tsconfig paths.
    tsconfigRaw: {},
    external: [...(c.external ?? [])],
  })
  const code = result.outputFiles[0]?.contents ?? new Uint8Array()
  const output = Object.values(result.metafile.outputs)[0]
  const inputs = Object.entries(output?.inputs ?? {})
    .map(([file, info]) => [file, info.bytesInOutput] as const)
    .filter(([file]) => file !== '<stdin>' && file !== 'consumer.ts')
    .sort((a, b) => b[1] - a[1])
  const packageBytes = inputs.reduce((sum, [, bytes]) => sum + bytes, 0)
  return { name: c.name, minified: code.length, gzip: packageBytes === 0 ? 0 : gzipSync(code, { level: 9 }).length, packageBytes, budget: c.budget, inputs }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const c of sizeCases) {
    const m = await measure(c)
    console.log(`${(m.gzip / 1024).toFixed(2).padStart(6)} KB gzip  ${(m.minified / 1024).toFixed(1).padStart(6)} KB min  (budget ${(m.budget / 1024).toFixed(1)} KB)  ${m.name}`)
    if (process.argv.includes('--detail')) for (const [file, bytes] of m.inputs) console.log(`        ${String(bytes).padStart(7)}  ${file}`)
  }
}

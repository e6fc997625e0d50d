import { readFile } from 'node:fs/promises'
import { defineConfig } from 'tsup'
import ts from 'typescript'

/**
 * Marks the schema-building calls of src/types and src/model as `/* @__PURE__ *\/`: TypeBox's
 * `Type.*(…)` and the package's schema constructors (`definePayloadType`, `withStatic` and the
 * PascalCase helpers such as `DecimalId`: by convention a PascalCase call there builds a schema).
 * They only build objects; with the mark a bundler drops those whose result is unused, so that a
 * consumer importing one builder from `wukong-payload/render` gets neither TypeBox nor the
 * schemas. esbuild keeps the marks in dist/, for the consumer's bundler. TypeScript's scanner
 * finds the calls, so that comments and strings are never touched.
 */
export function markPureCalls(source: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source)
  const tokens: { kind: ts.SyntaxKind; text: string; start: number }[] = []
  // Open `{` and `${`: a `}` closing a `${` continues its template literal.
  const braces: boolean[] = []
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) {
      const previous = tokens.at(-1)?.kind
      // A `/` where an expression starts is a regular expression literal.
      if (previous === undefined || ![ts.SyntaxKind.Identifier, ts.SyntaxKind.CloseParenToken, ts.SyntaxKind.CloseBracketToken, ts.SyntaxKind.NumericLiteral, ts.SyntaxKind.StringLiteral].includes(previous)) kind = scanner.reScanSlashToken()
    } else if (kind === ts.SyntaxKind.OpenBraceToken) braces.push(false)
    else if (kind === ts.SyntaxKind.TemplateHead) braces.push(true)
    else if (kind === ts.SyntaxKind.CloseBraceToken && braces.pop() === true) {
      kind = scanner.reScanTemplateToken(false)
      if (kind === ts.SyntaxKind.TemplateMiddle) braces.push(true)
    }
    tokens.push({ kind, text: scanner.getTokenText(), start: scanner.getTokenStart() })
  }
  const isCall = (at: number): boolean => {
    let i = at
    if (tokens[i]?.kind === ts.SyntaxKind.LessThanToken) {
      // Type arguments: skip to the matching `>`.
      for (let depth = 0; i < tokens.length; i++) {
        const k = tokens[i]?.kind
        if (k === ts.SyntaxKind.LessThanToken) depth++
        else if (k === ts.SyntaxKind.GreaterThanToken && --depth === 0) break
        else if (k === ts.SyntaxKind.OpenParenToken || k === ts.SyntaxKind.SemicolonToken) return false
      }
      i++
    }
    return tokens[i]?.kind === ts.SyntaxKind.OpenParenToken
  }
  /** Index of the `(` of a call whose callee (and type arguments) start at `at`. */
  const callOpen = (at: number): number => {
    let i = at
    while (tokens[i]?.kind !== ts.SyntaxKind.OpenParenToken) i++
    return i
  }
  /** Index of the `)` matching the `(` at `open`. */
  const matching = (open: number): number => {
    let depth = 0
    for (let i = open; i < tokens.length; i++) {
      const k = tokens[i]?.kind
      if (k === ts.SyntaxKind.OpenParenToken) depth++
      else if (k === ts.SyntaxKind.CloseParenToken && --depth === 0) return i
    }
    throw new Error('markPureCalls: unbalanced parentheses')
  }
  const marks: number[] = []
  /** Expressions a bundler keeps even when marked (a property read such as `fooDefinition.schema` after `=`, which a getter might serve): wrapped in a marked arrow call. */
  const reads: [start: number, end: number][] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as (typeof tokens)[number]
    if (t.kind !== ts.SyntaxKind.Identifier) continue
    if (/Definition$/.test(t.text) && tokens[i - 1]?.kind === ts.SyntaxKind.EqualsToken && tokens[i + 1]?.kind === ts.SyntaxKind.DotToken && tokens[i + 2]?.text === 'schema') {
      const last = tokens[i + 2] as (typeof tokens)[number]
      reads.push([t.start, last.start + last.text.length])
      continue
    }
    const before = tokens[i - 1]
    if (before && (before.kind === ts.SyntaxKind.DotToken || before.kind === ts.SyntaxKind.NewKeyword || before.kind === ts.SyntaxKind.FunctionKeyword)) continue
    let open = -1
    if (t.text === 'Type' && tokens[i + 1]?.kind === ts.SyntaxKind.DotToken && /^[A-Z]/.test(tokens[i + 2]?.text ?? '') && isCall(i + 3)) open = callOpen(i + 3)
    else if ((t.text === 'definePayloadType' || t.text === 'withStatic' || /^[A-Z]\w*[a-z]\w*$/.test(t.text)) && isCall(i + 1)) open = callOpen(i + 1)
    if (open < 0) continue
    const close = matching(open)
    // A spread in the arguments (`{ ...meta, ... }`) may run a getter, so a bundler keeps a
    // marked call with one: such a call goes into a marked arrow call without arguments.
    if (tokens.slice(open, close).some((x) => x.kind === ts.SyntaxKind.DotDotDotToken)) {
      const last = tokens[close] as (typeof tokens)[number]
      reads.push([t.start, last.start + 1])
    } else marks.push(t.start)
  }
  const inserts: [at: number, text: string][] = []
  // Calls already marked in the source keep their one mark.
  for (const at of marks) if (!/__PURE__\*?\/\s*$/.test(source.slice(Math.max(0, at - 20), at))) inserts.push([at, '/* @__PURE__ */ '])
  for (const [start, end] of reads) inserts.push([start, '/* @__PURE__ */ (() => '], [end, ')()'])
  let out = source
  for (const [at, text] of inserts.sort((x, y) => y[0] - x[0])) out = `${out.slice(0, at)}${text}${out.slice(at)}`
  return out
}
const pureSchemaCalls = {
  name: 'pure-schema-calls',
  setup(build: { onLoad(options: { filter: RegExp }, callback: (args: { path: string }) => Promise<{ contents: string; loader: 'ts' }>): void }) {
    build.onLoad({ filter: /[\\/]src[\\/](types|model|events|api)[\\/].*\.ts$/ }, async (args) => ({ contents: markPureCalls(await readFile(args.path, 'utf8')), loader: 'ts' }))
  },
}

const entries = {
  index: 'src/entries/index.ts',
  render: 'src/entries/render.ts',
  text: 'src/entries/text.ts',
  markdown: 'src/entries/markdown.ts',
  runtime: 'src/entries/runtime.ts',
  codec: 'src/entries/codec.ts',
  server: 'src/entries/server.ts',
  events: 'src/entries/events.ts',
  api: 'src/entries/api.ts',
  wukongimjssdk: 'src/entries/wukongimjssdk.ts',
  'adapters/openim': 'src/entries/adapters/openim.ts',
  'adapters/lanying': 'src/entries/adapters/lanying.ts',
  'adapters/commsease': 'src/entries/adapters/commsease.ts',
}

/**
 * Node, ESM and CommonJS: one bundle per entry with TypeBox and lossless-json inside. Node has no
 * tree-shaking to serve, and loading TypeBox's ~270 ESM files took 130 ms of a cold start; a
 * bundle loads in a few. (TypeBox schemas are plain objects tagged with Symbol.for keys, so they
 * work with the application's own TypeBox copy.) The ESM build is also whitespace- and
 * syntax-minified — less to parse at start-up — with identifiers kept for readable stack traces.
 */
const nodeBundle = {
  entry: entries,
  silent: true,
  platform: 'node',
  target: 'es2022',
  dts: false,
  clean: false,
  noExternal: ['@sinclair/typebox', 'lossless-json'],
  esbuildOptions(options: { alias?: Record<string, string> }) {
    options.alias = { '#platform': './src/wire/platform-node.ts' }
  },
} as const

export default defineConfig([
  // ESM, one output file per source module: with "sideEffects": false a consumer's bundler then
  // drops whole modules it does not use (the TypeBox schema modules when only the codec is
  // imported), which a single bundled file would not allow.
  {
    // src/inspector is a web page, built on its own into dist/inspector by scripts/build-inspector.ts.
    entry: ['src/**/*.ts', 'src/**/*.js', '!src/**/*.d.ts', '!src/inspector/**'],
    format: ['esm'],
    bundle: false,
    outDir: 'dist',
    target: 'es2022',
    dts: false,
    clean: false,
    silent: true,
    esbuildPlugins: [pureSchemaCalls],
  },
  { ...nodeBundle, format: ['esm'], outDir: 'dist/node', splitting: true, minifyWhitespace: true, minifySyntax: true },
  { ...nodeBundle, format: ['cjs'], outDir: 'dist', splitting: false },
  // Declarations are not tsup's: scripts/build.ts runs tsc (tsconfig.build.json) beside it, which
  // is faster than tsup's bundled declarations and gives one .d.ts per module.
])

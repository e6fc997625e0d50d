import { defineConfig } from 'tsup'

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
  },
  { ...nodeBundle, format: ['esm'], outDir: 'dist/node', splitting: true, minifyWhitespace: true, minifySyntax: true },
  { ...nodeBundle, format: ['cjs'], outDir: 'dist', splitting: false },
  // Declarations are not tsup's: scripts/build.ts runs tsc (tsconfig.build.json) beside it, which
  // is faster than tsup's bundled declarations and gives one .d.ts per module.
])

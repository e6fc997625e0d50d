import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The tests run the sources; on Node the package's "#platform" import is the Buffer layer
  // (test/codec.test.ts also runs the browser layer, platform-web.ts, directly).
  // The examples import 'wukong-payload' and its entries as users do: the sources here.
  resolve: {
    alias: [
      { find: /^#platform$/, replacement: fileURLToPath(new URL('./src/wire/platform-node.ts', import.meta.url)) },
      // Every entry (`wukong-payload/<name>`, `wukong-payload/adapters/<name>`) is its source file in src/entries.
      { find: /^wukong-payload\/([\w-]+(?:\/[\w-]+)?)$/, replacement: `${fileURLToPath(new URL('./src/entries/', import.meta.url))}$1.ts` },
      { find: /^wukong-payload$/, replacement: fileURLToPath(new URL('./src/entries/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/skipped-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
})

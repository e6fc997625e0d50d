import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The tests run the sources; on Node the package's "#platform" import is the Buffer layer
  // (test/codec.test.ts also runs the browser layer, platform-web.ts, directly).
  resolve: { alias: { '#platform': fileURLToPath(new URL('./src/codec/platform-node.ts', import.meta.url)) } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
})

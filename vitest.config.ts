import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The tests run the sources; on Node the package's "#platform" import is the Buffer layer
  // (test/codec.test.ts also runs the browser layer, platform-web.ts, directly).
  // The examples import 'wukong-payload' and 'wukong-payload/server' as users do: the sources here.
  resolve: {
    alias: [
      { find: /^#platform$/, replacement: fileURLToPath(new URL('./src/wire/platform-node.ts', import.meta.url)) },
      { find: /^wukong-payload\/events$/, replacement: fileURLToPath(new URL('./src/entries/events.ts', import.meta.url)) },
      { find: /^wukong-payload\/api$/, replacement: fileURLToPath(new URL('./src/entries/api.ts', import.meta.url)) },
      { find: /^wukong-payload\/(text|markdown)$/, replacement: fileURLToPath(new URL('./src/entries/$1.ts', import.meta.url)) },
      { find: /^wukong-payload\/server$/, replacement: fileURLToPath(new URL('./src/entries/server.ts', import.meta.url)) },
      { find: /^wukong-payload\/adapters\/(openim|lanying|commsease)$/, replacement: fileURLToPath(new URL('./src/entries/adapters/$1.ts', import.meta.url)) },
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

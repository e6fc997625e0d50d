import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * The slow tier: tests that start a browser, a child process, a build or a packed install, or run
 * a six-figure number of cases. Everything else is the fast tier (`npm run test:fast`, the
 * sources only, no build). `npm test` builds and runs both. A new test that needs dist/, spawns a
 * process or drives Chromium goes in this list.
 */
export const slowTests = [
  'test/add-a-type.test.ts',
  'test/api-docs.test.ts',
  'test/app-types.test.ts',
  'test/body-cost.test.ts',
  'test/browser.test.ts',
  'test/cjs-build.test.ts',
  'test/cli.test.ts',
  'test/cli-slow-pipe.test.ts',
  'test/decoder-differential.test.ts',
  'test/doc-links.test.ts',
  'test/examples-runner.test.ts',
  'test/frameworks.test.ts',
  'test/hostile-load.test.ts',
  'test/inspector.test.ts',
  'test/inspector-codec.test.ts',
  'test/inspector-robust.test.ts',
  'test/linear-time.test.ts',
  'test/load.test.ts',
  'test/never-throw-fuzz.test.ts',
  'test/package.test.ts',
  'test/pnpm-consumer.test.ts',
  'test/published-schemas.test.ts',
  'test/readme-blocks.test.ts',
  'test/receiving-claims.test.ts',
  'test/runtimes.test.ts',
  'test/text-render.test.ts',
  'test/text-xss.test.ts',
  'test/wukongimjssdk.test.ts',
  'test/wukongimjssdk-browser.test.ts',
]

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
    reporters: ['default', './test/skipped-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['test/**/*.test.ts'],
          exclude: slowTests,
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      { extends: true, test: { name: 'slow', include: slowTests } },
    ],
  },
})

import { defineConfig } from 'tsup'

const entries = {
  index: 'src/index.ts',
  render: 'src/render.ts',
  runtime: 'src/runtime.ts',
}

export default defineConfig([
  // ESM, one output file per source module: with "sideEffects": false a consumer's bundler then
  // drops whole modules it does not use (the TypeBox schema modules when only the codec is
  // imported), which a single bundled file would not allow.
  {
    entry: ['src/**/*.ts', 'src/**/*.js', '!src/**/*.d.ts'],
    format: ['esm'],
    bundle: false,
    outDir: 'dist',
    target: 'es2022',
    dts: false,
    clean: false,
  },
  // CommonJS, one bundle per entry (dependencies stay external).
  { entry: entries, format: ['cjs'], outDir: 'dist', target: 'es2022', dts: false, clean: false, splitting: false },
  // Declarations for both: .d.ts for import, .d.cts for require.
  { entry: entries, format: ['esm', 'cjs'], outDir: 'dist', dts: { only: true }, clean: false },
])

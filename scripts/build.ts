/**
 * `npm run build`: dist/ from src/, one line per step.
 *
 * - JavaScript: tsup (tsup.config.ts) — per-module ESM for bundlers, bundled ESM and CommonJS for
 *   Node.
 * - Declarations: tsc (tsconfig.build.json), one .d.ts per module beside the per-module ESM, run
 *   at the same time as tsup. Then a .d.cts copy of each for `require` (TypeScript wants CommonJS
 *   declarations for a CommonJS entry), with relative `.js` specifiers rewritten to `.cjs` so the
 *   copies resolve to each other. tsup's own bundled declarations took 3–4× as long.
 *
 * A failing step prints its tool's output and the build exits non-zero.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = join(import.meta.dirname, '..')
const dist = join(root, 'dist')

function run(label: string, args: readonly string[]): Promise<number> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) return resolve(performance.now() - started)
      process.stderr.write(output)
      reject(new Error(`build: ${label} failed (exit ${code})`))
    })
  })
}

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name), suffix) : d.name.endsWith(suffix) ? [join(dir, d.name)] : []))
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** `from './x.js'`, `import('./x.js')` → `.cjs`: the CommonJS declarations refer to each other. */
function toCommonJsDeclaration(text: string): string {
  return text.replace(/(\bfrom\s*|\bimport\s*\(\s*)(['"])(\.\.?\/[^'"]*?)\.js\2/g, '$1$2$3.cjs$2')
}

async function main(): Promise<void> {
  rmSync(dist, { recursive: true, force: true })
  const tsup = join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js')
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
  const js = run('JavaScript (tsup)', [tsup]).then((ms) => console.log(`build: JavaScript (tsup: per-module ESM, Node ESM + CJS bundles) ${seconds(ms)}`))
  const types = run('declarations (tsc)', [tsc, '-p', 'tsconfig.build.json']).then((ms) => {
    // The generated validators are JavaScript with hand-written declarations beside them.
    for (const file of files(join(root, 'src', 'generated'), '.d.ts')) copyFileSync(file, join(dist, relative(join(root, 'src'), file)))
    const declarations = files(dist, '.d.ts')
    for (const file of declarations) writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), toCommonJsDeclaration(readFileSync(file, 'utf8')))
    console.log(`build: declarations (tsc) ${seconds(ms)}, ${declarations.length} .d.ts + ${declarations.length} .d.cts`)
  })
  // The inspector page, bundled from the sources for the browser (dist/inspector).
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')
  const inspector = run('inspector page', [tsx, join(root, 'scripts', 'build-inspector.ts'), '--quiet']).then((ms) => console.log(`build: inspector page (dist/inspector) ${seconds(ms)}`))
  await Promise.all([js, types, inspector])
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})

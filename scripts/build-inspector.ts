/**
 * `npm run build:inspector`: writes the payload inspector (src/inspector/) as a static folder —
 * index.html, app.js, app.css, favicon.svg — that any static host can serve and that
 * `wukong-payload inspect` serves on 127.0.0.1. The page bundles the package's browser build
 * (the `#platform` import resolved to the Web implementation) and nothing else.
 *
 * Usage: tsx scripts/build-inspector.ts [outDir] [--quiet]   (default outDir: dist/inspector)
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, transform } from 'esbuild'

const root = resolve(import.meta.dirname, '..')
const source = join(root, 'src', 'inspector')

/** The files of the built page, in the order the page loads them. */
export const INSPECTOR_FILES = ['index.html', 'app.js', 'app.css', 'favicon.svg'] as const

export interface InspectorBuild {
  readonly outDir: string
  /** Bytes per file: as written, and gzip -9. */
  readonly files: readonly { readonly name: string; readonly bytes: number; readonly gzip: number }[]
  readonly totalGzip: number
  /** Every module bundled into app.js (paths relative to the repository). */
  readonly inputs: readonly string[]
}

export async function buildInspector(outDir = join(root, 'dist', 'inspector')): Promise<InspectorBuild> {
  const script = await build({
    entryPoints: [join(source, 'main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    legalComments: 'none',
    alias: { '#platform': join(root, 'src', 'wire', 'platform-web.ts') },
    logLevel: 'silent',
    absWorkingDir: root,
  })
  const style = await transform(readFileSync(join(source, 'app.css'), 'utf8'), { loader: 'css', minify: true })
  const contents: Record<(typeof INSPECTOR_FILES)[number], string> = {
    'index.html': readFileSync(join(source, 'index.html'), 'utf8'),
    'app.js': script.outputFiles[0]?.text ?? '',
    'app.css': style.code,
    'favicon.svg': readFileSync(join(source, 'favicon.svg'), 'utf8'),
  }
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  const files = INSPECTOR_FILES.map((name) => {
    const bytes = Buffer.from(contents[name])
    writeFileSync(join(outDir, name), bytes)
    return { name, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
  })
  return { outDir, files, totalGzip: files.reduce((sum, f) => sum + f.gzip, 0), inputs: Object.keys(script.metafile.inputs) }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const quiet = args.includes('--quiet')
  const outDir = args.find((a) => !a.startsWith('--'))
  const result = await buildInspector(outDir === undefined ? undefined : resolve(outDir))
  if (!quiet) {
    for (const f of result.files) console.log(`${f.name.padEnd(12)} ${String(f.bytes).padStart(7)} B  ${String(f.gzip).padStart(6)} B gzip`)
    console.log(`inspector written to ${result.outDir}: ${result.totalGzip} B gzip in all`)
  }
}

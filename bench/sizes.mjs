/**
 * The bundle sizes of issue "Performance, round 2", as a browser app pays them: a one-line
 * consumer bundled from the built package (dist/, through package.json "exports"), esbuild,
 * minified, gzip -9. The builders come from the render entry's own exports (every `build*`).
 */
import { build } from 'esbuild'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

async function gzipOf(source, target) {
  const result = await build({
    stdin: { contents: source, resolveDir: root, sourcefile: 'consumer.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    ...(target ? { target } : {}),
    write: false,
    logLevel: 'silent',
    tsconfigRaw: {},
  })
  const code = result.outputFiles[0]?.contents ?? new Uint8Array()
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length }
}

export async function bundleSizes() {
  const codec = "import { decodePayload, encodePayload, validatePayload } from 'wukong-payload'\nexport const use = [decodePayload, encodePayload, validatePayload]"
  const out = [
    { name: '{ decodePayload, encodePayload, validatePayload } (esbuild default target)', ...(await gzipOf(codec)), target: 7.5 * 1024 },
    { name: '{ decodePayload, encodePayload, validatePayload } (target es2020)', ...(await gzipOf(codec, 'es2020')), target: 8 * 1024 },
  ]
  const render = await import('wukong-payload/render')
  const builders = Object.keys(render).filter((k) => /^build[A-Z]/.test(k))
  if (builders.length === 0) throw new Error('the render entry exports no builder')
  let largest
  for (const b of builders) {
    const m = await gzipOf(`import { ${b} } from 'wukong-payload/render'\nexport const use = ${b}`)
    if (!largest || m.gzip > largest.gzip) largest = { builder: b, ...m }
  }
  out.push({ name: `largest one builder from 'wukong-payload/render' (${largest.builder}, of ${builders.length})`, minified: largest.minified, gzip: largest.gzip, target: 2.5 * 1024 })
  return out
}

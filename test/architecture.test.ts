/**
 * The layer rule of ARCHITECTURE.md, checked against every import in src/: the table there is
 * the one statement of what may import what.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve, dirname, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..')
const src = join(root, 'src')

interface Layer {
  readonly folder: string
  readonly allowed: ReadonlySet<string>
  readonly typesOnly: ReadonlySet<string>
  readonly everything: boolean
}

function layers(): Map<string, Layer> {
  const text = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8')
  const out = new Map<string, Layer>()
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim())
    const folder = /^`src\/([\w-]+)`$/.exec(cells[2] ?? '')?.[1]
    if (!folder || cells[1] !== folder) continue
    const rule = cells[4] ?? ''
    const allowed = new Set<string>()
    const typesOnly = new Set<string>()
    for (const part of rule.split(/[,;]/).map((p) => p.trim())) {
      const m = /^([\w-]+)(?: \(types only\))?$/.exec(part)
      if (!m?.[1]) continue
      ;(part.includes('(types only)') ? typesOnly : allowed).add(m[1])
    }
    out.set(folder, { folder, allowed, typesOnly, everything: rule === 'every layer' })
  }
  return out
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|js)$/.test(e.name) ? [join(dir, e.name)] : []))
}

/** Relative imports of a module's source: [specifier, type-only?]. */
function imports(code: string): [string, boolean][] {
  const out: [string, boolean][] = []
  for (const m of code.matchAll(/^\s*(import|export)(\s+type)?\b[^'"]*?from\s*['"](\.[^'"]+)['"]/gm)) out.push([m[3] as string, Boolean(m[2])])
  for (const m of code.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) out.push([m[1] as string, false])
  return out
}

const layerOf = (path: string) => relative(src, path).split(sep)[0] as string

/** The imports of `sources` (path → code) that the layer table forbids, as readable lines. */
function brokenImports(table: Map<string, Layer>, sources: Iterable<[path: string, code: string]>): string[] {
  const broken: string[] = []
  for (const [file, code] of sources) {
    const from = table.get(layerOf(file))
    if (!from || from.everything) continue
    for (const [spec, typeOnly] of imports(code)) {
      const target = layerOf(resolve(dirname(file), spec))
      if (target === from.folder || from.allowed.has(target) || (typeOnly && from.typesOnly.has(target))) continue
      broken.push(`${relative(root, file)} imports ${spec} (layer ${target})`)
    }
  }
  return broken
}

describe('architecture', () => {
  const table = layers()

  it('ARCHITECTURE.md names every folder of src/, and only those', () => {
    const folders = readdirSync(src, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()
    // A layer may be listed before its folder exists (nothing to check then), never the reverse.
    for (const f of folders) expect(table.has(f), `src/${f} is not in ARCHITECTURE.md`).toBe(true)
    expect(readdirSync(src, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)).toEqual([])
  })

  it('every import in src/ follows the layer table', () => {
    expect(brokenImports(table, files(src).map((file) => [file, readFileSync(file, 'utf8')]))).toEqual([])
  })

  it('the checker reports a forbidden import, and passes an allowed or type-only one', () => {
    const wire = join(src, 'wire', 'example.ts')
    const model = join(src, 'model', 'example.ts')
    expect(brokenImports(table, [[wire, "import { encodePayload } from '../codec/codec.js'\n"]])).toEqual(['src/wire/example.ts imports ../codec/codec.js (layer codec)'])
    expect(brokenImports(table, [[wire, "export { x } from '../codec/codec.js'\nconst m = await import('../render/render.js')\n"]])).toHaveLength(2)
    expect(brokenImports(table, [[model, "import { type Payload } from '../types/payload.js'\n"]])).toHaveLength(1)
    expect(brokenImports(table, [[model, "import type { Payload } from '../types/payload.js'\n"]])).toEqual([])
    expect(brokenImports(table, [[wire, "import { PayloadError } from '../errors/payload-error.js'\n"]])).toEqual([])
  })
})

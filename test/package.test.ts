/**
 * The package as users install it: packed with `npm pack`, checked by publint and
 * @arethetypeswrong/cli, type-checked from consumer code under `node16` and `bundler`
 * resolution, free of `require(` and `new Function` in the ESM browsers load, free of top-level
 * side effects (so "sideEffects": false is true), and within its size budgets.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { measure, sizeCases } from '../scripts/sizes.js'

const root = join(import.meta.dirname, '..')
/** Every entry a user imports, from package.json's "exports" (the one list of them). */
const entryNames = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }).exports)
  .filter((key) => !key.includes('*') && !key.endsWith('.json'))
  .map((key) => (key === '.' ? 'wukong-payload' : `wukong-payload/${key.slice('./'.length)}`))
/**
 * The entries Node loads on its own. Not the SDK bridge: wukongimjssdk 1.0.4 itself does not load
 * under Node's ESM resolver (its lib/ imports './const' without an extension), so apps bundle it;
 * test/wukongimjssdk*.test.ts check the bridge bundled with esbuild, as apps use it.
 */
const nodeEntryNames = entryNames.filter((entry) => entry !== 'wukong-payload/wukongimjssdk')
const bin = (name: string) => join(root, 'node_modules', '.bin', name)
let work: string
let installed: string

beforeAll(() => {
  // Pack exactly what npm would publish and "install" it where a consumer would have it.
  work = mkdtempSync(join(tmpdir(), 'wukong-payload-pack-'))
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop() as string
  const consumer = join(work, 'consumer')
  installed = join(consumer, 'node_modules', 'wukong-payload')
  mkdirSync(installed, { recursive: true })
  execFileSync('tar', ['-xzf', join(work, tarball), '-C', installed, '--strip-components=1'])
  // The package's dependencies and TypeScript's Node types, as npm would install them beside it.
  for (const dep of ['@sinclair', 'ajv', 'lossless-json', 'fast-deep-equal', 'fast-uri', 'json-schema-traverse', 'require-from-string', '@types', 'linkify-it', 'markdown-it', 'uc.micro', 'mdurl', 'entities', 'punycode.js', 'wukongimjssdk', '@standard-schema']) {
    symlinkSync(join(root, 'node_modules', dep), join(consumer, 'node_modules', dep))
  }
  cpSync(join(root, 'test', 'consumer'), join(consumer, 'src'), { recursive: true })
  // The custom-type example of docs/adding-a-type.md, exactly as written, is consumer code too.
  const guide = readFileSync(join(root, 'docs', 'adding-a-type.md'), 'utf8')
  const example = /<!-- custom-type-example[^>]*-->\s*```ts\n([\s\S]*?)```/.exec(guide)?.[1]
  if (example === undefined) throw new Error('docs/adding-a-type.md lost its custom-type example block')
  writeFileSync(join(consumer, 'src', 'adding-a-type.mts'), example)
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
}, 120_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('the published package', () => {
  it('holds only what users need', () => {
    const top = readdirSync(installed).sort()
    expect(top).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'dist', 'docs', 'package.json', 'schemas'])
    expect(readdirSync(join(installed, 'schemas'))).toContain('payload.schema.json')
  })

  it('publint reports no problem', async () => {
    const { publint } = await import('publint')
    const { messages } = await publint({ pkgDir: root, strict: true, level: 'suggestion', pack: 'npm' })
    expect(messages).toEqual([])
  })

  it('@arethetypeswrong/cli --pack reports no problem (node10 included, via typesVersions)', () => {
    const out = execFileSync(bin('attw'), ['--pack', '.', '--format', 'json'], { cwd: root, encoding: 'utf8' })
    const report = JSON.parse(out) as { analysis: { problems: unknown[] } }
    expect(report.analysis.problems).toEqual([])
  })

  it.each(['node16', 'bundler'] as const)('type-checks consumer code under moduleResolution %s', (resolution) => {
    const consumer = join(work, 'consumer')
    const tsconfig = {
      compilerOptions: {
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
        target: 'ES2022',
        lib: ['ES2023', 'DOM'],
        ...(resolution === 'node16' ? { module: 'node16', moduleResolution: 'node16' } : { module: 'esnext', moduleResolution: 'bundler' }),
      },
      include: ['src'],
    }
    writeFileSync(join(consumer, `tsconfig.${resolution}.json`), JSON.stringify(tsconfig))
    const run = () => execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', `tsconfig.${resolution}.json`], { cwd: consumer, encoding: 'utf8' })
    let output = ''
    try {
      run()
    } catch (error) {
      output = String((error as { stdout?: unknown }).stdout || error)
    }
    expect(output).toBe('')
  }, 180_000) // ~25 s of CPU checking every shipped declaration (skipLibCheck: false); far more on a busy 2-core machine

  it('loads from Node as ESM and as CommonJS, with the same error brand', () => {
    const script = `
      const esm = await import('wukong-payload')
      const { createRequire } = await import('node:module')
      const cjs = createRequire(import.meta.url)('wukong-payload')
      const e = cjs.safeDecodePayload('!!!')
      console.log(JSON.stringify([esm.decodePayload('eyJ0eXBlIjoxLCJjb250ZW50Ijoi5L2g5aW9In0=').content, esm.isPayloadError(e.error), e.error.code]))
    `
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: join(work, 'consumer'), encoding: 'utf8' })
    expect(JSON.parse(out)).toEqual(['你好', true, 'INVALID_BASE64'])
  })

  it('every entry loads under both conditions, and Node gets the bundled build', () => {
    const script = `
      const { createRequire } = await import('node:module')
      const require = createRequire(import.meta.url)
      const out = []
      for (const entry of ${JSON.stringify(nodeEntryNames)}) {
        const esm = await import(entry)
        const cjs = require(entry)
        out.push([entry, Object.keys(esm).sort().join() === Object.keys(cjs).filter((k) => k !== 'default' && k !== '__esModule').sort().join(), import.meta.resolve(entry).includes('/dist/node/')])
      }
      // The bundled TypeBox schemas are plain TypeBox schemas to the application's own TypeBox.
      const { TypeGuard } = await import('@sinclair/typebox')
      const { SendMessageRequestSchema } = await import('wukong-payload')
      out.push(['schema', TypeGuard.IsObject(SendMessageRequestSchema), TypeGuard.IsSchema(SendMessageRequestSchema)])
      console.log(JSON.stringify(out))
    `
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: join(work, 'consumer'), encoding: 'utf8' })
    expect(JSON.parse(out)).toEqual([...nodeEntryNames.map((entry) => [entry, true, true]), ['schema', true, true]])
  })
})

describe('the built ESM', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.js') ? [join(dir, d.name)] : []))

  it('has no require( and no new Function / eval outside the runtime entry', () => {
    const offenders = files(join(root, 'dist'))
      .filter((file) => !file.endsWith('/dist/runtime.js') && !file.includes('/dist/cli/'))
      .filter((file) => /\brequire\s*\(|new Function\b|\beval\s*\(/.test(readFileSync(file, 'utf8')))
    expect(offenders).toEqual([])
  })

  it.each(nodeEntryNames.filter((entry) => !entry.startsWith('wukong-payload/adapters/') || entry === 'wukong-payload/adapters/openim'))('importing %s changes nothing global ("sideEffects": false is true)', (entry) => {
    // A fresh process records every global, the prototypes' keys and the global symbol
    // registry's use, imports the entry, and compares. Module-level work is limited to building
    // constant schema objects.
    const script = `
      const snap = () => JSON.stringify([Reflect.ownKeys(globalThis).map(String).sort(), Reflect.ownKeys(Object.prototype).map(String), Reflect.ownKeys(Array.prototype).map(String), Reflect.ownKeys(String.prototype).map(String), Reflect.ownKeys(Uint8Array).map(String)])
      const before = snap()
      await import('${entry}')
      console.log(before === snap() ? 'unchanged' : 'changed: ' + snap())
    `
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: join(work, 'consumer'), encoding: 'utf8' })
    expect(out.trim()).toBe('unchanged')
  })
})

describe('size budgets (esbuild, browser, minified + gzip -9)', () => {
  it.each(sizeCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const m = await measure(c)
    expect(m.gzip, `${m.gzip} bytes; largest inputs: ${m.inputs.slice(0, 4).map(([f, b]) => `${f} ${b}`).join(', ')}`).toBeLessThanOrEqual(c.budget)
    if (c.budget === 0) expect(m.packageBytes).toBe(0)
  })
})

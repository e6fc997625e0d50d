/**
 * The custom-type guide under pnpm's strict layout, where a package sees only what it depends on
 * (no hoisting): the packed package is installed from its tarball with pnpm into a fresh project
 * (a local store; only the npm registry is reached), the guide's example block is type-checked
 * and run there exactly as written. With `@sinclair/typebox` installed as the guide says it works;
 * without it, the example's import cannot resolve — which is why the guide says to install it.
 * Needs dist/ (npm run build) and pnpm on PATH (npm i -g pnpm); skipped, by name, without pnpm
 * unless REQUIRE_PNPM=1.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const hasPnpm = spawnSync('pnpm', ['--version'], { encoding: 'utf8' }).status === 0
const required = process.env.REQUIRE_PNPM === '1'
const title = hasPnpm || required ? 'the custom-type guide in a pnpm project (strict node_modules)' : 'SKIPPED: no pnpm on PATH (npm i -g pnpm; REQUIRE_PNPM=1 makes this a failure)'
const typebox = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies['@sinclair/typebox'] as string

describe.runIf(hasPnpm || required)(title, () => {
  let work: string
  let tarball: string
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')

  /** A consumer project with these dependencies, installed by pnpm, holding the guide's example. */
  function project(name: string, dependencies: Record<string, string>): string {
    const dir = join(work, name)
    mkdirSync(join(dir, 'src'), { recursive: true })
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module', dependencies }))
    execFileSync('pnpm', ['install', '--store-dir', join(work, 'store'), '--config.confirmModulesPurge=false', '--reporter=silent'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' })
    const guide = readFileSync(join(root, 'docs', 'adding-a-type.md'), 'utf8')
    const example = /<!-- custom-type-example[^>]*-->\s*```ts\n([\s\S]*?)```/.exec(guide)?.[1]
    if (example === undefined) throw new Error('docs/adding-a-type.md lost its custom-type example block')
    writeFileSync(join(dir, 'src', 'example.mts'), example)
    const compilerOptions = { strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, module: 'node16', moduleResolution: 'node16', target: 'ES2022', lib: ['ES2023', 'DOM'], types: [], outDir: 'out', skipLibCheck: false }
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['src'] }))
    return dir
  }

  beforeAll(() => {
    if (!hasPnpm) throw new Error('REQUIRE_PNPM=1 but pnpm is not on PATH: npm i -g pnpm')
    work = mkdtempSync(join(tmpdir(), 'wukong-payload-pnpm-'))
    tarball = join(work, execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop() as string)
  }, 120_000)

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('type-checks and runs with wukong-payload and @sinclair/typebox installed, as the guide says', () => {
    const dir = project('with-typebox', { 'wukong-payload': `file:${tarball}`, '@sinclair/typebox': typebox })
    const check = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' })
    expect(check.stdout + check.stderr).toBe('')
    expect(check.status).toBe(0)
    const out = execFileSync(process.execPath, [join(dir, 'out', 'example.mjs')], { cwd: dir, encoding: 'utf8' })
    expect(out).toContain('888 恭喜发财')
    expect(out).toContain('[红包]恭喜发财')
  }, 180_000)

  it('fails without @sinclair/typebox (pnpm does not hoist the package’s own copy)', () => {
    const dir = project('without-typebox', { 'wukong-payload': `file:${tarball}` })
    const check = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' })
    expect(check.status).not.toBe(0)
    expect(check.stdout).toMatch(/Cannot find module '@sinclair\/typebox'/)
  }, 180_000)
})

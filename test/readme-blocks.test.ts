/**
 * Every ```ts block of the README compiles as shown: each is written to its own module and
 * type-checked by the TypeScript compiler with the project's options (the package names resolve
 * to the sources, as in an installed package they resolve to the declarations).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { afterAll, expect, it } from 'vitest'
import { root } from './helpers.js'

const readme = readFileSync(join(root, 'README.md'), 'utf8')
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string)
const dir = mkdtempSync(join(root, 'test', '.readme-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('every ts block of the README type-checks', () => {
  expect(blocks.length).toBeGreaterThan(2)
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })
  if (!config) throw new Error('no tsconfig')
  // Each block is a module of its own (top-level await allowed, names not shared between blocks).
  const files = blocks.map((code, i) => {
    const file = join(dir, `block-${i}.ts`)
    writeFileSync(file, `${code}\nexport {}\n`)
    return file
  })
  const program = ts.createProgram(files, { ...config.options, noEmit: true, noUnusedLocals: false })
  const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.file && files.includes(d.file.fileName))
  const text = errors.map((d) => `${d.file?.fileName.split('/').pop()}:${d.file?.getLineAndCharacterOfPosition(d.start ?? 0).line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)
  expect(text).toEqual([])
})

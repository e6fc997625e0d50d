/**
 * docs/adding-a-type.md, done as a contributor would: in a copy of the repository, write the
 * guide's file and its one line, run the generator, then the type check and the checks that cover
 * every type. Nothing else may need editing.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { root } from './helpers.js'

/** The fenced ```ts blocks of the guide, in order. */
function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string)
}

const guide = readFileSync(join(root, 'docs/adding-a-type.md'), 'utf8')
const [file, line] = codeBlocks(guide)
const fileName = /`(src\/types\/[\w/-]+\.ts)`:/.exec(guide)?.[1]

describe('docs/adding-a-type.md in a fresh copy', () => {
  const copy = mkdtempSync(join(tmpdir(), 'wukong-add-type-'))
  afterAll(() => rmSync(copy, { recursive: true, force: true }))

  it('the guide names the file and gives its content and its one line', () => {
    expect(fileName).toBeDefined()
    expect(file).toMatch(/definePayloadType\(/)
    expect(line?.trim().split('\n')).toHaveLength(1)
  })

  it('one file plus one line, then `npm run generate`: the type check and the checks pass', () => {
    for (const entry of ['src', 'scripts', 'schemas', 'docs', 'test', 'package.json', 'tsconfig.json', 'vitest.config.ts', 'ARCHITECTURE.md', 'examples']) {
      cpSync(join(root, entry), join(copy, entry), { recursive: true })
    }
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir')
    writeFileSync(join(copy, fileName as string), file as string)
    appendFileSync(join(copy, 'src/types/index.ts'), line as string)

    const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: copy, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, CI: 'true' } })
    expect(run('npx', ['tsx', 'scripts/generate.ts'])).toMatch(/generated \d+ files/)
    // The sources and the generator, as the contributor's change touches them (the tests are type-checked by vitest below).
    writeFileSync(join(copy, 'tsconfig.check.json'), JSON.stringify({ extends: './tsconfig.json', include: ['src', 'scripts'] }))
    run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.check.json'])
    const out = run('npx', ['vitest', 'run', '--typecheck.enabled=false', 'test/generated.test.ts', 'test/examples.test.ts', 'test/differential.test.ts', 'test/architecture.test.ts', 'test/validate.test.ts'])
    expect(out).not.toMatch(/failed/)

    // The new type is everywhere it should be, derived: schema file, validator, MessageType, reference page.
    const schema = JSON.parse(readFileSync(join(copy, 'schemas/red-packet.schema.json'), 'utf8')) as { $id: string; title: string }
    expect(schema.title).toBe('RedPacketPayload')
    expect(schema.$id).toMatch(/\/red-packet\.schema\.json$/)
    expect(readFileSync(join(copy, 'src/generated/message-type.ts'), 'utf8')).toMatch(/RedPacket: 21,/)
    expect(readFileSync(join(copy, 'docs/reference/README.md'), 'utf8')).toMatch(/\| 21 \| \[red-packet\]/)
    const check = run('npx', [
      'tsx',
      '-e',
      "import('./src/entries/index.ts').then((m) => console.log(JSON.stringify([m.validatePayload({ type: 21, amount: 888 }).ok, m.validatePayload({ type: 21, amount: '888' }).ok, m.MessageType.RedPacket, m.digest({ type: 21, amount: 1, greeting: 'hi' }, { locale: 'en' })])))",
    ])
    expect(JSON.parse(check.trim().split('\n').pop() as string)).toEqual([true, false, 21, '[Red packet] hi'])
  }, 300_000)
})

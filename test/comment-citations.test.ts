/**
 * Comments cite public sources (`owner/repo:path`, URLs) or files in this repository, never a
 * file outside it: a path into the authors' own notes means nothing to a reader of the package.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const dirs = ['src', 'scripts', 'test', 'bench', 'examples']

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name)
    if (d.isDirectory()) return d.name === 'node_modules' || d.name === 'results' ? [] : sourceFiles(path)
    return /\.(ts|mts|cts|js|mjs|cjs)$/.test(d.name) ? [path] : []
  })
}

// Paths that lead outside the repository: `../shared/…`, `shared/…`, `/work/…`, or a page in a
// `reference/` folder other than docs/reference/ (generated here). Every line is checked, so a
// string that names such a path counts too.
const outside = /(?:^|[\s`'"(])(?:\.\.\/)*shared\/|\/work\/|(?<!docs\/)\breference\/[\w-]+\.md/

describe('comments in src/, scripts/, test/, bench/, examples/', () => {
  it('cite no file outside the repository', () => {
    const offenders: string[] = []
    for (const file of dirs.flatMap(sourceFiles)) {
      if (file === join('test', 'comment-citations.test.ts')) continue // the pattern itself
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (outside.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`)
        })
    }
    expect(offenders, 'cite the public source as owner/repo:path instead').toEqual([])
  })

  it('the check catches the forms it is for', () => {
    for (const line of [' * (`shared/reference/wukongim-protocol.md` §7)', '// see ../shared/DESIGN.md', '// from /work/shared/x.md', ' * see reference/peer-platforms.md']) expect(outside.test(line), line).toBe(true)
    for (const line of [' * TangSengDaoDao/TangSengDaoDaoServerLib:common/constant.go', ' * docs/reference/text.md', " * @see {@link https://docs.lanyingim.com/reference/server-api/message.html}"]) expect(outside.test(line), line).toBe(false)
  })
})

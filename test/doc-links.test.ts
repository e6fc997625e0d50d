/**
 * Every link in the Markdown this repository writes goes somewhere: a relative link to a file or
 * folder of the repository, a link to the repository's own URL to a path that exists. The pages
 * that ship in the package (README.md, CHANGELOG.md, docs/) are read where npm installs them too,
 * so their relative links must point into the packed files (npm pack's list); a link to something
 * that does not ship (src/, test/, examples/) uses the repository URL from package.json.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository: { url: string } }
const repositoryUrl = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')

function markdown(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? markdown(join(dir, d.name)) : d.name.endsWith('.md') ? [join(dir, d.name)] : []))
}
const pages = ['README.md', 'CHANGELOG.md', join('examples', 'README.md'), ...markdown('docs')]

/** Inline `[text](target)` and reference `[label]: target` links, outside fenced code. */
function links(text: string): string[] {
  const prose = text.replace(/^```[\s\S]*?^```/gm, '')
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g), ...prose.matchAll(/^\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1] as string)
}

/** The repository path a link names, or undefined for an external URL or an in-page anchor. */
function repositoryPath(page: string, target: string): string | undefined {
  if (target.startsWith('#')) return undefined
  if (target.startsWith(`${repositoryUrl}/`)) {
    // A file or folder on the default branch; compare and release pages are not paths.
    const match = target.slice(repositoryUrl.length).match(/^\/(?:blob|tree)\/main\/([^#?]+)/)
    return match ? normalize(decodeURIComponent(match[1] as string)) : undefined
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined
  return normalize(join(dirname(page), decodeURIComponent(target.replace(/[#?].*$/, ''))))
}

let packed: Set<string>
beforeAll(() => {
  const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as [{ files: { path: string }[] }]
  packed = new Set(report.files.map((f) => normalize(f.path)))
}, 60_000)

const inPackage = (path: string) => packed.has(path) || [...packed].some((file) => file.startsWith(`${path}/`))

describe('links in README.md, CHANGELOG.md, examples/README.md and docs/', () => {
  it('finds the pages and their links', () => {
    expect(pages).toContain(join('docs', 'api', 'README.md'))
    expect(pages.flatMap((page) => links(readFileSync(join(root, page), 'utf8'))).length).toBeGreaterThan(100)
  })

  it('resolve to files in the repository', () => {
    const broken = pages.flatMap((page) =>
      links(readFileSync(join(root, page), 'utf8'))
        .map((target) => [target, repositoryPath(page, target)] as const)
        .filter(([, path]) => path !== undefined && (path.startsWith('..') || !existsSync(join(root, path))))
        .map(([target]) => `${page}: ${target}`),
    )
    expect(broken).toEqual([])
  })

  it('in the shipped pages, point into the package when relative', () => {
    const shipped = pages.filter((page) => packed.has(page))
    expect(shipped).toContain('README.md')
    expect(shipped).toContain(join('docs', 'api', 'README.md'))
    const outside = shipped.flatMap((page) =>
      links(readFileSync(join(root, page), 'utf8'))
        .filter((target) => !target.startsWith(repositoryUrl))
        .map((target) => [target, repositoryPath(page, target)] as const)
        .filter(([, path]) => path !== undefined && !inPackage(relative('.', path)))
        .map(([target]) => `${page}: ${target} (not in the package; link ${repositoryUrl}/blob/main/… instead)`),
    )
    expect(outside).toEqual([])
  })
})

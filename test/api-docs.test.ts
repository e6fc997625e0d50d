/**
 * docs/api/ is what `npm run docs:api` (scripts/api-docs.ts, TypeDoc) makes of the TSDoc in src/
 * today: regenerated into a temporary directory and compared page by page. TypeDoc's warnings
 * (a broken {@link}, a public signature naming an unexported type) fail it too.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { apiDocsDir, entrySources, generateApiDocs, listFiles } from '../scripts/api-docs.js'

const out = mkdtempSync(join(tmpdir(), 'wukong-payload-api-test-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('docs/api/', () => {
  it('is fresh: run `npm run docs:api` after changing an export or its TSDoc', async () => {
    await generateApiDocs(out)
    const pages = listFiles(out)
    expect(listFiles(apiDocsDir)).toEqual(pages)
    for (const page of pages) expect(readFileSync(join(apiDocsDir, page), 'utf8'), page).toBe(readFileSync(join(out, page), 'utf8'))
  }, 120_000)

  it('has a page for every package entry, named by its import specifier', () => {
    const { exports } = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { exports: Record<string, unknown> }
    const specifiers = Object.keys(exports).filter((key) => key !== './package.json' && !key.includes('*')).map((key) => (key === '.' ? 'wukong-payload' : `wukong-payload/${key.slice(2)}`))
    expect(entrySources()).toHaveLength(specifiers.length)
    for (const specifier of specifiers) expect(readFileSync(join(apiDocsDir, `${specifier}.md`), 'utf8')).toContain(`# ${specifier}\n`)
  })
})

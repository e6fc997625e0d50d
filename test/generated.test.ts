/** The checked-in generated files are exactly what `npm run generate` writes. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildOutputs } from '../scripts/generate/index.js'
import { root } from './helpers.js'

const outputs = await buildOutputs()

describe('generated files are fresh (run `npm run generate` when this fails)', () => {
  it.each([...outputs.keys()])('%s', (path) => {
    const file = join(root, path)
    expect(existsSync(file), `${path} is missing`).toBe(true)
    expect(readFileSync(file, 'utf8')).toBe(outputs.get(path))
  })

  it.each(['schemas', 'docs/reference'])('no stale file in %s', (dir) => {
    for (const name of readdirSync(join(root, dir))) expect(outputs.has(`${dir}/${name}`), `${dir}/${name} is no longer generated`).toBe(true)
  })

  it('the generated validators contain no require() and no eval', () => {
    const code = outputs.get('src/generated/validators.js') ?? ''
    expect(code).not.toMatch(/\brequire\(|new Function|\beval\(/)
  })
})

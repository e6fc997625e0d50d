/**
 * The first hour of a new user: the README starts from the published package, nothing in the
 * README, docs or sources points at notes outside the repository, and `isSystemPayload` follows the
 * official JS SDK's rule (WuKongIM/WuKongIMJSSDK:src/index.ts `isSystemMessage`: 1000 ≤ type ≤ 2000).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildGroupCreated, isSystemPayload } from '../src/entries/index.js'
import type { Payload, SystemPayload } from '../src/entries/index.js'
import { root } from './helpers.js'

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => ext.test(f)).map((f) => join(dir, f))
}

describe('isSystemPayload', () => {
  it('is the JS SDK rule 1000 ≤ type ≤ 2000, and narrows', () => {
    const sdkRule = (type: number) => type >= 1000 && type <= 2000
    for (const type of [0, 1, 99, 999, 1000, 1001, 1500, 2000, 2001, -1001]) expect(isSystemPayload({ type } as Payload), String(type)).toBe(sdkRule(type))
    const p: Payload = buildGroupCreated({ creator: { uid: 'a', name: 'A' }, members: [{ uid: 'b', name: 'B' }] }).payload
    if (isSystemPayload(p)) {
      const system: SystemPayload = p
      expect(system.type).toBe(1001)
    } else expect.unreachable()
  })
})

describe('no pointers outside the repository', () => {
  it('README, docs and src name no design notes, shared folders or machine paths', () => {
    const texts = ['README.md', ...files('docs', /\.md$/), ...files('src', /\.(ts|js|html|css)$/)]
    const outside = /peer-platforms\.md|wukongim-protocol\.md|wukongim-rest-and-sdk\.md|\.\.\/shared|\/work\/|design notes'?/
    const found = texts.filter((f) => outside.test(readFileSync(join(root, f), 'utf8')))
    expect(found).toEqual([])
  })

  it('the README starts a user at npm i wukong-payload, before any contributor command', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    const install = readme.indexOf('npm i wukong-payload')
    expect(install).toBeGreaterThan(0)
    const contributor = readme.indexOf('npm ci')
    if (contributor >= 0) expect(install).toBeLessThan(contributor)
  })
})

/**
 * `npm ci` refuses a lock file that omits any optional dependency a locked package declares —
 * even another platform's build it would never install. The registry mirror this project builds
 * against lacks some of rollup's platform builds, and `npm install` then silently leaves them out:
 * the lock passes locally and CI fails in its first seconds. This catches it before a push.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

interface LockEntry {
  readonly version?: string
  readonly optionalDependencies?: Readonly<Record<string, string>>
}

describe('package-lock.json', () => {
  it('lists every optional dependency of every locked package (or npm ci refuses it)', () => {
    const lock = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> }
    const missing: string[] = []
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
        // npm resolves from the package's own node_modules upwards, as Node does.
        const candidates: string[] = []
        for (let at = path; ; at = at.slice(0, Math.max(0, at.lastIndexOf('/node_modules/')))) {
          candidates.push(`${at === '' ? '' : `${at}/`}node_modules/${dep}`)
          if (at === '') break
        }
        if (!candidates.some((c) => lock.packages[c] !== undefined)) missing.push(`${path || '(root)'} → ${dep}`)
      }
    }
    expect(missing, 'add the entries by hand (version, os/cpu, "optional": true), as for rollup').toEqual([])
  })
})

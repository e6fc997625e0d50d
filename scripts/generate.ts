/**
 * Generates every derived file from the payload definitions (`src/types/index.ts`):
 *
 * - `schemas/*.json`            published JSON Schemas (draft 2020-12), one per type, the union,
 *                               the shared parts and the `/message/send` request
 * - `src/generated/validators.js` Ajv standalone validators, bundled with their runtime helpers
 * - `src/generated/registry.ts` per-type runtime data: name, flags, digest, builder templates
 * - `docs/reference/*.md`       one reference page per type, and an index
 *
 * `npm run generate` writes them; `test/generated.test.ts` fails when any is stale.
 */
import { writeFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildOutputs } from './generate/index.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

async function main(): Promise<void> {
  const outputs = await buildOutputs()
  // Remove generated files that no definition produces any more.
  for (const dir of ['schemas', 'docs/reference']) {
    const abs = join(root, dir)
    mkdirSync(abs, { recursive: true })
    for (const name of readdirSync(abs)) {
      if (!outputs.has(`${dir}/${name}`)) rmSync(join(abs, name))
    }
  }
  for (const [path, content] of outputs) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  console.log(`generated ${outputs.size} files`)
}

await main()

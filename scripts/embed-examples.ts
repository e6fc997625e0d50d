/**
 * `npm run docs:guides`: copies each example file into the guides that show it, after its
 * `<!-- embed: examples/… -->` marker, so that a guide's code is exactly the code
 * test/servers.test.ts runs (that test fails when a guide is stale).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const marker = /<!-- embed: (\S+) -->\n```ts\n[\s\S]*?```/g
for (const name of readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md'))) {
  const path = join(root, 'docs', name)
  const text = readFileSync(path, 'utf8')
  const next = text.replace(marker, (_all, file: string) => `<!-- embed: ${file} -->\n\`\`\`ts\n${readFileSync(join(root, file), 'utf8')}\`\`\``)
  if (next !== text) {
    writeFileSync(path, next)
    console.log(`updated docs/${name}`)
  }
}

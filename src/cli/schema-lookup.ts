import { readdirSync, readFileSync } from 'node:fs'

/** The published JSON Schemas shipped in the package's `schemas/` folder, by name. */
export function payloadSchemaFiles(): Map<string, string> {
  const dir = new URL('../../schemas/', import.meta.url)
  const files = new Map<string, string>()
  for (const file of readdirSync(dir).sort()) {
    if (file.endsWith('.schema.json')) files.set(file.slice(0, -'.schema.json'.length), readFileSync(new URL(file, dir), 'utf8'))
  }
  return files
}

/** The package's version, from its package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}

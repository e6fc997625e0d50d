/**
 * `docs/reference/`: one page per payload type, generated from its definition, and an index.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PayloadDefinition } from '../../src/model/define.js'
import { SYSTEM_TYPE_MAX, SYSTEM_TYPE_MIN } from '../../src/model/message-type.js'
import { GenericSystemSchema, genericSystem } from '../../src/types/system/generic.js'
import { GENERATED_MD_HEADER, plain, type Compiled, type JsonObject } from './compile.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The repository's web address (package.json), so that links work on the registry page too: src/ is not in the package. */
const REPOSITORY = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository: { url: string } }).repository.url.replace(/^git\+/, '').replace(/\.git$/, '')

/** The file under src/types/ that declares each type: the one whose text names it (`name: 'text'`). */
function definitionFiles(): Map<string, string> {
  const dir = join(root, 'src', 'types')
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))
  const out = new Map<string, string>()
  for (const file of files) {
    for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/^\s*name: '([a-z0-9-]+)',$/gm)) out.set(m[1] as string, relative(root, join(dir, file)).replaceAll('\\', '/'))
  }
  return out
}

function flagsText(f: { no_persist: number; red_dot: number; sync_once: number }): string {
  return `\`no_persist: ${f.no_persist}, red_dot: ${f.red_dot}, sync_once: ${f.sync_once}\``
}

function fieldRows(schema: JsonObject): string[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonObject>
  const required = new Set((schema.required ?? []) as string[])
  return Object.entries(properties).map(([key, prop]) => {
    const kind = prop.$ref ? 'payload' : prop.const !== undefined ? JSON.stringify(prop.const) : prop.anyOf ? (prop.anyOf as JsonObject[]).map((b) => JSON.stringify(b.const)).join(' \\| ') : String(prop.type ?? '')
    const description = String(prop.description ?? '').replaceAll('|', '\\|').replaceAll('\n', ' ')
    return `| \`${key}\` | ${kind} | ${required.has(key) ? 'yes' : ''} | ${description} |`
  })
}

function referencePage(d: PayloadDefinition, file: string): string {
  const schema = plain(d.schema)
  const lines = [
    GENERATED_MD_HEADER,
    `# ${schema.title as string} (type ${d.type})`,
    '',
    String(schema.description ?? ''),
    '',
    `- Definition: [\`${file}\`](${REPOSITORY}/blob/main/${file})`,
    `- JSON Schema: [\`schemas/${d.name}.schema.json\`](../../schemas/${d.name}.schema.json) (\`wukong-payload/schemas/${d.name}.schema.json\`)`,
    `- Recommended header: ${flagsText(d.flags)}${d.historyFlags ? `; to keep it in channel history: ${flagsText(d.historyFlags)}` : ''}`,
    `- Digest: ${d.digest === 'system' ? 'the rendered template' : `zh \`${d.digest.zh}\`, en \`${d.digest.en}\``}`,
  ]
  if (d.templates) {
    for (const [variant, t] of Object.entries(d.templates)) lines.push(`- Builder template (${variant}): zh \`${t.zh}\`, en \`${t.en}\``)
  }
  lines.push('', '## Fields', '', '| field | type | required | description |', '| --- | --- | --- | --- |', ...fieldRows(schema), '')
  lines.push('Properties not listed are kept as they are. Optional fields any payload may carry: see [common fields](README.md#fields-any-payload-may-carry).', '')
  lines.push('## Examples', '')
  for (const e of d.examples) {
    lines.push(`### ${e.title}`, '', ...(e.source ? [`From ${e.source}.`, ''] : []), '```json', JSON.stringify(e.value, null, 2), '```', '')
  }
  if (d.invalidExamples?.length) {
    lines.push('## Rejected', '', '| example | reported at |', '| --- | --- |')
    for (const e of d.invalidExamples) lines.push(`| ${e.title} — \`${JSON.stringify(e.value).replaceAll('|', '\\|')}\` | \`${e.path}\` |`)
    lines.push('')
  }
  return lines.join('\n')
}

function referenceIndex(definitions: readonly PayloadDefinition[]): string {
  const common = plain(GenericSystemSchema)
  const commonRows = fieldRows(common).filter((row) => !/^\| `(type|content|extra)`/.test(row))
  const lines = [
    GENERATED_MD_HEADER,
    '# Payload reference',
    '',
    `One page per payload type, generated from its definition. A payload is a JSON object whose integer \`type\` selects one of these; any other integer type is accepted as an unknown payload, and any other type in ${SYSTEM_TYPE_MIN}–${SYSTEM_TYPE_MAX} as a generic system message (\`content\` + \`extra\` when present).`,
    '',
    '| type | name | payload | recommended header | digest (en) |',
    '| --- | --- | --- | --- | --- |',
    ...definitions.map((d) => `| ${d.type} | [${d.name}](${d.name}.md) | \`${String(plain(d.schema).title)}\` | ${flagsText(d.flags)} | ${d.digest === 'system' ? 'rendered template' : `\`${d.digest.en}\``} |`),
    `| other ${SYSTEM_TYPE_MIN}–${SYSTEM_TYPE_MAX} | system | \`GenericSystemPayload\` | ${flagsText(genericSystem.flags)} | rendered template |`,
    '',
    '## Fields any payload may carry',
    '',
    '| field | type | required | description |',
    '| --- | --- | --- | --- |',
    ...commonRows,
    '',
  ]
  return lines.join('\n')
}


export function docsOutputs(compiled: Compiled): Map<string, string> {
  const out = new Map<string, string>()
  const files = definitionFiles()
  const definitions = compiled.types.map((t) => t.definition)
  for (const d of definitions) {
    const file = files.get(d.name)
    if (file === undefined) throw new Error(`no file under src/types declares name: '${d.name}'`)
    out.set(`docs/reference/${d.name}.md`, referencePage(d, file))
  }
  out.set('docs/reference/README.md', referenceIndex(definitions))
  return out
}

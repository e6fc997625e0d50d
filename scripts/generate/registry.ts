/**
 * `src/generated/registry.ts` (what the runtime needs of each type: name, flags, digest, builder
 * templates) and `src/generated/message-type.ts` (`MessageType`, one key per definition, named
 * after it: `group-members-added` → `GroupMembersAdded`).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PayloadDefinition } from '../../src/model/define.js'
import { pascalName } from '../../src/model/define.js'
import { SYSTEM_TYPE_MAX, SYSTEM_TYPE_MIN } from '../../src/model/message-type.js'
import { genericSystem } from '../../src/types/system/generic.js'
import { GENERATED_HEADER, type Compiled } from './compile.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

export function registryModule(compiled: Compiled): string {
  const definitions = compiled.types.map((t) => t.definition)
  const map = (pick: (d: PayloadDefinition) => unknown) =>
    definitions
      .filter((d) => pick(d) !== undefined)
      .map((d) => `  ${d.type}: ${JSON.stringify(pick(d))},`)
      .join('\n')
  const table = (name: string, type: string, doc: string, pick: (d: PayloadDefinition) => unknown) =>
    [`/** ${doc} */`, `export const ${name}: Readonly<Record<number, ${type}>> = {`, map(pick), `}`, ''].join('\n')
  const isSystem = (d: PayloadDefinition) => d.type >= SYSTEM_TYPE_MIN && d.type <= SYSTEM_TYPE_MAX
  // The names a caller may have meant by a string `type` ("text", "image", "cmd"): each chat type's
  // name without dashes, and each command-like type's `param` key.
  const byName = Object.fromEntries(
    definitions.filter((d) => !isSystem(d)).flatMap((d) => [[d.name.replaceAll('-', ''), d.type], ...(d.params ? [['cmd', d.type]] : [])]),
  )
  // Separate tables, so that a bundle keeps only the ones its imports use.
  return [
    GENERATED_HEADER,
    `import type { HeaderFlags } from '../model/flags.js'`,
    `import type { BuilderTemplates, DigestSpec } from '../model/define.js'`,
    '',
    table('typeNames', 'string', 'Name of each known type.', (d) => d.name),
    table('typeFlags', 'HeaderFlags', 'Recommended header of each known type.', (d) => d.flags),
    table('typeHistoryFlags', 'HeaderFlags', 'Header that keeps a type in channel history, where it differs.', (d) => d.historyFlags),
    table('typeDigests', 'DigestSpec', 'Conversation-list preview of each known type.', (d) => d.digest),
    table('typeTemplates', 'Readonly<Record<string, BuilderTemplates>>', 'Builder templates of the system types.', (d) => d.templates),
    `/** Types whose \`cmd\` selects the schema of \`param\` (commands). */`,
    `export const commandTypes: ReadonlySet<number> = new Set(${JSON.stringify(definitions.filter((d) => d.params).map((d) => d.type))})`,
    '',
    `/** Number of each chat type by its name without dashes (and \`cmd\`): to tell a caller who wrote \`type: "text"\` which integer they meant. */`,
    `export const messageTypeByName: Readonly<Record<string, number>> = ${JSON.stringify(byName)}`,
    '',
    `/** A one-line list of the chat types, for messages. */`,
    `export const TYPE_LIST = ${JSON.stringify(`${definitions.filter((d) => !isSystem(d)).map((d) => `${d.type} ${d.name}`).join(', ')}, ${SYSTEM_TYPE_MIN}–${SYSTEM_TYPE_MAX} system`)}`,
    '',
    `/** Generic system messages (${SYSTEM_TYPE_MIN}–${SYSTEM_TYPE_MAX} without a specific schema). */`,
    `export const genericSystemMeta = ${JSON.stringify({ name: genericSystem.name, flags: genericSystem.flags, historyFlags: genericSystem.historyFlags, digest: genericSystem.digest })} as const`,
    '',
  ].join('\n')
}

export function messageTypeModule(compiled: Compiled): string {
  return [
    GENERATED_HEADER,
    '/**',
    ' * The `type` number of each payload type this package defines, keyed by its name',
    ' * (`group-members-added` → `GroupMembersAdded`). Derived from the definitions in src/types/.',
    ' */',
    'export const MessageType = {',
    ...compiled.types.map(({ definition: d }) => `  /** ${d.schema.description ?? d.name} */\n  ${pascalName(d.name)}: ${d.type},`),
    '} as const',
    '',
    '/** Any value of {@link MessageType}. */',
    'export type MessageType = (typeof MessageType)[keyof typeof MessageType]',
    '',
  ].join('\n')
}

/**
 * `src/generated/builders.ts`: every system-message builder (`export function build…` in a type
 * file), re-exported for `wukong-payload/render`, which must not import the schemas.
 */
export function buildersModule(): string {
  const dir = join(root, 'src', 'types')
  const lines: string[] = []
  for (const file of (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.ts')).sort()) {
    const names = [...readFileSync(join(dir, file), 'utf8').matchAll(/^export function (build\w+)/gm)].map((m) => m[1] as string)
    if (names.length) lines.push(`export { ${names.join(', ')} } from '../types/${file.replaceAll('\\', '/').replace(/\.ts$/, '.js')}'`)
  }
  return [GENERATED_HEADER, ...lines, `export type { BuildOptions, BuiltSystemMessage, UserRef } from '../model/system.js'`, ''].join('\n')
}

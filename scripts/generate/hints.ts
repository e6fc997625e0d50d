/**
 * `src/generated/hints.ts`: each built-in type's hints by position, read from its schema's
 * `x-hint` annotations (src/validate/hints.ts) — so that a payload issue's hint is its field's,
 * and an app type (whose tree `createCodec` builds the same way) gets only its own.
 */
import { hintTree, type HintTree } from '../../src/validate/hints.js'
import { fnv1a } from './fast-checks.js'
import { GenericSystemSchema } from '../../src/types/system/generic.js'
import { GENERATED_HEADER, type Compiled } from './compile.js'

export function hintsModule(compiled: Compiled): string {
  const trees = compiled.types.map(({ definition }) => [definition.type, hintTree(definition.schema)] as const)
  const system = hintTree(GenericSystemSchema)
  // A subtree many types share (the common fields' hints) is written once, as a constant.
  const counts = new Map<string, number>()
  const count = (tree: HintTree): void => {
    const key = JSON.stringify(tree)
    counts.set(key, (counts.get(key) ?? 0) + 1)
    for (const sub of Object.values(tree.k ?? {})) count(sub)
  }
  for (const [, tree] of trees) if (tree) count(tree)
  if (system) count(system)
  const constants: string[] = []
  const names = new Map<string, string>()
  const emit = (tree: HintTree): string => {
    const key = JSON.stringify(tree)
    const known = names.get(key)
    if (known) return known
    const parts = [...(tree.h === undefined ? [] : [`h: ${JSON.stringify(tree.h)}`]), ...(tree.k ? [`k: { ${Object.entries(tree.k).map(([name, sub]) => `${JSON.stringify(name)}: ${emit(sub)}`).join(', ')} }`] : [])]
    const literal = `{ ${parts.join(', ')} }`
    if ((counts.get(key) ?? 0) < 2 || literal.length < 40) return literal
    const name = `h_${fnv1a(key)}`
    constants.push(`const ${name}: HintTree = ${literal}`)
    names.set(key, name)
    return name
  }
  const entries = trees.flatMap(([type, tree]) => (tree ? [`  ${type}: ${emit(tree)},`] : []))
  const systemLiteral = system ? emit(system) : 'undefined'
  return [
    GENERATED_HEADER,
    `import type { HintTree } from '../validate/hints.js'`,
    '',
    ...constants,
    '',
    "/** Each built-in type's hints by position (from its schema's `x-hint` annotations). */",
    'export const hintsByType: Readonly<Record<number, HintTree>> = {',
    ...entries,
    '}',
    '',
    '/** The hints of a generic system message (1000–2000 without a definition of its own). */',
    `export const systemHints: HintTree | undefined = ${systemLiteral}`,
    '',
  ].join('\n')
}

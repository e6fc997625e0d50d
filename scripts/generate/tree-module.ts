/**
 * A generated module of per-type trees (hints, declared properties): plain object literals, with
 * each subtree that several types share (the common fields') written once as a constant.
 */
import { fnv1a } from './fast-checks.js'
import { GENERATED_HEADER } from './compile.js'

type Tree = object

export interface TreeModule {
  readonly typeName: string
  readonly importFrom: string
  readonly byTypeName: string
  readonly byTypeDoc: string
  readonly systemName: string
  readonly systemDoc: string
  readonly trees: readonly (readonly [number, Tree | undefined])[]
  readonly system: Tree | undefined
}

export function treeModule(m: TreeModule): string {
  const counts = new Map<string, number>()
  const count = (tree: unknown): void => {
    if (typeof tree !== 'object' || tree === null) return
    const key = JSON.stringify(tree)
    counts.set(key, (counts.get(key) ?? 0) + 1)
    for (const sub of Object.values(tree)) count(sub)
  }
  for (const [, tree] of m.trees) count(tree)
  count(m.system)
  const constants: string[] = []
  const names = new Map<string, string>()
  const emit = (tree: unknown): string => {
    if (typeof tree !== 'object' || tree === null) return JSON.stringify(tree)
    const key = JSON.stringify(tree)
    const known = names.get(key)
    if (known) return known
    const literal = `{ ${Object.entries(tree).map(([name, sub]) => `${JSON.stringify(name)}: ${emit(sub)}`).join(', ')} }`
    if ((counts.get(key) ?? 0) < 2 || literal.length < 40) return literal
    const name = `t_${fnv1a(key)}`
    constants.push(`const ${name} = ${literal} as const`)
    names.set(key, name)
    return name
  }
  const entries = m.trees.flatMap(([type, tree]) => (tree ? [`  ${type}: ${emit(tree)},`] : []))
  const system = m.system ? emit(m.system) : 'undefined'
  return [
    GENERATED_HEADER,
    `import type { ${m.typeName} } from '${m.importFrom}'`,
    '',
    ...constants,
    '',
    `/** ${m.byTypeDoc} */`,
    `export const ${m.byTypeName}: Readonly<Record<number, ${m.typeName}>> = {`,
    ...entries,
    '}',
    '',
    `/** ${m.systemDoc} */`,
    `export const ${m.systemName}: ${m.typeName} | undefined = ${system}`,
    '',
  ].join('\n')
}

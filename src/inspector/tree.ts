/**
 * A JSON value as a collapsible tree. Every node carries its JSON Pointer (`data-pointer`), and
 * each problem is shown at its node — or, for a missing property, at the nearest node that
 * exists, with the full pointer. Output is bounded: at most {@link MAX_NODES} nodes and
 * {@link MAX_STRING} characters per string are drawn, the rest is counted.
 */
import { h, pointerSegment, type Child } from './dom.js'
import type { Labels } from './i18n.js'
import type { Problem } from './analyze.js'

export const MAX_NODES = 4000
const MAX_STRING = 2000

/** Problems by the pointer of the node that shows them. */
function placeProblems(value: unknown, problems: readonly Problem[]): Map<string, Problem[]> {
  const placed = new Map<string, Problem[]>()
  for (const problem of problems) {
    const at = existingAncestor(value, problem.path)
    const list = placed.get(at) ?? []
    list.push(problem)
    placed.set(at, list)
  }
  return placed
}

/** The longest prefix of `pointer` that names a value inside `root`. */
function existingAncestor(root: unknown, pointer: string): string {
  if (pointer === '') return ''
  let node = root
  let at = ''
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return at
    node = (node as Record<string, unknown>)[key]
    at += `/${raw}`
  }
  return at
}

function scalar(value: unknown, t: Labels): HTMLElement {
  if (typeof value === 'string') {
    const shown = value.length > MAX_STRING ? value.slice(0, MAX_STRING) : value
    return h('span', { class: 'v str' }, JSON.stringify(shown), value.length > MAX_STRING ? h('span', { class: 'more' }, ` ${t.moreChars(value.length - MAX_STRING)}`) : null)
  }
  if (typeof value === 'number') return h('span', { class: 'v num' }, String(value))
  if (typeof value === 'boolean') return h('span', { class: 'v bool' }, String(value))
  return h('span', { class: 'v null' }, 'null')
}

function problemList(problems: readonly Problem[] | undefined, pointer: string): Child {
  if (!problems || problems.length === 0) return null
  return h(
    'ul',
    { class: 'node-issues' },
    problems.map((p) => h('li', { 'data-code': p.code }, p.path !== pointer ? h('code', null, p.path || '/') : null, p.path !== pointer ? ' ' : null, p.message)),
  )
}

/** Renders `value` with `problems` at their pointers; `decodedAt` marks Base64 shown decoded. */
export function renderTree(value: unknown, problems: readonly Problem[], decodedAt: readonly string[], t: Labels): HTMLElement {
  const placed = placeProblems(value, problems)
  const decoded = new Set(decodedAt)
  let budget = MAX_NODES

  function node(key: string | null, item: unknown, pointer: string): HTMLElement {
    budget--
    const here = placed.get(pointer)
    const label: Child[] = [
      key === null ? null : h('span', { class: 'k' }, key),
      key === null ? null : h('span', { class: 'colon' }, ': '),
    ]
    const note = decoded.has(pointer) ? h('span', { class: 'note' }, t.decodedFrom) : null
    const classes = `node${here ? ' has-issue' : ''}`
    if (typeof item !== 'object' || item === null) {
      return h('li', { class: classes, 'data-pointer': pointer }, h('div', { class: 'row' }, label, scalar(item, t), note), problemList(here, pointer))
    }
    const entries: [string, unknown][] = Array.isArray(item) ? item.map((v, i) => [String(i), v]) : Object.entries(item)
    const children: HTMLElement[] = []
    let index = 0
    for (; index < entries.length && budget > 0; index++) {
      const [k, v] = entries[index] as [string, unknown]
      children.push(node(Array.isArray(item) ? `${k}` : k, v, `${pointer}/${pointerSegment(k)}`))
    }
    if (index < entries.length) children.push(h('li', { class: 'more' }, t.moreNodes(entries.length - index)))
    const open = Array.isArray(item) ? '[' : '{'
    const close = Array.isArray(item) ? ']' : '}'
    return h(
      'li',
      { class: classes, 'data-pointer': pointer },
      h(
        'details',
        { open: true },
        h('summary', { class: 'row' }, label, h('span', { class: 'brace' }, open), h('span', { class: 'count' }, entries.length), h('span', { class: 'brace' }, close), note),
        problemList(here, pointer),
        h('ul', null, children),
      ),
    )
  }

  return h('ul', { class: 'tree' }, node(null, value, ''))
}

/**
 * The page builds its DOM with `createElement` only: no `innerHTML`, no `style` attributes, so
 * nothing a pasted payload contains can become markup and `default-src 'self'` is never crossed.
 */
export type Child = Node | string | number | null | undefined | false | readonly Child[]

export type Attributes = Readonly<Record<string, string | number | boolean | undefined>>

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return
  if (Array.isArray(child)) for (const c of child as readonly Child[]) append(parent, c)
  else if (typeof child === 'string' || typeof child === 'number') parent.appendChild(document.createTextNode(String(child)))
  else parent.appendChild(child as Node)
}

/** An element with attributes (`true` → present, `false`/`undefined` → absent) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes?: Attributes | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  if (attributes) {
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === false) continue
      element.setAttribute(name, value === true ? '' : String(value))
    }
  }
  append(element, children)
  return element
}

/** Replaces an element's children. */
export function fill(element: Element, ...children: Child[]): void {
  element.replaceChildren()
  append(element, children)
}

/** The element with this id (the page's HTML declares them all). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id)
  if (element === null) throw new Error(`inspector page: #${id} is missing from index.html`)
  return element as T
}

/** One JSON Pointer segment (RFC 6901). */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1')
}

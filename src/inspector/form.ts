/**
 * A form derived from a payload type's JSON Schema (`payloadDefinitions[i].schema`): constants
 * are shown fixed, unions of constants become a choice, strings and numbers inputs, arrays
 * lists with add/remove, objects fieldsets whose optional properties can be left out; anything
 * else (a nested payload `$ref`, a free-form object) is edited as JSON. The form reads back what
 * was typed, unchanged — a number typed as "abc" stays the string "abc" — so that the package's
 * validator, not the form, says what is wrong.
 */
import { h, pointerSegment } from './dom.js'
import type { Labels } from './i18n.js'

type Schema = Readonly<Record<string, unknown>>

/** Marks a value that is left out of its object or list. */
export const OMIT: unique symbol = Symbol('omit')

/** A problem the form itself found (text in a JSON field that does not parse). */
export interface FormProblem {
  readonly path: string
  readonly message: string
}

export interface Field {
  readonly element: HTMLElement
  read(problems: FormProblem[]): unknown
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function propertiesOf(schema: Schema): Readonly<Record<string, Schema>> | undefined {
  return isRecord(schema.properties) ? (schema.properties as Record<string, Schema>) : undefined
}

function constChoices(schema: Schema): unknown[] | undefined {
  const alternatives = schema.anyOf
  if (!Array.isArray(alternatives) || alternatives.length === 0) return undefined
  if (!alternatives.every((a) => isRecord(a) && 'const' in a)) return undefined
  return alternatives.map((a) => (a as Schema).const)
}

type Kind = 'const' | 'choice' | 'string' | 'number' | 'boolean' | 'array' | 'object' | 'json'

function kindOf(schema: Schema): Kind {
  if ('const' in schema) return 'const'
  if (constChoices(schema)) return 'choice'
  switch (schema.type) {
    case 'string':
      return 'string'
    case 'integer':
    case 'number':
      return 'number'
    case 'boolean':
      return 'boolean'
    case 'array':
      return isRecord(schema.items) ? 'array' : 'json'
    case 'object':
      return propertiesOf(schema) ? 'object' : 'json'
    default:
      return 'json'
  }
}

/** Whether `value` can be shown by the editor of `kind` without losing anything. */
function fits(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string'
    case 'number':
      return typeof value === 'number'
    case 'boolean':
      return typeof value === 'boolean'
    case 'array':
      return Array.isArray(value)
    case 'object':
      return isRecord(value)
    default:
      return true
  }
}

/** The smallest value of a schema: constants, empty strings, zero, required properties only. */
export function defaultFor(schema: Schema): unknown {
  if ('const' in schema) return schema.const
  const choices = constChoices(schema)
  if (choices) return choices[0]
  if (Array.isArray(schema.anyOf) && isRecord(schema.anyOf[0])) return defaultFor(schema.anyOf[0] as Schema)
  switch (schema.type) {
    case 'string':
      return ''
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0
    case 'boolean':
      return false
    case 'array':
      return []
    case 'object': {
      const out: Record<string, unknown> = {}
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : []
      const properties = propertiesOf(schema) ?? {}
      for (const key of required) out[key] = properties[key] ? defaultFor(properties[key]) : ''
      return out
    }
    default:
      return {}
  }
}

const NUMBER = /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/

function jsonField(value: unknown, pointer: string, t: Labels, rows = 4): Field {
  const area = h('textarea', { class: 'json', rows, spellcheck: 'false', 'aria-label': t.jsonValue }) as HTMLTextAreaElement
  area.value = value === undefined ? '' : JSON.stringify(value, null, 2)
  return {
    element: area,
    read(problems) {
      const text = area.value.trim()
      if (text === '') return OMIT
      try {
        return JSON.parse(text) as unknown
      } catch (error) {
        problems.push({ path: pointer, message: `${t.notJson}: ${(error as Error).message}` })
        return OMIT
      }
    },
  }
}

/** The editor of one value. */
export function fieldFor(schema: Schema, value: unknown, pointer: string, t: Labels, onChange: () => void): Field {
  const kind = kindOf(schema)
  if (!fits(kind, value)) return jsonField(value, pointer, t)
  switch (kind) {
    case 'const':
      return { element: h('code', { class: 'const' }, JSON.stringify(schema.const)), read: () => schema.const }
    case 'choice': {
      const choices = constChoices(schema) ?? []
      const known = choices.findIndex((c) => c === value)
      const all = known >= 0 || value === undefined ? choices : [...choices, value]
      const select = h('select', null, all.map((c, i) => h('option', { value: String(i) }, JSON.stringify(c)))) as HTMLSelectElement
      select.selectedIndex = known >= 0 ? known : value === undefined ? 0 : all.length - 1
      return { element: select, read: () => all[select.selectedIndex] }
    }
    case 'string': {
      const long = typeof value === 'string' && (value.length > 60 || value.includes('\n'))
      const input = long ? (h('textarea', { rows: 3 }) as HTMLTextAreaElement) : (h('input', { type: 'text', spellcheck: 'false' }) as HTMLInputElement)
      if (typeof schema.pattern === 'string') input.placeholder = schema.pattern
      input.value = typeof value === 'string' ? value : ''
      return { element: input, read: () => input.value }
    }
    case 'number': {
      const input = h('input', { type: 'text', inputmode: 'decimal', class: 'number' }) as HTMLInputElement
      input.value = typeof value === 'number' ? String(value) : ''
      return {
        element: input,
        read: () => {
          const text = input.value.trim()
          if (text === '') return OMIT
          return NUMBER.test(text) ? Number(text) : text
        },
      }
    }
    case 'boolean': {
      const box = h('input', { type: 'checkbox' }) as HTMLInputElement
      box.checked = value === true
      return { element: box, read: () => box.checked }
    }
    case 'array':
      return arrayField(schema, Array.isArray(value) ? value : [], pointer, t, onChange)
    case 'object':
      return objectField(schema, isRecord(value) ? value : {}, pointer, t, onChange)
    default:
      return jsonField(value, pointer, t)
  }
}

function arrayField(schema: Schema, value: readonly unknown[], pointer: string, t: Labels, onChange: () => void): Field {
  const itemSchema = schema.items as Schema
  const list = h('ol', { class: 'items' })
  const items: Field[] = []
  const addItem = (item: unknown) => {
    const field = fieldFor(itemSchema, item, `${pointer}/${items.length}`, t, onChange)
    items.push(field)
    const remove = h('button', { type: 'button', class: 'small remove', title: t.remove }, '×')
    const row = h('li', { 'data-pointer': `${pointer}/${items.length - 1}` }, field.element, remove)
    remove.addEventListener('click', () => {
      const at = items.indexOf(field)
      items.splice(at, 1)
      row.remove()
      for (const [i, li] of Array.from(list.children).entries()) li.setAttribute('data-pointer', `${pointer}/${i}`)
      onChange()
    })
    list.appendChild(row)
  }
  for (const item of value) addItem(item)
  const add = h('button', { type: 'button', class: 'small add' }, `+ ${t.add}`)
  add.addEventListener('click', () => {
    addItem(defaultFor(itemSchema))
    onChange()
  })
  return {
    element: h('div', { class: 'array' }, list, add),
    read: (problems) => items.map((f) => f.read(problems)).filter((v) => v !== OMIT),
  }
}

function objectField(schema: Schema, value: Readonly<Record<string, unknown>>, pointer: string, t: Labels, onChange: () => void): Field {
  const properties = propertiesOf(schema) ?? {}
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : [])
  const rows: HTMLElement[] = []
  const readers: [string, (problems: FormProblem[]) => unknown][] = []
  for (const [key, property] of Object.entries(properties)) {
    const at = `${pointer}/${pointerSegment(key)}`
    const present = Object.hasOwn(value, key)
    const field = fieldFor(property, present ? value[key] : defaultFor(property), at, t, onChange)
    const description = typeof property.description === 'string' ? property.description : undefined
    const name = h('span', { class: 'name' }, key, required.has(key) ? h('span', { class: 'req', title: 'required' }, '*') : null)
    const control = h('div', { class: 'control' }, field.element)
    if (required.has(key)) {
      readers.push([key, (p) => field.read(p)])
      rows.push(h('div', { class: 'prop', 'data-pointer': at }, h('label', null, name), control, description ? h('small', null, description) : null))
      continue
    }
    const include = h('input', { type: 'checkbox', class: 'include', title: t.include, 'aria-label': `${t.include} ${key}` }) as HTMLInputElement
    include.checked = present
    control.hidden = !present
    include.addEventListener('change', () => {
      control.hidden = !include.checked
    })
    readers.push([key, (p) => (include.checked ? field.read(p) : OMIT)])
    rows.push(h('div', { class: 'prop optional', 'data-pointer': at }, h('label', null, include, name), control, description ? h('small', null, description) : null))
  }
  // Keys the schema does not list (an app's own fields) are kept, as JSON.
  const extra = Object.fromEntries(Object.entries(value).filter(([k]) => !Object.hasOwn(properties, k)))
  let extraReader: ((problems: FormProblem[]) => unknown) | undefined
  if (schema.additionalProperties !== false) {
    const field = jsonField(Object.keys(extra).length > 0 ? extra : undefined, pointer, t, 2)
    extraReader = (p) => field.read(p)
    const details = h('details', { class: 'extra' }, h('summary', null, t.otherFields), field.element)
    details.open = Object.keys(extra).length > 0
    rows.push(details)
  }
  return {
    element: h('div', { class: pointer === '' ? 'object root' : 'object' }, rows),
    read(problems) {
      const out: Record<string, unknown> = {}
      const more = extraReader?.(problems)
      // defineProperty, not `=`: a pasted "__proto__" key stays a key.
      if (isRecord(more)) for (const [k, v] of Object.entries(more)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true })
      else if (more !== undefined && more !== OMIT) problems.push({ path: pointer, message: t.otherFields })
      for (const [key, read] of readers) {
        const v = read(problems)
        if (v !== OMIT) Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true })
      }
      return out
    },
  }
}

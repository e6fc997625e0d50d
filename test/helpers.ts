import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Validator, type Schema } from '@cfworker/json-schema'
import { isPayloadError, type PayloadError } from '../src/entries/index.js'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** The published JSON Schema files, by name. */
export function publishedSchemas(): Map<string, Schema> {
  const dir = join(root, 'schemas')
  const out = new Map<string, Schema>()
  for (const file of readdirSync(dir)) out.set(file.replace(/\.schema\.json$/, ''), JSON.parse(readFileSync(join(dir, file), 'utf8')) as Schema)
  return out
}

/**
 * A validator for one published schema with every other published file registered for `$ref`s,
 * using @cfworker/json-schema: an implementation independent of Ajv, which built the package's
 * own validators.
 */
export function independentValidator(name: string): Validator {
  const schemas = publishedSchemas()
  const schema = schemas.get(name)
  if (!schema) throw new Error(`no schema ${name}`)
  const validator = new Validator(schema, '2020-12', false)
  for (const [other, s] of schemas) if (other !== name) validator.addSchema(s)
  return validator
}

/** The `PayloadError` that `fn` throws (by the package's own brand check, so errors of either build count); fails if it throws nothing. */
export function errorOf(fn: () => unknown): PayloadError {
  try {
    fn()
  } catch (error) {
    if (isPayloadError(error)) return error
    throw error
  }
  throw new Error('did not throw')
}

/** Every leaf of a JSON value by its JSON Pointer (an empty object or array is a leaf itself): the round-trip tests compare these. */
export function leaves<T = unknown>(value: T, path = '', out = new Map<string, T>()): Map<string, T> {
  if (typeof value === 'object' && value !== null) {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)
    if (entries.length === 0) out.set(path, value)
    for (const [k, v] of entries) leaves(v as T, `${path}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`, out)
  } else out.set(path, value)
  return out
}

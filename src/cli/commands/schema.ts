/** `schema`: a published JSON Schema, by type number or name. */
import { typeNames } from '../../generated/registry.js'
import type { Command } from '../args.js'
import { EXIT_OK, UsageError } from '../io.js'
import { payloadSchemaFiles } from '../schema-lookup.js'

export const schema: Command = ({ term, arg }) => {
  const files = payloadSchemaFiles()
  const name = arg === undefined ? 'payload' : /^[0-9]+$/.test(arg) ? (typeNames[Number(arg)] ?? (Number(arg) > 1000 ? 'system' : undefined)) : arg.replace(/\.schema\.json$/, '')
  const text = name === undefined ? undefined : files.get(name)
  if (text === undefined) throw new UsageError(`no schema "${arg}"; known: ${[...files.keys()].join(', ')}`)
  term.out(text.trimEnd())
  return EXIT_OK
}

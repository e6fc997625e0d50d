/**
 * `--types <module>`: an app's own payload types for every command that decodes, validates,
 * lints or digests. The module exports definitions (`definePayloadType`, alone or in arrays, named
 * or default) or a codec (`createCodec`'s result); definitions are compiled with `createCodec`.
 * Loaded by main.ts before the (synchronous) commands run.
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { isPayloadDefinition, type PayloadDefinition } from '../model/define.js'
import { createCodec, type Codec } from '../runtime/create-codec.js'
import { UsageError } from './io.js'

/** An app's codec and the names of its own types (for the `type N (name)` labels). */
export interface AppTypes {
  readonly codec: Codec
  readonly names: ReadonlyMap<number, string>
  /** The module as given on the command line (for messages). */
  readonly source: string
}

const CODEC_METHODS = ['validatePayload', 'decodePayload', 'safeDecodePayload', 'encodePayload', 'recommendFlags', 'digest'] as const

function isCodec(value: unknown): value is Codec {
  return typeof value === 'object' && value !== null && CODEC_METHODS.every((m) => typeof (value as Record<string, unknown>)[m] === 'function')
}

/** The definitions and the codec a module's exports hold (a default export is looked into as well). */
export function appTypesOf(exports: Record<string, unknown>, source: string): AppTypes {
  const definitions: PayloadDefinition[] = []
  const codecs: Codec[] = []
  const visit = (value: unknown): void => {
    if (isPayloadDefinition(value)) {
      if (!definitions.includes(value)) definitions.push(value)
    } else if (isCodec(value)) codecs.push(value)
    else if (Array.isArray(value)) for (const item of value) if (isPayloadDefinition(item) && !definitions.includes(item)) definitions.push(item)
  }
  for (const [name, value] of Object.entries(exports)) {
    visit(value)
    if (name === 'default' && typeof value === 'object' && value !== null && !isPayloadDefinition(value) && !isCodec(value) && !Array.isArray(value)) {
      for (const inner of Object.values(value)) visit(inner)
    }
  }
  const names = new Map(definitions.map((d) => [d.type, d.name]))
  if (codecs.length > 1) throw new UsageError(`--types ${source} exports ${codecs.length} codecs; export one (or only the definitions)`)
  const [codec] = codecs
  if (codec) return { codec, names, source }
  if (definitions.length === 0) throw new UsageError(`--types ${source} exports no payload definition (definePayloadType) and no codec (createCodec)`)
  const seen = new Set<number>()
  for (const d of definitions) {
    if (seen.has(d.type)) throw new UsageError(`--types ${source} defines type ${d.type} twice`)
    seen.add(d.type)
  }
  return { codec: createCodec({ types: definitions }) as unknown as Codec, names, source }
}

/** Imports the module (a path, relative to `cwd`, or a package name) and reads its types. Throws UsageError. */
export async function loadAppTypes(specifier: string, cwd: string): Promise<AppTypes> {
  const isPath = specifier.startsWith('.') || specifier.startsWith('/') || /^[A-Za-z]:[\\/]/.test(specifier)
  const target = isPath ? pathToFileURL(resolve(cwd, specifier)).href : specifier
  let exports: Record<string, unknown>
  try {
    exports = (await import(target)) as Record<string, unknown>
  } catch (error) {
    throw new UsageError(`--types ${specifier} could not be loaded: ${error instanceof Error ? error.message : String(error)} (give a JavaScript module that exports definitions or a codec)`)
  }
  return appTypesOf(exports, specifier)
}

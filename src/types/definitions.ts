/**
 * `payloadDefinitions`: every definition the type files of `./index.ts` export, by type number.
 * Derived from the module list, so a new type file is picked up by its one line there.
 */
import { isPayloadDefinition } from '../model/define.js'
import * as modules from './index.js'

/** Everything the type files export (the module namespace of `./index.ts`). */
export type TypeFileExports = typeof import('./index.js')

/** The definition of each known type (its precise type, for the union of payloads). */
export type KnownPayloadDefinition = Extract<TypeFileExports[keyof TypeFileExports], { readonly schema: unknown; readonly flags: unknown; readonly examples: unknown }>

/** Every payload type this package defines, by type number. */
export const payloadDefinitions: readonly KnownPayloadDefinition[] = (Object.values(modules) as unknown[])
  .filter((value): value is KnownPayloadDefinition => isPayloadDefinition(value))
  .sort((a, b) => a.type - b.type)

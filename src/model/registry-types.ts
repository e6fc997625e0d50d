import type { HeaderFlags } from './flags.js'
import type { BuilderTemplates, DigestSpec } from './define.js'

/** What the runtime needs of a type's definition, generated into `src/generated/registry.ts`. */
export interface TypeMeta {
  readonly name: string
  readonly flags: HeaderFlags
  readonly historyFlags?: HeaderFlags
  readonly digest: DigestSpec
  readonly templates?: Readonly<Record<string, BuilderTemplates>>
}

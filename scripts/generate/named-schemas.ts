/**
 * The job shared by the adapters' and the events' generated files: a list of named TypeBox
 * schemas becomes published JSON Schemas (`schemas/<file from $id>`), one module of Ajv
 * standalone validators exported under those names (through the same post-processing as the
 * payload validators) and its declarations.
 */
import type { TSchema } from '@sinclair/typebox'
import { SCHEMA_BASE } from '../../src/model/schema-ids.js'
import { compiledView } from '../../src/validate/compiled-view.js'
import { newAjv, standaloneModule } from './ajv-output.js'
import { JSON_SCHEMA_DIALECT, plain } from './compile.js'

export interface NamedSchemas {
  /** `src/generated/<module>.js` and `.d.ts`. */
  readonly module: string
  /** The `@generated` line, naming the source. */
  readonly header: string
  readonly schemas: readonly (readonly [name: string, schema: TSchema])[]
  /** The doc comment of each declaration. */
  readonly doc?: (schema: TSchema) => string
}

export async function namedSchemaOutputs({ module, header, schemas, doc = (s) => String(s.title) }: NamedSchemas): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const ajv = newAjv()
  const exports: Record<string, string> = {}
  for (const [name, schema] of schemas) {
    const { $id, title, description, ...rest } = plain(schema)
    out.set(`schemas/${String($id).slice(SCHEMA_BASE.length)}`, `${JSON.stringify({ $schema: JSON_SCHEMA_DIALECT, $id, title, description, ...rest }, null, 2)}\n`)
    ajv.addSchema(compiledView(plain(schema)))
    exports[name] = schema.$id as string
  }
  const entry = `export { ${Object.keys(exports).join(', ')} } from './standalone.js'`
  out.set(`src/generated/${module}.js`, `${header}\n/* eslint-disable */\n${await standaloneModule(ajv, exports, entry)}`)
  out.set(
    `src/generated/${module}.d.ts`,
    [header, `import type { ValidateFunction } from './validators.js'`, ...schemas.map(([name, schema]) => `/** ${doc(schema)} */\nexport declare const ${name}: ValidateFunction`), ''].join('\n'),
  )
  return out
}

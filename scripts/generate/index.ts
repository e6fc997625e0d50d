/**
 * Every generated file, keyed by its path from the project root: one compile step, then one job
 * per kind of output. Pure: `scripts/generate.ts` writes the result, `test/generated.test.ts`
 * compares it with the checked-in files.
 */
import { adapterOutputs } from './adapters.js'
import { apiOutputs } from './api.js'
import { compile } from './compile.js'
import { docsOutputs } from './docs.js'
import { eventOutputs } from './events.js'
import { fastChecksModule, fastChecksTypes } from './fast-checks.js'
import { hintsModule, shapesModule } from './hints.js'
import { buildersModule, messageTypeModule, registryModule } from './registry.js'
import { publishedSchemas, schemaOutputs } from './schemas.js'
import { validatorsModule, validatorsTypes } from './validators.js'

export async function buildOutputs(): Promise<Map<string, string>> {
  const compiled = compile()
  const schemas = publishedSchemas(compiled)
  const outputs = new Map<string, string>([
    ...schemaOutputs(schemas),
    ['src/generated/validators.js', await validatorsModule(compiled, schemas)],
    ['src/generated/validators.d.ts', validatorsTypes()],
    ['src/generated/fast-checks.js', fastChecksModule(compiled, schemas)],
    ['src/generated/fast-checks.d.ts', fastChecksTypes()],
    ['src/generated/hints.ts', hintsModule(compiled)],
    ['src/generated/shapes.ts', shapesModule(compiled)],
    ['src/generated/registry.ts', registryModule(compiled)],
    ['src/generated/message-type.ts', messageTypeModule(compiled)],
    ['src/generated/builders.ts', buildersModule()],
    ...docsOutputs(compiled),
    ...(await adapterOutputs()),
    ...(await eventOutputs()),
    ...(await apiOutputs()),
  ])
  return outputs
}

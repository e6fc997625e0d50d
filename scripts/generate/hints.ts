/**
 * `src/generated/hints.ts`: each built-in type's hints by position, read from its schema's
 * `x-hint` annotations (src/validate/hints.ts) — so that a payload issue's hint is its field's,
 * and an app type (whose tree `createCodec` builds the same way) gets only its own.
 * `src/generated/shapes.ts`: each built-in type's declared properties by position
 * (src/validate/shapes.ts), for the senders' strict mode.
 */
import { hintTree } from '../../src/validate/hints.js'
import { factored, shapeTree } from '../../src/validate/shapes.js'
import { Type } from '@sinclair/typebox'
import { commonFields } from '../../src/model/fields.js'
import { GenericSystemSchema } from '../../src/types/system/generic.js'
import type { Compiled } from './compile.js'
import { treeModule } from './tree-module.js'

export function hintsModule(compiled: Compiled): string {
  return treeModule({
    typeName: 'HintTree',
    importFrom: '../model/trees.js',
    byTypeName: 'hintsByType',
    byTypeDoc: "Each built-in type's hints by position (from its schema's `x-hint` annotations).",
    systemName: 'systemHints',
    systemDoc: 'The hints of a generic system message (1000–2000 without a definition of its own).',
    trees: compiled.types.map(({ definition }) => [definition.type, hintTree(definition.schema)] as const),
    system: hintTree(GenericSystemSchema),
  })
}

export function shapesModule(compiled: Compiled): string {
  // The common fields' declared properties, held once by every type's tree.
  const common = shapeTree(Type.Object(commonFields))
  return treeModule({
    typeName: 'ShapeTree',
    importFrom: '../model/trees.js',
    byTypeName: 'shapesByType',
    byTypeDoc: "Each built-in type's declared properties by position (what unknownProperties: 'reject' holds a payload to).",
    systemName: 'systemShape',
    systemDoc: 'The declared properties of a generic system message.',
    trees: compiled.types.map(({ definition }) => [definition.type, factored(shapeTree(definition.schema), common)] as const),
    system: factored(shapeTree(GenericSystemSchema), common),
  })
}

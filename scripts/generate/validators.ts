/**
 * `src/generated/validators.js`: one validation function per payload type. Each checks, in one
 * pass, the type's fields, the common fields and (for commands) the `param` of a known `cmd`, and
 * hands each nested payload it holds — at the positions found in its schema — to `visit`, which
 * `validatePayload` uses to check it by its own type next (iteratively: no input overflows the
 * stack). Errors are left in the function's `errors`, as Ajv does.
 */
import { isDeepStrictEqual } from 'node:util'
import { pointerSegment } from '../../src/validate/issues.js'
import { compiledView, type NestedPosition } from '../../src/validate/compiled-view.js'
import { GenericSystemSchema, genericSystem } from '../../src/types/system/generic.js'
import { SendMessageRequestSchema } from '../../src/send/request-schema.js'
import { newAjv, standaloneModule } from './ajv-output.js'
import { GENERATED_HEADER, plain, withoutParamRules, type Compiled, type JsonObject } from './compile.js'

/**
 * A system type's `content` and `extra` are checked by the generic system validator, called from
 * each system type's own (one function instead of a copy per type); the type keeps its own
 * `required` list and fields.
 */
function withSharedSystemBody(schema: JsonObject, generic: JsonObject): JsonObject {
  const properties = schema.properties as Record<string, JsonObject> | undefined
  const genericProperties = generic.properties as Record<string, JsonObject>
  if (schema.$id === GenericSystemSchema.$id || !properties) return schema
  const shared = ['content', 'extra'].filter((key) => isDeepStrictEqual(properties[key], genericProperties[key]))
  if (shared.length !== 2) return schema
  const { content: _content, extra: _extra, ...own } = properties
  return { ...schema, properties: own, allOf: [...((schema.allOf as JsonObject[] | undefined) ?? []), { $ref: GenericSystemSchema.$id }] }
}

/** Code that calls `visit` on each payload nested at `position` (JSON Pointers built as it goes). */
function visitCode(position: NestedPosition): string {
  let depth = 0
  const step = (holder: string, rest: readonly string[], pointer: string): string => {
    const [head, ...tail] = rest
    if (head === undefined) return `visit(${holder}, ${pointer});`
    const v = `v${depth++}`
    if (head === '*') {
      const i = `i${depth}`
      return `if (Array.isArray(${holder})) for (let ${i} = 0; ${i} < ${holder}.length; ${i}++) { const ${v} = ${holder}[${i}]; ${tail.length ? `if (isObject(${v})) { ${step(v, tail, `${pointer} + "/" + ${i}`)} }` : `if (isObject(${v})) ${step(v, tail, `${pointer} + "/" + ${i}`)}`} }`
    }
    const segment = JSON.stringify(`/${pointerSegment(head)}`)
    const next = tail.length === 0 ? `if (isObject(${v})) visit(${v}, ${pointer} + ${segment});` : tail[0] === '*' ? step(v, tail, `${pointer} + ${segment}`) : `if (isObject(${v})) { ${step(v, tail, `${pointer} + ${segment}`)} }`
    return `const ${v} = ${holder}[${JSON.stringify(head)}]; ${next}`
  }
  return `{ ${step('data', position, 'path')} }`
}

/**
 * The wrapper of one type: its Ajv function (fields and common fields), the `param` of a known
 * `cmd` by a map lookup (instead of Ajv's chain of if/then, one per command), then its nested
 * payloads.
 */
function wrapper(name: string, ajvName: string, nested: readonly NestedPosition[], params?: string): string {
  return [
    `function ${name}(data, path, visit) {`,
    `  let valid = ${ajvName}(data);`,
    `  ${name}.errors = valid ? null : ${ajvName}.errors;`,
    ...(params
      ? [
          `  const cmd = data.cmd;`,
          `  if (typeof cmd === "string" && Object.hasOwn(${params}, cmd)) {`,
          `    const param = data.param === undefined ? {} : data.param;`,
          `    const check = ${params}[cmd];`,
          // A `param` that is not an object was reported by the type's own validator.
          `    if (isObject(param) && !check(param, "/param")) { ${name}.errors = joinErrors(${name}.errors, check.errors); valid = false; }`,
          `  }`,
        ]
      : []),
    ...nested.map((p) => `  ${visitCode(p)}`),
    `  return valid;`,
    `}`,
  ].join('\n')
}

export async function validatorsModule(compiled: Compiled, schemas: ReadonlyMap<string, JsonObject>): Promise<string> {
  const ajv = newAjv()
  const generic = compiledView(schemas.get(genericSystem.name) as JsonObject)
  const withParams = new Set(compiled.types.filter((t) => t.definition.params).map((t) => t.definition.schema.$id))
  for (const [name, { $schema: _dialect, ...schema }] of schemas) {
    if (name === 'payload') continue
    const view = withSharedSystemBody(compiledView(schema), generic)
    ajv.addSchema(withParams.has(schema.$id as string) ? withoutParamRules(view) : view)
  }
  const exports: Record<string, string> = { ajvSystem: GenericSystemSchema.$id as string, sendMessageRequest: SendMessageRequestSchema.$id as string }
  const paramMaps: string[] = []
  for (const { definition } of compiled.types) {
    exports[`ajv${definition.type}`] = definition.schema.$id as string
    if (!definition.params) continue
    const entries = Object.entries(definition.params).map(([cmd, param], i) => {
      const id = `${definition.name}-param/${cmd}`
      ajv.addSchema(compiledView(plain(param)), id)
      exports[`param${definition.type}_${i}`] = id
      return `${JSON.stringify(cmd)}: param${definition.type}_${i}`
    })
    paramMaps.push(`const params${definition.type} = { ${entries.join(', ')} };`)
  }
  const entry = [
    `import { ${Object.keys(exports).filter((e) => e !== 'sendMessageRequest').join(', ')} } from './standalone.js'`,
    `export { sendMessageRequest } from './standalone.js'`,
    ...paramMaps,
    ...compiled.types.map((t) => wrapper(`type${t.definition.type}`, `ajv${t.definition.type}`, t.nested, t.definition.params ? `params${t.definition.type}` : undefined)),
    wrapper('system', 'ajvSystem', compiled.systemNested),
    `export { system }`,
    `/** Validator of each known type, by number. */`,
    `export const byType = { ${compiled.types.map((t) => `${t.definition.type}: type${t.definition.type}`).join(', ')} }`,
  ].join('\n')
  return `${GENERATED_HEADER}\n/* eslint-disable */\n${await standaloneModule(ajv, exports, entry)}`
}

export function validatorsTypes(): string {
  return [
    GENERATED_HEADER,
    `/** An Ajv error object (messages are built by src/validate/issues.ts). */`,
    `export interface AjvError { instancePath: string; keyword: string; params: Record<string, any> }`,
    `/** A generated validator: returns whether data is valid and leaves the errors in \`errors\`. */`,
    `export interface ValidateFunction { (data: unknown): boolean; errors?: AjvError[] | null }`,
    `/** Called with each nested payload a type's validator finds, and its JSON Pointer. */`,
    `export type VisitNested = (payload: Record<string, unknown>, path: string) => void`,
    `/** The validator of one payload type: fields, common fields and command params in one pass; nested payloads to \`visit\`. */`,
    `export interface PayloadTypeValidator { (data: Record<string, unknown>, path: string, visit: VisitNested): boolean; errors?: AjvError[] | null }`,
    `/** Generic system messages (1000–2000 without a specific schema). */`,
    `export declare const system: PayloadTypeValidator`,
    `/** The \`/message/send\` request body. */`,
    `export declare const sendMessageRequest: ValidateFunction`,
    `/** Validator of each known type, by number. */`,
    `export declare const byType: Readonly<Record<number, PayloadTypeValidator>>`,
    '',
  ].join('\n')
}

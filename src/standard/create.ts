/**
 * `createStandardValidator`: the one place where the package's results become Standard Schema V1
 * (`~standard`, spec 1.1.0) and Standard JSON Schema objects, so that tRPC, Hono's standard
 * validator, TanStack Form, AI SDKs and OpenAPI generators take the package's checks as they are.
 */
import type { StandardJSONSchemaV1, StandardSchemaV1 } from '@standard-schema/spec'
import type { PayloadError } from '../errors/payload-error.js'
import type { ValidationIssue } from '../errors/issue.js'
import { toTargetJsonSchema } from './json-schema.js'
import type { JsonSchemaTarget } from './json-schema.js'

/** The `vendor` of every object this package makes. */
export const STANDARD_VENDOR = 'wukong-payload'

/** What a package check answers: issues, or one `PayloadError` (which may carry issues). */
export type CheckResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] }
  | { readonly ok: false; readonly error: PayloadError }

/** One Standard Schema issue, with the package's issue code and JSON Pointer kept beside it. */
export interface StandardIssue extends StandardSchemaV1.Issue {
  readonly path?: ReadonlyArray<PropertyKey>
  /** The package's machine-readable code (`required`, `type`, `invalid_base64` …). */
  readonly code: string
  /** The same place as an RFC 6901 JSON Pointer (`""` is the value itself). */
  readonly pointer: string
}

/** A Standard Schema V1 that is also a Standard JSON Schema (`~standard.jsonSchema`). */
export interface StandardValidator<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output> & StandardJSONSchemaV1.Props<Input, Output>
  /** What the value is, for messages and tools (`"TextPayload"`, `"/message/send body"`). */
  readonly name: string
}

/** A Standard Schema V1 without JSON Schema output (for checks whose input is not one JSON document). */
export interface StandardCheck<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>
  readonly name: string
}

/** What {@link createStandardValidator} needs. */
export interface StandardValidatorSpec<Output> {
  /** What the value is, for messages and tools. */
  readonly name: string
  /** The package check: never throws, answers `{ ok, value }` or `{ ok: false, issues | error }`. */
  readonly validate: (value: unknown) => CheckResult<Output> | Promise<CheckResult<Output>>
  /** JSON Schema (TypeBox) of what is accepted. */
  readonly inputSchema: object
  /** JSON Schema of what comes out, when it differs from the input's (a decoded Base64 payload). */
  readonly outputSchema?: object
  /** Schemas with an `$id` that the two link to (`PayloadReferences` …). */
  readonly references?: readonly object[]
}

/** RFC 6901 segments of a JSON Pointer; array positions (as `value` has them) become numbers. */
export function pointerToPath(pointer: string, value: unknown): PropertyKey[] {
  if (pointer === '') return []
  const path: PropertyKey[] = []
  let at: unknown = value
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    const index = Array.isArray(at) && /^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : undefined
    path.push(index ?? segment)
    at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[segment] : undefined
  }
  return path
}

/** The package's issues as Standard Schema issues (`path` from the pointer, code and pointer kept). */
export function toStandardIssues(issues: readonly ValidationIssue[], value: unknown): StandardIssue[] {
  return issues.map((issue) => {
    const path = pointerToPath(issue.path, value)
    return { message: issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`, ...(path.length > 0 ? { path } : {}), code: issue.code, pointer: issue.path }
  })
}

function toStandardResult<Output>(result: CheckResult<Output>, value: unknown): StandardSchemaV1.Result<Output> {
  if (result.ok) return { value: result.value }
  if ('issues' in result) return { issues: toStandardIssues(result.issues, value) }
  const { error } = result
  if (error.issues.length > 0) return { issues: toStandardIssues(error.issues, value) }
  const issue: StandardIssue = { message: error.message, code: error.code.toLowerCase(), pointer: '' }
  return { issues: [issue] }
}

function settle<Output>(result: CheckResult<Output> | Promise<CheckResult<Output>>, value: unknown): StandardSchemaV1.Result<Output> | Promise<StandardSchemaV1.Result<Output>> {
  return result instanceof Promise ? result.then((r) => toStandardResult(r, value)) : toStandardResult(result, value)
}

/**
 * Wraps a package check (`validatePayload`, `validateSendRequest`, a read-side parser …) and its
 * JSON Schema as a Standard Schema V1 with Standard JSON Schema output. Issues become
 * `{ message, path }` (the message starts with the JSON Pointer; `code` and `pointer` stay on
 * each issue). `jsonSchema.input/output({ target })` write `draft-2020-12`, `draft-07` or
 * `openapi-3.0` and throw for other targets. Synchronous when the check is.
 */
export function createStandardValidator<Input, Output>(spec: StandardValidatorSpec<Output>): StandardValidator<Input, Output> {
  const references = spec.references ?? []
  const schemaFor = (schema: object) => (options: StandardJSONSchemaV1.Options) => toTargetJsonSchema(schema, references, options.target as JsonSchemaTarget)
  return {
    name: spec.name,
    '~standard': {
      version: 1,
      vendor: STANDARD_VENDOR,
      validate: (value: unknown) => settle(spec.validate(value), value),
      jsonSchema: { input: schemaFor(spec.inputSchema), output: schemaFor(spec.outputSchema ?? spec.inputSchema) },
    },
  }
}

/** {@link createStandardValidator} without JSON Schema output, for checks of a non-JSON input. */
export function createStandardCheck<Input, Output>(spec: Omit<StandardValidatorSpec<Output>, 'inputSchema' | 'outputSchema' | 'references'>): StandardCheck<Input, Output> {
  return { name: spec.name, '~standard': { version: 1, vendor: STANDARD_VENDOR, validate: (value: unknown) => settle(spec.validate(value), value) } }
}

/**
 * Ajv standalone code as the package ships it: generated once here for the payload validators and
 * the adapters' alike. Each pass shrinks Ajv's output without changing what it does, and throws
 * when Ajv's output no longer has the expected shape, so that an Ajv upgrade cannot slip past.
 */
import { Ajv, type Options } from 'ajv'
import standaloneCode from 'ajv/dist/standalone/index.js'
import { build } from 'esbuild'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The options every generated validator is compiled with. */
export function newAjv(): Ajv {
  return new Ajv({
    code: { source: true, esm: true, lines: true },
    allErrors: true, // all issues at once; also smaller code than stopping at the first
    messages: false, // messages are built by src/validate/issues.ts, with the fix in them
    strict: true,
    strictTypes: false,
    strictRequired: false,
    loopRequired: 1, // one loop over each `required` list: less code than a check per property
    inlineRefs: false, // shared structures compile to one function each instead of a copy per type
    // Lengths in UTF-16 units, as TypeBox counts them. The only length constraints are
    // `minLength: 1`, where both counts agree, and this keeps Ajv's `ucs2length` helper (and its
    // `require("ajv/dist/runtime/…")` string) out of the bundle.
    unicode: false,
    logger: false,
  } as Options)
}

/**
 * Drops `schemaPath` (unused by src/validate/issues.ts) and folds Ajv's 7-line "append an error"
 * block into one call of a shared function.
 */
function compactErrors(source: string): string {
  const block = /const (err\d+) = (\{.*\});\s*if\s*\(vErrors === null\)\s*\{\s*vErrors = \[\1\];\s*\}\s*else\s*\{\s*vErrors\.push\(\1\);\s*\}\s*errors\+\+;/g
  let out = source.replace(/schemaPath:\s*"(?:[^"\\]|\\.)*",\s*/g, '')
  out = out.replace(block, (_m, _name: string, error: string) => {
    const parts = /^\{\s*instancePath(?:\s*:\s*(.+?))?\s*,\s*keyword\s*:\s*("\w+")\s*,\s*params\s*:\s*(.*)\}$/.exec(error)
    // `{}`: a placeholder inside a sub-schema whose errors are discarded (the `if` of if/then).
    if (!parts) return `(vErrors ??= []).push(${error});\nerrors++;`
    return `vErrors = addError(vErrors, ${parts[1] ?? 'instancePath'}, ${parts[2]}, ${parts[3]});\nerrors++;`
  })
  return `function addError(errors, instancePath, keyword, params) {\n  (errors ??= []).push({ instancePath, keyword, params });\n  return errors;\n}\n${out}`
}

/** `parentData`, `parentDataProperty` and `rootData` serve only `$data` references, which no schema here uses. */
function dropDataArguments(out: string): string {
  return out
    .replace(/\{\s*instancePath\s*=\s*"",\s*parentData,\s*parentDataProperty,\s*rootData\s*=\s*data\s*\}\s*=\s*\{\}/g, '{ instancePath = "" } = {}')
    .replace(/(\{\s*instancePath:[^{}]*?),\s*parentData:\s*[\w.]+,\s*parentDataProperty:\s*(?:\w+|"[^"]*"),\s*rootData\s*\}/g, '$1 }')
    .replace(/\{\s*instancePath\s*,\s*parentData\s*,\s*parentDataProperty\s*,\s*rootData\s*\}/g, '{ instancePath }')
}

/** Enum errors point at the schema object (`schema9.properties.all.enum`): inline the values so that the schema objects drop out. */
function inlineSchemaReferences(out: string): string {
  const schemaObjects = new Map<string, unknown>()
  for (const [, name, json] of out.matchAll(/^const (schema\d+)\s*=\s*(\{.*\});$/gm)) schemaObjects.set(name as string, JSON.parse(json as string))
  return out.replace(/(?<!const )\b(schema\d+)((?:\.\w+|\[\d+\])+)/g, (_m, name: string, path: string) => {
    let value: any = schemaObjects.get(name)
    for (const key of path.match(/\w+/g) ?? []) value = value?.[key]
    if (!Array.isArray(value)) throw new Error(`unexpected Ajv standalone output: ${name}${path} is not a list`)
    return JSON.stringify(value)
  })
}

/** Ajv's number checks as the equivalent built-ins (`Number.isInteger`: finite, no fraction). */
function simplifyChecks(code: string): string {
  return code
    .replace(/typeof (\w+) == "number" && \(!\(\1 % 1\) && !isNaN\(\1\)\) && isFinite\(\1\)/g, 'Number.isInteger($1)')
    .replace(/typeof (\w+) == "number" && isFinite\(\1\)/g, 'Number.isFinite($1)')
}

/** Repeated expressions as shared helpers (defined in {@link HELPERS}); the location as a plain string argument. */
function shareHelpers(code: string): string {
  return code
    .replace(/\(data, \{ instancePath = "" \} = \{\}\)/g, '(data, instancePath = "")')
    .replace(/, \{ instancePath: ([^{}]+?) \}\)/g, ', $1)')
    .replace(/, \{ instancePath \}\)/g, ', instancePath)')
    // The comparison follows from the keyword (src/validate/issues.ts): keep only the limit.
    .replace(/"(minimum|maximum)", \{ comparison: "[<>]=", limit: /g, '"$1", { limit: ')
    .replace(/vErrors = vErrors === null \? (\w+)\.errors : vErrors\.concat\(\1\.errors\);/g, 'vErrors = joinErrors(vErrors, $1.errors);')
    .replace(/\b(\w+) && typeof \1 == "object" && !Array\.isArray\(\1\)/g, 'isObject($1)')
}

/**
 * In Ajv's output `errors` always equals the length of `vErrors` (or 0 while it is null); where
 * a function does not save and restore it (the `_errs` of if/then and anyOf), the counter is
 * dropped and `vErrors === null` answers "valid?".
 */
function dropErrorCounters(code: string): string {
  return code.replace(/^function (validate\d+)\([\s\S]*?^\}\n/gm, (fn) => {
    if (fn.includes('_errs')) return fn
    const out = fn
      .replace(/^\s*let errors = 0;\n/m, '')
      .replace(/^\s*errors\+\+;\n/gm, '')
      .replace(/^\s*errors = vErrors\.length;\n/gm, '')
      .replace(/return errors === 0;/, 'return vErrors === null;')
    if (/\berrors\b/.test(out.replace(/\.errors\b/g, ''))) throw new Error('unexpected Ajv standalone output: update dropErrorCounters')
    return out
  })
}

/** Keeps the first of each set of identical functions and points the others' callers at it. */
function dedupeFunctions(code: string): string {
  let out = code
  for (let changed = true; changed; ) {
    changed = false
    const first = new Map<string, string>()
    for (const [whole, name] of out.matchAll(/^function (validate\d+)\([\s\S]*?^\}\n/gm)) {
      const key = whole.replaceAll(new RegExp(`\\b${name}\\b`, 'g'), 'SELF')
      const original = first.get(key)
      if (original === undefined) {
        first.set(key, name as string)
        continue
      }
      out = out.replace(whole, '').replaceAll(new RegExp(`\\b${name}\\b`, 'g'), original)
      changed = true
      break
    }
  }
  return out
}

const HELPERS = [
  'function joinErrors(errors, more) {\n  return errors === null ? more : errors.concat(more);\n}',
  'function isObject(data) {\n  return data && typeof data == "object" && !Array.isArray(data);\n}',
].join('\n')

/**
 * Standalone code for the schemas added to `ajv`, exported under `exports` (name → `$id`), with
 * `entry` (extra module code that imports from './standalone.js') bundled in, no `require` left.
 */
export async function standaloneModule(ajv: Ajv, exports: Record<string, string>, entry: string): Promise<string> {
  let source = inlineSchemaReferences(dropDataArguments(compactErrors(standaloneCode(ajv, exports))))
  if (/vErrors\.push\(err\d+\)|schemaPath:|parentData|rootData|\bschema\d+\./.test(source)) throw new Error('unexpected Ajv standalone output: update ajv-output.ts')
  const result = await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: 'validators-entry.js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    legalComments: 'none',
    plugins: [
      {
        name: 'standalone',
        setup(b) {
          b.onResolve({ filter: /^\.\/standalone\.js$/ }, () => ({ path: 'standalone', namespace: 'standalone' }))
          b.onLoad({ filter: /.*/, namespace: 'standalone' }, () => ({ contents: source, loader: 'js', resolveDir: root }))
        },
      },
    ],
  })
  source = `${HELPERS}\n${dedupeFunctions(dropErrorCounters(shareHelpers(simplifyChecks(result.outputFiles[0]?.text ?? ''))))}`
  if (/\{ instancePath|instancePath: /.test(source.replace(/push\(\{ instancePath, keyword, params \}\)/, ''))) throw new Error('unexpected Ajv standalone output: update shareHelpers')
  return source
}

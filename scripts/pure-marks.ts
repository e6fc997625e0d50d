import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

/**
 * The pure marks of the schema-building layers (`markedFolders`): every schema-building call there carries
 * `/* @__PURE__ *\/` in the source itself (explicit, reviewable, seen by every bundler without a
 * plugin). This finds the calls that need one and writes the marks (`--write`) or lists what lacks
 * one (`--check`, run by test/pure-marks.test.ts). The calls marked: TypeBox's `Type.*(…)` and the package's schema constructors (`definePayloadType`, `withStatic` and the
 * PascalCase helpers such as `DecimalId`: by convention a PascalCase call there builds a schema).
 * They only build objects; with the mark a bundler drops those whose result is unused, so that a
 * consumer importing one builder from `wukong-payload/render` gets neither TypeBox nor the
 * schemas. esbuild keeps the marks in dist/, for the consumer's bundler. TypeScript's scanner
 * finds the calls, so that comments and strings are never touched.
 */
/** The language's own PascalCase functions (conversions, not schema builders): never marked. */
const globalConversions = new Set(['String', 'Number', 'BigInt', 'Boolean', 'Symbol', 'Object', 'Array', 'Date', 'Error', 'TypeError', 'RangeError', 'Promise'])

export function markPureCalls(source: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source)
  const tokens: { kind: ts.SyntaxKind; text: string; start: number }[] = []
  // Open `{` and `${`: a `}` closing a `${` continues its template literal.
  const braces: boolean[] = []
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) {
      const previous = tokens.at(-1)?.kind
      // A `/` where an expression starts is a regular expression literal.
      if (previous === undefined || ![ts.SyntaxKind.Identifier, ts.SyntaxKind.CloseParenToken, ts.SyntaxKind.CloseBracketToken, ts.SyntaxKind.NumericLiteral, ts.SyntaxKind.StringLiteral].includes(previous)) kind = scanner.reScanSlashToken()
    } else if (kind === ts.SyntaxKind.OpenBraceToken) braces.push(false)
    else if (kind === ts.SyntaxKind.TemplateHead) braces.push(true)
    else if (kind === ts.SyntaxKind.CloseBraceToken && braces.pop() === true) {
      kind = scanner.reScanTemplateToken(false)
      if (kind === ts.SyntaxKind.TemplateMiddle) braces.push(true)
    }
    tokens.push({ kind, text: scanner.getTokenText(), start: scanner.getTokenStart() })
  }
  const isCall = (at: number): boolean => {
    let i = at
    if (tokens[i]?.kind === ts.SyntaxKind.LessThanToken) {
      // Type arguments: skip to the matching `>`.
      for (let depth = 0; i < tokens.length; i++) {
        const k = tokens[i]?.kind
        if (k === ts.SyntaxKind.LessThanToken) depth++
        else if (k === ts.SyntaxKind.GreaterThanToken && --depth === 0) break
        else if (k === ts.SyntaxKind.OpenParenToken || k === ts.SyntaxKind.SemicolonToken) return false
      }
      i++
    }
    return tokens[i]?.kind === ts.SyntaxKind.OpenParenToken
  }
  /** Index of the `(` of a call whose callee (and type arguments) start at `at`. */
  const callOpen = (at: number): number => {
    let i = at
    while (tokens[i]?.kind !== ts.SyntaxKind.OpenParenToken) i++
    return i
  }
  /** Index of the `)` matching the `(` at `open`. */
  const matching = (open: number): number => {
    let depth = 0
    for (let i = open; i < tokens.length; i++) {
      const k = tokens[i]?.kind
      if (k === ts.SyntaxKind.OpenParenToken) depth++
      else if (k === ts.SyntaxKind.CloseParenToken && --depth === 0) return i
    }
    throw new Error('markPureCalls: unbalanced parentheses')
  }
  const marks: number[] = []
  /** Expressions a bundler keeps even when marked (a property read such as `fooDefinition.schema` after `=`, which a getter might serve): wrapped in a marked arrow call. */
  const reads: [start: number, end: number][] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as (typeof tokens)[number]
    if (t.kind !== ts.SyntaxKind.Identifier) continue
    if (/Definition$/.test(t.text) && tokens[i - 1]?.kind === ts.SyntaxKind.EqualsToken && tokens[i + 1]?.kind === ts.SyntaxKind.DotToken && tokens[i + 2]?.text === 'schema') {
      const last = tokens[i + 2] as (typeof tokens)[number]
      reads.push([t.start, last.start + last.text.length])
      continue
    }
    const before = tokens[i - 1]
    if (before && (before.kind === ts.SyntaxKind.DotToken || before.kind === ts.SyntaxKind.NewKeyword || before.kind === ts.SyntaxKind.FunctionKeyword)) continue
    let open = -1
    if (t.text === 'Type' && tokens[i + 1]?.kind === ts.SyntaxKind.DotToken && /^[A-Z]/.test(tokens[i + 2]?.text ?? '') && isCall(i + 3)) open = callOpen(i + 3)
    else if ((t.text === 'definePayloadType' || t.text === 'withStatic' || (/^[A-Z]\w*[a-z]\w*$/.test(t.text) && !globalConversions.has(t.text))) && isCall(i + 1)) open = callOpen(i + 1)
    if (open < 0) continue
    const close = matching(open)
    // A spread in the arguments (`{ ...meta, ... }`) may run a getter, so a bundler keeps a
    // marked call with one: such a call goes into a marked arrow call without arguments.
    if (tokens.slice(open, close).some((x) => x.kind === ts.SyntaxKind.DotDotDotToken)) {
      const last = tokens[close] as (typeof tokens)[number]
      reads.push([t.start, last.start + 1])
    } else marks.push(t.start)
  }
  const inserts: [at: number, text: string][] = []
  // Calls already marked in the source keep their one mark.
  for (const at of marks) if (!/__PURE__\s*\*\/\s*$/.test(source.slice(Math.max(0, at - 20), at))) inserts.push([at, '/* @__PURE__ */ '])
  // A read or call already wrapped in a marked arrow call (`/* @__PURE__ */ (() => …)()`) stays as it is.
  for (const [start, end] of reads) if (!/__PURE__\s*\*\/\s*\(\(\)\s*=>\s*$/.test(source.slice(Math.max(0, start - 40), start))) inserts.push([start, '/* @__PURE__ */ (() => '], [end, ')()'])
  let out = source
  for (const [at, text] of inserts.sort((x, y) => y[0] - x[0])) out = `${out.slice(0, at)}${text}${out.slice(at)}`
  return out
}

const root = join(import.meta.dirname, '..')

/** The layers that build schemas at module level (a bundler must be able to drop them unused). */
export const markedFolders = ['types', 'model', 'events', 'api']

/** The source files whose schema-building calls carry pure marks. */
export function markedFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []))
  return markedFolders.flatMap((folder) => walk(join(root, 'src', folder)))
}

/** The files (relative to the repository) whose source lacks a mark that `markPureCalls` would add. */
export function unmarkedFiles(): string[] {
  return markedFiles().filter((file) => { const source = readFileSync(file, 'utf8'); return markPureCalls(source) !== source }).map((file) => relative(root, file))
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  if (process.argv.includes('--write')) {
    for (const file of markedFiles()) {
      const source = readFileSync(file, 'utf8')
      const marked = markPureCalls(source)
      if (marked !== source) writeFileSync(file, marked)
    }
  } else {
    const missing = unmarkedFiles()
    for (const file of missing) console.error(`${file}: a schema-building call lacks its /* @__PURE__ */ mark (npm run pure-marks)`)
    process.exitCode = missing.length ? 1 : 0
  }
}

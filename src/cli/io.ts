/**
 * What every command shares: the process-free I/O (`Io`), standard input read as bytes with fatal
 * UTF-8, terminal-safe output, the exit codes and the one way errors are reported.
 */
import { capIssues } from './cap.js'
import { strictUtf8ToText } from '../wire/base64-check.js'
import type { PayloadError } from '../errors/payload-error.js'
import type { LintFinding } from '../send/lint.js'
import type { AppTypes } from './app-types.js'

export const EXIT_OK = 0
export const EXIT_INVALID = 1
export const EXIT_USAGE = 2

/** A wrong command line: exit 2 with the message. */
export class UsageError extends Error {}

/** The process, as the commands see it (tests pass fakes). */
export interface Io {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  readonly color: boolean
  /** Standard input: its bytes (decoded here, strictly), or text a test already has. */
  readonly stdin: () => Uint8Array | string
  /** Sets the exit code after run() returned (a long-running command that fails later). */
  readonly setExitCode?: (code: number) => void
  /** The app's own types, loaded by main.ts from `--types <module>` before `run`. */
  readonly appTypes?: AppTypes | undefined
}

/**
 * C0 controls but line feed and tab, DEL and C1 (U+0080–U+009F, where 0x9B is CSI on some
 * terminals): written as `\u001b` so that payload text cannot move the cursor, retitle the window
 * or clear the screen. The escape is also valid inside a JSON string, so `--json` stays JSON.
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/** Text with every terminal control character escaped (see {@link CONTROLS}). */
export function terminalSafe(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** A piece of output the CLI itself styles (a label); its text is escaped like any other. */
export interface Styled {
  readonly style: string
  readonly text: string
}

export type Piece = string | Styled

export function paint(style: string, text: string): Styled {
  return { style, text }
}

/** Output that escapes all data and adds colour (when asked for) only around the CLI's labels. */
export class Terminal {
  constructor(readonly io: Io) {}

  private line(pieces: readonly Piece[]): string {
    let out = ''
    for (const p of pieces) {
      if (typeof p === 'string') out += terminalSafe(p)
      else out += this.io.color ? `\u001b[${p.style}m${terminalSafe(p.text)}\u001b[0m` : terminalSafe(p.text)
    }
    return out
  }

  out(...pieces: Piece[]): void {
    this.io.out(this.line(pieces))
  }

  err(...pieces: Piece[]): void {
    this.io.err(this.line(pieces))
  }
}

/** Library messages name API options; on the command line they are flags. */
const OPTION_TO_FLAG: readonly [RegExp, string][] = [[/\{ lenient: true \}/g, '--lenient']]

export function inFlags(message: string): string {
  let out = message
  for (const [option, flag] of OPTION_TO_FLAG) out = out.replace(option, flag)
  return out
}

/** ASCII whitespace only: `String.prototype.trim` would also remove a BOM (U+FEFF), which is not JSON. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d
}

export function trimAscii(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && isSpace(text.charCodeAt(start))) start++
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--
  return text.slice(start, end)
}

/**
 * The command's input: the positional argument, or standard input for "-" (or no argument with
 * a pipe). Standard input is decoded as strict UTF-8 (invalid bytes: `INVALID_UTF8`, exit 1) and
 * nothing but ASCII whitespace is removed. Empty input is a usage error ("no input").
 */
export function readInput(io: Io, arg: string | undefined, stdinIsTty: boolean): string {
  if (arg === '-' || (arg === undefined && !stdinIsTty)) {
    const raw = io.stdin()
    const text = trimAscii(typeof raw === 'string' ? raw : strictUtf8ToText(raw))
    if (text === '') throw new UsageError('no input: standard input was empty; pipe a payload, or give it as an argument')
    return text
  }
  if (arg === undefined) throw new UsageError('missing input: give it as an argument, or "-" to read standard input')
  const text = trimAscii(arg)
  if (text === '') throw new UsageError('no input: the argument is empty')
  return text
}

/** Reports a PayloadError: one line (and up to the first issues) on stderr, or JSON on stdout. */
export function reportError(term: Terminal, error: PayloadError, json: boolean): number {
  const { shown, omitted } = capIssues(error.issues)
  if (json) {
    term.out(JSON.stringify({ ok: false, code: error.code, message: inFlags(error.message), issues: shown.map((i) => ({ ...i, message: inFlags(i.message) })), ...(omitted > 0 ? { issues_omitted: omitted } : {}) }, null, 2))
    return EXIT_INVALID
  }
  term.err(paint('31', `error ${error.code}`), `: ${inFlags(error.message)}`)
  for (const issue of shown.slice(3)) term.err(`  ${issue.path || '/'}: ${inFlags(issue.message)}`)
  if (omitted > 0) term.err(`  … and ${omitted} more`)
  return EXIT_INVALID
}

export function printLint(term: Terminal, findings: readonly LintFinding[]): void {
  if (findings.length === 0) term.out(paint('2', 'lint:'), ' no findings')
  for (const f of findings) term.out(paint('33', 'lint:'), ` ${f.path}: ${f.message} [${f.code}]`)
}

export function flagsText(f: { no_persist: number; red_dot: number; sync_once: number }): string {
  return `no_persist ${f.no_persist}, red_dot ${f.red_dot}, sync_once ${f.sync_once}`
}

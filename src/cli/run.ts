/**
 * The command-line tool's dispatcher, free of process globals so that tests run it in process:
 * `run(argv, io, stdinIsTty)` returns the exit code (0 ok, 1 invalid input, 2 usage error) and
 * never throws. Each command lives in `commands/`; `main.ts` wires this to the process.
 */
import { isPayloadError } from '../errors/payload-error.js'
import type { Locale } from '../model/define.js'
import { HELP, helpFor, parseCommandLine, type Command } from './args.js'
import { decode } from './commands/decode.js'
import { encode } from './commands/encode.js'
import { render } from './commands/render.js'
import { schema } from './commands/schema.js'
import { send } from './commands/send.js'
import { types } from './commands/types.js'
import { validate } from './commands/validate.js'
import { inspect } from './commands/inspect.js'
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, readInput, reportError, Terminal, UsageError, type Io } from './io.js'
import { packageVersion } from './schema-lookup.js'

export type { Io } from './io.js'

/**
 * Every command, by name. A new command is one file in `commands/` exporting a {@link Command},
 * one row here and its text in `HELP` (args.ts).
 */
const COMMANDS: Readonly<Record<string, Command>> = {
  decode,
  encode,
  validate,
  render,
  inspect,
  send,
  schema,
  types,
}

/** The commands that read an input (an argument, or standard input). */
const INPUT_COMMANDS: ReadonlySet<string> = new Set(['decode', 'encode', 'validate', 'render', 'send'])

/**
 * Whether {@link run} will read standard input for these arguments: a command that takes an
 * input given `-`, or no input argument while standard input is not a terminal. The bin reads
 * standard input (asynchronously, to its end) only then, before calling {@link run}. Never throws.
 */
export function readsStandardInput(argv: readonly string[], stdinIsTty: boolean): boolean {
  try {
    const { values, positionals } = parseCommandLine(argv)
    const [name, arg] = positionals
    if (values.help || values.version || name === undefined || !INPUT_COMMANDS.has(name)) return false
    return arg === '-' || (arg === undefined && !stdinIsTty)
  } catch {
    return false
  }
}

/** Runs the CLI; returns the exit code. Never throws. */
export function run(argv: readonly string[], io: Io, stdinIsTty: boolean): number {
  const term = new Terminal(io)
  let parsed
  try {
    parsed = parseCommandLine(argv)
  } catch (error) {
    term.err(`usage error: ${(error as Error).message}; see "wukong-payload --help"`)
    return EXIT_USAGE
  }
  const { values, positionals } = parsed
  const [name, arg, ...extra] = positionals
  if (values.version) {
    term.out(packageVersion())
    return EXIT_OK
  }
  if (name === undefined || name === 'help') {
    term.out(helpFor(arg ?? 'main'))
    return name === undefined && !values.help ? EXIT_USAGE : EXIT_OK
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (command === undefined || !Object.hasOwn(HELP, name)) {
    term.err(`usage error: unknown command "${name}"; see "wukong-payload --help"`)
    return EXIT_USAGE
  }
  if (values.help) {
    term.out(helpFor(name))
    return EXIT_OK
  }
  const json = values.json ?? false
  try {
    const locale = values.locale ?? 'zh'
    if (locale !== 'zh' && locale !== 'en') throw new UsageError('--locale must be zh or en')
    if (values.types !== undefined && io.appTypes === undefined) throw new UsageError(`--types ${values.types} was not loaded (the wukong-payload executable loads it)`)
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (quote JSON input, or pass it on standard input)`)
    return command({ term, arg, input: () => readInput(io, arg, stdinIsTty), values, json, lenient: values.lenient ?? false, locale: locale as Locale, appTypes: io.appTypes, setExitCode: (code) => io.setExitCode?.(code) })
  } catch (error) {
    if (error instanceof UsageError) {
      term.err(`usage error: ${error.message}`)
      return EXIT_USAGE
    }
    if (isPayloadError(error)) return reportError(term, error, json)
    let message = 'unexpected failure'
    try {
      message = error instanceof Error ? error.message : String(error)
    } catch {
      // A thrown value with no string form.
    }
    term.err(`error: ${message}`)
    return EXIT_INVALID
  }
}

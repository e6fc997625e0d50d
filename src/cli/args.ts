/**
 * The command line: help texts, the options every command may use, and what a command gets.
 */
import { parseArgs } from 'node:util'
import type { Locale } from '../model/define.js'
import type { Terminal } from './io.js'
import type { AppTypes } from './app-types.js'

export const HELP: Readonly<Record<string, string>> = {
  main: `Usage: wukong-payload <command> [options]

Commands:
  decode <base64 | json | ->   decode a payload, a /message/send body or a webhook body
  encode <json | ->            validate a payload and print its Base64
  validate <json | base64 | -> exit 0 when valid, 1 with each issue as "path: message"
  render <json | base64 | ->   render a system or text message
  send <payload json | ->      print a complete /message/send body
  schema [type]                print a published JSON Schema
  types                        list the known payload types and their flags
  inspect [--port N]           serve the payload inspector web page on 127.0.0.1

Input is read from standard input when it is "-" or piped.
Options for every command: --json (machine-readable output), --help, --types <module> (an app's
own payload types: a JavaScript module exporting definePayloadType definitions or a createCodec codec).
Run "wukong-payload <command> --help" for a command's options.`,
  decode: `Usage: wukong-payload decode <base64 | json | -> [--json] [--locale zh|en] [--self UID] [--lenient]

Decodes a Base64 payload, a payload JSON object, a whole /message/send body or a webhook body
(a JSON list of messages) and prints the payload, its type, digest, rendered text (system
messages), recommended header flags and lint findings.
  --lenient      accept URL-safe or unpadded Base64
  --locale       language of digests and the reader's label (default zh)
  --self UID     the reader's uid: their own name renders as 你/You`,
  encode: `Usage: wukong-payload encode <json | -> [--json]

Validates a payload JSON object and prints the standard, padded Base64 that /message/send wants.
The output is always standard Base64; --lenient only affects decoding.`,
  validate: `Usage: wukong-payload validate <json | base64 | -> [--json] [--lenient]

Exit 0 when the payload (or /message/send body, or webhook body) is valid; exit 1 and print
each issue as "path: message" otherwise. A /message/send body is checked as the library's
validateSendRequest checks it: the envelope (channel_id, channel_type, header flags, …) and
the payload inside it, whose issues are at /payload/….`,
  render: `Usage: wukong-payload render <json | base64 | -> [--self UID] [--locale zh|en] [--html] [--json]

Renders a system message's template: every {n} becomes extra[n].name.`,
  send: `Usage: wukong-payload send --from UID --channel ID --channel-type 1|2 <payload json | -> [options]

Prints a complete /message/send body, ready for curl: payload Base64-encoded, header flags
recommended for the payload's type, client_msg_no a fresh UUID.
  --keep-in-history   send system messages with flags that keep them in channel history
  --client-msg-no ID  use this client_msg_no
  --subscribers a,b   deliver only to these uids (commands)`,
  schema: `Usage: wukong-payload schema [type]

Prints the published JSON Schema of a payload type (by number or name, e.g. 1 or text), or of
the payload union when no type is given. Also: send-message-request, mention, reply, ….`,
  types: `Usage: wukong-payload types [--json]

Lists the known payload types with their recommended header flags.`,
  inspect: `Usage: wukong-payload inspect [--port N]

Serves the payload inspector — a web page that decodes, validates and previews payloads, send
bodies and webhook bodies, and builds payloads from a form — on http://127.0.0.1 (a free port
unless --port is given; the address is printed). The page makes no network requests.`,
}

/** The help text of a command; the main help for anything else (`help __proto__` included). */
export function helpFor(command: string): string {
  return (Object.hasOwn(HELP, command) ? HELP[command] : undefined) ?? (HELP.main as string)
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  json: { type: 'boolean' },
  lenient: { type: 'boolean' },
  html: { type: 'boolean' },
  locale: { type: 'string' },
  self: { type: 'string' },
  from: { type: 'string' },
  channel: { type: 'string' },
  'channel-type': { type: 'string' },
  'keep-in-history': { type: 'boolean' },
  'client-msg-no': { type: 'string' },
  subscribers: { type: 'string' },
  port: { type: 'string' },
  types: { type: 'string' },
} as const

/** Parses argv strictly (an unknown option throws, which `run` reports as a usage error). */
export function parseCommandLine(argv: readonly string[]) {
  return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS })
}

export type CliValues = ReturnType<typeof parseCommandLine>['values']

/** What a command gets: output, its argument, its input (read on demand) and the options. */
export interface CommandContext {
  readonly term: Terminal
  /** The first positional after the command name (input, or a schema name). */
  readonly arg: string | undefined
  /** The input: the argument, or standard input. Throws UsageError or PayloadError (bad UTF-8). */
  readonly input: () => string
  readonly values: CliValues
  readonly json: boolean
  readonly lenient: boolean
  readonly locale: Locale
  /** The app's own types (`--types <module>`), when given. */
  readonly appTypes?: AppTypes | undefined
  /** Sets the exit code later, for a command that keeps running (`inspect`). */
  readonly setExitCode: (code: number) => void
}

/** A command: returns the exit code; may throw UsageError or PayloadError, which `run` reports. */
export type Command = (context: CommandContext) => number

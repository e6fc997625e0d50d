/**
 * The command-line tool's logic, free of process globals so that tests can fuzz it in process:
 * `run(argv, io, stdinIsTty)` returns the exit code (0 ok, 1 invalid input, 2 usage error) and
 * never throws. `main.ts` wires it to the process.
 */
import { parseArgs } from 'node:util'
import { safeDecodePayload, payloadJson } from '../codec/codec.js'
import { textToBase64 } from '#platform'
import { isPayloadError, PayloadError } from '../errors/payload-error.js'
import { SCHEMA_BASE } from '../model/schema-ids.js'
import { isSystemType } from '../model/message-type.js'
import type { Locale } from '../model/define.js'
import { typeFlags, typeHistoryFlags, typeNames } from '../generated/registry.js'
import type { Payload } from '../types/payload.js'
import { recommendFlags } from '../send/flags.js'
import { lintPayload, lintSendRequest, type LintFinding } from '../send/lint.js'
import { buildSendRequest } from '../send/request.js'
import { digest } from '../render/digest.js'
import { renderSystemMessage, renderSystemMessageHtml } from '../render/render.js'
import { validatePayload } from '../validate/validate.js'
import { decodeWebhookMessages, parseJsonExact } from '../webhooks/messages.js'
import { packageVersion, payloadSchemaFiles } from './schema-lookup.js'
import { commandInspect, parsePort } from './commands/inspect.js'

const EXIT_OK = 0
const EXIT_INVALID = 1
const EXIT_USAGE = 2

const HELP: Readonly<Record<string, string>> = {
  main: `Usage: wukong-payload <command> [options]

Commands:
  decode <base64 | json | ->   decode a payload, a /message/send body or a webhook body
  encode <json | ->            validate a payload and print its Base64
  validate <json | base64 | -> exit 0 when valid, 1 with each issue as "path: message"
  render <json | base64 | ->   render a system message
  send <payload json | ->      print a complete /message/send body
  schema [type]                print a published JSON Schema
  types                        list the known payload types and their flags
  inspect [--port N]           serve the payload inspector web page on 127.0.0.1

Input is read from standard input when it is "-" or piped.
Options for every command: --json (machine-readable output), --help.
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

Exit 0 when the payload (or /message/send body) is valid; exit 1 and print each issue as
"path: message" otherwise.`,
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
function helpFor(command: string): string {
  return (Object.hasOwn(HELP, command) ? HELP[command] : undefined) ?? (HELP.main as string)
}

class UsageError extends Error {}

export interface Io {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  readonly color: boolean
  readonly stdin: () => string
  /** Sets the exit code after run() returned (a long-running command that fails later). */
  readonly setExitCode?: (code: number) => void
}

function paint(io: Io, code: string, text: string): string {
  return io.color ? `\u001b[${code}m${text}\u001b[0m` : text
}

/** Reads the positional input, or standard input for "-" / no argument with a pipe. */
function readInput(io: Io, arg: string | undefined, stdinIsTty: boolean): string {
  if (arg === '-' || (arg === undefined && !stdinIsTty)) return io.stdin().trim()
  if (arg === undefined) throw new UsageError('missing input: give it as an argument, or "-" to read standard input')
  return arg.trim()
}

type Parsed =
  | { kind: 'payload'; payload: Payload }
  | { kind: 'request'; request: Record<string, unknown>; payload: Payload }
  | { kind: 'webhook'; messages: ReturnType<typeof decodeWebhookMessages> }
  | { kind: 'error'; error: PayloadError }

/** Understands what a user pasted: Base64, a payload object, a send body or a webhook list. */
function parseAnything(input: string, lenient: boolean): Parsed {
  if (input.startsWith('{') || input.startsWith('[')) {
    let value: unknown
    try {
      value = parseJsonExact(input)
    } catch (error) {
      return { kind: 'error', error: error as PayloadError }
    }
    if (Array.isArray(value) || (typeof value === 'object' && value !== null && Array.isArray((value as { messages?: unknown }).messages))) {
      return { kind: 'webhook', messages: decodeWebhookMessages(value, { lenient }) }
    }
    const record = value as Record<string, unknown>
    if (typeof record.payload === 'string') {
      const decoded = safeDecodePayload(record.payload, { lenient })
      if (!decoded.ok) return { kind: 'error', error: prefixed(decoded.error, '/payload') }
      return { kind: 'request', request: record, payload: decoded.value }
    }
    // Decoded from the text, so that numbers beyond 2^53 are caught rather than rounded.
    const decoded = safeDecodePayload(new TextEncoder().encode(input))
    return decoded.ok ? { kind: 'payload', payload: decoded.value } : { kind: 'error', error: decoded.error }
  }
  const decoded = safeDecodePayload(input, { lenient })
  return decoded.ok ? { kind: 'payload', payload: decoded.value } : { kind: 'error', error: decoded.error }
}

function prefixed(error: PayloadError, prefix: string): PayloadError {
  return new PayloadError(error.code, error.message, error.issues.map((i) => ({ ...i, path: `${prefix}${i.path}` })), error.offset)
}

function typeLabel(type: number): string {
  return typeNames[type] ?? (isSystemType(type) ? 'system' : 'unknown')
}

function flagsText(f: { no_persist: number; red_dot: number; sync_once: number }): string {
  return `no_persist ${f.no_persist}, red_dot ${f.red_dot}, sync_once ${f.sync_once}`
}

function describePayload(payload: Payload, locale: Locale, selfUid: string | undefined) {
  const options = { locale, ...(selfUid === undefined ? {} : { selfUid }) }
  return {
    type: payload.type,
    name: typeLabel(payload.type),
    digest: digest(payload, options),
    ...(isSystemType(payload.type) ? { rendered: renderSystemMessage(payload, options) } : {}),
    flags: recommendFlags(payload),
    payload,
  }
}

function reportError(io: Io, error: PayloadError, json: boolean): number {
  if (json) {
    io.out(JSON.stringify({ ok: false, code: error.code, message: error.message, issues: error.issues }, null, 2))
    return EXIT_INVALID
  }
  io.err(`${paint(io, '31', `error ${error.code}`)}: ${error.message}`)
  for (const issue of error.issues.slice(3)) io.err(`  ${issue.path || '/'}: ${issue.message}`)
  return EXIT_INVALID
}

function printLint(io: Io, findings: readonly LintFinding[]): void {
  if (findings.length === 0) io.out(`${paint(io, '2', 'lint:')} no findings`)
  for (const f of findings) io.out(`${paint(io, '33', 'lint:')} ${f.path}: ${f.message} [${f.code}]`)
}

function printPayload(io: Io, d: ReturnType<typeof describePayload>, lint: readonly LintFinding[]): void {
  io.out(`${paint(io, '1', 'type')}: ${d.type} (${d.name})`)
  io.out(`${paint(io, '1', 'digest')}: ${d.digest}`)
  if (d.rendered !== undefined) io.out(`${paint(io, '1', 'rendered')}: ${d.rendered}`)
  io.out(`${paint(io, '1', 'recommended flags')}: ${flagsText(d.flags)}`)
  printLint(io, lint)
  io.out(JSON.stringify(d.payload, null, 2))
}

function commandDecode(io: Io, input: string, o: { json: boolean; lenient: boolean; locale: Locale; self: string | undefined }): number {
  const parsed = parseAnything(input, o.lenient)
  switch (parsed.kind) {
    case 'error':
      return reportError(io, parsed.error, o.json)
    case 'payload': {
      const d = describePayload(parsed.payload, o.locale, o.self)
      const lint = lintPayload(parsed.payload)
      if (o.json) io.out(JSON.stringify({ ok: true, ...d, lint }, null, 2))
      else printPayload(io, d, lint)
      return EXIT_OK
    }
    case 'request': {
      const d = describePayload(parsed.payload, o.locale, o.self)
      const lint = lintSendRequest(parsed.request)
      if (o.json) io.out(JSON.stringify({ ok: true, request: { ...parsed.request, payload: undefined }, ...d, lint }, null, 2))
      else printPayload(io, d, lint)
      return EXIT_OK
    }
    case 'webhook': {
      const results = parsed.messages.map((m) =>
        m.payload ? { ok: true, message_id: m.message_id, from_uid: m.from_uid, channel_id: m.channel_id, ...describePayload(m.payload, o.locale, o.self) } : { ok: false, message_id: m.message_id, code: m.error?.code, message: m.error?.message },
      )
      if (o.json) io.out(JSON.stringify(results, null, 2))
      else {
        for (const r of results) {
          if (r.ok && 'digest' in r) io.out(`${r.message_id ?? '?'} ${r.from_uid ?? ''} → ${r.channel_id ?? ''}: [${r.type} ${r.name}] ${r.digest}`)
          else io.out(`${r.message_id ?? '?'}: ${paint(io, '31', `error ${'code' in r ? r.code : ''}`)} ${'message' in r ? r.message : ''}`)
        }
      }
      return results.every((r) => r.ok) ? EXIT_OK : EXIT_INVALID
    }
  }
}

function parsePayloadJson(input: string): unknown {
  try {
    return JSON.parse(input)
  } catch (error) {
    throw new PayloadError('INVALID_JSON', `input is not JSON: ${(error as Error).message}; pass the payload as a JSON object such as '{"type":1,"content":"hi"}'`)
  }
}

function commandEncode(io: Io, input: string, json: boolean): number {
  const base64 = textToBase64(payloadJson(parsePayloadJson(input)))
  io.out(json ? JSON.stringify({ ok: true, payload: base64 }) : base64)
  return EXIT_OK
}

function commandValidate(io: Io, input: string, o: { json: boolean; lenient: boolean }): number {
  const parsed = parseAnything(input, o.lenient)
  if (parsed.kind === 'error') {
    const issues = parsed.error.issues.length > 0 ? parsed.error.issues : [{ path: '', code: parsed.error.code, message: parsed.error.message }]
    if (o.json) io.out(JSON.stringify({ ok: false, code: parsed.error.code, issues }, null, 2))
    else for (const i of issues) io.out(`${i.path || '/'}: ${i.message}`)
    return EXIT_INVALID
  }
  if (parsed.kind === 'webhook') return commandDecode(io, input, { ...o, locale: 'en', self: undefined })
  const payload = parsed.payload
  if (o.json) io.out(JSON.stringify({ ok: true, type: payload.type, name: typeLabel(payload.type) }))
  else io.out(`valid: type ${payload.type} (${typeLabel(payload.type)})`)
  return EXIT_OK
}

function commandRender(io: Io, input: string, o: { json: boolean; lenient: boolean; locale: Locale; self: string | undefined; html: boolean }): number {
  const parsed = parseAnything(input, o.lenient)
  if (parsed.kind === 'error') return reportError(io, parsed.error, o.json)
  if (parsed.kind === 'webhook') throw new UsageError('render takes one payload; use decode for a webhook body')
  const options = { locale: o.locale, ...(o.self === undefined ? {} : { selfUid: o.self }) }
  const text = o.html ? renderSystemMessageHtml(parsed.payload, options) : renderSystemMessage(parsed.payload, options)
  io.out(o.json ? JSON.stringify({ ok: true, text }) : text)
  return EXIT_OK
}

function commandSend(io: Io, input: string, o: { from?: string; channel?: string; channelType?: string; keepInHistory: boolean; clientMsgNo?: string; subscribers?: string }): number {
  if (!o.from) throw new UsageError('send needs --from UID')
  if (!o.channel && !o.subscribers) throw new UsageError('send needs --channel ID and --channel-type 1|2 (or --subscribers for a command)')
  const channelType = o.channelType === undefined ? undefined : Number(o.channelType)
  if (o.channel && (channelType === undefined || !Number.isInteger(channelType) || channelType < 1)) throw new UsageError('--channel-type must be a positive integer: 1 personal, 2 group')
  const payload = parsePayloadJson(input) as Payload
  const body = buildSendRequest({
    payload,
    from_uid: o.from,
    ...(o.channel ? { channel_id: o.channel } : {}),
    ...(channelType === undefined ? {} : { channel_type: channelType }),
    ...(o.keepInHistory ? { keepInHistory: true } : {}),
    ...(o.clientMsgNo ? { client_msg_no: o.clientMsgNo } : {}),
    ...(o.subscribers ? { subscribers: o.subscribers.split(',').filter(Boolean), header: { sync_once: 1 } } : {}),
  })
  io.out(JSON.stringify(body, null, 2))
  return EXIT_OK
}

function commandSchema(io: Io, which: string | undefined): number {
  const files = payloadSchemaFiles()
  const name = which === undefined ? 'payload' : /^[0-9]+$/.test(which) ? (typeNames[Number(which)] ?? (Number(which) > 1000 ? 'system' : undefined)) : which.replace(/\.schema\.json$/, '')
  const text = name === undefined ? undefined : files.get(name)
  if (text === undefined) throw new UsageError(`no schema "${which}"; known: ${[...files.keys()].join(', ')}`)
  io.out(text.trimEnd())
  return EXIT_OK
}

function commandTypes(io: Io, json: boolean): number {
  const rows = Object.entries(typeNames).map(([type, name]) => {
    const t = Number(type)
    const history = typeHistoryFlags[t]
    return { type: t, name, flags: typeFlags[t], ...(history ? { historyFlags: history } : {}) }
  })
  if (json) io.out(JSON.stringify(rows, null, 2))
  else {
    for (const r of rows) io.out(`${String(r.type).padStart(5)}  ${r.name.padEnd(28)} ${flagsText(r.flags ?? { no_persist: 0, red_dot: 1, sync_once: 0 })}${r.historyFlags ? `  (history: ${flagsText(r.historyFlags)})` : ''}`)
    io.out(`  >1000 system (generic)              any other type above 1000: content + extra`)
    io.out(`Schemas: ${SCHEMA_BASE}<name>.schema.json`)
  }
  return EXIT_OK
}

/** Runs the CLI; returns the exit code. Never throws. */
export function run(argv: readonly string[], io: Io, stdinIsTty: boolean): number {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
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
      },
    })
  } catch (error) {
    io.err(`usage error: ${(error as Error).message}; see "wukong-payload --help"`)
    return EXIT_USAGE
  }
  const { values, positionals } = parsed
  const [command, arg, ...extra] = positionals
  if (values.version) {
    io.out(packageVersion())
    return EXIT_OK
  }
  if (command === undefined || command === 'help') {
    io.out(helpFor(arg ?? 'main'))
    return command === undefined && !values.help ? EXIT_USAGE : EXIT_OK
  }
  if (!Object.hasOwn(HELP, command) || command === 'main') {
    io.err(`usage error: unknown command "${command}"; see "wukong-payload --help"`)
    return EXIT_USAGE
  }
  if (values.help) {
    io.out(helpFor(command))
    return EXIT_OK
  }
  const locale = (values.locale ?? 'zh') as Locale
  const json = values.json ?? false
  try {
    if (locale !== 'zh' && locale !== 'en') throw new UsageError('--locale must be zh or en')
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (quote JSON input, or pass it on standard input)`)
    const lenient = values.lenient ?? false
    switch (command) {
      case 'decode':
        return commandDecode(io, readInput(io, arg, stdinIsTty), { json, lenient, locale, self: values.self })
      case 'encode':
        return commandEncode(io, readInput(io, arg, stdinIsTty), json)
      case 'validate':
        return commandValidate(io, readInput(io, arg, stdinIsTty), { json, lenient })
      case 'render':
        return commandRender(io, readInput(io, arg, stdinIsTty), { json, lenient, locale, self: values.self, html: values.html ?? false })
      case 'send':
        return commandSend(io, readInput(io, arg, stdinIsTty), {
          ...(values.from === undefined ? {} : { from: values.from }),
          ...(values.channel === undefined ? {} : { channel: values.channel }),
          ...(values['channel-type'] === undefined ? {} : { channelType: values['channel-type'] }),
          ...(values['client-msg-no'] === undefined ? {} : { clientMsgNo: values['client-msg-no'] }),
          ...(values.subscribers === undefined ? {} : { subscribers: values.subscribers }),
          keepInHistory: values['keep-in-history'] ?? false,
        })
      case 'schema':
        return commandSchema(io, arg)
      case 'types':
        return commandTypes(io, json)
      case 'inspect': {
        const port = parsePort(values.port)
        if (port === undefined) throw new UsageError('--port must be a whole number from 0 to 65535 (0: any free port)')
        if (arg !== undefined) throw new UsageError(`inspect takes no input (got "${arg}"); paste it into the page`)
        void commandInspect(io, { port }).then((code) => {
          if (code !== EXIT_OK) io.setExitCode?.(code)
        })
        return EXIT_OK
      }
    }
    return EXIT_USAGE
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`usage error: ${error.message}`)
      return EXIT_USAGE
    }
    if (isPayloadError(error)) return reportError(io, error, json)
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`)
    return EXIT_INVALID
  }
}

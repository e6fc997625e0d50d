#!/usr/bin/env node
/**
 * `wukong-payload`: make sense of WuKongIM payloads from a shell.
 * Exit codes: 0 ok, 1 invalid input, 2 usage error.
 */
import { loadAppTypes, type AppTypes } from './app-types.js'
import { parseCommandLine } from './args.js'
import { readsStandardInput, run, type Io } from './run.js'

/**
 * All of standard input, read as a stream. Not `readFileSync(0)`: once `process.stdin` exists
 * (reading `isTTY` creates it) a pipe's descriptor is non-blocking, and a synchronous read of a
 * pipe whose writer is still busy (`(sleep 1; echo …) | wukong-payload decode -`, any `curl |`)
 * fails with EAGAIN.
 */
async function readStdin(): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array))
  return Buffer.concat(chunks)
}

async function main(): Promise<void> {
  // `wukong-payload types | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
  const io: Io = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    color: Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined,
    stdin: () => stdin,
    setExitCode: (code) => {
      process.exitCode = code
    },
  }
  const argv = process.argv.slice(2)
  // --types <module>: imported here (asynchronously), before the synchronous commands run.
  let types: string | undefined
  try {
    types = parseCommandLine(argv).values.types
  } catch {
    // run() reports the usage error.
  }
  let appTypes: AppTypes | undefined
  if (types !== undefined) {
    try {
      appTypes = await loadAppTypes(types, process.cwd())
    } catch (error) {
      io.err(`usage error: ${error instanceof Error ? error.message : String(error)}`)
      process.exitCode = 2
      return
    }
  }
  const stdinIsTty = Boolean(process.stdin.isTTY)
  const stdin: Uint8Array = readsStandardInput(argv, stdinIsTty) ? await readStdin() : new Uint8Array(0)
  process.exitCode = run(argv, { ...io, appTypes }, stdinIsTty)
}

main().catch((error: unknown) => {
  // Reading standard input failed (EIO, a closed descriptor): say so, exit 1.
  process.stderr.write(`error: could not read standard input (${error instanceof Error ? error.message : 'unknown failure'})\n`)
  process.exitCode = 1
})

#!/usr/bin/env node
/**
 * `wukong-payload`: make sense of WuKongIM payloads from a shell.
 * Exit codes: 0 ok, 1 invalid input, 2 usage error.
 */
import { readFileSync } from 'node:fs'
import { loadAppTypes, type AppTypes } from './app-types.js'
import { parseCommandLine } from './args.js'
import { run, type Io } from './run.js'

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
    stdin: () => readFileSync(0),
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
  process.exitCode = run(argv, { ...io, appTypes }, Boolean(process.stdin.isTTY))
}

void main()

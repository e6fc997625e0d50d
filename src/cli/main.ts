#!/usr/bin/env node
/**
 * `wukong-payload`: make sense of WuKongIM payloads from a shell.
 * Exit codes: 0 ok, 1 invalid input, 2 usage error.
 */
import { readFileSync } from 'node:fs'
import { run, type Io } from './run.js'

function main(): void {
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
  process.exitCode = run(process.argv.slice(2), io, Boolean(process.stdin.isTTY))
}

main()

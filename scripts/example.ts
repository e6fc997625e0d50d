/**
 * `npm run example -- <name>`: starts examples/<name>.ts on 127.0.0.1 (port from PORT, else a free
 * one), logs what the application receives, and prints one line with a `curl` to try. Runs the
 * sources (tsconfig paths map 'wukong-payload' to src/), so no build is needed.
 *
 * Each example module exports one `create…(handlers)` function returning a node:http Server or a
 * Fastify instance; the list is the example servers, examples/*-server.ts.
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildSendRequest, type Payload, type SendMessageRequest, type WebhookMessage } from 'wukong-payload'

const root = join(import.meta.dirname, '..')
const examplesDir = join(root, 'examples')
const HOST = '127.0.0.1'

interface Handlers {
  send(request: SendMessageRequest, payload: Payload): void
  webhook(messages: WebhookMessage[]): void
}

/** A Fastify instance listens through its own `listen`; everything else here is a node:http Server. */
interface FastifyLike {
  listen(options: { host: string; port: number }): Promise<string>
}

const handlers: Handlers = {
  send: (request, payload) => console.log(`send: type ${payload.type} from ${request.from_uid} to channel ${request.channel_id} (type ${request.channel_type})`),
  webhook: (messages) => console.log(`webhook: ${messages.length} message(s), ${messages.filter((m) => m.error !== undefined).length} with a bad payload`),
}

async function listen(app: Server | FastifyLike, port: number): Promise<number> {
  if ('address' in app) {
    await new Promise<void>((resolve, reject) => {
      app.once('error', reject)
      app.listen(port, HOST, resolve)
    })
    return (app.address() as AddressInfo).port
  }
  return Number(new URL(await app.listen({ host: HOST, port })).port)
}

async function main(): Promise<void> {
  // The example servers: examples/*-server.ts (the other examples are modules their guides embed).
  const names = readdirSync(examplesDir)
    .filter((file) => file.endsWith('-server.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort()
  const name = process.argv[2]
  if (name === undefined || !names.includes(name)) {
    console.error(`usage: npm run example -- <name>   (PORT=… to choose the port)\nexamples: ${names.join(', ')}`)
    process.exitCode = 2
    return
  }
  const port = process.env.PORT === undefined ? 0 : Number(process.env.PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be an integer from 0 to 65535, not ${JSON.stringify(process.env.PORT)}`)
    process.exitCode = 2
    return
  }
  const module = (await import(pathToFileURL(join(examplesDir, `${name}.ts`)).href)) as Record<string, unknown>
  const create = Object.entries(module).find(([key, value]) => key.startsWith('create') && typeof value === 'function')?.[1] as ((h: Handlers) => Server | FastifyLike) | undefined
  if (!create) throw new Error(`examples/${name}.ts exports no create…(handlers) function`)
  const actual = await listen(create(handlers), port)
  const body = buildSendRequest({ from_uid: 'u1', channel_id: 'g1', channel_type: 2, payload: { type: 1, content: 'hello' } })
  console.log(`${name} on http://${HOST}:${actual} — try: curl -sS http://${HOST}:${actual}/messages -H 'content-type: application/json' -d '${JSON.stringify(body)}'`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})

// The same server written with Express-style middleware `(req, res, next)`. The middleware works
// unchanged in Express (`app.post('/messages', sendRequestMiddleware(), handler)`) and Connect;
// here a five-line router runs it on node:http. Run by test/servers.test.ts; shown in
// docs/server-node-http.md.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { ValidatedSendRequest, WebhookMessage } from 'wukong-payload'
import { sendRequestMiddleware, webhookMiddleware, type NextFunction } from 'wukong-payload/server'
import type { MessageHandlers } from './node-http-server.js'

type Request = IncomingMessage & { sendRequest?: ValidatedSendRequest; webhookMessages?: WebhookMessage[] }
type Handler = (req: Request, res: ServerResponse, next: NextFunction) => void

export function createMiddlewareServer(handlers: MessageHandlers): Server {
  const routes: Record<string, Handler[]> = {
    'POST /messages': [
      sendRequestMiddleware({ maxBodyBytes: 1024 * 1024 }),
      (req, res) => {
        const { request, payload } = req.sendRequest as ValidatedSendRequest
        handlers.send(request, payload)
        res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: true, type: payload.type }))
      },
    ],
    'POST /webhook': [
      webhookMiddleware(),
      (req, res) => {
        const messages = req.webhookMessages as WebhookMessage[]
        handlers.webhook(messages)
        const failed = messages.filter((m) => m.error !== undefined).length
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ received: messages.length, failed }))
      },
    ],
  }
  return createServer((req: Request, res) => {
    const chain = routes[`${req.method} ${req.url}`] ?? [(_req, r) => void r.writeHead(404).end()]
    // An error (or a throwing handler) answers 500, unless an answer has started or the client is gone.
    const fail = (): void => void (res.headersSent || res.destroyed || res.writeHead(500).end())
    const run = (i: number): void => {
      try {
        chain[i]?.(req, res, (error) => (error ? fail() : run(i + 1)))
      } catch {
        fail()
      }
    }
    run(0)
  })
}

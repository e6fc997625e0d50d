// The same server written with Express-style middleware `(req, res, next)`. The middleware works
// unchanged in Express (`app.post('/messages', sendRequestMiddleware(), handler)`) and Connect;
// here a five-line router runs it on node:http. Run by test/servers.test.ts and
// test/http-boundary.test.ts; shown in docs/server-node-http.md.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { ValidatedSendRequest } from 'wukong-payload'
import { sendRequestMiddleware, webhookHandler, webhookPath, type NextFunction } from 'wukong-payload/server'
import { webhookHandlers, type MessageHandlers } from './node-http-server.js'

type Request = IncomingMessage & { sendRequest?: ValidatedSendRequest }
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
    // Routed on ?event= inside; answers 200 with the receipt, or the problem.
    'POST /webhook': [webhookHandler(webhookHandlers(handlers))],
  }
  return createServer((req: Request, res) => {
    // Route on the path without the query: WuKongIM calls /webhook?event=<name>.
    const chain = routes[`${req.method} ${webhookPath(req.url)}`] ?? [(_req, r) => void r.writeHead(404).end()]
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

// A business server on plain node:http: it accepts "send this message" from its own clients and
// receives WuKongIM's webhooks. Run by test/servers.test.ts; shown in docs/server-node-http.md.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Payload, SendMessageRequest, WebhookMessage } from 'wukong-payload'
import { readSendRequest, readWebhook, writeProblem } from 'wukong-payload/server'

/** What the application does with what got through: forward it to WuKongIM, store it, … */
export interface MessageHandlers {
  send(request: SendMessageRequest, payload: Payload): void
  webhook(messages: WebhookMessage[]): void
}

async function route(handlers: MessageHandlers, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'POST' && req.url === '/messages') {
    // Reads at most 1 MiB (maxBodyBytes), checks the envelope, decodes and validates the payload.
    // Never rejects: a client that disconnects mid-body is a CLIENT_ABORTED problem, which
    // writeProblem does not try to write to the closed socket.
    const result = await readSendRequest(req)
    if (!result.ok) return writeProblem(res, result.problem) // 400 or 413, application/problem+json
    handlers.send(result.value.request, result.value.payload)
    res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: true, type: result.value.payload.type }))
    return
  }
  if (req.method === 'POST' && new URL(req.url ?? '/', 'http://localhost').pathname === '/webhook') {
    // Parsed from the raw bytes, so int64 message_ids stay exact; a bad payload is reported on
    // its own message and does not drop the others. WuKongIM calls /webhook?event=<name>: the
    // value is then typed by event (docs/webhooks.md); without `event` it is the message list.
    const result = await readWebhook(req)
    if (!result.ok) return writeProblem(res, result.problem)
    const messages = Array.isArray(result.value) ? result.value : result.value.event === 'msg.notify' ? result.value.messages : []
    handlers.webhook(messages)
    const failed = messages.filter((m) => m.error !== undefined).length
    // WuKongIM counts only HTTP 200 as delivered.
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ received: messages.length, failed }))
    return
  }
  res.writeHead(404).end()
}

export function createMessageServer(handlers: MessageHandlers): Server {
  return createServer((req, res) => {
    // The application's own handlers may throw: answer 500 rather than let the process die.
    route(handlers, req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) res.writeHead(500).end()
    })
  })
}

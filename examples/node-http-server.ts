// A business server on plain node:http: it accepts "send this message" from its own clients and
// receives WuKongIM's webhooks. Run by test/servers.test.ts; shown in docs/server-node-http.md.
import { createServer, type Server } from 'node:http'
import type { Payload, SendMessageRequest, WebhookMessage } from 'wukong-payload'
import { readSendRequest, readWebhook, writeProblem } from 'wukong-payload/server'

/** What the application does with what got through: forward it to WuKongIM, store it, … */
export interface MessageHandlers {
  send(request: SendMessageRequest, payload: Payload): void
  webhook(messages: WebhookMessage[]): void
}

export function createMessageServer(handlers: MessageHandlers): Server {
  return createServer(async (req, res) => {
    if (req.method === 'POST' && req.url === '/messages') {
      // Reads at most 1 MiB (maxBodyBytes), checks the envelope, decodes and validates the payload.
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
  })
}

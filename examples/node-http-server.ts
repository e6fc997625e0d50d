// A business server on plain node:http: it accepts "send this message" from its own clients and
// receives WuKongIM's webhooks. Run by test/servers.test.ts and test/http-boundary.test.ts;
// shown in docs/server-node-http.md.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Payload, SendMessageRequest, WebhookMessage } from 'wukong-payload'
import { readSendRequest, receiveWebhook, webhookPath, writeAnswer, writeProblem, type WebhookHandlers } from 'wukong-payload/server'

/** What the application does with what got through: forward it to WuKongIM, store it, … */
export interface MessageHandlers {
  send(request: SendMessageRequest, payload: Payload): void
  /** Every message WuKongIM delivers: each `msg.notify` message, and `msg.offline`'s message. */
  webhook(messages: WebhookMessage[]): void
  /** Optional: the other events (`user.onlinestatus`, unknown events kept raw). */
  events?: Pick<WebhookHandlers, 'user.onlinestatus' | 'unknown'>
}

/** One handler per webhook event; the same object serves the node:http, middleware and Fastify servers. */
export function webhookHandlers(handlers: MessageHandlers): WebhookHandlers {
  return {
    'msg.notify': (event) => handlers.webhook(event.messages),
    // msg.offline carries one message and its offline uids (event.to_uids): the message is the app's too.
    'msg.offline': (event) => handlers.webhook([event.message]),
    ...handlers.events,
  }
}

async function route(handlers: MessageHandlers, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Route on the path alone: WuKongIM appends ?event=<name> to the webhook address.
  const path = webhookPath(req.url)
  if (req.method === 'POST' && path === '/messages') {
    // Requires a JSON Content-Type (415 otherwise), reads at most 1 MiB (413), checks the
    // envelope, decodes and validates the payload (400 with every issue at its pointer).
    const result = await readSendRequest(req)
    if (!result.ok) return writeProblem(res, result.problem)
    handlers.send(result.value.request, result.value.payload)
    res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: true, type: result.value.payload.type }))
    return
  }
  if (req.method === 'POST' && path === '/webhook') {
    // Routed on ?event=, parsed from the raw bytes (int64 ids exact), each event to its handler;
    // 200 with a receipt (bad messages reported there, not by the status): WuKongIM counts only
    // HTTP 200 as delivered.
    return writeAnswer(res, await receiveWebhook(req, webhookHandlers(handlers)))
  }
  res.writeHead(404).end()
}

export function createMessageServer(handlers: MessageHandlers): Server {
  return createServer((req, res) => {
    // The application's own handlers may throw: answer 500 (WuKongIM retries) rather than let the process die.
    route(handlers, req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) res.writeHead(500).end()
    })
  })
}

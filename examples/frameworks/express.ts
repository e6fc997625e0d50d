// Express 5 with the package's middleware: it reads the body itself (int64 ids exact, size
// limit), so no express.json() before it. Tested by test/frameworks.test.ts.
import express from 'express'
import type { ValidatedSendRequest, WebhookMessage } from 'wukong-payload'
import { sendRequestMiddleware, webhookMiddleware } from 'wukong-payload/server'

type WithSend = express.Request & { sendRequest?: ValidatedSendRequest }
type WithWebhook = express.Request & { webhookMessages?: WebhookMessage[] }

export function createExpressApp(onMessage: (sent: ValidatedSendRequest) => void): express.Express {
  const app = express()
  app.post('/message/send', sendRequestMiddleware({ maxBodyBytes: 1024 * 1024 }), (req: WithSend, res) => {
    const sent = req.sendRequest as ValidatedSendRequest
    onMessage(sent)
    res.status(202).json({ accepted: true, type: sent.payload.type })
  })
  app.post('/webhook', webhookMiddleware(), (req: WithWebhook, res) => {
    const messages = req.webhookMessages ?? []
    res.json({ received: messages.length, failed: messages.filter((m) => m.error !== undefined).length })
  })
  return app
}

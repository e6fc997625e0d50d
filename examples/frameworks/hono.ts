// Hono on an edge-style fetch handler, with @hono/standard-validator: the package's Standard
// Schema objects check the /message/send body (payload decoded inside) and a bare payload.
// Tested by test/frameworks.test.ts; shown in docs/frameworks.md.
import { sValidator } from '@hono/standard-validator'
import { Hono } from 'hono'
import { payloadValidator, sendMessageRequestValidator } from 'wukong-payload'

export const app = new Hono()
  .post('/message/send', sValidator('json', sendMessageRequestValidator), (c) => {
    // `request` is the body as sent, `payload` the decoded and validated payload.
    const { request, payload } = c.req.valid('json')
    return c.json({ accepted: true, channel_id: request.channel_id ?? null, type: payload.type }, 202)
  })
  .post('/payloads', sValidator('json', payloadValidator), (c) => c.json({ type: c.req.valid('json').type }))

// A Cloudflare Worker, Deno or Bun server takes this object as it is.
export default { fetch: app.fetch }

// The same server on Fastify. The route's body schema is the package's TypeBox schema, so with the
// TypeBox type provider `request.body` is typed. useWukongPayload makes Fastify answer exactly as
// the node:http helpers do (JSON only, exact ids, the same problem details). Run by
// test/servers.test.ts and test/http-boundary.test.ts; shown in docs/server-fastify.md.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance } from 'fastify'
import { SendMessageRequestSchema } from 'wukong-payload'
import { decodeSendPayload, DEFAULT_MAX_WEBHOOK_BODY_BYTES, fastifyAjvOptions, fastifyWebhookHandler, useWukongPayload, type FastifyInstanceLike } from 'wukong-payload/server'
import { webhookHandlers, type MessageHandlers } from './node-http-server.js'

export function createFastifyServer(handlers: MessageHandlers): FastifyInstance {
  // Fastify's Ajv coerces types by default ("2" → 2, true → 1): turn that off.
  const app = Fastify({ bodyLimit: 1024 * 1024, ajv: { customOptions: fastifyAjvOptions } }).withTypeProvider<TypeBoxTypeProvider>()

  // 415 for non-JSON bodies, exact JSON parsing, and problem details for every error it knows.
  useWukongPayload(app as unknown as FastifyInstanceLike)

  app.post('/messages', { schema: { body: SendMessageRequestSchema } }, async (request, reply) => {
    // request.body is typed; the route schema checked the envelope, this checks the payload
    // inside it and throws a PayloadError (→ 400 with /payload/… pointers) when it is wrong.
    const payload = decodeSendPayload(request.body)
    handlers.send(request.body, payload)
    return reply.code(202).type('application/json').send(JSON.stringify({ accepted: true, type: payload.type }))
  })

  // Webhooks: the raw bytes (ids exact), routed on ?event=, each event to its handler.
  app.post('/webhook', { bodyLimit: DEFAULT_MAX_WEBHOOK_BODY_BYTES, config: { wukongPayload: 'raw' } }, fastifyWebhookHandler(webhookHandlers(handlers)) as never)
  return app
}

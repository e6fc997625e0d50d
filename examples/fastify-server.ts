// The same server on Fastify. The route's body schema is the package's TypeBox schema, so with the
// TypeBox type provider `request.body` is a typed SendMessageRequest. Run by
// test/servers.test.ts; shown in docs/server-fastify.md.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance } from 'fastify'
import { SendMessageRequestSchema } from 'wukong-payload'
import { decodeSendPayload, fastifyAjvOptions, fastifyJsonParser, parseWebhookBody, PROBLEM_CONTENT_TYPE, problemFromFastifyError } from 'wukong-payload/server'
import type { MessageHandlers } from './node-http-server.js'

export function createFastifyServer(handlers: MessageHandlers): FastifyInstance {
  // Fastify's Ajv coerces types by default ("2" → 2, true → 1): turn that off.
  const app = Fastify({ bodyLimit: 1024 * 1024, ajv: { customOptions: fastifyAjvOptions } }).withTypeProvider<TypeBoxTypeProvider>()

  // JSON parsed as the node:http helpers parse it: strict UTF-8, int64 ids exact, the same errors.
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, fastifyJsonParser)

  // Schema failures, over-limit and non-JSON bodies, and payload errors → RFC 9457 problem
  // details, the same bodies the node:http helpers answer with.
  app.setErrorHandler((error, request, reply) => {
    const problem = problemFromFastifyError(error, request.body, request.routeOptions)
    if (problem) return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem)
    return reply.send(error)
  })

  app.post('/messages', { schema: { body: SendMessageRequestSchema } }, async (request, reply) => {
    // request.body is typed; the route schema checked the envelope, this checks the payload
    // inside it and throws a PayloadError (→ 400 with /payload/… pointers) when it is wrong.
    const payload = decodeSendPayload(request.body)
    handlers.send(request.body, payload)
    return reply.code(202).send({ accepted: true, type: payload.type })
  })

  // Webhooks: take the body as text, so int64 message_ids are parsed exactly.
  app.register(async (scope) => {
    scope.removeContentTypeParser('application/json')
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body))
    scope.post('/webhook', { bodyLimit: 16 * 1024 * 1024 }, async (request, reply) => {
      const result = parseWebhookBody(request.body)
      if (!result.ok) return reply.code(result.problem.status).type(PROBLEM_CONTENT_TYPE).send(result.problem)
      handlers.webhook(result.value)
      return { received: result.value.length, failed: result.value.filter((m) => m.error !== undefined).length }
    })
  })
  return app
}

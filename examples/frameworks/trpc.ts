// tRPC 11: the package's Standard Schema objects go straight into `.input(...)`, and the
// procedure's input type is inferred from them. Tested by test/frameworks.test.ts.
import { initTRPC } from '@trpc/server'
import { digest, payloadFromBase64, payloadValidatorOf, MessageType, sendMessageRequestValidator } from 'wukong-payload'

const t = initTRPC.create()

export const appRouter = t.router({
  // Input: a /message/send body; the resolver gets `{ request, payload }` with the payload decoded.
  send: t.procedure.input(sendMessageRequestValidator).mutation(({ input }) => ({ to: input.request.channel_id ?? null, type: input.payload.type })),
  // Input: the Base64 string; the resolver gets the typed payload.
  preview: t.procedure.input(payloadFromBase64).query(({ input }) => digest(input)),
  // Input: one message type; the resolver gets a TextPayload.
  echoText: t.procedure.input(payloadValidatorOf(MessageType.Text)).query(({ input }) => input.content),
})

export type AppRouter = typeof appRouter
export const createCaller = t.createCallerFactory(appRouter)

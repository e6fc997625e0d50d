/**
 * `wukong-payload/server`: API boundaries in a few lines — a request body in, a typed value or
 * RFC 9457 problem details out. Framework-agnostic helpers first (`parseSendRequestBody`,
 * `parseWebhookBody`, `readSendRequest`, `readWebhook`), then thin integrations: Express-style
 * middleware for `node:http`/Express/Connect and an error mapper plus Ajv options for Fastify.
 * Imports no framework; see docs/server-node-http.md and docs/server-fastify.md.
 *
 * @module wukong-payload/server
 */
export { checkJsonContentType, DEFAULT_MAX_BODY_BYTES, readBody, readJsonBody } from '../server/body.js'
export type { IncomingBody, ReadBodyOptions } from '../server/body.js'
export { fastifyAjvOptions, fastifyJsonParser, fastifyWebhookHandler, problemFromFastifyError, useWukongPayload } from '../server/fastify.js'
export type { FastifyInstanceLike, FastifyProblemOptions, FastifyReplyLike, FastifyRequestLike } from '../server/fastify.js'
export { sendRequestMiddleware, webhookHandler, webhookMiddleware, writeAnswer, writeProblem } from '../server/middleware.js'
export type { MiddlewareRequest, NextFunction, ProblemResponse } from '../server/middleware.js'
export { bodyTooLargeProblem, clientAbortedProblem, invalidJsonProblem, isJsonContentType, MAX_PROBLEM_BODY_BYTES, MAX_PROBLEM_ISSUES, MAX_PROBLEM_TEXT, PROBLEM_CONTENT_TYPE, problemFromIssues, problemFromPayloadError, tooLargeProblem, unsupportedMediaTypeProblem } from '../server/problem.js'
export type { BoundaryResult, ProblemCode, ProblemDetails, ProblemIssue } from '../server/problem.js'
export { decodeSendPayload, parseBody, parseSendRequestBody, readSendRequest } from '../server/send.js'
export type { BoundaryOptions } from '../server/send.js'
export { DEFAULT_MAX_WEBHOOK_BODY_BYTES, dispatchWebhook, parseWebhookBody, parseWebhookRequestBody, problemAnswer, readWebhook, readWebhookEvent, receiveWebhook, settleWebhook, webhookAnswer, webhookEventName, webhookMessagesOf, webhookPath, webhookReceipt } from '../server/webhook.js'
export type { HttpAnswer, IncomingWebhook, WebhookHandlers, WebhookReceipt, WebhookReceiptError } from '../server/webhook.js'
export { parseOnlineStatus, parseWebhookEvent, WebhookEventName } from '../webhooks/events.js'
export type { MsgNotifyEvent, MsgOfflineEvent, OnlineStatus, UnknownWebhookEvent, UserOnlineStatusEvent, WebhookEvent, WebhookEventOptions, WebhookEventResult } from '../webhooks/events.js'
export { decodeWebhookMessages, parseJsonExact } from '../webhooks/messages.js'
export { DEFAULT_MAX_WEBHOOK_ENTRIES } from '../webhooks/messages.js'
export type { PayloadCodec, WebhookDecodeOptions } from '../webhooks/messages.js'
export type { ExactJsonOptions } from '../wire/json-exact.js'
export type { WebhookMessage } from '../webhooks/messages.js'
export type { ValidatedSendRequest } from '../send/request.js'

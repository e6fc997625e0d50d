/**
 * `wukong-payload/api`: the read side of WuKongIM's REST API — response parsers with every int64
 * exact and each payload decoded on its own, request builders that refuse what the server
 * mis-handles, exact JSON writing of ids, person-channel ids, the JSON-RPC wire, and a typed
 * client over `fetch`. Browser-safe: no Node-only import.
 *
 * @module wukong-payload/api
 */
export {
  parseApiErrorBody,
  parseChannelLastMessageResponse,
  parseChannelMaxMessageSeqResponse,
  parseCmdSyncAckResponse,
  parseCmdSyncResponse,
  parseConversationSyncMessagesResponse,
  parseConversationSyncResponse,
  parseMessageByClientMsgNoResponse,
  parseMessageResponse,
  parseMessageSyncResponse,
  parseMessagesResponse,
  parseSearchResponse,
  parseSendBatchResponse,
} from '../api/parse.js'
export type { ApiBody, ApiParseOptions, ChannelRecentMessagesResult, MessageSyncResult, PayloadDecoder, SearchHit, SearchResult, SendBatchResult } from '../api/parse.js'
export type { ApiConversation, ApiMessage, ApiMessageHeader, ApiMessageStream } from '../api/types.js'
export { ApiError, isApiError } from '../api/errors.js'
export type { ApiErrorKind, ApiResult } from '../api/errors.js'
export {
  buildChannelQuery,
  buildCmdSyncAckRequest,
  buildCmdSyncRequest,
  buildConversationSyncMessagesRequest,
  buildConversationSyncRequest,
  buildMessageByClientMsgNoQuery,
  buildMessageRequest,
  buildMessageSyncRequest,
  buildMessagesRequest,
  buildSearchRequest,
  buildSendBatchRequest,
  toQueryString,
} from '../api/requests.js'
export type {
  CmdSyncAckBody,
  CmdSyncAckInput,
  CmdSyncBody,
  CmdSyncInput,
  ConversationSyncBody,
  ConversationSyncInput,
  ConversationSyncMessagesBody,
  ConversationSyncMessagesInput,
  Int64Out,
  MessageBody,
  MessageInput,
  MessageSyncBody,
  MessageSyncInput,
  MessagesBody,
  MessagesInput,
  SendBatchInput,
  WithIds,
} from '../api/requests.js'
export { exactInteger, stringifyExact } from '../api/exact-json.js'
export type { Int64Input } from '../api/exact-json.js'
export { crc32, formatLastMsgSeqs, parseLastMsgSeqs, peerOf, personChannelId } from '../api/person.js'
export type { LastMsgSeq } from '../api/person.js'
export { buildJsonRpcSendParams, easySendArgs, jsonRpcPayloadEncoding, readJsonRpcMessage, toJsonRpcHeader } from '../api/jsonrpc.js'
export type { EasySendArgs, JsonRpcMessage, JsonRpcPayloadEncoding, JsonRpcSendInput } from '../api/jsonrpc.js'
export {
  JsonRpcHeaderSchema,
  JsonRpcRecvParamsSchema,
  JsonRpcRecvParamsUpToV2_2_2Schema,
  JsonRpcSendParamsSchema,
  JsonRpcSendParamsUpToV2_2_2Schema,
  JsonRpcSettingSchema,
} from '../api/jsonrpc-schemas.js'
export type { JsonRpcHeader, JsonRpcRecvParams, JsonRpcRecvParamsUpToV2_2_2, JsonRpcSendParams, JsonRpcSendParamsUpToV2_2_2, JsonRpcSetting } from '../api/jsonrpc-schemas.js'
export { createWukongClient } from '../api/client.js'
export type { CallOptions, FetchLike, WukongClient, WukongClientOptions } from '../api/client.js'
export {
  ApiErrorBodySchema,
  ApiMessageRespSchema,
  ChannelLastMessageResponseSchema,
  ChannelMaxMessageSeqResponseSchema,
  ChannelQuerySchema,
  ChannelRecentMessagesSchema,
  CmdSyncAckRequestSchema,
  CmdSyncAckResponseSchema,
  CmdSyncRequestSchema,
  CmdSyncResponseSchema,
  CONVERSATION_PAGE_SIZE_MAX,
  ConversationRespSchema,
  ConversationSyncMessagesRequestSchema,
  ConversationSyncMessagesResponseSchema,
  ConversationSyncRequestSchema,
  ConversationSyncResponseSchema,
  MESSAGE_SYNC_MAX_LIMIT,
  MessageByClientMsgNoQuerySchema,
  MessageByClientMsgNoResponseSchema,
  MessageRequestSchema,
  MessageResponseSchema,
  MessagesRequestSchema,
  MessagesResponseSchema,
  MessageSyncRequestSchema,
  MessageSyncResponseSchema,
  SEARCH_MAX_LIMIT,
  SearchMessageSchema,
  SearchRequestSchema,
  SearchResponseSchema,
  SendBatchRequestSchema,
  SendBatchResponseSchema,
  StatusResponseSchema,
} from '../api/schemas.js'
export type {
  ApiErrorBody,
  ApiMessageResp,
  ChannelQuery,
  ChannelRecentMessages,
  CmdSyncAckRequest,
  CmdSyncRequest,
  ConversationResp,
  ConversationSyncMessagesRequest,
  ConversationSyncRequest,
  ConversationSyncResponse,
  MessageByClientMsgNoQuery,
  MessageRequest,
  MessageSyncRequest,
  MessageSyncResponse,
  MessagesRequest,
  SearchRequest,
  SendBatchRequest,
  SendBatchResponse,
} from '../api/schemas.js'
export { isPayloadError, PayloadError } from '../errors/payload-error.js'
export type { PayloadErrorCode } from '../errors/payload-error.js'
export type { ValidationIssue, ValidationIssueCode } from '../validate/issues.js'

/** The `/message/event` body (WuKongIM v2 streaming) as Standard Schema. */
import { eventSchemas, MessageEventRequestSchema } from '../events/schemas.js'
import type { MessageEventRequest } from '../events/schemas.js'
import { validateMessageEvent } from '../events/request.js'
import { createStandardValidator } from './create.js'
import type { StandardValidator } from './create.js'

/** A `/message/event` body as Standard Schema (`validateMessageEvent`), with its JSON Schema. */
export const messageEventValidator: StandardValidator<MessageEventRequest, MessageEventRequest> = createStandardValidator<MessageEventRequest, MessageEventRequest>({
  name: '/message/event body',
  validate: (value) => validateMessageEvent(value),
  inputSchema: MessageEventRequestSchema,
  references: eventSchemas.map(([, schema]) => schema),
})

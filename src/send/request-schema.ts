import { Type, type Static } from '@sinclair/typebox'
import { Flag01 } from '../model/fields.js'
import { HeaderFlagsSchema } from '../model/flags.js'
import { schemaId } from '../model/schema-ids.js'

/**
 * Body of WuKongIM's `POST /message/send`. `payload` is the Base64 of the payload's UTF-8 JSON;
 * `validateSendRequest` decodes and validates it too.
 *
 * @see {@link https://githubim.com/api/message} "Send Message"
 */
export const SendMessageRequestSchema = Type.Object(
  {
    header: Type.Optional(Type.Partial(HeaderFlagsSchema, { description: 'Message header flags; a missing flag means 0.' })),
    client_msg_no: Type.Optional(Type.String({ description: 'Client message number: clients show one message per number (the server does not dedupe).' })),
    stream_no: Type.Optional(Type.String({ description: 'Stream message number (WuKongIM ≤ v2.2.3; v2.2.4 replaced it with `is_stream`).' })),
    is_stream: Type.Optional(Flag01('1 = a stream message (WuKongIM ≥ v2.2.4).')),
    from_uid: Type.String({ description: 'Sender uid.' }),
    channel_id: Type.Optional(
      Type.String({
        pattern: '^[^@#&]*$',
        description: 'Target channel id. Must not contain `@`, `#` or `&` (the server answers 频道ID不合法). Leave it out when sending to `subscribers`.',
      }),
    ),
    channel_type: Type.Optional(Type.Integer({ minimum: 1, description: 'Channel type: 1 personal, 2 group (see `ChannelType`).' })),
    expire: Type.Optional(Type.Integer({ minimum: 0, description: 'Seconds after `timestamp` when clients drop the message; 0 = never.' })),
    payload: Type.String({
      minLength: 1,
      contentEncoding: 'base64',
      contentMediaType: 'application/json',
      description: 'Standard, padded Base64 of the payload’s UTF-8 JSON.',
    }),
    tag_key: Type.Optional(Type.String({ description: 'Internal routing cache key; leave it out.' })),
    subscribers: Type.Optional(
      Type.Array(Type.String(), {
        description: 'Deliver only to these uids. Only for commands; on WuKongIM v2 also needs `sync_once: 1` and no `channel_id`.',
      }),
    ),
  },
  {
    $id: schemaId('send-message-request'),
    title: 'SendMessageRequest',
    description: 'Body of WuKongIM `POST /message/send`.',
    // A channel is required unless the message goes to explicit subscribers.
    if: { not: { required: ['subscribers'] } },
    then: { required: ['channel_id', 'channel_type'] },
  },
)
export type SendMessageRequest = Static<typeof SendMessageRequestSchema>

/** `send`: a complete /message/send body, and on stderr what lint says about it. */
import { decodePayload } from '../../codec/codec.js'
import { lintSendRequest } from '../../send/lint.js'
import { buildSendRequest } from '../../send/request.js'
import type { Command } from '../args.js'
import { EXIT_OK, paint, UsageError } from '../io.js'

const encoder = new TextEncoder()

export const send: Command = ({ term, input, values, appTypes }) => {
  const { from, channel, subscribers } = values
  if (!from) throw new UsageError('send needs --from UID')
  if (!channel && !subscribers) throw new UsageError('send needs --channel ID and --channel-type 1|2 (or --subscribers for a command)')
  const channelType = values['channel-type'] === undefined ? undefined : Number(values['channel-type'])
  if (channel && (channelType === undefined || !Number.isInteger(channelType) || channelType < 1)) throw new UsageError('--channel-type must be a positive integer: 1 personal, 2 group')
  const codec = appTypes?.codec
  const payload = (codec ?? { decodePayload }).decodePayload(encoder.encode(input()))
  const keepInHistory = values['keep-in-history'] === true
  const body = buildSendRequest({
    payload,
    from_uid: from,
    ...(channel ? { channel_id: channel } : {}),
    ...(channelType === undefined ? {} : { channel_type: channelType }),
    ...(keepInHistory ? { keepInHistory: true } : {}),
    ...(values['client-msg-no'] ? { client_msg_no: values['client-msg-no'] } : {}),
    // The app's codec knows its own types' recommended flags.
    ...(codec || subscribers ? { header: { ...codec?.recommendFlags(payload, { keepInHistory }), ...(subscribers ? { sync_once: 1 } : {}) } } : {}),
    ...(subscribers ? { subscribers: subscribers.split(',').filter(Boolean) } : {}),
  })
  term.out(JSON.stringify(body, null, 2))
  // The body is printed as asked; what the server will do with it is said, not hidden.
  for (const f of lintSendRequest(body)) term.err(paint('33', 'warning:'), ` ${f.path}: ${f.message} [${f.code}]`)
  return EXIT_OK
}

// Child process of test/body-cost.test.ts: builds one worst-case body at the default limit, then
// reads it as the example servers do (the built package, `wukong-payload/server`) and prints the
// heap it took per body byte and the CPU per MB. Run with a capped heap (--max-old-space-size)
// and --expose-gc; a crash is the test's failure.
import { gzipSync } from 'node:zlib'
import { parseSendRequestBody, parseWebhookRequestBody } from 'wukong-payload/server'

const MiB = 1024 * 1024
/** The default webhook body limit (DEFAULT_MAX_WEBHOOK_BODY_BYTES). */
const LIMIT = 8 * MiB
const [shape = ''] = process.argv.slice(2)
const fill = (prefix, item, suffix, size) => prefix + item.repeat(Math.floor((size - prefix.length - suffix.length) / item.length)) + suffix
const b64 = (text) => Buffer.from(text).toString('base64')
const send = (payloadText, size) => {
  const head = `{"from_uid":"u1","channel_id":"g1","channel_type":2,"payload":"`
  // Base64 grows 4/3: fill the payload so the whole body is just under `size`.
  const room = Math.floor(((size - head.length - 8) * 3) / 4)
  return head + b64(payloadText(room)) + '"}'
}

/** [kind, event, body] for each worst case; the webhook limit is 16 MiB, the send limit 1 MiB. */
const shapes = {
  'webhook: many small numbers': () => ['webhook', 'msg.notify', fill('[', '0,', '0]', LIMIT - 1)],
  'webhook: many empty objects': () => ['webhook', 'msg.notify', fill('[', '{},', '{}]', LIMIT - 1)],
  'webhook: many unsafe numbers': () => ['webhook', 'msg.notify', fill('[', '1e400,', '0]', LIMIT - 1)],
  'webhook: deep nesting': () => ['webhook', 'msg.notify', fill('[', `${'['.repeat(250)}0${']'.repeat(250)},`, '0]', LIMIT - 1)],
  'webhook: one long string': () => ['webhook', 'msg.notify', fill('["', 'x', '"]', LIMIT - 1)],
  'webhook: many messages': () => {
    const m = `{"message_id":1867301234567890123,"message_idstr":"1867301234567890123","from_uid":"u1","channel_id":"g1","channel_type":2,"message_seq":1,"timestamp":1700000000,"payload":"${b64(JSON.stringify({ type: 1, content: '你好'.repeat(40) }))}"},`
    return ['webhook', 'msg.notify', fill('[', m, '0]', LIMIT - 1)]
  },
  'webhook: user.onlinestatus of numbers': () => ['webhook', 'user.onlinestatus', fill('[', '0,', '0]', LIMIT - 1)],
  'webhook: msg.offline inflating to [{},…]': () => {
    const inflated = fill('[', '{},', '{}]', LIMIT - 64 * 1024)
    const body = `{"message_id":1,"from_uid":"u1","channel_id":"g1","channel_type":2,"payload":"${b64('{"type":1,"content":"x"}')}","compress":"gzip","compress_to_uids":"${gzipSync(inflated).toString('base64')}"}`
    return ['webhook', 'msg.offline', body, inflated.length]
  },
  'webhook: a payload object of unsafe numbers': () => ['webhook', 'msg.notify', fill('[{"message_id":1,"payload":{"type":1,"content":"x","n":[', '1e400,', '0]}}]', LIMIT - 1)],
  'send: many small numbers': () => ['send', '', send((room) => fill('{"type":1,"content":"x","n":[', '0,', '0]}', room), MiB - 1)],
  'send: many empty objects': () => ['send', '', send((room) => fill('{"type":1,"content":"x","n":[', '{},', '{}]}', room), MiB - 1)],
  'send: one long string': () => ['send', '', send((room) => fill('{"type":1,"content":"', 'x', '"}', room), MiB - 1)],
}

const make = shapes[shape]
if (!make) throw new Error(`unknown shape ${shape}`)
const [kind, event, text, inflated = 0] = make()
const bytes = new Uint8Array(Buffer.from(text))
globalThis.gc()
const before = process.memoryUsage()
const cpu = process.cpuUsage()
const result = kind === 'send' ? parseSendRequestBody(bytes) : await parseWebhookRequestBody(event, bytes)
const used = process.cpuUsage(cpu)
const after = process.memoryUsage()
// heapTotal after the read bounds the peak from above (V8 grew the heap to hold it); the result is still live.
const heap = after.heapTotal + after.arrayBuffers - before.heapUsed - before.arrayBuffers
// Inflated compress_to_uids bytes count against the body limit: the cost is per byte counted.
const counted = bytes.length + inflated
process.stdout.write(JSON.stringify({
  shape,
  bytes: counted,
  heapPerByte: heap / counted,
  cpuSecondsPerMB: (used.user + used.system) / 1e6 / (counted / 1e6),
  outcome: result.ok ? 'ok' : `${result.problem.status} ${result.problem.code}`,
}) + '\n')

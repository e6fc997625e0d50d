/**
 * `node --expose-gc bench/api.mjs` (after `npm run build`): reading a 1,000-message
 * `/channel/messagesync` reply with `parseMessageSyncResponse` (every id exact, every payload
 * decoded and validated, each on its own) against the floor `JSON.parse(text)` plus a floor decode
 * of each payload (`JSON.parse(Buffer.from(b64, 'base64').toString())`), and the same body through
 * `decodeWebhookMessages` (lossless-json) for comparison. Also the heap a parsed body holds per
 * byte of body text, against the floor's. Not part of `npm test`: speed is measured here, never
 * asserted.
 */
import { makeHarness } from './harness.mjs'
import * as wk from 'wukong-payload'
import * as api from 'wukong-payload/api'

const quick = process.argv.includes('--quick')
const { compare } = makeHarness({ rounds: quick ? 20 : 80, batchNs: 5e6, now: () => Number(process.hrtime.bigint()) })

const b64 = (p) => Buffer.from(JSON.stringify(p)).toString('base64')
const payloads = [
  { type: 1, content: '你好，这是一条历史消息 👋 with some English text.', mention: { all: 0, uids: ['u2'] } },
  { type: 2, url: 'https://cdn.example.com/im/2026/01/a.png', width: 1080, height: 1920 },
  { type: 1, content: 'ok' },
  { type: 8, url: 'https://cdn.example.com/f/report.pdf', name: 'report.pdf', size: 123456 },
  { type: 1, content: '收到，明天见。', reply: { message_id: '1867301234567890123', message_seq: 7, from_uid: 'u1', payload: { type: 1, content: '明天开会吗？' } } },
]
let id = 1867301234567890123n
const messages = Array.from({ length: 1000 }, (_, i) => {
  id += 7n
  return `{"header":{"no_persist":0,"red_dot":1,"sync_once":0},"setting":0,"message_id":${id},"message_idstr":"${id}","client_msg_no":"${i.toString(16).padStart(32, '0')}","message_seq":${i + 1},"from_uid":"u${i % 7}","channel_id":"g1","channel_type":2,"expire":0,"timestamp":${1767225600 + i},"payload":"${b64(payloads[i % payloads.length])}"}`
})
const body = `{"start_message_seq":0,"end_message_seq":0,"more":1,"messages":[${messages.join(',')}]}`
const bodies = [body]

const floor = (text) => {
  const v = JSON.parse(text)
  for (const m of v.messages) m.payload = JSON.parse(Buffer.from(m.payload, 'base64').toString())
  return v
}
const check = api.parseMessageSyncResponse(body)
if (!check.ok || check.value.messages.some((m) => m.error) || check.value.messages[999].message_id !== id.toString()) throw new Error('the bench body does not parse as expected')

const row = (name, r) => console.log(`${name.padEnd(58)} ${r.ratio.toFixed(2)}×  (${(r.candidate * 16 / 1e6).toFixed(2)} ms vs ${(r.baseline * 16 / 1e6).toFixed(2)} ms; rounds ${r.low.toFixed(2)}–${r.high.toFixed(2)}×)`)
console.log(`body: ${body.length} characters, ${messages.length} messages`)
row('parseMessageSyncResponse ÷ floor', compare((i) => api.parseMessageSyncResponse(bodies[i % 1]), (i) => floor(bodies[i % 1])))
row('decodeWebhookMessages ÷ floor', compare((i) => wk.decodeWebhookMessages(bodies[i % 1]), (i) => floor(bodies[i % 1])))

/** Heap held by the result of `fn(body)`, per character of body. */
function heapPerByte(fn) {
  const keep = []
  globalThis.gc?.()
  const before = process.memoryUsage().heapUsed
  for (let i = 0; i < 10; i++) keep.push(fn(body.slice(0)))
  globalThis.gc?.()
  const after = process.memoryUsage().heapUsed
  return (after - before) / 10 / body.length
}
if (globalThis.gc) {
  console.log(`heap held per body byte: parseMessageSyncResponse ${heapPerByte((t) => api.parseMessageSyncResponse(t)).toFixed(2)}, floor ${heapPerByte(floor).toFixed(2)}, decodeWebhookMessages ${heapPerByte((t) => wk.decodeWebhookMessages(t)).toFixed(2)}`)
} else console.log('run with node --expose-gc for the heap figures')

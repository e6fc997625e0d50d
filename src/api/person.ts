/**
 * Person channels and the `last_msg_seqs` string, as the Go server computes and reads them:
 * WuKongIM/WuKongIM:internal/options/common.go@v2.2.5-20260422 (`GetFakeChannelIDWith`: the uid
 * with the greater CRC-32 (IEEE) of its UTF-8 bytes first) and internal/api/conversation.go
 * (`getChannelLastMsgSeqMap`: split on `|`, then on `:`, entries without exactly three parts
 * skipped).
 */
import { ApiError } from './errors.js'
import type { ValidationIssue } from '../errors/issue.js'

let table: Uint32Array | undefined

/** CRC-32 (IEEE 802.3, reflected, as Go's `crc32.ChecksumIEEE`) of a string's UTF-8 bytes. */
export function crc32(text: string): number {
  if (table === undefined) {
    table = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      table[n] = c >>> 0
    }
  }
  const bytes = new TextEncoder().encode(text)
  let crc = 0xffffffff
  for (const b of bytes) crc = (table[(crc ^ b) & 0xff] as number) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/**
 * The server's internal id of the person channel between two uids (`a@b`), as it stores
 * messages: the uid whose CRC-32 is greater comes first. Needed where the server does not compute
 * it (`GET /message/byclientmsgno`). On equal CRCs of different uids (rare) the server puts its
 * second argument first, so this does too: pass `(sender, recipient)` as the sender's request did.
 */
export function personChannelId(a: string, b: string): string {
  return crc32(a) > crc32(b) ? `${a}@${b}` : `${b}@${a}`
}

/**
 * The other party of a person-channel message, for the reader `self`: the server writes
 * `channel_id` as "the party that is not from_uid", so on a message the peer sent the reader
 * sees its own uid there. `undefined` for other channel types. An internal `a@b` id works too.
 */
export function peerOf(message: { readonly channel_id: string; readonly channel_type: number; readonly from_uid: string }, self: string): string | undefined {
  if (message.channel_type !== 1) return undefined
  const parts = message.channel_id.split('@')
  if (parts.length === 2) return parts[0] === self ? parts[1] : parts[0]
  return message.from_uid === self ? message.channel_id : message.from_uid
}

/** One entry of `last_msg_seqs`: the client's last message seq in a conversation. */
export interface LastMsgSeq {
  readonly channel_id: string
  readonly channel_type: number
  /** uint64: a decimal string, bigint or safe integer. */
  readonly last_msg_seq: string | bigint | number
}

/**
 * Writes `last_msg_seqs` (`channel_id:channel_type:last_msg_seq|…`). Throws `ApiError`
 * (`input`) for a channel id holding `:` or `|` — the server would split it into other entries
 * (WuKongIM/WuKongIM#492) — or an entry the server would misread.
 */
export function formatLastMsgSeqs(entries: readonly LastMsgSeq[]): string {
  const issues: ValidationIssue[] = []
  const parts = entries.map((e, i) => {
    if (typeof e?.channel_id !== 'string' || e.channel_id === '' || /[:|]/.test(e.channel_id)) {
      issues.push({ path: `/${i}/channel_id`, code: 'pattern', message: `${JSON.stringify(e?.channel_id)}: a channel id in last_msg_seqs must be non-empty without ":" or "|" (the server splits on them); leave this conversation out` })
    }
    if (!Number.isInteger(e?.channel_type) || e.channel_type < 0 || e.channel_type > 255) issues.push({ path: `/${i}/channel_type`, code: 'range', message: 'a channel type is 0–255' })
    const seq = typeof e?.last_msg_seq === 'bigint' ? e.last_msg_seq.toString() : typeof e?.last_msg_seq === 'number' && Number.isSafeInteger(e.last_msg_seq) ? String(e.last_msg_seq) : e?.last_msg_seq
    if (typeof seq !== 'string' || !/^(0|[1-9][0-9]*)$/.test(seq) || BigInt(seq) > 2n ** 64n - 1n) issues.push({ path: `/${i}/last_msg_seq`, code: 'type', message: 'a uint64 as a decimal string, bigint or safe integer' })
    return `${String(e?.channel_id)}:${String(e?.channel_type)}:${String(seq)}`
  })
  if (issues.length > 0) throw new ApiError('input', `last_msg_seqs: ${issues[0]?.message}`, { issues })
  return parts.join('|')
}

/**
 * Reads `last_msg_seqs` as the server does: entries split on `|`, fields on `:`, an entry
 * without exactly three fields skipped, a later entry for the same channel winning. Seqs come
 * out as decimal strings (the server's `strconv.ParseUint`: a non-number reads as "0").
 */
export function parseLastMsgSeqs(text: string): LastMsgSeq[] {
  const byChannel = new Map<string, LastMsgSeq>()
  for (const entry of text.split('|')) {
    const fields = entry.split(':')
    if (fields.length !== 3) continue
    const [channel_id = '', type = '', seq = ''] = fields
    const channel_type = /^[+-]?[0-9]+$/.test(type) ? Number(type) : 0
    const last_msg_seq = /^[0-9]+$/.test(seq) && BigInt(seq) <= 2n ** 64n - 1n ? BigInt(seq).toString() : '0'
    byChannel.delete(`${channel_id}-${channel_type}`)
    byChannel.set(`${channel_id}-${channel_type}`, { channel_id, channel_type, last_msg_seq })
  }
  return [...byChannel.values()]
}

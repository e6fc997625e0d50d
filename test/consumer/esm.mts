// A TypeScript consumer of the packed package (ESM). Type-checked by test/package.test.ts under
// moduleResolution node16 and bundler; it must compile without errors.
import { decodePayload, isKnownPayload, MessageType, validatePayload, type Payload, type TextPayload } from 'wukong-payload'
import { digest, renderSystemMessageSegments, type Segment } from 'wukong-payload/render'
import { createCodec } from 'wukong-payload/runtime'

export function preview(base64: string): string {
  const payload: Payload = decodePayload(base64)
  if (!isKnownPayload(payload)) return `unknown type ${payload.type}`
  switch (payload.type) {
    case MessageType.Text: {
      const text: TextPayload = payload
      return text.content
    }
    case MessageType.Image:
      return `${payload.width}×${payload.height}`
    case MessageType.GroupCreated: {
      const segments: Segment[] = renderSystemMessageSegments(payload)
      return segments.map((s) => (s.kind === 'user' ? s.name : s.text)).join('')
    }
    default:
      return digest(payload, { locale: 'en' })
  }
}

export const issues = (value: unknown): string[] => {
  const result = validatePayload(value)
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`)
}

export const codec = createCodec({ types: [] })

// The schema-free codec entry and the server helpers.
import { decodePayload as decodeOnly, type Payload as CodecPayload } from 'wukong-payload/codec'
import { parseSendRequestBody, type ProblemDetails } from 'wukong-payload/server'

export const relayed: CodecPayload = decodeOnly('eyJ0eXBlIjoxLCJjb250ZW50IjoiaGkifQ==')
export function problemOf(body: string): ProblemDetails | undefined {
  const result = parseSendRequestBody(body)
  return result.ok ? undefined : result.problem
}

// An adapter: typed OpenIM bodies, and what a conversion could not carry.
import { toOpenIM, type OpenIMSendMsgRequest, type LostField } from 'wukong-payload/adapters/openim'
export function forOpenIM(body: Parameters<typeof toOpenIM>[0]): [OpenIMSendMsgRequest, readonly LostField[]] {
  const { value, lost } = toOpenIM(body)
  return [value, lost]
}

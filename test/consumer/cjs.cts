// A TypeScript consumer of the packed package (CommonJS, resolved through "require" conditions).
import { encodePayload, isPayloadError, type PayloadError } from 'wukong-payload'
import { renderSystemMessage } from 'wukong-payload/render'

export function encodeOrReason(text: string): string {
  try {
    return encodePayload({ type: 1, content: text })
  } catch (error) {
    if (isPayloadError(error)) {
      const e: PayloadError = error
      return e.code
    }
    throw error
  }
}

export const rendered: string = renderSystemMessage({ type: 1001, content: '{0}', extra: [{ uid: 'u', name: 'n' }] })

import { safeDecodePayload } from 'wukong-payload/codec'
import { parseWebhookBody } from 'wukong-payload/server'

export const decodedType: number | undefined = ((r) => (r.ok ? r.value.type : undefined))(safeDecodePayload('eyJ0eXBlIjoxLCJjb250ZW50IjoiaGkifQ=='))
export const webhookCount: number = ((r) => (r.ok ? r.value.length : 0))(parseWebhookBody('[]'))

import { fromLanying } from 'wukong-payload/adapters/lanying'
export const fromLanyingText = (json: string): string => fromLanying(json).value.payload

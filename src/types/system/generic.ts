import { Type } from '@sinclair/typebox'
import { commonFields, type SystemExtra } from '../../model/fields.js'
import { DOCS_SYSTEM_FLAGS, HISTORY_SYSTEM_FLAGS } from '../../model/flags.js'
import { SYSTEM_TYPE_MAX, SYSTEM_TYPE_MIN } from '../../model/message-type.js'
import { schemaId } from '../../model/schema-ids.js'
import type { UnknownTypeNumber } from '../payload.js'
import { SystemContent, SystemExtraList } from '../../model/system.js'

/**
 * Any other system message (`type` 1000–2000 that no definition claims): `content` and `extra` are
 * checked when present, every other field is kept. Clients render all of 1000–2000 with the
 * generic template renderer, so a new server-side system type keeps working.
 */
export const GenericSystemSchema = /* @__PURE__ */ (() => Type.Object(
  {
    type: /* @__PURE__ */ Type.Integer({ minimum: SYSTEM_TYPE_MIN, maximum: SYSTEM_TYPE_MAX, description: 'A system type (1000–2000) without a specific schema.' }),
    content: /* @__PURE__ */ Type.Optional(SystemContent),
    extra: /* @__PURE__ */ Type.Optional(SystemExtraList),
    ...commonFields,
  },
  { $id: schemaId('system'), title: 'GenericSystemPayload', description: 'Any other system message (type 1000–2000): `content` template and `extra` when present.' },
))()

/** A system message whose `type` has no specific schema. `type` is an integer in 1000–2000 without a definition. */
export interface GenericSystemPayload {
  type: UnknownTypeNumber
  content?: string
  extra?: SystemExtra[]
  [key: string]: unknown
}

/** Header flags and digest of generic system messages: the docs' system rule. */
export const genericSystem = {
  name: 'system',
  flags: DOCS_SYSTEM_FLAGS,
  historyFlags: HISTORY_SYSTEM_FLAGS,
  digest: 'system',
} as const

/** Examples the tests validate as generic system messages. */
export const genericSystemExamples = [
  { title: 'Hotline assigned (1200)', value: { type: 1200, content: '{0}已接入会话', extra: [{ uid: 'agent1', name: '客服小王' }] } },
  { title: 'A system type without a template (1500)', value: { type: 1500, second: 65, result: 1 } },
] as const

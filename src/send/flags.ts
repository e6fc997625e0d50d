import type { HeaderFlags } from '../model/flags.js'
import { CHAT_FLAGS } from '../model/flags.js'
import type { Payload, PayloadShape } from '../types/payload.js'
import { isSystemType } from '../model/message-type.js'
import { genericSystemMeta, typeDigests, typeFlags, typeHistoryFlags, typeNames, typeTemplates } from '../generated/registry.js'
import type { TypeMeta } from '../model/registry-types.js'

export interface RecommendFlagsOptions {
  /**
   * Keep system messages in channel history. The docs recommend `sync_once: 1` for group-event
   * system messages (1001–1006), but WuKongIM v2 routes `sync_once: 1` messages to a separate
   * command channel that channel history never shows (WuKongIM issue #414), which is why
   * TangSengDaoDao sends them with `red_dot: 1, sync_once: 0`. Default false (the docs' rule).
   */
  readonly keepInHistory?: boolean
}

function isGenericSystem(type: number): boolean {
  return !Object.hasOwn(typeNames, type) && Number.isInteger(type) && isSystemType(type)
}

/** Runtime data of a payload type: its definition's, the generic system one, or none. */
export function metaOf(type: unknown): TypeMeta | undefined {
  if (typeof type !== 'number') return undefined
  const name = typeNames[type]
  if (name === undefined) return isGenericSystem(type) ? genericSystemMeta : undefined
  const history = typeHistoryFlags[type]
  const templates = typeTemplates[type]
  return {
    name,
    flags: typeFlags[type] as HeaderFlags,
    digest: typeDigests[type] as TypeMeta['digest'],
    ...(history ? { historyFlags: history } : {}),
    ...(templates ? { templates } : {}),
  }
}

/**
 * The `/message/send` header a payload should be sent with, from its type's definition: ordinary
 * messages `{0,1,0}`, commands `sync_once: 1`, the docs' group events `{0,0,1}`, 1010 `{0,1,0}`.
 * Unknown types get the ordinary-message flags. Typed like `encodePayload`: a literal `type`
 * requires that type's shape; another type needs an explicit type argument.
 */
export function recommendFlags<P extends PayloadShape = Payload>(payload: NoInfer<P>, options: RecommendFlagsOptions = {}): HeaderFlags {
  const type = payload.type
  const history = options.keepInHistory === true
  const flags = isGenericSystem(type) ? (history ? genericSystemMeta.historyFlags : genericSystemMeta.flags) : (history && typeHistoryFlags[type]) || typeFlags[type] || CHAT_FLAGS
  return { ...flags }
}

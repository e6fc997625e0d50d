
/**
 * WuKongIM channel types.
 *
 * @see {@link https://githubim.com/api/message} `channel_type`; values from WuKongIM's `ChannelType*` constants
 */
export const ChannelType = {
  /** One-to-one chat. */
  Personal: 1,
  /** Group chat. */
  Group: 2,
  /** Customer-service channel. */
  CustomerService: 3,
  /** Community. */
  Community: 4,
  /** Community topic. */
  CommunityTopic: 5,
  /** Info channel (e.g. a live broadcast). */
  Info: 6,
  /** Data channel. */
  Data: 7,
  /** Temporary channel the server creates for `subscribers` sends. */
  Temp: 8,
  /** Live channel. */
  Live: 9,
  /** Visitor channel. */
  Visitors: 10,
  /** One-to-one AI agent channel (`uid@agent`). */
  Agent: 11,
  /** Group AI agent channel. */
  AgentGroup: 12,
} as const

/** Any value of {@link ChannelType}. */
export type ChannelType = (typeof ChannelType)[keyof typeof ChannelType]

/**
 * The system-message range, as every official client counts it: 1000–2000 inclusive (WuKongIMJSSDK
 * `isSystemMessage`, iOS `-[WKSDK isSystemMessage:]`, TangSengDaoDao Android
 * `WKContentType.isSystemMsg`). The docs' "greater than 1000" is narrower than what clients render.
 */
export const SYSTEM_TYPE_MIN = 1000
/** Largest system type (inclusive); see {@link SYSTEM_TYPE_MIN}. */
export const SYSTEM_TYPE_MAX = 2000

/** Whether `type` is in the system range 1000–2000. */
export function isSystemType(type: number): boolean {
  return type >= SYSTEM_TYPE_MIN && type <= SYSTEM_TYPE_MAX
}

/**
 * Numeric payload `type` values, named as WuKongIM's docs and TangSengDaoDao's server name them.
 *
 * A plain frozen object rather than a TypeScript `enum`: it tree-shakes and works under
 * `isolatedModules`/`verbatimModuleSyntax`.
 *
 * @see {@link https://githubim.com/api/message} WuKongIM `/message/send` payload examples
 */
export const MessageType = {
  /** Text, with optional `mention` and `reply`. */
  Text: 1,
  /** Image: `url`, `width`, `height`. */
  Image: 2,
  /** Animated GIF: `url`, `width`, `height`. */
  Gif: 3,
  /** Voice clip: `url`, `timeTrad` (seconds). */
  Voice: 4,
  /** Short video (TangSengDaoDao "smallVideo"): `url`, `cover`, `second`. */
  Video: 5,
  /** Location: `lng`, `lat`, `title`, `address`. */
  Location: 6,
  /** Business card of a user: `uid`, `name`. */
  Card: 7,
  /** File: `url`, `name`, `size` (bytes). */
  File: 8,
  /** Merged forward of chat history (nests payloads). */
  MergeForward: 11,
  /** Vector (Lottie) sticker. */
  VectorSticker: 12,
  /** Emoji (Lottie) sticker. */
  EmojiSticker: 13,
  /** "X took a screenshot" notice. */
  Screenshot: 20,
  /** Command (`cmd` + `param`); not shown in chat history. */
  Command: 99,
  /** System: a group was created. */
  GroupCreated: 1001,
  /** System: members were invited to a group. */
  GroupMembersAdded: 1002,
  /** System: members were removed from a group. */
  GroupMembersRemoved: 1003,
  /** System: a friend request was accepted (TangSengDaoDao). */
  FriendAccepted: 1004,
  /** System: a group attribute changed (name, announcement, mute, …). One number, many meanings. */
  GroupUpdated: 1005,
  /** System: a message was recalled. */
  MessageRecalled: 1006,
  /** System: someone joined through a group QR code (TangSengDaoDao). */
  GroupMemberScanJoin: 1007,
  /** System: group ownership was transferred (TangSengDaoDao). */
  GroupOwnerTransferred: 1008,
  /** System: a member asks to invite others; needs approval (TangSengDaoDao). */
  GroupMemberInviteRequest: 1009,
  /** System: a member was kicked (WuKongIM docs; TangSengDaoDao iOS reads 1010 as "refused to join"). */
  GroupMemberKicked: 1010,
  /** System: the reader was removed from the group (TangSengDaoDao's actual "kicked" message). */
  RemovedFromGroup: 1020,
  /** System: a member left the group (TangSengDaoDao). */
  GroupMemberQuit: 1021,
  /** System: the group was upgraded to a super group (TangSengDaoDao). */
  GroupUpgraded: 1022,
  /** System: a generic template tip (TangSengDaoDao). */
  Tip: 2000,
} as const

/** Any value of {@link MessageType}. */
export type MessageType = (typeof MessageType)[keyof typeof MessageType]

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

/** Smallest `type` that WuKongIM's docs allow for a system message ("must be greater than 1000"). */
export const SYSTEM_TYPE_MIN = 1001

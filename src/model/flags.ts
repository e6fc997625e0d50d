import { Type, type Static } from '@sinclair/typebox'
import { Flag01 } from './fields.js'

/**
 * The `header` of a `/message/send` request: three 0/1 flags.
 *
 * @see {@link https://githubim.com/api/message} `header`
 */
export const HeaderFlagsSchema = /* @__PURE__ */ Type.Object(
  {
    no_persist: /* @__PURE__ */ Flag01('1 = do not store the message (no history, no offline retry).'),
    red_dot: /* @__PURE__ */ Flag01('1 = count the message as unread (show a red dot).'),
    sync_once: /* @__PURE__ */ Flag01(
      '1 = write-diffusion: synced once per user. WuKongIM v2 routes such messages to a separate command channel that channel history never shows (WuKongIM issue #414); the docs reserve it for commands.',
    ),
  },
  { title: 'HeaderFlags', description: 'Message header flags.' },
)
export type HeaderFlags = Static<typeof HeaderFlagsSchema>

/** Ordinary chat messages: stored, counted as unread, read-diffusion. */
export const CHAT_FLAGS: HeaderFlags = { no_persist: 0, red_dot: 1, sync_once: 0 }
/** Commands: `sync_once: 1`, no red dot (the docs: "Command messages should set SyncOnce:1"). */
export const COMMAND_FLAGS: HeaderFlags = { no_persist: 0, red_dot: 0, sync_once: 1 }
/** The docs' flags for group-event system messages (1001, 1002, 1003, 1005, 1006). */
export const DOCS_SYSTEM_FLAGS: HeaderFlags = { no_persist: 0, red_dot: 0, sync_once: 1 }
/**
 * What TangSengDaoDao sends for system messages instead: `sync_once: 0` keeps them in channel
 * history, which the docs' `sync_once: 1` does not on WuKongIM v2 (issue #414).
 */
export const HISTORY_SYSTEM_FLAGS: HeaderFlags = { no_persist: 0, red_dot: 1, sync_once: 0 }

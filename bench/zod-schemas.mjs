/**
 * The payload union written in zod 4, as a team would write it by hand: the same fields and rules
 * as the package's schemas (integers, 0|1 flags, decimal-string ids, non-negative sizes, recursive
 * reply), dispatched on `type` with a Map (the fastest form zod allows for numeric tags), with
 * unknown properties kept (`looseObject`). Only for bench/run.mjs.
 */
import { z } from 'zod'

const flag = z.union([z.literal(0), z.literal(1)])
const decimalId = z.string().regex(/^[0-9]+$/)
const nonNegative = z.number().min(0)

let payload // assigned below; reply.payload refers to it lazily
const mention = z.looseObject({ all: flag.optional(), uids: z.array(z.string()).optional() })
const reply = z.looseObject({
  message_id: decimalId,
  message_seq: z.number().int().min(0),
  from_uid: z.string(),
  from_name: z.string().optional(),
  root_mid: z.string().regex(/^[0-9]*$/).optional(), // "" from Flutter and HarmonyOS
  root_message_id: decimalId.optional(),
  payload: z.lazy(() => payload).optional(),
})
const entity = z.looseObject({ offset: z.number().int().min(0), length: z.number().int().min(0), type: z.string(), value: z.string().optional() })
const common = {
  mention: mention.optional(),
  reply: reply.optional(),
  entities: z.array(entity).optional(),
  robot_id: z.string().optional(),
  visibles: z.array(z.string()).optional(),
  invisibles: z.array(z.string()).optional(),
  flame: flag.optional(),
  flame_second: z.number().int().min(0).optional(),
  from_uid: z.string().optional(),
  from_name: z.string().optional(),
}
const extra = z.array(z.looseObject({ uid: z.string(), name: z.string() }))
const media = { url: z.string(), width: nonNegative, height: nonNegative }

const byType = new Map([
  [1, z.looseObject({ type: z.literal(1), content: z.string(), ...common })],
  [2, z.looseObject({ type: z.literal(2), ...media, size: nonNegative.optional(), ...common })],
  [3, z.looseObject({ type: z.literal(3), ...media, ...common })],
  [4, z.looseObject({ type: z.literal(4), url: z.string(), timeTrad: nonNegative, waveform: z.string().nullable().optional(), ...common })],
  [5, z.looseObject({ type: z.literal(5), url: z.string(), cover: z.string(), ...media, second: nonNegative, size: nonNegative.optional(), ...common })],
  [6, z.looseObject({ type: z.literal(6), lng: z.number(), lat: z.number(), title: z.string().optional(), address: z.string().optional(), img: z.string().optional(), ...common })],
  [7, z.looseObject({ type: z.literal(7), uid: z.string(), name: z.string(), vercode: z.string().nullable().optional(), avatar: z.string().optional(), ...common })],
  [8, z.looseObject({ type: z.literal(8), url: z.string(), name: z.string(), size: nonNegative, ...common })],
  [99, z.looseObject({ type: z.literal(99), cmd: z.string().min(1), param: z.looseObject({}).optional(), ...common })],
])
const system = z.looseObject({ type: z.number().int().min(1000).max(2000), content: z.string().optional(), extra: extra.optional(), ...common })
const envelope = z.looseObject({ type: z.number().int() })

/** Dispatches on `type` like the package; other integer types pass as unknown payloads. */
payload = envelope.check((ctx) => {
  const type = ctx.value.type
  const schema = byType.get(type) ?? (type >= 1000 && type <= 2000 ? system : undefined)
  if (!schema) return
  const result = schema.safeParse(ctx.value)
  if (!result.success) for (const issue of result.error.issues) ctx.issues.push({ ...issue, input: ctx.value })
})

export const ZodPayload = payload

/**
 * Issue 26: the 100,000-case fuzzing extended to the server, webhook, events and adapter entries,
 * with the value kinds that broke "never throws" — BigInt, getters (that throw anything, even
 * `Object.create(null)` or a forged PayloadError brand, or that answer differently on each read),
 * Proxies (whose traps throw, or pass through), non-enumerable and symbol keys, lone surrogates,
 * numbers with fractions beyond 2^53 (as values, and as JSON text). Each entry is held to its
 * documented contract, read from its doc comment: never throws (or throws only `PayloadError`),
 * and the result is well-formed (issues with JSON Pointers, problems with a status, errors that
 * are the package's own). `FUZZ_RUNS` scales the runs per entry.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  decodeForDisplay,
  digest,
  isPayloadError,
  lintPayload,
  lintSendRequest,
  renderSystemMessage,
  renderSystemMessageHtml,
  safeDecodePayload,
  validatePayload,
  validateSendRequest,
} from '../src/entries/index.js'
import { parseSendRequestBody, parseWebhookBody, parseWebhookEvent, problemFromFastifyError } from '../src/entries/server.js'
import { buildMessageEvent, parseEventPush, validateEventMeta, validateEventSyncResponse, validateMessageEvent, validateMessageEventResponse } from '../src/entries/events.js'
import { fromLanying, toLanying } from '../src/adapters/lanying/convert.js'
import { fromOpenIM, toOpenIM } from '../src/adapters/openim/convert.js'
import { fromCommsEase, toCommsEase } from '../src/adapters/commsease/convert.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 9_100)
let casesRun = 0

// ——— foreign values ———

const thrownValues = (): unknown[] => [new Error('getter'), Object.create(null), { [Symbol.for('wukong-payload.PayloadError')]: true, code: 'PWNED', message: 42, issues: 'no' }, Symbol('s'), undefined, 12n]

const leaf = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('\ud800', '\udc00x', 'a\ud83d', '😀', '', 'AQID', 'eyJ0eXBlIjoxfQ=='),
  fc.integer(),
  fc.double(),
  fc.constantFrom(9007199254740990.9, 2 ** 53 + 2, -(2 ** 63), 1e-400, 1.5, -0),
  fc.bigInt(),
  fc.constantFrom(1867301234567890123n, 18446744073709551617n),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
)

const KEYS = ['type', 'content', 'payload', 'header', 'from_uid', 'channel_id', 'channel_type', 'client_msg_no', 'message_id', 'message_seq', 'timestamp', 'messages', 'event_type', 'event_id', 'event_key', 'data', 'id', 'kind', 'delta', 'snapshot', 'mention', 'reply', 'extra', 'uids', 'status', 'error', 'msgs', 'url', 'to_uids', 'code', 'message']

/**
 * fast-check generates plain recipes; the foreign values are built from them inside each run
 * (fast-check itself reads generated values — to clone or print them — and a hostile Proxy
 * would break the test runner, not the entry).
 */
type WrapSpec = { readonly w: 'none' } | { readonly w: 'throwing-getter'; readonly key: string; readonly which: number } | { readonly w: 'flipping-getter'; readonly key: string } | { readonly w: 'throwing-proxy'; readonly which: number } | { readonly w: 'proxy' } | { readonly w: 'hidden'; readonly key: string } | { readonly w: 'symbols' }
type Recipe = { readonly leaf: unknown } | { readonly obj: readonly (readonly [string, Recipe])[]; readonly wrap: WrapSpec } | { readonly arr: readonly Recipe[]; readonly wrap: WrapSpec }

const wrapSpec: fc.Arbitrary<WrapSpec> = fc.oneof(
  fc.constant({ w: 'none' as const }),
  fc.record({ w: fc.constant('throwing-getter' as const), key: fc.constantFrom(...KEYS), which: fc.nat(5) }),
  fc.record({ w: fc.constant('flipping-getter' as const), key: fc.constantFrom(...KEYS) }),
  fc.record({ w: fc.constant('throwing-proxy' as const), which: fc.nat(5) }),
  fc.constant({ w: 'proxy' as const }),
  fc.record({ w: fc.constant('hidden' as const), key: fc.constantFrom(...KEYS) }),
  fc.constant({ w: 'symbols' as const }),
)

function wrap(value: Record<string, unknown> | unknown[], spec: WrapSpec): unknown {
  switch (spec.w) {
    case 'none':
      return value
    case 'throwing-getter':
      return Object.defineProperty(value, spec.key, { enumerable: true, configurable: true, get: () => { throw thrownValues()[spec.which] } })
    case 'flipping-getter': {
      let reads = 0
      return Object.defineProperty(value, spec.key, { enumerable: true, configurable: true, get: () => (++reads % 2 === 1 ? 'safe' : 12345678901234567890) })
    }
    case 'throwing-proxy': {
      const fail = (): never => { throw thrownValues()[spec.which] }
      return new Proxy(value, { get: fail, ownKeys: fail, getPrototypeOf: fail, has: fail, getOwnPropertyDescriptor: fail })
    }
    case 'proxy':
      return new Proxy(value, {})
    case 'hidden':
      return Object.defineProperty(value, spec.key, { enumerable: false, value: 1 })
    case 'symbols':
      return Object.assign(value, { [Symbol('k')]: 1, [Symbol.for('wukong-payload.PayloadError')]: true })
  }
}

function build(recipe: Recipe): unknown {
  if ('leaf' in recipe) return recipe.leaf
  if ('obj' in recipe) {
    const o: Record<string, unknown> = {}
    for (const [k, v] of recipe.obj) o[k] = build(v)
    return wrap(o, recipe.wrap)
  }
  return wrap(recipe.arr.map(build), recipe.wrap)
}

const { recipe } = fc.letrec<{ recipe: Recipe }>((tie) => ({
  recipe: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    leaf.map((l) => ({ leaf: l })),
    fc.record({ obj: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 3 })), tie('recipe')), { maxLength: 5 }), wrap: wrapSpec }),
    fc.record({ arr: fc.array(tie('recipe'), { maxLength: 4 }), wrap: wrapSpec }),
  ),
}))

const fixed = (value: unknown): fc.Arbitrary<Recipe> => fc.constant({ leaf: value })
const either = (...values: unknown[]): fc.Arbitrary<Recipe> => fc.oneof(fc.constantFrom(...values).map((v) => ({ leaf: v })), recipe)

/** A send body or webhook message shape with foreign values in its fields. */
const shaped: fc.Arbitrary<Recipe> = fc.record({
  obj: fc.tuple(
    fc.tuple(fc.constant('header'), either({ no_persist: 0, red_dot: 1, sync_once: 0 })),
    fc.tuple(fc.constant('from_uid'), either('u1')),
    fc.tuple(fc.constant('channel_id'), either('g1')),
    fc.tuple(fc.constant('channel_type'), either(2)),
    fc.tuple(fc.constant('client_msg_no'), either('1867301234567890123')),
    fc.tuple(fc.constant('payload'), either('eyJ0eXBlIjoxLCJjb250ZW50IjoiaGkifQ==', 'eyJ0eXBlIjoxLCJjb250ZW50IjoiXHVkODAwIn0=')),
    fc.tuple(fc.constant('message_id'), either(1867301234567890123n, 9007199254740990.9, '1867301234567890123')),
    fc.tuple(fc.constant('event_type'), either('stream.delta', 'stream.close')),
  ).chain((entries) => fc.subarray(entries as [string, Recipe][])),
  wrap: wrapSpec,
})
void fixed

/** JSON text with numbers beyond what a double holds, and lone surrogate escapes. */
const hostileText = fc
  .tuple(fc.constantFrom('9007199254740990.9', '1e-400', '18446744073709551617', '-9223372036854775809', '1867301234567890123', '1e400', '0.1'), fc.constantFrom('"\\ud800"', '"ok"', '"\\udc00\\ud800"'))
  .map(([n, s]) => `[{"message_id":${n},"message_seq":${n},"timestamp":${n},"from_uid":${s},"channel_id":"g","channel_type":2,"payload":"eyJ0eXBlIjoxLCJjb250ZW50IjoiaGkifQ=="}]`)

/** Recipes of the inputs: any foreign value, a shaped body, a list of one, `{ messages: [one] }`. */
const input: fc.Arbitrary<Recipe> = fc.oneof(recipe, shaped, shaped.map((s) => ({ arr: [s], wrap: { w: 'none' as const } })), shaped.map((s) => ({ obj: [['messages', { arr: [s], wrap: { w: 'none' as const } }] as const], wrap: { w: 'none' as const } })))

// ——— contracts ———

function expectIssues(issues: unknown): void {
  expect(Array.isArray(issues)).toBe(true)
  for (const issue of issues as { path: unknown; code: unknown; message: unknown }[]) {
    expect(typeof issue.path === 'string' && (issue.path === '' || issue.path.startsWith('/'))).toBe(true)
    expect(typeof issue.code).toBe('string')
    expect(typeof issue.message).toBe('string')
  }
}

function expectValidation(result: { ok: boolean; issues?: unknown }): void {
  expect(typeof result.ok).toBe('boolean')
  if (!result.ok) expectIssues(result.issues)
}

function expectBoundary(result: { ok: boolean; problem?: { status: unknown; issues?: unknown } }): void {
  expect(typeof result.ok).toBe('boolean')
  if (!result.ok) {
    expect(typeof result.problem?.status).toBe('number')
    expectIssues(result.problem?.issues ?? [])
  }
}

function expectOwnError(result: { ok: boolean; error?: unknown }): void {
  expect(typeof result.ok).toBe('boolean')
  if (!result.ok) expect(isPayloadError(result.error)).toBe(true)
}

/** Runs `f`; anything thrown must be the package's own PayloadError. */
function throwsOnlyPayloadError(f: () => unknown): void {
  try {
    f()
  } catch (error) {
    expect(isPayloadError(error), `threw ${String((error as Error | undefined)?.message ?? typeof error)}`).toBe(true)
  }
}

/** Builds the foreign values a recipe describes (strings pass as they are). */
function realise(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && ('leaf' in value || 'obj' in value || 'arr' in value)) return build(value as Recipe)
  if (Array.isArray(value)) return value.map(realise)
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, realise(v)]))
  return value
}

function fuzz<T>(name: string, arbitrary: fc.Arbitrary<T>, check: (value: any) => void | Promise<void>): void {
  it(name, async () => {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (value) => {
        casesRun++
        await check(realise(value))
      }),
      { numRuns: RUNS, seed: 20261204 },
    )
  }, 600_000)
}

describe('entries documented as never-throwing, on foreign values', () => {
  fuzz('validateSendRequest and parseSendRequestBody', input, (v) => {
    expectValidation(validateSendRequest(v))
    expectBoundary(parseSendRequestBody(v))
  })
  fuzz('parseWebhookBody (values and exact JSON text)', fc.oneof(input, hostileText), (v) => expectBoundary(parseWebhookBody(v)))
  fuzz('parseSendRequestBody on JSON text', hostileText.map((t) => t.slice(1, -1)), (t) => expectBoundary(parseSendRequestBody(t)))
  fuzz('lintSendRequest and lintPayload', input, (v) => {
    for (const findings of [lintSendRequest(v), lintPayload(v as never)]) {
      expect(Array.isArray(findings)).toBe(true)
      for (const f of findings) expect(typeof f.path === 'string' && typeof f.message === 'string' && typeof f.code === 'string').toBe(true)
    }
  })
  fuzz('validateMessageEvent, validateMessageEventResponse, validateEventSyncResponse, validateEventMeta', input, (v) => {
    for (const result of [validateMessageEvent(v), validateMessageEventResponse(v), validateEventSyncResponse(v), validateEventMeta(v)]) expectValidation(result)
  })
  fuzz('parseEventPush', fc.record({ id: either('e1'), type: either('stream.delta'), timestamp: either(1, 1867301234567890123n), data: fc.oneof(input, hostileText.map((t) => t.slice(1, -1))) }, { requiredKeys: [] }), (frame) => expectOwnError(parseEventPush(frame)))
  fuzz('parseWebhookEvent never rejects', fc.tuple(fc.constantFrom('msg.notify', 'msg.offline', 'user.onlinestatus', 'other'), fc.oneof(input, hostileText)), async ([event, body]) => {
    const result = await parseWebhookEvent(event, body)
    expectOwnError(result)
  })
  fuzz('safeDecodePayload, validatePayload and decodeForDisplay', input, (v) => {
    expectOwnError(safeDecodePayload(v as never))
    expectValidation(validatePayload(v))
    const shown = decodeForDisplay(v as never)
    expect(['ok', 'partial', 'unreadable']).toContain(shown.status)
  })
  fuzz('renderers and digest', input, (v) => {
    for (const out of [renderSystemMessage(v), renderSystemMessageHtml(v), digest(v)]) expect(typeof out).toBe('string')
  })
  fuzz('problemFromFastifyError', input, (v) => {
    const problem = problemFromFastifyError(v, v)
    if (problem !== undefined) expect(typeof problem.status).toBe('number')
  })
  fuzz('buildMessageEvent and the adapters throw only PayloadError', input, (v) => {
    throwsOnlyPayloadError(() => buildMessageEvent(v as never))
    throwsOnlyPayloadError(() => toLanying(v as never))
    throwsOnlyPayloadError(() => toOpenIM(v as never))
    throwsOnlyPayloadError(() => toCommsEase(v as never, { toAccids: ['a'] }))
    throwsOnlyPayloadError(() => fromLanying(v as never))
    throwsOnlyPayloadError(() => fromOpenIM(v as never))
    throwsOnlyPayloadError(() => fromCommsEase(v as never))
  })
  it('ran at least 100,000 cases in all (with the default FUZZ_RUNS)', () => {
    if (process.env.FUZZ_RUNS === undefined) expect(casesRun).toBeGreaterThanOrEqual(100_000)
  })
})

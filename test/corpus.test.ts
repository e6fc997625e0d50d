/**
 * The corpus of real payloads (test/corpus/*.json): what the official WuKongIM SDKs, the
 * TangSengDaoDao apps and the TangSengDaoDao server write, read from each encoder and cited by
 * `owner/repo:path@commit`. The verdicts and the rendered texts are the clients' behaviour, written
 * down independently of this package; this test holds the package to them.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type PayloadShape, decodeForDisplay, decodePayload, digest, encodePayload, lintPayload, payloadDefinitions, renderSystemMessage, safeDecodePayload, validatePayload } from '../src/entries/index.js'
import { independentValidator, root } from './helpers.js'

interface CorpusEntry {
  readonly id: string
  readonly source: string
  readonly encoder: string
  readonly payload: { readonly type: number; readonly [key: string]: unknown }
  /** `accept`: must validate and round-trip exactly. `keep`: delivered but malformed: kept on receive, with its issues. */
  readonly verdict: 'accept' | 'keep'
  readonly notes: string
  /** What the client cited renders, per locale, for the reader `selfUid`. */
  readonly render?: { readonly zh?: string; readonly en?: string; readonly selfUid?: string }
}

const dir = join(root, 'test/corpus')
const files = readdirSync(dir).filter((f) => f.endsWith('.json'))
const entries: CorpusEntry[] = files.flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as CorpusEntry[])
const defined = new Set(payloadDefinitions.map((d) => d.type))
const base64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64')

/**
 * Where the client cited renders differently from `renderSystemMessage`, on purpose: a client bug
 * the package does not copy. `ours` is what the package renders instead (written by hand).
 */
const clientDiffers: Readonly<Record<string, { readonly client: string; readonly reason: string; readonly ours: string }>> = {
  'js-system-1002-no-self-label': {
    client: 'WuKongIM JS SDK',
    reason: 'SystemContent.displayText has its reader → "你" branch commented out; the package names the reader, as iOS and TangSengDaoDao Android do',
    ours: '张三邀请你,王五加入群聊',
  },
  'js-system-1005-placeholder-in-group-name': {
    client: 'WuKongIM JS SDK',
    reason: 'String.replace replaces only the first {0}; the package replaces every placeholder, as iOS does (the server writes a user-chosen group name into the template, so a {0} in it cannot be told apart)',
    ours: '张三修改群名为"张三的小组"',
  },
  'js-system-dollar-pattern-name': {
    client: 'WuKongIM JS SDK',
    reason: 'String.replace expands `$&` in a display name to the matched placeholder; the package inserts names verbatim, as iOS does',
    ours: '“$&”通过“张三”的二维码加入群聊',
  },
  'tsdd-android-system-1005-apostrophe': {
    client: 'TangSengDaoDao Android',
    reason: "java.text.MessageFormat reads ' as a quote and drops it from the group name; the package keeps the text, as the JS SDK and iOS do",
    ours: '张三修改群名为"Tom\'s group"',
  },
  'serverlib-friend-apply-1000': {
    client: 'TangSengDaoDao Android',
    reason: 'a friend request has no template, and the app shows its unknown-message placeholder; renderSystemMessage renders the absent template as "" (digest gives the label "[好友申请]李四")',
    ours: '',
  },
}

/** Keep entries whose digest is empty for a reason of the type, not of the package. */
const emptyDigest: Readonly<Record<string, string>> = {
  'android-text-empty-omits-content': 'a text previews as its content, and this one has none',
  'js-cmd-content-has-no-encoder': 'commands have no preview',
}

describe('the corpus', () => {
  it('has at least 60 entries, unique ids, each citing owner/repo:path@commit', () => {
    expect(entries.length).toBeGreaterThanOrEqual(60)
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length)
    for (const e of entries) {
      expect(e.source, e.id).toMatch(/^[\w.-]+\/[\w.-]+:[^@\s]+@[0-9a-f]{40}$/)
      expect(['accept', 'keep'], e.id).toContain(e.verdict)
      expect(Number.isInteger(e.payload.type), e.id).toBe(true)
    }
    for (const id of [...Object.keys(clientDiffers), ...Object.keys(emptyDigest)]) expect(entries.some((e) => e.id === id), id).toBe(true)
  })
})

describe.each(entries.filter((e) => e.verdict === 'accept').map((e) => [e.id, e] as const))('accept %s', (_id, entry) => {
  it('validates (as its type, or as an UnknownPayload when the type has no definition) and round-trips exactly', () => {
    const { payload } = entry
    const result = validatePayload(payload)
    expect(result.ok ? [] : result.issues).toEqual([])
    const strict = validatePayload(payload, { unknownTypes: 'reject' })
    const undefinedTypes = strict.ok ? [] : strict.issues.filter((i) => i.code === 'unknown_type')
    // Only types without a definition (JS stream 98, say) fail `unknownTypes: 'reject'`.
    expect(strict.ok ? [] : strict.issues.filter((i) => i.code !== 'unknown_type')).toEqual([])
    if (defined.has(payload.type)) expect(undefinedTypes.map((i) => i.path)).not.toContain('/type')
    // Exact: the same bytes as the client's JSON (key order included), and back to the same value.
    const encoded = encodePayload<PayloadShape>(payload)
    expect(encoded).toBe(base64(payload))
    const decoded = decodePayload(encoded)
    expect(decoded).toStrictEqual(payload)
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(payload))
    // The published JSON Schema agrees (checked by an implementation other than Ajv).
    expect(independentValidator('payload').validate(payload).valid).toBe(true)
  })
})

describe.each(entries.filter((e) => e.verdict === 'keep').map((e) => [e.id, e] as const))('keep %s', (_id, entry) => {
  it('is kept on receive, unchanged, with its issues', () => {
    const { payload } = entry
    const b64 = base64(payload)
    const result = safeDecodePayload(b64)
    const strict = safeDecodePayload(b64, { unknownTypes: 'reject' })
    const lint = lintPayload<PayloadShape>(payload)
    if (!result.ok) {
      expect(result.error.value).toStrictEqual(payload)
      expect(result.error.issues.length).toBeGreaterThan(0)
    } else {
      // Valid as delivered: the defect is a type no definition claims (a client's "unknown" 0/−1, the
      // sync API's 97/98), which `unknownTypes: 'reject'` reports, or a form lint names.
      expect(result.value).toStrictEqual(payload)
      expect([...(strict.ok ? [] : strict.error.issues.map((i) => i.code)), ...lint.map((f) => f.code)].length).toBeGreaterThan(0)
    }
    if (!strict.ok) expect(strict.error.value).toStrictEqual(payload)
    // A chat UI gets the message, as delivered, whatever is wrong with it.
    const shown = decodeForDisplay(b64)
    expect(shown.payload).toStrictEqual(payload)
    if (defined.has(payload.type) && !Object.hasOwn(emptyDigest, entry.id)) expect(digest(result.ok ? result.value : result.error.value)).not.toBe('')
  })
})

describe.each(entries.filter((e) => e.render !== undefined).map((e) => [e.id, e] as const))('render %s', (_id, entry) => {
  const render = entry.render ?? {}
  const differs = clientDiffers[entry.id]
  it(differs ? `differs from ${differs.client} on purpose: ${differs.reason}` : 'renders as the client does', () => {
    for (const locale of ['zh', 'en'] as const) {
      const expected = render[locale]
      if (expected === undefined) continue
      const options = { locale, ...(render.selfUid !== undefined ? { selfUid: render.selfUid } : {}) }
      const ours = renderSystemMessage(entry.payload, options)
      if (differs) {
        expect(ours).not.toBe(expected)
        if (locale === 'zh') expect(ours).toBe(differs.ours)
      } else expect(ours).toBe(expected)
    }
  })
})

/**
 * Text messages read and built (src/text): entity offsets, mentions, segments, links, the
 * formatter and entity lint. Oracles: the corpus (what Android, iOS, Flutter, HarmonyOS, the JS SDK
 * and TangSengDaoDao write, cited per entry), Node's UTF-16 encoder (`Buffer` 'utf16le') for
 * UTF-16 offsets, the string iterator (`Array.from`, which counts code points as Go's `[]rune`
 * does for well-formed text) for code-point offsets, and the inputs of the properties themselves.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isMentioned, lintPayload, mentionsOf } from '../src/entries/index.js'
import { codePointToUtf16Offset, entitiesFromCodePoints, entitiesToCodePoints, isCharBoundary, utf16ToCodePointOffset } from '../src/text/offsets.js'
import { formatText, link, mention, mentionAll, type TextValue } from '../src/text/format.js'
import { lintTextEntities } from '../src/text/lint.js'
import { textSegments } from '../src/text/segments.js'
import { findLinks } from '../src/text/links.js'
import { root } from './helpers.js'

interface CorpusEntry {
  readonly id: string
  readonly payload: Record<string, unknown> & { readonly content?: string }
  readonly verdict: string
}
const corpus: CorpusEntry[] = readdirSync(join(root, 'test/corpus'))
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(join(root, 'test/corpus', f), 'utf8')) as CorpusEntry[])
const withEntities = corpus.filter((e) => Array.isArray(e.payload.entities))
const withMention = corpus.filter((e) => e.payload.mention !== undefined && e.payload.type === 1)

/** UTF-16 slice by the encoder's bytes, not by String.prototype.slice. */
const utf16Slice = (text: string, offset: number, length: number) => Buffer.from(text, 'utf16le').subarray(offset * 2, (offset + length) * 2).toString('utf16le')

describe('the corpus: entities and mentions as the SDKs write them', () => {
  it('has entries with entities and with mentions (the oracle is not empty)', () => {
    expect(withEntities.length).toBeGreaterThanOrEqual(6)
    expect(withMention.length).toBeGreaterThanOrEqual(10)
  })

  it.each(withEntities.map((e) => [e.id, e] as const))('%s: spans are UTF-16, on the @name or /command they cover; lint finds no entity problem', (_id, entry) => {
    const content = entry.payload.content as string
    for (const e of entry.payload.entities as { offset: number; length: number; type: string }[]) {
      const covered = utf16Slice(content, e.offset, e.length)
      if (e.type === 'mention') expect(covered).toMatch(/^@\S+$/)
      if (e.type === 'bot_command') expect(covered).toMatch(/^\/\S+\s?$/)
      expect(covered).toBe(content.slice(e.offset, e.offset + e.length))
    }
    const codes = lintTextEntities(entry.payload).map((f) => f.code)
    expect(codes.filter((c) => c !== 'mention-disagrees')).toEqual([])
  })

  it.each(withMention.map((e) => [e.id, e] as const))('%s: mentionsOf and isMentioned read mention and entities together', (_id, entry) => {
    const p = entry.payload as { mention: { all?: number; uids?: string[] }; entities?: { type: string; value?: string }[] }
    const expected = new Set([...(p.mention.uids ?? []), ...(p.entities ?? []).filter((e) => e.type === 'mention' && e.value && !['-1', 'all'].includes(e.value)).map((e) => e.value as string)])
    const m = mentionsOf(p)
    expect(new Set(m.uids)).toEqual(expected)
    expect(m.all).toBe(p.mention.all === 1)
    for (const uid of expected) expect(isMentioned(p, uid)).toBe(true)
    expect(isMentioned(p, 'nobody-here')).toBe(p.mention.all === 1)
  })

  it.each(withMention.concat(withEntities).filter((e) => typeof e.payload.content === 'string').map((e) => [e.id, e] as const))('%s: segments, rebuilt with formatText, give the same content, spans and mentions', (_id, entry) => {
    const p = entry.payload as { content: string; mention?: { all?: number; uids?: string[] }; entities?: { offset: number; length: number; type: string; value?: string }[] }
    const segments = textSegments(p)
    expect(segments.map((s) => s.text).join('')).toBe(p.content)
    const parts: TextValue[] = segments.map((s) => (s.kind === 'mention' ? (s.everyone ? mentionAll(s.text) : s.uid === '' ? s.text : mention(s.uid, s.text)) : s.text))
    const rebuilt = formatText.from(parts)
    expect(rebuilt.content).toBe(p.content)
    // Mention spans with a uid come back at the same offsets (an @everyone span with the package's marker).
    const spans = (list: readonly { offset: number; length: number; type: string; value?: string }[] | undefined) =>
      (list ?? []).filter((e) => e.type === 'mention' && e.value !== '').map((e) => ({ offset: e.offset, length: e.length, everyone: ['-1', 'all'].includes(e.value ?? '') }))
    if (p.entities) expect(spans(rebuilt.entities)).toEqual(spans(p.entities))
    expect(isMentioned(rebuilt, 'nobody-here')).toBe(p.mention?.all === 1)
    for (const uid of mentionsOf(p).uids) if (segments.some((s) => s.kind === 'mention' && s.uid === uid)) expect(isMentioned(rebuilt, uid)).toBe(true)
  })

  it('without entities, the i-th @token is mention.uids[i], as the TangSengDaoDao web pairs them', () => {
    const js = corpus.find((e) => e.id === 'js-text-mention-uids-no-all')?.payload as { content: string }
    expect(textSegments(js).filter((s) => s.kind === 'mention')).toEqual([
      { kind: 'mention', uid: 'u2', name: '李四', text: '@李四', everyone: false },
      { kind: 'mention', uid: 'u3', name: '王五', text: '@王五', everyone: false },
    ])
    // An e-mail address is no @token.
    expect(textSegments({ type: 1, content: 'mail a@b.cn @李四', mention: { uids: ['u2'] } }).filter((s) => s.kind === 'mention').map((s) => s.text)).toEqual(['@李四'])
  })
})

describe('formatText', () => {
  it('builds content, UTF-16 entities and a consistent mention', () => {
    const built = formatText`😀${mention('u2', '李四')} 看 ${link('https://example.com/a?b=1', '文档')}\n${mention('u3', '@王五')} ${mention('u2', '李四')}`
    expect(built.content).toBe('😀@李四 看 文档\n@王五 @李四')
    expect(built.mention).toEqual({ all: 0, uids: ['u2', 'u3'] })
    for (const e of built.entities ?? []) expect(isCharBoundary(built.content, e.offset)).toBe(true)
    expect(built.entities?.map((e) => [utf16Slice(built.content, e.offset, e.length), e.type, e.value])).toEqual([
      ['@李四', 'mention', 'u2'],
      ['文档', 'link', 'https://example.com/a?b=1'],
      ['@王五', 'mention', 'u3'],
      ['@李四', 'mention', 'u2'],
    ])
    expect(lintPayload({ type: 1, ...built })).toEqual([])
  })

  it('@everyone writes { all: 1 } alone, as the docs ask', () => {
    const built = formatText`${mentionAll()} 开会 ${mention('u2', '李四')}`
    expect(built.mention).toEqual({ all: 1 })
    expect(isMentioned(built, 'anyone')).toBe(true)
    expect(lintPayload({ type: 1, ...built })).toEqual([])
    expect(formatText`hi`).toEqual({ content: 'hi' })
  })

  it('refuses unsafe links, empty names and stray values with a TypeError that says why', () => {
    expect(() => link('javascript:alert(1)')).toThrow(/http: https: mailto: tel:/)
    expect(() => link('JaVaScRiPt:alert(1)')).toThrow(TypeError)
    expect(() => link('/relative')).toThrow(TypeError)
    expect(() => link('https://a.cn/\nx')).toThrow(TypeError)
    expect(() => mention('', 'x')).toThrow(/uid/)
    expect(() => mention('u1', '')).toThrow(/name/)
    expect(() => formatText.from([{} as TextValue])).toThrow(/neither text nor a part/)
  })
})

describe('offsets', () => {
  it('converts code points and UTF-16 units as the string iterator counts them', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.nat(50), (text, n) => {
        const points = Array.from(text)
        const expected = n <= points.length ? points.slice(0, n).join('').length : undefined
        expect(codePointToUtf16Offset(text, n)).toBe(expected)
        if (expected !== undefined) expect(utf16ToCodePointOffset(text, expected)).toBe(n)
      }),
    )
  })

  it('a TangSengDaoDao-robot style code-point span converts to the UTF-16 span of the same text, and back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 20 }), (before, word, after) => {
        const text = before + word + after
        const cp = [{ offset: Array.from(before).length, length: Array.from(word).length, type: 'bot_command' }]
        const utf16 = entitiesFromCodePoints(text, cp)
        expect(utf16Slice(text, utf16[0]!.offset, utf16[0]!.length)).toBe(word)
        expect(entitiesToCodePoints(text, utf16)).toEqual(cp)
      }),
    )
  })

  it('inside a surrogate pair is no boundary, and lint says so', () => {
    const p = { type: 1 as const, content: 'a😀b', entities: [{ offset: 2, length: 1, type: 'link', value: 'https://x.cn' }] }
    expect(isCharBoundary(p.content, 2)).toBe(false)
    expect(lintPayload(p).map((f) => [f.code, f.path])).toEqual([['entity-off-boundary', '/entities/0']])
  })
})

describe('entity lint', () => {
  const codes = (p: Record<string, unknown>) => lintPayload(p as { type: 1; content: string }).map((f) => `${f.code} ${f.path}`)
  it('reports out of range, overlapping and disagreeing spans, also in a quote', () => {
    expect(codes({ type: 1, content: '@李四', entities: [{ offset: 0, length: 4, type: 'mention', value: 'u2' }], mention: { uids: ['u2'] } })).toEqual(['entity-out-of-range /entities/0'])
    expect(codes({ type: 1, content: '@李四 hi', entities: [{ offset: 0, length: 3, type: 'mention', value: 'u2' }, { offset: 1, length: 3, type: 'link', value: 'https://x.cn' }], mention: { uids: ['u2'] } })).toEqual(['entities-overlap /entities/1'])
    expect(codes({ type: 1, content: '@李四', entities: [{ offset: 0, length: 3, type: 'mention', value: 'u2' }] })).toEqual(['mention-disagrees /entities/0/value'])
    expect(codes({ type: 1, content: '@李四', entities: [{ offset: 0, length: 3, type: 'mention', value: 'u2' }], mention: { uids: ['u2', 'u9'] } })).toEqual(['mention-disagrees /mention/uids/1'])
    expect(codes({ type: 1, content: '@所有人', entities: [{ offset: 0, length: 4, type: 'mention', value: '-1' }] })).toEqual(['mention-disagrees /entities/0/value'])
    expect(
      codes({ type: 1, content: 'ok', reply: { message_id: '1', message_seq: 1, from_uid: 'u', payload: { type: 1, content: 'x', entities: [{ offset: 0, length: 9, type: 'link' }] } } }),
    ).toEqual(['entity-out-of-range /reply/payload/entities/0'])
  })
})

describe('links', () => {
  it('linkify-it finds http(s), www and e-mail links; other schemes are not links', () => {
    const text = '看 www.example.com 和 https://x.cn/a?b=1。mail a@b.cn javascript:alert(1) data:text/html,x'
    expect(findLinks(text).map((m) => [text.slice(m.index, m.lastIndex), m.url])).toEqual([
      ['www.example.com', 'http://www.example.com'],
      ['https://x.cn/a?b=1', 'https://x.cn/a?b=1'],
      ['a@b.cn', 'mailto:a@b.cn'],
    ])
    const segments = textSegments({ type: 1, content: text }, { findLinks })
    expect(segments.filter((s) => s.kind === 'link').length).toBe(3)
    expect(segments.map((s) => s.text).join('')).toBe(text)
  })

  it('a link entity with an unsafe URL stays text', () => {
    const segments = textSegments({ type: 1, content: 'click', entities: [{ offset: 0, length: 5, type: 'link', value: 'javascript:alert(1)' }] })
    expect(segments).toEqual([{ kind: 'text', text: 'click' }])
  })
})

describe('properties', () => {
  const uid = fc.stringMatching(/^[a-z0-9]{1,8}$/)
  const part = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.record({ uid, name: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }) }),
    fc.constant('everyone' as const),
  )
  it('built text: offsets on character boundaries, spans disjoint, mentions read back as built, lint silent', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }), (spec) => {
        const values: TextValue[] = spec.map((s) => (typeof s === 'string' ? (s === 'everyone' ? mentionAll() : s) : mention(s.uid, s.name)))
        const built = formatText.from(values)
        const entities = built.entities ?? []
        let end = 0
        for (const e of entities) {
          expect(isCharBoundary(built.content, e.offset) && isCharBoundary(built.content, e.offset + e.length)).toBe(true)
          expect(e.offset).toBeGreaterThanOrEqual(end)
          end = e.offset + e.length
        }
        const everyone = spec.includes('everyone')
        const uids = [...new Set(spec.flatMap((s) => (typeof s === 'object' ? [s.uid] : [])))]
        expect(mentionsOf(built).uids).toEqual(uids)
        expect(mentionsOf(built).all).toBe(everyone)
        for (const u of uids) expect(isMentioned(built, u)).toBe(true)
        // Reading the segments back gives the mentions in order.
        expect(textSegments(built).filter((s) => s.kind === 'mention').map((s) => (s.kind === 'mention' && s.everyone ? 'everyone' : s.kind === 'mention' ? s.uid : ''))).toEqual(spec.flatMap((s) => (typeof s === 'object' ? [s.uid] : s === 'everyone' ? ['everyone'] : [])))
        expect(lintTextEntities({ type: 1, ...built })).toEqual([])
      }),
    )
  })

  it('segments of any entities (hostile or not) give the content back, every character once', () => {
    const entity = fc.record({ offset: fc.integer({ min: -2, max: 30 }), length: fc.integer({ min: -2, max: 30 }), type: fc.constantFrom('mention', 'link', 'bot_command', 'x'), value: fc.option(fc.string(), { nil: undefined }) })
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.array(entity, { maxLength: 6 }), fc.array(uid, { maxLength: 3 }), (content, entities, uids) => {
        const segments = textSegments({ type: 1, content, entities, mention: { uids } }, { findLinks })
        expect(segments.map((s) => s.text).join('')).toBe(content)
      }),
    )
  })
})

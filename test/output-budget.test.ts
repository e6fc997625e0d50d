/**
 * Issue 26, "limits mean what they say": the renderers and digests return at most `maxLength`
 * characters, the `…` marker included, and the budget counts everything they emit (for HTML:
 * markup and escapes too). Oracles: the length of what is returned; for HTML, parse5 (a
 * spec-conformant HTML parser from npm) reading the string back — its text must be a prefix of
 * the unbounded plain rendering, and no element may be cut.
 */
import fc from 'fast-check'
import { parseFragment } from 'parse5'
import { describe, expect, it } from 'vitest'
import { digest, renderSystemMessage, renderSystemMessageHtml, renderSystemMessageSegments } from '../src/entries/index.js'

/** Text content of an HTML fragment as a browser would read it, and its element count. */
function readHtml(html: string): { text: string; elements: number } {
  let text = ''
  let elements = 0
  const walk = (node: { nodeName: string; value?: string; childNodes?: unknown[] }): void => {
    if (node.nodeName === '#text') text += node.value ?? ''
    else if (!node.nodeName.startsWith('#')) elements++
    for (const child of node.childNodes ?? []) walk(child as never)
  }
  walk(parseFragment(html) as never)
  return { text, elements }
}

const BIDI = /[\u202a-\u202e\u2066-\u2069]/g

describe('renderers and digests: at most maxLength characters, marker included', () => {
  const explosive = { type: 1002, content: '{0}'.repeat(2e4), extra: [{ uid: 'u'.repeat(3e4), name: '' }] }

  it('renderSystemMessageHtml on the 88 KB message returns, within the default 10,000', () => {
    const html = renderSystemMessageHtml(explosive)
    expect(html.length).toBeLessThanOrEqual(10_000)
    expect(html.endsWith('…')).toBe(true)
  })

  it('the default bound is 10,000, not 10,001', () => {
    const long = { type: 1002, content: 'x'.repeat(20_000), extra: [] }
    for (const out of [renderSystemMessage(long), digest(long), renderSystemMessageHtml(long), digest({ type: 1, content: 'y'.repeat(20_000) })]) {
      expect(out.length).toBe(10_000)
      expect(out.endsWith('…')).toBe(true)
    }
  })

  it('output that fits exactly is not marked; one character more is', () => {
    const p = { type: 1002, content: '{0} joined', extra: [{ uid: 'u', name: 'Alice' }] }
    expect(renderSystemMessage(p, { maxLength: 12 })).toBe('Alice joined')
    expect(renderSystemMessage(p, { maxLength: 11 })).toBe('Alice join…')
    expect(renderSystemMessage(p, { maxLength: 5 })).toBe('Alic…')
    expect(renderSystemMessage(p, { maxLength: 0 })).toBe('')
  })

  // Without NUL and CR, which an HTML parser rewrites by design (U+FFFD, LF): not the renderer's doing.
  const clean = (s: string): string => s.replace(/[\0\r]/g, '')
  const name = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }).map(clean), fc.constantFrom('', '&<>"\'', '\u202e', '😀😀'))
  const payload = fc.record({
    type: fc.constant(1002),
    content: fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }).map(clean), fc.nat(4).map((n) => `{${n}}`)), { maxLength: 12 }).map((p) => p.join('')),
    extra: fc.array(fc.record({ uid: fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 6 })), name }), { maxLength: 4 }),
  })

  it('random system messages and limits: every output within the limit; HTML parses to a prefix of the text, whole elements only', () => {
    fc.assert(
      fc.property(payload, fc.nat(120), fc.option(fc.string({ maxLength: 3 }), { nil: undefined }), (p, maxLength, selfUid) => {
        const options = { maxLength, ...(selfUid === undefined ? {} : { selfUid }) }
        const text = renderSystemMessage(p, options)
        const full = renderSystemMessage(p, { ...options, maxLength: Infinity })
        expect(text.length).toBeLessThanOrEqual(maxLength)
        if (full.length <= maxLength) expect(text).toBe(full)
        else if (maxLength > 0) {
          expect(text.endsWith('…')).toBe(true)
          expect(full.startsWith(text.slice(0, -1))).toBe(true)
        }
        const segments = renderSystemMessageSegments(p, options)
        expect(segments.reduce((n, s) => n + (s.kind === 'text' ? s.text.length : s.name.length), 0)).toBeLessThanOrEqual(maxLength)
        expect(digest(p, options).length).toBeLessThanOrEqual(maxLength)
        const html = renderSystemMessageHtml(p, options)
        expect(html.length).toBeLessThanOrEqual(maxLength)
        const fullHtml = renderSystemMessageHtml(p, { ...options, maxLength: Infinity })
        const read = readHtml(html)
        const cut = html !== fullHtml
        const shown = cut && read.text.endsWith('…') ? read.text.slice(0, -1) : read.text
        expect(full.replace(BIDI, '').startsWith(shown)).toBe(true)
        if (!cut) expect(read.text).toBe(full.replace(BIDI, ''))
        // Every element that opens closes: the fragment re-serialises to the same markup.
        expect(html.split('<span').length - 1).toBe(read.elements)
        expect(html.split('</span>').length - 1).toBe(read.elements)
      }),
      { numRuns: 2000 },
    )
  })
})

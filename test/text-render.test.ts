/**
 * Text messages and Markdown rendered (src/render/text.ts, src/markdown): segments, quotes,
 * HTML, bounds and growth. Oracles: parse5 (an HTML parser the package does not use) reading the
 * HTML back to its text and links; the corpus; the inputs themselves; growth ratios (never
 * absolute timings: the machine is shared).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5'
import { describe, expect, it } from 'vitest'
import { decodePayload, digest } from '../src/entries/index.js'
import { renderTextHtml, renderTextMessage, renderTextPlain } from '../src/render/text.js'
import { markdownSegments, renderMarkdownHtml } from '../src/markdown/markdown.js'
import { formatText, link, mention, mentionAll } from '../src/text/format.js'
import { aiBubble, askToRead, createStreamState, textBubble } from '../examples/chat-view.js'
import { root } from './helpers.js'
import { run, type Io } from '../src/cli/run.js'

type Node = DefaultTreeAdapterMap['node']
/** The text a browser would show (a `<br>` as `\n`) and every link, read by parse5. */
function read(html: string): { text: string; links: { href: string; text: string }[]; tags: Set<string> } {
  const links: { href: string; text: string }[] = []
  const tags = new Set<string>()
  const textOf = (node: Node): string => {
    if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value
    if (node.nodeName === 'br') return '\n'
    const children = 'childNodes' in node ? (node.childNodes as Node[]) : []
    const text = children.map(textOf).join('')
    if ('tagName' in node) {
      tags.add(node.tagName)
      if (node.tagName === 'a') links.push({ href: node.attrs.find((a) => a.name === 'href')?.value ?? '', text })
    }
    return text
  }
  return { text: parseFragment(html).childNodes.map(textOf).join(''), links, tags }
}

const BIDI = /[\u202a-\u202e\u2066-\u2069]/g

describe('renderTextHtml', () => {
  it('escapes everything: parse5 reads back the content (line breaks normalised, bidi controls removed) and only safe links', () => {
    const entity = fc.record({ offset: fc.nat(40), length: fc.nat(40), type: fc.constantFrom('mention', 'link', 'bot_command'), value: fc.option(fc.constantFrom('u1', 'https://a.cn/<x>"', 'javascript:alert(1)', '-1', 'mailto:a@b.cn'), { nil: undefined }) })
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '<', '>', '&', '"', "'", '\n', '\r', '\u202e', '\u2066', '😀', '@', ' ', '.', 'w', 'x.cn', 'http://'), maxLength: 40 }), fc.array(entity, { maxLength: 4 }), (content, entities) => {
        const html = renderTextHtml({ type: 1, content, entities, mention: { uids: ['u1'] } }, { maxLength: Number.POSITIVE_INFINITY })
        const r = read(html)
        expect(r.text).toBe(content.replace(/\r\n|\r/g, '\n').replace(BIDI, ''))
        for (const l of r.links) expect(l.href).toMatch(/^(https?|mailto|tel):/i)
        for (const tag of r.tags) expect(['span', 'a']).toContain(tag)
      }),
    )
  })

  it('shows mentions, links, the reader and the quote', () => {
    const built = formatText`${mention('me', '我')} 和 ${mentionAll()} 看 ${link('https://example.com/?a=1&b=<2>', '文档')}`
    const html = renderTextHtml({ type: 1, ...built, reply: { message_id: '1', message_seq: 1, from_uid: 'u9', from_name: '王<五>', payload: { type: 2, url: 'https://x.cn/a.png', width: 1, height: 1 } } }, { selfUid: 'me' })
    expect(html).toBe(
      '<blockquote class="wk-quote" data-uid="u9"><span class="wk-quote-name" dir="auto">王&lt;五&gt;</span> [图片]</blockquote>' +
        '<span class="wk-mention wk-self" data-uid="me" dir="auto">@我</span> 和 <span class="wk-mention wk-everyone" data-uid="all" dir="auto">@所有人</span> 看 ' +
        '<a class="wk-link" href="https://example.com/?a=1&amp;b=&lt;2&gt;" rel="noopener noreferrer nofollow ugc" target="_blank" dir="auto">文档</a>',
    )
  })

  it('a quoted text keeps its mentions (the iOS SDK carries them in the quote)', () => {
    const corpus = JSON.parse(readFileSync(join(root, 'test/corpus/wukongim-sdks.json'), 'utf8')) as { id: string; payload: unknown }[]
    const entry = corpus.find((e) => e.id === 'ios-text-reply-root-mid-raw-payload')?.payload
    const r = renderTextMessage(entry)
    expect(r.quote?.name).toBe('张三')
    expect(r.quote?.segments[0]).toEqual({ kind: 'mention', uid: 'u2', name: '李四', text: '@李四', everyone: false })
    expect(renderTextPlain(entry)).toBe('> 张三: @李四 明天见\n好的')
  })

  it('digest shows an @-mention as @name (the segments’ text)', () => {
    for (const p of [formatText`${mention('u2', '李四')} 看一下`, { content: '@李四 @王五 看一下', mention: { uids: ['u2', 'u3'] } }]) {
      const payload = { type: 1 as const, ...p }
      const names = renderTextMessage(payload).segments.flatMap((s) => (s.kind === 'mention' ? [`@${s.name}`] : []))
      for (const name of names) expect(digest(payload)).toContain(name)
    }
  })

  it('counts everything emitted against maxLength: text, names, uids, URLs and the quote', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constant('\n')), { maxLength: 10 }), (max, words) => {
        const p = { type: 1 as const, ...formatText.from(words.flatMap((w, i) => [w, i % 2 ? mention(`u${i}`, `n${i}`) : link(`https://x.cn/${i}`)])), reply: { message_id: '1', message_seq: 1, from_uid: 'q', from_name: 'quoted', payload: { type: 1, content: 'quoted text' } } }
        const r = renderTextMessage(p, { maxLength: max })
        const all = [...(r.quote?.segments ?? []), ...r.segments]
        const cost = (r.quote?.name.length ?? 0) + all.reduce((n, s) => n + s.text.length + (s.kind === 'link' ? s.url.length : s.kind === 'mention' ? s.uid.length : 0), 0)
        // At most maxLength, the `…` that marks the cut included (as every renderer counts it).
        expect(cost).toBeLessThanOrEqual(max)
        if (r.truncated && max > 0) expect((all.at(-1)?.text ?? r.quote?.name)?.endsWith('…')).toBe(true)
      }),
    )
  })
})

/** CPU time (µs) of `f`, by this process only: the 2-core machine is shared, so wall time mostly measures the others. */
function cpu(f: () => unknown): number {
  const before = process.cpuUsage()
  f()
  const used = process.cpuUsage(before)
  return used.user + used.system
}

/**
 * CPU time of one call on the large input (8× the small) over that of 8 calls on the small one,
 * both warmed up first, the least of 5 trials each. Linear work gives about 1, quadratic work 8.
 */
function growth(small: () => unknown, large: () => unknown): number {
  for (let i = 0; i < 3; i++) {
    small()
    large()
  }
  let s = Number.POSITIVE_INFINITY
  let l = Number.POSITIVE_INFINITY
  for (let i = 0; i < 5; i++) {
    s = Math.min(s, cpu(() => {
      for (let k = 0; k < 8; k++) small()
    }))
    l = Math.min(l, cpu(large))
  }
  return l / Math.max(s, 1)
}

describe('linear in the input (CPU time of 8× the input over 8 runs of it: below 3, quadratic would be 8)', () => {
  const textCases: [string, (n: number) => unknown][] = [
    ['mentions and links', (n) => ({ type: 1, ...formatText.from(Array.from({ length: n }, (_, i) => (i % 3 === 0 ? mention(`u${i}`, '李四') : i % 3 === 1 ? link('https://x.cn/') : ' a.cn @b\n'))) })],
    ['@tokens paired with uids', (n) => ({ type: 1, content: '@a '.repeat(n), mention: { uids: Array.from({ length: n }, (_, i) => `u${i}`) } })],
    ['overlapping entities', (n) => ({ type: 1, content: 'x'.repeat(n), entities: Array.from({ length: n }, (_, i) => ({ offset: 0, length: n - i, type: 'link', value: 'https://x.cn' })) })],
  ]
  it.each(textCases)('text: %s', (_name, make) => {
    const small = make(1500)
    const large = make(12000)
    const opts = { maxLength: Number.POSITIVE_INFINITY }
    expect(growth(() => renderTextHtml(small, opts), () => renderTextHtml(large, opts))).toBeLessThan(3)
    expect(renderTextHtml(large, opts).length / renderTextHtml(small, opts).length).toBeLessThan(8.5)
    // Bounded by default: the output stops growing.
    expect(renderTextHtml(make(40000)).length).toBeLessThan(renderTextHtml(make(20000)).length * 1.05 + 100)
  })

  const mdCases: [string, (n: number) => string][] = [
    ['emphasis runs', (n) => '*a **b '.repeat(n / 4)],
    ['open brackets', (n) => '[a]('.repeat(n)],
    ['nested quotes', (n) => '> '.repeat(n) + 'x'],
    ['backticks', (n) => '`a ``b '.repeat(n)],
    ['links and text', (n) => 'see https://x.cn/a and **b** [c](https://d.cn)\n'.repeat(n / 8)],
    ['html-looking text', (n) => '<a href="x" onclick="y">'.repeat(n)],
  ]
  it.each(mdCases)('markdown: %s', (_name, make) => {
    const opts = { maxLength: Number.POSITIVE_INFINITY }
    const small = make(2000)
    const large = make(16000)
    expect(growth(() => renderMarkdownHtml(small, opts), () => renderMarkdownHtml(large, opts))).toBeLessThan(3)
    expect(renderMarkdownHtml(large, opts).length / Math.max(renderMarkdownHtml(small, opts).length, 1)).toBeLessThan(9)
    expect(markdownSegments(large, opts).length / Math.max(markdownSegments(small, opts).length, 1)).toBeLessThan(9)
  })
})

describe('Markdown bounded by maxLength', () => {
  // The default bound (10,000 characters read) caps the cost whatever the parser does: a 600 KB
  // hostile reply costs what 10,000 characters do.
  it('a hostile reply 64× longer than the bound costs about what the bound does', () => {
    const bounded = '*a **b '.repeat(1500)
    const huge = '*a **b '.repeat(96_000)
    // growth() compares one large call with 8 small ones: a bounded cost is about 1/8 of that.
    expect(growth(() => renderMarkdownHtml(bounded), () => renderMarkdownHtml(huge))).toBeLessThan(0.5)
    expect(renderMarkdownHtml(huge).length).toBeLessThan(renderMarkdownHtml(bounded).length * 1.1)
  })
})

describe('Markdown', () => {
  it('keeps text, links and code; raw HTML is text; unsafe links are text', () => {
    const md = '# T\n\nHi **b** [x](https://a.cn) [y](javascript:alert(1)) <b>raw</b>\n\n```js\nlet a = "<x>"\n```'
    const r = read(renderMarkdownHtml(md))
    expect(r.links).toEqual([{ href: 'https://a.cn', text: 'x' }])
    expect(r.text).toContain('[y](javascript:alert(1)) <b>raw</b>')
    expect(r.text).toContain('let a = "<x>"')
    expect(markdownSegments(md)).toEqual([
      { kind: 'text', text: 'T', marks: ['heading'] },
      { kind: 'paragraph' },
      { kind: 'text', text: 'Hi ', marks: [] },
      { kind: 'text', text: 'b', marks: ['strong'] },
      { kind: 'text', text: ' ', marks: [] },
      { kind: 'link', url: 'https://a.cn', text: 'x', marks: [] },
      { kind: 'text', text: ' [y](javascript:alert(1)) <b>raw</b>', marks: [] },
      { kind: 'paragraph' },
      { kind: 'code', text: 'let a = "<x>"\n', lang: 'js' },
    ])
  })

  it('every prefix of a stream renders well-formed HTML whose text is a prefix-faithful reading (parse5 re-serialises it unchanged)', () => {
    const doc = '## Plan\n\n1. **Read** the [spec](https://example.com/a_(b)) `x`\n2. Run:\n\n```sh\nnpm test\n```\n\n> done ~~not~~ <i>x</i>'
    for (let i = 0; i <= doc.length; i++) {
      const html = renderMarkdownHtml(doc.slice(0, i))
      // Balanced: an HTML parser's serialisation of the fragment is the fragment (nothing was left open or auto-closed).
      expect(html.replace(/\n/g, '')).toBe(serialize(html).replace(/\n/g, ''))
    }
  })
})

function serialize(html: string): string {
  const out = (node: Node): string => {
    if (node.nodeName === '#text') return escapeText((node as DefaultTreeAdapterMap['textNode']).value)
    if (!('tagName' in node)) return ''
    const attrs = node.attrs.map((a) => ` ${a.name}="${a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`).join('')
    if (['br', 'hr'].includes(node.tagName)) return `<${node.tagName}${attrs}>`
    return `<${node.tagName}${attrs}>${(node.childNodes as Node[]).map(out).join('')}</${node.tagName}>`
  }
  return parseFragment(html).childNodes.map(out).join('')
}
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

describe('the chat view recipe (examples/chat-view.ts, docs/text.md)', () => {
  it('builds a send body whose payload carries UTF-16 entities and the mention', () => {
    const body = askToRead('g1')
    expect(decodePayload(body.payload)).toEqual({
      type: 1,
      content: '@李四 please read the spec',
      entities: [
        { offset: 0, length: 3, type: 'mention', value: 'u2' },
        { offset: 16, length: 8, type: 'link', value: 'https://example.com/spec' },
      ],
      mention: { all: 0, uids: ['u2'] },
    })
  })

  it('shows a received text and says whether it pings the reader', () => {
    const b = textBubble(decodePayload(askToRead('g1').payload), 'u2')
    expect(b.pingsMe).toBe(true)
    expect(read(b.html).text).toBe('@李四 please read the spec')
    expect(b.html).toContain('class="wk-mention wk-self"')
    expect(textBubble({ type: 1, content: 'hi' }, 'u2').pingsMe).toBe(false)
  })

  it('renders a streamed AI reply delta by delta, safely', () => {
    let state = createStreamState()
    const deltas = ['Sure: ', '<script>', 'alert(1)</script> [x](javas', 'cript:1) ```js\nlet a', ' = 1\n```']
    let html = ''
    deltas.forEach((delta, i) => {
      ;({ state, html } = aiBubble(state, { event_id: `e${i}`, event_type: 'stream.delta', event_key: 'main', msg_event_seq: i + 1, payload: { kind: 'text', delta } }))
      const r = read(html)
      expect(r.tags.has('script')).toBe(false)
      for (const l of r.links) expect(l.href).toMatch(/^https?:/)
    })
    expect(read(html).text).toContain('<script>alert(1)</script>')
  })

  it('docs/text.md embeds the example verbatim (npm run docs:guides)', () => {
    const guide = readFileSync(join(root, 'docs/text.md'), 'utf8')
    expect(guide).toContain('```ts\n' + readFileSync(join(root, 'examples/chat-view.ts'), 'utf8') + '```')
  })
})

describe('the CLI shows a text message through the same segments', () => {
  const cli = (args: string[]) => {
    const out: string[] = []
    const io: Io = { out: (t) => out.push(`${t}\n`), err: () => undefined, color: false, stdin: () => new Uint8Array() }
    return { code: run(args, io, false), out: out.join('') }
  }
  const p = { type: 1, ...formatText`${mention('u2', '李四')} <b>看</b>`, reply: { message_id: '1', message_seq: 1, from_uid: 'u1', from_name: '张三', payload: { type: 1, content: '开会' } } }
  it('render: the quote line and @name; --html: the same HTML as renderTextHtml', () => {
    expect(cli(['render', JSON.stringify(p)])).toEqual({ code: 0, out: '> 张三: 开会\n@李四 <b>看</b>\n' })
    expect(cli(['render', '--html', '--self', 'u2', JSON.stringify(p)]).out).toBe(`${renderTextHtml(p, { selfUid: 'u2' })}\n`)
  })
  it('decode: a rendered line for text', () => {
    expect(JSON.parse(cli(['decode', '--json', JSON.stringify(p)]).out)).toMatchObject({ type: 1, rendered: '> 张三: 开会\n@李四 <b>看</b>' })
  })
})

// The page of test/browser.test.ts, bundled from the built package (dist/, through package.json
// "exports") as a chat UI would bundle it, and loaded under `script-src 'self'`.
import { decodePayload, encodePayload, safeDecodePayload } from 'wukong-payload'
import { digest, renderSystemMessageHtml } from 'wukong-payload/render'

const chinese = encodePayload({ type: 1, content: '你好，世界 👋🏽 𠮷', mention: { all: 0, uids: ['u2'] } })
const decoded = decodePayload(chinese)
const invalid = safeDecodePayload(btoa(JSON.stringify({ type: 'text', content: 'hi', mention: { all: true } })))
const groupCreated = {
  type: 1001,
  content: '{0}邀请{1}、{2}加入群聊',
  extra: [
    { uid: 'u1', name: '张三' },
    { uid: 'u2', name: '<img src=x onerror=alert(1)>' },
    { uid: 'me', name: '我' },
  ],
}

const system = document.getElementById('system') as HTMLElement
system.innerHTML = renderSystemMessageHtml(groupCreated, { selfUid: 'me', locale: 'zh' })
const preview = document.getElementById('digest') as HTMLElement
preview.textContent = digest(decoded, { locale: 'zh' })

// Last, a probe that the policy is live: code generation from strings must be refused (and
// reported as the page's only CSP violation).
let evalAllowed: boolean
try {
  evalAllowed = new Function('return 1')() === 1
} catch {
  evalAllowed = false
}

const results = {
  evalAllowed,
  decoded,
  invalid: invalid.ok ? null : { code: invalid.error.code, issues: invalid.error.issues.map((i) => `${i.path}: ${i.code}`) },
  nativeBase64: typeof (Uint8Array as { fromBase64?: unknown }).fromBase64 === 'function',
}
;(window as unknown as { __results: unknown }).__results = results
document.body.dataset.done = 'yes'

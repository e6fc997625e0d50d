/** A fresh RFC 4122 version-4 UUID, from `crypto` (global in Node ≥ 19 and every browser). */
export function randomUuid(): string {
  const c = globalThis.crypto as Crypto | undefined
  if (typeof c?.randomUUID === 'function') return c.randomUUID()
  // A runtime without Web Crypto (WeChat mini-programs, older React Native): say so, not "undefined".
  if (typeof c?.getRandomValues !== 'function') throw new TypeError('this runtime has no crypto.getRandomValues for a fresh client_msg_no: pass client_msg_no (a UUID from the platform, e.g. wx.getRandomValues) or install a crypto.getRandomValues polyfill')
  const b = c.getRandomValues(new Uint8Array(16))
  b[6] = ((b[6] as number) & 0x0f) | 0x40
  b[8] = ((b[8] as number) & 0x3f) | 0x80
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

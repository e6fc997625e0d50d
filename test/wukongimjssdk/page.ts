// The page of test/wukongimjssdk-browser.test.ts: the official SDK (1.0.4 from npm) and the
// bridge, bundled from the built package (dist/, through package.json "exports") as a chat app
// would bundle them, loaded under `script-src 'self'`. It receives a conversation of every type
// through the SDK's receive path, renders each line and re-encodes each content through the SDK's
// send path.
import WKSDK from 'wukongimjssdk'
import { Message } from 'wukongimjssdk/lib/sdk'
import { RecvPacket } from 'wukongimjssdk/lib/proto'
import { registerWukongPayload, type WukongContent } from 'wukong-payload/wukongimjssdk'

interface Line {
  readonly base64: string
}

const w = window as unknown as { __results: unknown; __error: string }
async function main(): Promise<void> {
  const sdk = WKSDK.shared()
  sdk.config.uid = 'me'
  registerWukongPayload(sdk)
  const lines = (await (await fetch('/conversation.json')).json()) as Line[]
  const list = document.getElementById('chat') as HTMLElement
  const results = lines.map((line, i) => {
    const packet = new RecvPacket()
    Object.assign(packet, { messageID: `18674203492752302${i}`, messageSeq: i + 1, clientMsgNo: `c${i}`, fromUID: 'u1', channelID: 'g1', channelType: 2, timestamp: 1700000000 + i })
    packet.payload = Uint8Array.from(atob(line.base64), (c) => c.charCodeAt(0))
    const message = new Message(packet)
    const content = message.content as WukongContent & { displayText?: string }
    const item = document.createElement('li')
    item.textContent = typeof content.displayText === 'string' ? content.displayText : content.conversationDigest
    list.append(item)
    const sent = sdk.chatManager.getSendPacket(message.content, sdk.newChannel('g1', 2))
    return { type: message.contentType, issues: content.issues.length, text: item.textContent, reencoded: new TextDecoder().decode(sent.payload) }
  })
  let evalAllowed = true
  try {
    // The page's own probe, which must be blocked: it shows the policy is enforced.
    new Function('return 1')()
  } catch {
    evalAllowed = false
  }
  w.__results = { results, evalAllowed }
  document.body.dataset.done = 'yes'
}
main().catch((error: unknown) => {
  w.__error = String(error)
  document.body.dataset.done = 'yes'
})

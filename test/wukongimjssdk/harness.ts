/**
 * What the bridge tests load: the bridge (from src/) and the real SDK from npm, bundled together
 * by esbuild as an app's bundler would (wukongimjssdk 1.0.4 ships ES modules without
 * "type": "module" and with extensionless imports, which Node cannot load directly).
 */
export * from '../../src/entries/wukongimjssdk.js'
export * as sdk from 'wukongimjssdk/lib/sdk'
export { RecvPacket, SendPacket, Setting } from 'wukongimjssdk/lib/proto'
export { default as WKSDK } from 'wukongimjssdk'
export { MessageTask, TaskStatus } from 'wukongimjssdk/lib/task'
export * as chat from '../../examples/wukongimjssdk-chat.js'

// Child process of test/hostile-load.test.ts: the node:http example server (docs/server-node-http.md)
// on 127.0.0.1, in a process started with a 512 MB heap; prints its port.
import type { AddressInfo } from 'node:net'
import { createMessageServer } from '../examples/node-http-server.js'

const server = createMessageServer({ send: () => {}, webhook: () => {} })
server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`))

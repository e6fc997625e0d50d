/** `encode`: payload JSON → the standard padded Base64 `/message/send` wants. */
import { decodePayload, encodePayload } from '../../codec/codec.js'
import type { Command } from '../args.js'
import { EXIT_OK } from '../io.js'

const encoder = new TextEncoder()

export const encode: Command = ({ term, input, json, appTypes }) => {
  // Parsed and validated by the codec from the UTF-8 bytes (a BOM, a number beyond 2^53, bad
  // nesting are reported as the codec reports them), then encoded.
  const codec = appTypes?.codec
  const base64 = codec ? codec.encodePayload(codec.decodePayload(encoder.encode(input()))) : encodePayload(decodePayload(encoder.encode(input())))
  term.out(json ? JSON.stringify({ ok: true, payload: base64 }) : base64)
  return EXIT_OK
}

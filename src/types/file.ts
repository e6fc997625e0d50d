import { Type, type Static } from '@sinclair/typebox'
import { NonNegative } from '../model/fields.js'
import { CHAT_FLAGS } from '../model/flags.js'
import { definePayloadType } from '../model/define.js'

/**
 * File (type 8). Forks add an extension under `ext`, `extension`, `mimeType` or `suffix`; all are kept.
 *
 * @see {@link https://githubim.com/api/message} "File Message"
 */

export const fileDefinition = /* @__PURE__ */ definePayloadType({
  type: 8,
  name: 'file',
  description: 'File message (type 8); `size` is in bytes.',
  fields: {
    url: /* @__PURE__ */ Type.String({ description: 'Where the file can be downloaded.' }),
    name: /* @__PURE__ */ Type.String({ description: 'File name shown to users.' }),
    size: /* @__PURE__ */ NonNegative('Size in bytes.', 'a number of bytes'),
  },
  flags: CHAT_FLAGS,
  digest: { zh: '[文件]{name}', en: '[File] {name}' },
  examples: [
    { title: 'File', value: { type: 8, url: 'http://xxxxx.com/xxx', name: 'xxxx.docx', size: 238734 }, source: 'seeds/000 "File Message"' },
    { title: 'File with a fork’s extension key', value: { type: 8, url: 'http://x/报告.pdf', name: '报告.pdf', size: 1024, ext: 'pdf' } },
  ],
  invalidExamples: [{ title: 'Size as a string', value: { type: 8, url: 'http://x/a', name: 'a', size: '1 KB' }, path: '/size' }],
})
export const FileSchema = /* @__PURE__ */ (() => fileDefinition.schema)()
export type FilePayload = Static<typeof FileSchema>

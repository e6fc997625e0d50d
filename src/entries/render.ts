/**
 * `wukong-payload/render`: rendering, digests and builders without any validator — for chat UIs
 * that receive already-validated payloads and want the smallest bundle.
 *
 * @module wukong-payload/render
 */
export { DEFAULT_LOCALE, renderSystemMessage, renderSystemMessageHtml, renderSystemMessageSegments, escapeHtml, DEFAULT_MAX_RENDER_LENGTH, TRUNCATION_MARK } from '../render/render.js'
export type { RenderOptions, Segment } from '../render/render.js'
export { digest } from '../render/digest.js'
export type { DigestOptions } from '../render/digest.js'
// Every system type's builder, found in the type files.
export * from '../generated/builders.js'

/**
 * Entity offsets. WuKongIM's Android and iOS SDKs write `entities` offsets and lengths in UTF-16
 * code units (Java `String` and `NSString` indices — the corpus entries from
 * WuKongIM/WuKongIMAndroidSDK:wkim/src/main/java/com/xinbida/wukongim/message/WKProto.java and
 * WuKongIM/WuKongIMiOSSDK:WuKongIMSDK/Classes/model/content/WKMessageContent.m), which is also
 * what JavaScript strings count. The TangSengDaoDao robot reads them as code points instead
 * (`[]rune(content)[offset:length]` in
 * TangSengDaoDao/TangSengDaoDaoServer:modules/robot/event.go@ffa2c37f8df187f7d5f4943a7fa56be66c902858),
 * so a producer that counted code points needs converting before anything else reads the spans.
 */
import type { Entity } from '../model/fields.js'

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}
function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/**
 * Whether UTF-16 index `index` of `text` is a character boundary: inside the string (0 to
 * `text.length`) and not between the two halves of a surrogate pair.
 */
export function isCharBoundary(text: string, index: number): boolean {
  if (!Number.isInteger(index) || index < 0 || index > text.length) return false
  if (index === 0 || index === text.length) return true
  return !(isHigh(text.charCodeAt(index - 1)) && isLow(text.charCodeAt(index)))
}

/**
 * The UTF-16 index of code point `codePoints` of `text` (a lone surrogate counts as one code
 * point, as JavaScript's string iterator and Go's `[]rune` both count it). An index past the end
 * gives `undefined`. Linear in the index.
 */
export function codePointToUtf16Offset(text: string, codePoints: number): number | undefined {
  if (!Number.isInteger(codePoints) || codePoints < 0) return undefined
  let i = 0
  for (let n = 0; n < codePoints; n++) {
    if (i >= text.length) return undefined
    i += isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1
  }
  return i
}

/**
 * The code-point index of UTF-16 index `offset` of `text`, or `undefined` when `offset` is outside
 * the text or inside a surrogate pair (no code-point index names that place).
 */
export function utf16ToCodePointOffset(text: string, offset: number): number | undefined {
  if (!isCharBoundary(text, offset)) return undefined
  let n = 0
  for (let i = 0; i < offset; i++, n++) if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) i++
  return n
}

/**
 * Entities written with code-point offsets and lengths (a Go producer slicing `[]rune`), as the
 * UTF-16 entities every other reader expects. An entity whose span does not fit the text is kept
 * unchanged (nothing is dropped), so that lint still reports it. Linear in the text and the
 * number of entities.
 */
export function entitiesFromCodePoints(text: string, entities: readonly Entity[]): Entity[] {
  const table = codePointTable(text)
  return entities.map((e) => {
    const start = table[e.offset]
    const end = table[e.offset + e.length]
    return start === undefined || end === undefined ? { ...e } : { ...e, offset: start, length: end - start }
  })
}

/**
 * UTF-16 entities as code-point offsets and lengths (for a producer or reader that counts
 * `[]rune`). An entity that does not start and end on character boundaries is kept unchanged.
 */
export function entitiesToCodePoints(text: string, entities: readonly Entity[]): Entity[] {
  const table = utf16Table(text)
  return entities.map((e) => {
    const start = table[e.offset]
    const end = table[e.offset + e.length]
    return start === undefined || end === undefined ? { ...e } : { ...e, offset: start, length: end - start }
  })
}

/** `table[n]` = UTF-16 index of code point n, for n from 0 to the number of code points. */
function codePointTable(text: string): number[] {
  const table: number[] = []
  let i = 0
  while (i < text.length) {
    table.push(i)
    i += isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1
  }
  table.push(i)
  return table
}

/** `table[i]` = code-point index of UTF-16 index i; holes inside surrogate pairs. */
function utf16Table(text: string): (number | undefined)[] {
  const table: (number | undefined)[] = new Array<number | undefined>(text.length + 1)
  let n = 0
  for (let i = 0; i < text.length; i++, n++) {
    table[i] = n
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) i++
  }
  table[text.length] = n
  return table
}

/**
 * Links in plain text, found by linkify-it (the linkifier markdown-it uses; full Unicode, fuzzy
 * domains, e-mail addresses) rather than a home-made regular expression.
 */
import { LinkifyIt } from 'linkify-it'
import type { LinkMatch } from './segments.js'
import { isSafeLinkUrl } from './format.js'

let linkify: LinkifyIt | undefined

/**
 * The links linkify-it finds in `text`: `https://…`, `www.…` (as `http://…`), bare domains with a
 * known top-level domain, and e-mail addresses (as `mailto:`), in order. Only http, https and
 * mailto URLs are returned. Never throws.
 */
export function findLinks(text: string): LinkMatch[] {
  // Created on first use: importing the module changes nothing.
  linkify ??= new LinkifyIt({ fuzzyLink: true })
  if (typeof text !== 'string' || text === '' || !linkify.test(text)) return []
  return (linkify.match(text) ?? []).filter((m) => isSafeLinkUrl(m.url)).map((m) => ({ index: m.index, lastIndex: m.lastIndex, url: m.url }))
}

/** The locales, and the one rule for an options object's `locale` (no imports: the render entry bundles it). */

/** Locales the package renders digests and labels in. */
export type Locale = 'zh' | 'en'

/** The locale of every function whose options leave it out (the docs' and TangSengDaoDao's language). */
export const DEFAULT_LOCALE: Locale = 'zh'

/** The `locale` option, or the default; a value no type allows (from JavaScript) is the default too, so that nothing throws on it. */
export function localeOf(options: { readonly locale?: Locale }): Locale {
  const locale = options.locale
  return locale === 'zh' || locale === 'en' ? locale : DEFAULT_LOCALE
}

/**
 * The annotation keyword that holds a field's hint: how to fix a value there, added to every
 * issue at that position (`src/validate/hints.ts`). A schema annotation, so that the hint travels
 * with the field's schema, built-in or an app's, and never with a field's name.
 */
export const HINT_KEYWORD = 'x-hint'

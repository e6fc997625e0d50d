/**
 * The one vocabulary of validation problems: every issue any function of the package reports
 * has one of these codes, a JSON Pointer and a message that says what to write instead.
 */

/** Machine-readable kind of a {@link ValidationIssue}. */
export type ValidationIssueCode =
  | 'required'
  | 'type'
  | 'enum'
  | 'range'
  | 'pattern'
  | 'empty'
  | 'unknown_type'
  | 'unknown_property'
  | 'too_deep'
  | 'unsafe_number'
  | 'lone_surrogate'
  | 'invalid_base64'
  | 'invalid_utf8'
  | 'invalid_json'
  | 'too_large'
  | 'invalid'

/** One problem found in a value. */
export interface ValidationIssue {
  /** JSON Pointer (RFC 6901) to the offending value; `""` is the value itself. */
  readonly path: string
  /** What is wrong and what to write instead. */
  readonly message: string
  readonly code: ValidationIssueCode
}


/** Moved to src/validate/plain-data.ts: plain JSON data is part of what "valid" means. */
export { findUnencodable, MAX_JSON_NESTING } from '../validate/plain-data.js'

/**
 * Stable `$id`s of the published JSON Schemas. Each resolves to the file the package ships under
 * `wukong-payload/schemas/`, so a non-TypeScript consumer can fetch or bundle them by `$id`.
 */
export const SCHEMA_BASE = 'https://unpkg.com/wukong-payload/schemas/'

/** `$id` of the published schema file `schemas/<name>.schema.json`. */
export function schemaId(name: string): string {
  return `${SCHEMA_BASE}${name}.schema.json`
}

/** `$id` of the union of every payload; nested payloads (`reply.payload`, forwarded `msgs[].payload`) reference it. */
export const PAYLOAD_SCHEMA_ID = schemaId('payload')

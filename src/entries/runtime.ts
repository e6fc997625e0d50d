/**
 * `wukong-payload/runtime`: `createCodec` for an app's own payload types beside the built-in ones,
 * compiled with Ajv at run time — so for Node, or pages whose CSP allows `'unsafe-eval'`.
 *
 * @module wukong-payload/runtime
 */
export * from '../runtime/create-codec.js'

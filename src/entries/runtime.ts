/** `wukong-payload/runtime`: see ../runtime/create-codec.ts. */
export * from '../runtime/create-codec.js'

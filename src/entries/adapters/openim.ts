/**
 * `wukong-payload/adapters/openim`: conversion to and from the platform's send API.
 *
 * @module wukong-payload/adapters/openim
 */
export * from '../../adapters/openim/convert.js'

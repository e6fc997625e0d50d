/**
 * `wukong-payload/adapters/commsease`: conversion to and from the platform's send API.
 *
 * @module wukong-payload/adapters/commsease
 */
export * from '../../adapters/commsease/convert.js'

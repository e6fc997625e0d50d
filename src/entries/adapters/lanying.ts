/**
 * `wukong-payload/adapters/lanying`: conversion to and from the platform's send API.
 *
 * @module wukong-payload/adapters/lanying
 */
export * from '../../adapters/lanying/convert.js'

/** `wukong-payload/adapters/lanying`: conversion to and from the platform's send API. */
export * from '../../adapters/lanying/convert.js'

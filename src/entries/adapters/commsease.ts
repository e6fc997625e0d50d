/** `wukong-payload/adapters/commsease`: conversion to and from the platform's send API. */
export * from '../../adapters/commsease/convert.js'

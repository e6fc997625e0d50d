/** `wukong-payload/adapters/openim`: conversion to and from the platform's send API. */
export * from '../../adapters/openim/convert.js'

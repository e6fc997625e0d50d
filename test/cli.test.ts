/**
 * The CLI's commands, run in process (`run` with fake standard streams): fast, and every branch
 * reachable. A few real-process tests at the end run the built bin (`dist/cli/main.js`) for what
 * only a process has: exit codes, standard input as bytes, colours on a pipe.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run, type Io } from '../src/cli/run.js'
import { root } from './helpers.js'

const bin = join(root, 'dist/cli/main.js')

/** In process: stdout and stderr as a process would write them (each line ended by \n). */
function cli(args: string[], input?: string, env: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  const io: Io = { out: (t) => out.push(`${t}\n`), err: (t) => err.push(`${t}\n`), color: env.FORCE_COLOR === '1', stdin: () => new TextEncoder().encode(input ?? '') }
  const code = run(args, io, false)
  return { code, out: out.join(''), err: err.join('') }
}

/** The built bin as a child process. */
function processCli(args: string[], input: string | Uint8Array = '') {
  const result = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64')
const groupCreated = { type: 1001, creator: 'xxx', creator_name: '张三', content: '{0}邀请{1}、{2}加入群聊', extra: [{ uid: 'xxx', name: '张三' }, { uid: 'xx01', name: '李四' }, { uid: 'xx02', name: '王五' }] }

describe('wukong-payload CLI', () => {
  it('decode: type, rendered text, digest, flags, lint and the JSON', () => {
    const r = cli(['decode', b64(groupCreated)])
    expect(r.code).toBe(0)
    expect(r.out).toContain('type: 1001 (group-created)')
    expect(r.out).toContain('rendered: 张三邀请李四、王五加入群聊')
    expect(r.out).toContain('recommended flags: no_persist 0, red_dot 0, sync_once 1')
    expect(r.out).toContain('"creator_name": "张三"')
    const self = cli(['decode', b64(groupCreated), '--self', 'xx01', '--json'])
    expect(JSON.parse(self.out)).toMatchObject({ ok: true, type: 1001, name: 'group-created', rendered: '张三邀请你、王五加入群聊', lint: [] })
  })

  it('decode: a whole /message/send body and a webhook body with an int64 id', () => {
    const body = { header: { no_persist: 0, red_dot: 1, sync_once: 1 }, from_uid: 'u', channel_id: 'g', channel_type: 2, payload: b64({ type: 99, cmd: 'x' }) }
    const r = cli(['decode', '--json', JSON.stringify(body)])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ type: 99, lint: [{ code: 'flags-differ', path: '/header/red_dot' }] })
    const webhook = `[{"message_id":1867301234567890123,"from_uid":"u1","channel_id":"g1","channel_type":2,"payload":"${b64({ type: 1, content: '你好' })}"},{"message_id":2,"payload":"!!!"}]`
    const w = cli(['decode'], webhook)
    expect(w.code).toBe(1)
    expect(w.out).toContain('1867301234567890123 u1 → g1: [1 text] 你好')
    expect(w.out).toContain('2: error INVALID_BASE64')
  })

  it('decode: bad Base64, bad JSON, invalid payloads exit 1 with a one-line reason', () => {
    const bad = cli(['decode', '!!!'])
    expect(bad.code).toBe(1)
    expect(bad.err.trim()).toBe('error INVALID_BASE64: illegal Base64 data at input byte 0: "!" is not in the Base64 alphabet')
    expect(cli(['decode', Buffer.from('{"type":1,').toString('base64')]).err).toMatch(/^error INVALID_JSON/)
    const docs = cli(['decode', b64({ type: 'text', content: 'Hello, World!' })])
    expect(docs.code).toBe(1)
    expect(docs.err).toContain('/type: type must be an integer; text is 1')
    expect(docs.err).not.toMatch(/\n\s+at /)
  })

  it('encode: validates and prints standard Base64, from an argument or stdin', () => {
    expect(cli(['encode', '{"type":1,"content":"这是一条文本消息"}']).out.trim()).toBe('eyJ0eXBlIjoxLCJjb250ZW50Ijoi6L+Z5piv5LiA5p2h5paH5pys5raI5oGvIn0=')
    expect(cli(['encode', '-'], '{"type":1,"content":"hi"}').out.trim()).toBe(b64({ type: 1, content: 'hi' }))
    expect(cli(['encode'], '{"type":1,"content":"hi"}').out.trim()).toBe(b64({ type: 1, content: 'hi' }))
    const invalid = cli(['encode', '{"type":1}'])
    expect(invalid.code).toBe(1)
    expect(invalid.err).toContain('/content: "content" is required')
    expect(cli(['encode', 'not json']).err).toMatch(/^error INVALID_JSON: payload is not valid JSON/)
  })

  it('validate: exit 0 when valid, 1 with path: message lines', () => {
    expect(cli(['validate', '{"type":2,"url":"u","width":1,"height":2}'])).toMatchObject({ code: 0, out: 'valid: type 2 (image)\n' })
    const r = cli(['validate', '-'], '{"type":1,"content":"x","mention":{"all":true},"reply":{"message_id":1,"message_seq":1,"from_uid":"u"}}')
    expect(r.code).toBe(1)
    expect(r.out.trim().split('\n')).toEqual([
      expect.stringMatching(/^\/mention\/all: must be 0 or 1, not a boolean/),
      expect.stringMatching(/^\/reply\/message_id: must be a string, not the number 1/),
    ])
    expect(JSON.parse(cli(['validate', '--json', '{"type":"text"}']).out)).toMatchObject({ ok: false, issues: [{ path: '/type' }] })
  })

  it('render: text, --self, --locale and --html', () => {
    expect(cli(['render', b64(groupCreated)]).out).toBe('张三邀请李四、王五加入群聊\n')
    expect(cli(['render', JSON.stringify(groupCreated), '--self', 'xxx', '--locale', 'en']).out).toBe('You邀请李四、王五加入群聊\n')
    expect(cli(['render', '--html', JSON.stringify({ type: 1002, content: '{0}<b>', extra: [{ uid: 'u', name: '<i>' }] })]).out).toBe('<span class="wk-user" data-uid="u" dir="auto">&lt;i&gt;</span>&lt;b&gt;\n')
  })

  it('send: a complete body ready for curl', () => {
    const r = cli(['send', '--from', 'u1', '--channel', 'g1', '--channel-type', '2', '{"type":99,"cmd":"memberUpdate","param":{"group_no":"g1"}}'])
    expect(r.code).toBe(0)
    const body = JSON.parse(r.out)
    expect(body).toMatchObject({ header: { no_persist: 0, red_dot: 0, sync_once: 1 }, from_uid: 'u1', channel_id: 'g1', channel_type: 2 })
    expect(body.client_msg_no).toMatch(/^[0-9a-f-]{36}$/)
    expect(Buffer.from(body.payload, 'base64').toString()).toBe('{"type":99,"cmd":"memberUpdate","param":{"group_no":"g1"}}')
    expect(cli(['send', '--channel', 'g1', '{"type":1,"content":"x"}'])).toMatchObject({ code: 2 })
    expect(cli(['send', '--from', 'u', '--channel', 'g1', '--channel-type', 'group', '{"type":1,"content":"x"}']).err).toMatch(/--channel-type must be/)
  })

  it('schema and types', () => {
    expect(JSON.parse(cli(['schema', 'text']).out)).toMatchObject({ $id: 'https://unpkg.com/wukong-payload/schemas/text.schema.json', title: 'TextPayload' })
    expect(JSON.parse(cli(['schema', '1001']).out).title).toBe('GroupCreatedPayload')
    expect(JSON.parse(cli(['schema']).out).title).toBe('Payload')
    expect(cli(['schema', 'nope'])).toMatchObject({ code: 2 })
    expect(cli(['types']).out).toMatch(/\s+99 {2}command\s+no_persist 0, red_dot 0, sync_once 1/)
    expect(JSON.parse(cli(['types', '--json']).out)).toContainEqual({ type: 1, name: 'text', flags: { no_persist: 0, red_dot: 1, sync_once: 0 } })
  })

  it('usage errors exit 2; --help works for every command; colours only on request', () => {
    expect(cli([])).toMatchObject({ code: 2 })
    expect(cli(['frobnicate'])).toMatchObject({ code: 2, err: expect.stringContaining('unknown command "frobnicate"') })
    expect(cli(['decode', '--nope', 'x'])).toMatchObject({ code: 2 })
    expect(cli(['render', '--locale', 'fr', '{}'])).toMatchObject({ code: 2 })
    for (const command of ['decode', 'encode', 'validate', 'render', 'send', 'schema', 'types']) {
      expect(cli([command, '--help'])).toMatchObject({ code: 0, out: expect.stringContaining(`wukong-payload ${command}`) })
    }
    expect(cli(['--help']).out).toContain('Commands:')
    expect(cli(['decode', '!!!']).err).not.toContain('\u001b[')
    expect(cli(['--version']).out.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })
})

describe('the real process', () => {
  it('exit codes 0, 1 and 2; input from an argument and from standard input', () => {
    expect(processCli(['validate', '{"type":1,"content":"hi"}'])).toMatchObject({ code: 0, out: 'valid: type 1 (text)\n' })
    expect(processCli(['encode'], '{"type":1,"content":"hi"}')).toMatchObject({ code: 0, out: `${b64({ type: 1, content: 'hi' })}\n` })
    expect(processCli(['decode', '!!!'])).toMatchObject({ code: 1 })
    expect(processCli(['frobnicate'])).toMatchObject({ code: 2 })
  })

  it('standard input is bytes: invalid UTF-8 is refused, a BOM is not stripped, empty input is "no input"', () => {
    const bytes = Buffer.concat([Buffer.from('{"type":1,"content":"caf'), Buffer.from([0xe9]), Buffer.from('"}')])
    expect(processCli(['validate'], bytes)).toMatchObject({ code: 1, err: expect.stringMatching(/error INVALID_UTF8: payload is not valid UTF-8 \(byte 0xe9 at offset 24\)/) })
    expect(processCli(['encode'], bytes)).toMatchObject({ code: 1, err: expect.stringMatching(/INVALID_UTF8/) })
    expect(processCli(['validate'], '\ufeff{"type":1,"content":"x"}')).toMatchObject({ code: 1, out: expect.stringMatching(/byte-order mark/) })
    expect(processCli(['validate'], '')).toMatchObject({ code: 2, err: expect.stringMatching(/no input/) })
  })

  it('no colour on a pipe, and nothing raw from the data reaches the terminal', () => {
    const r = processCli(['render', JSON.stringify({ type: 1002, content: '{0}\u001b[2J', extra: [{ uid: 'u', name: '\u001b]0;pwned\u0007' }] })])
    expect(r.code).toBe(0)
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
    expect(r.out).toBe('\\u001b]0;pwned\\u0007\\u001b[2J\n')
  })
})

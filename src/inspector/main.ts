/**
 * The payload inspector page: paste anything a WuKongIM developer finds in a log and see what it
 * is, or build a payload from a form. Everything runs here, in the browser; the page's state
 * lives in the URL fragment, which browsers never send to a server.
 */
import {
  HeaderFlagsSchema,
  isSystemType,
  buildSendRequest,
  digest,
  encodePayload,
  isPayloadError,
  payloadDefinitions,
  recommendFlags,
  renderSystemMessageSegments,
  validatePayload,
  type Locale,
  type Payload,
  type PayloadDefinition,
} from '../entries/index.js'
import { textSegments, type TextSegment } from '../entries/text.js'
import { analyze, getAppCodec, setAppCodec, type Analysis, type InspectorCodec, type Problem } from './analyze.js'
import { byId, fill, h, type Child } from './dom.js'
import { defaultFor, fieldFor, type Field, type FormProblem } from './form.js'
import { labels, type Labels } from './i18n.js'
import { renderTree } from './tree.js'

/** Largest input kept in the shareable link (browsers cap URLs at a few MB). */
const MAX_FRAGMENT_INPUT = 64 * 1024
/** Largest file read from a drop (a webhook batch's own limit). */
const MAX_FILE_BYTES = 16 * 1024 * 1024
/** Issues listed, the rest counted: the same cap as the server's problem bodies and the CLI (MAX_PROBLEM_ISSUES). */
const MAX_LISTED = 100
const DEFAULT_API = 'http://127.0.0.1:5001'
const LOCALES: readonly Locale[] = ['zh', 'en']
const flagNames = Object.keys(HeaderFlagsSchema.properties) as (keyof typeof HeaderFlagsSchema.properties)[]

const input = byId<HTMLTextAreaElement>('input')
const lenientBox = byId<HTMLInputElement>('lenient')
const selfInput = byId<HTMLInputElement>('self')
const langSelect = byId<HTMLSelectElement>('lang')
const examplesSelect = byId<HTMLSelectElement>('examples')
const buildType = byId<HTMLSelectElement>('build-type')
const buildExample = byId<HTMLSelectElement>('build-example')
const formElement = byId<HTMLFormElement>('form')
const sendApi = byId<HTMLInputElement>('send-api')
const sendFrom = byId<HTMLInputElement>('send-from')
const sendChannel = byId<HTMLInputElement>('send-channel')
const sendChannelType = byId<HTMLSelectElement>('send-ctype')
const sendHistory = byId<HTMLInputElement>('send-history')

let locale: Locale = navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en'
let tab: 'inspect' | 'build' = 'inspect'
let form: Field | undefined
let formType = payloadDefinitions[0]?.type ?? 1
let clientMsgNo: string | undefined
let lastFragment = ''

const t = (): Labels => labels[locale]

// ——— names ———

function definitionOf(type: unknown): PayloadDefinition | undefined {
  return payloadDefinitions.find((d) => d.type === type)
}

function typeName(type: unknown): string {
  const definition = definitionOf(type)
  if (definition) return definition.name
  return typeof type === 'number' && Number.isInteger(type) && isSystemType(type) ? t().genericSystem : t().unknownType
}

// ——— the inspect tab ———

function problemItems(problems: readonly { path: string; message: string; code: string }[]): HTMLElement[] {
  const items = problems.slice(0, MAX_LISTED).map((p) => h('li', { 'data-pointer': p.path, 'data-code': p.code }, h('code', { class: 'pointer' }, p.path || '/'), h('span', { class: 'code-name' }, p.code), h('span', { class: 'message' }, p.message)))
  if (problems.length > MAX_LISTED) items.push(h('li', { class: 'more' }, t().moreNodes(problems.length - MAX_LISTED)))
  return items
}

function segmentsView(payload: unknown, at: Locale, selfUid: string): HTMLElement {
  const segments = renderSystemMessageSegments(payload, { locale: at, ...(selfUid ? { selfUid } : {}) })
  return h(
    'div',
    { class: 'system-pill', lang: at },
    segments.map((s) => (s.kind === 'text' ? s.text : h('span', { class: s.self ? 'seg-user seg-self' : 'seg-user', 'data-uid': s.uid, title: s.uid }, s.name))),
  )
}

/** One message as a chat shows it: system messages as a centred line, others as a bubble. */
function messageView(payload: Payload, at: Locale, selfUid: string, from: string | undefined): HTMLElement {
  const options = { locale: at, ...(selfUid ? { selfUid } : {}) }
  if (Number.isInteger(payload.type) && isSystemType(payload.type)) return segmentsView(payload, at, selfUid)
  const mine = from !== undefined && from === selfUid
  // A text shows its mentions (`@name`) and link entities through the text segments (issue 32).
  const body: Child = payload.type === 1 ? textSegments(payload).map(segmentView) : digest(payload, { ...options, codec: getAppCodec() })
  return h('div', { class: mine ? 'bubble-row mine' : 'bubble-row' }, h('span', { class: 'avatar small' }, (from ?? '?').slice(0, 1).toUpperCase()), h('div', { class: 'bubble', lang: at }, body))
}

function segmentView(s: TextSegment): Child {
  if (s.kind === 'mention') return h('span', { class: 'seg-user', 'data-uid': s.uid, title: s.uid }, s.text)
  if (s.kind === 'link') return h('a', { href: s.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, s.text)
  return s.kind === 'break' ? h('br', null) : s.text
}

function conversationRow(payload: Payload, at: Locale, selfUid: string, title: string): HTMLElement {
  const text = digest(payload, { locale: at, codec: getAppCodec(), ...(selfUid ? { selfUid } : {}) })
  return h('div', { class: 'conversation' }, h('span', { class: 'avatar' }, title.slice(0, 1).toUpperCase()), h('div', { class: 'conversation-text' }, h('strong', null, title), h('span', { class: 'digest', lang: at }, text)))
}

function previewOf(a: Analysis, selfUid: string): Child {
  const rows: { payload: Payload; from: string | undefined; channel: string | undefined }[] = []
  if (a.payload) {
    const tree = a.tree as Record<string, unknown>
    rows.push({ payload: a.payload, from: typeof tree.from_uid === 'string' ? tree.from_uid : undefined, channel: typeof tree.channel_id === 'string' ? tree.channel_id : undefined })
  }
  for (const row of a.messages.slice(0, MAX_LISTED)) {
    if (row.message.payload) rows.push({ payload: row.message.payload, from: row.message.from_uid, channel: row.message.channel_id })
  }
  if (rows.length === 0) return null
  return LOCALES.map((at) =>
    h(
      'div',
      { class: 'phone', id: `preview-${at}`, lang: at },
      h('div', { class: 'phone-title' }, at === 'zh' ? '中文' : 'English'),
      h('div', { class: 'phone-section' }, labels[at].digest),
      rows.map((r) => conversationRow(r.payload, at, selfUid, r.channel ?? r.from ?? typeName(r.payload.type))),
      h('div', { class: 'phone-section' }, labels[at].messages),
      h('div', { class: 'chat' }, rows.map((r) => messageView(r.payload, at, selfUid, r.from))),
    ),
  )
}

function flagsOf(a: Analysis): Child {
  if (!a.payload) return null
  const flagsOf = getAppCodec()?.recommendFlags ?? recommendFlags
  const recommended = flagsOf(a.payload)
  const history = flagsOf(a.payload, { keepInHistory: true })
  const differs = flagNames.some((f) => history[f] !== recommended[f])
  const header = a.header
  const th = (text: string) => h('th', null, text)
  return h(
    'table',
    { class: 'flags' },
    h('thead', null, h('tr', null, th(t().flag), header ? th(t().inBody) : null, th(t().recommended), differs ? th(t().history) : null)),
    h(
      'tbody',
      null,
      flagNames.map((f) => {
        const sent = header?.[f] ?? 0
        return h(
          'tr',
          { 'data-flag': f },
          h('td', null, h('code', null, f)),
          header ? h('td', { class: sent === recommended[f] || (differs && sent === history[f]) ? 'body' : 'body differs' }, JSON.stringify(sent), header[f] === undefined ? h('span', { class: 'muted' }, ' (—)') : null) : null,
          h('td', { class: 'recommended' }, String(recommended[f])),
          differs ? h('td', { class: 'history' }, String(history[f])) : null,
        )
      }),
    ),
  )
}

function verdictOf(a: Analysis): Child {
  if (a.kind === 'empty') return h('span', { class: 'muted' }, t().empty)
  const count = a.problems.length
  if (a.kind === 'webhook' && count === 0 && a.messages.length > 0) return h('span', { class: 'ok' }, `✓ ${t().valid} · ${a.messages.length} ${t().messages}`)
  if (a.payload && count === 0) return h('span', { class: 'ok' }, `✓ ${t().valid} · type ${a.payload.type} ${typeName(a.payload.type)}`)
  return h('span', { class: 'bad' }, `✗ ${t().invalid} · ${t().issueCount(count)}`)
}

function show(id: string, visible: boolean): void {
  byId(id).hidden = !visible
}

function renderInspect(): void {
  const a = analyze(input.value, lenientBox.checked)
  const selfUid = selfInput.value.trim()
  const labelsNow = t()
  fill(byId('kind'), labelsNow.kinds[a.kind])
  byId('kind').setAttribute('data-kind', a.kind)
  fill(byId('verdict'), verdictOf(a))
  fill(byId('issues'), problemItems(a.problems))
  show('issues-card', a.problems.length > 0)
  const preview = previewOf(a, selfUid)
  fill(byId('preview'), preview)
  show('preview-card', preview !== null)
  const flags = flagsOf(a)
  fill(byId('flags'), flags)
  show('flags-card', flags !== null)
  fill(byId('lint'), a.lint.length > 0 ? problemItems(a.lint) : h('li', { class: 'muted' }, labelsNow.noLint))
  show('lint-card', a.kind !== 'empty')
  fill(byId('tree'), a.tree === undefined ? null : renderTree(a.tree, a.problems, a.decodedAt, labelsNow))
  show('tree-card', a.tree !== undefined)
  document.body.setAttribute('data-kind', a.kind)
}

// ——— the build tab ———

/** `api` without trailing slashes (a loop: a `/\/+$/` regex backtracks on long runs of slashes). */
function withoutTrailingSlashes(api: string): string {
  let end = api.length
  while (end > 0 && api.charCodeAt(end - 1) === 0x2f) end--
  return api.slice(0, end)
}

function curlFor(api: string, body: unknown): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`
  return `curl -sS -X POST ${quote(`${withoutTrailingSlashes(api)}/message/send`)} \\\n  -H 'Content-Type: application/json' \\\n  -d ${quote(JSON.stringify(body))}`
}

function markFormProblems(problems: readonly Problem[]): void {
  for (const marked of Array.from(formElement.querySelectorAll('.has-issue'))) marked.classList.remove('has-issue')
  for (const note of Array.from(formElement.querySelectorAll('.field-issue'))) note.remove()
  for (const p of problems) {
    let pointer = p.path
    let target: Element | null = null
    // The field of the pointer, or of its nearest ancestor that has one.
    for (;;) {
      target = formElement.querySelector(`[data-pointer="${CSS.escape(pointer)}"]`)
      if (target || pointer === '') break
      pointer = pointer.slice(0, pointer.lastIndexOf('/'))
    }
    const at = target ?? formElement
    at.classList.add('has-issue')
    at.appendChild(h('div', { class: 'field-issue' }, pointer === p.path ? null : h('code', null, p.path), pointer === p.path ? null : ' ', p.message))
  }
}

/** The form's value, or `undefined` when a field does not parse. */
function formValue(): { value: unknown; problems: FormProblem[] } {
  const problems: FormProblem[] = []
  const value = form?.read(problems)
  return { value, problems }
}

function renderBuild(): void {
  const { value, problems: formProblems } = formValue()
  let problems: Problem[] = formProblems.map((p) => ({ ...p, code: 'invalid_json' }))
  let base64 = ''
  let body = ''
  let curl = ''
  if (problems.length === 0) {
    const checked = validatePayload(value)
    if (!checked.ok) problems = checked.issues.map((i) => ({ path: i.path, message: i.message, code: i.code }))
    else {
      try {
        // Valid is not always encodable (a lone surrogate, say): a shared link must never kill the page.
        base64 = encodePayload(checked.value)
      } catch (error) {
        if (!isPayloadError(error)) throw error
        problems = error.issues.length > 0 ? error.issues.map((i) => ({ path: i.path, message: i.message, code: i.code })) : [{ path: '', message: error.message, code: error.code }]
      }
    }
    if (base64 !== '' && checked.ok) {
      try {
        const request = buildSendRequest({
          payload: checked.value,
          from_uid: sendFrom.value.trim(),
          ...(sendChannel.value.trim() ? { channel_id: sendChannel.value.trim(), channel_type: Number(sendChannelType.value) } : {}),
          ...(sendHistory.checked ? { keepInHistory: true } : {}),
          ...(clientMsgNo ? { client_msg_no: clientMsgNo } : {}),
        })
        clientMsgNo = request.client_msg_no
        body = JSON.stringify(request, null, 2)
        curl = curlFor(sendApi.value.trim() || DEFAULT_API, request)
      } catch (error) {
        if (!isPayloadError(error)) throw error
        const issues = error.issues.length > 0 ? error.issues : [{ path: '', code: error.code, message: error.message }]
        body = issues.map((i) => `${i.path || '/'}: ${i.message}`).join('\n')
      }
    }
  }
  markFormProblems(problems)
  fill(byId('build-issues'), problemItems(problems))
  show('build-issues-card', problems.length > 0)
  byId<HTMLTextAreaElement>('build-base64').value = base64 || (problems.length > 0 ? `(${t().fixFirst})` : '')
  byId('build-base64').setAttribute('data-ok', base64 ? 'yes' : 'no')
  fill(byId('build-body'), body)
  fill(byId('build-curl'), curl)
  byId<HTMLButtonElement>('build-inspect').disabled = base64 === ''
}

function setForm(type: number, value: unknown): void {
  const definition = definitionOf(type) ?? payloadDefinitions[0]
  if (!definition) return
  formType = definition.type
  buildType.value = String(definition.type)
  fill(
    buildExample,
    definition.examples.map((e, i) => h('option', { value: String(i) }, e.title)),
    h('option', { value: 'required' }, t().requiredOnly),
  )
  const schema = definition.schema as unknown as Readonly<Record<string, unknown>>
  form = fieldFor(schema, value, '', t(), () => changed())
  fill(formElement, form.element)
}

function fillFromExample(): void {
  const definition = definitionOf(formType)
  if (!definition) return
  const choice = buildExample.value
  const example = choice === 'required' ? defaultFor(definition.schema as unknown as Readonly<Record<string, unknown>>) : definition.examples[Number(choice)]?.value
  const keep = buildExample.value
  setForm(definition.type, example)
  buildExample.value = keep
}

// ——— state in the fragment ———

function writeFragment(): void {
  const params = new URLSearchParams()
  if (tab !== 'inspect') params.set('tab', tab)
  params.set('lang', locale)
  const text = input.value
  if (text && text.length <= MAX_FRAGMENT_INPUT) params.set('in', text)
  if (selfInput.value) params.set('self', selfInput.value)
  if (lenientBox.checked) params.set('lenient', '1')
  if (tab === 'build') {
    params.set('type', String(formType))
    const { value, problems } = formValue()
    if (problems.length === 0) params.set('value', JSON.stringify(value))
    if (sendFrom.value) params.set('from', sendFrom.value)
    if (sendChannel.value) params.set('channel', sendChannel.value)
    params.set('ctype', sendChannelType.value)
    if (sendHistory.checked) params.set('history', '1')
    if (sendApi.value && sendApi.value !== DEFAULT_API) params.set('api', sendApi.value)
  }
  const fragment = `#${params.toString()}`
  if (fragment === lastFragment) return
  lastFragment = fragment
  history.replaceState(null, '', fragment)
}

function readFragment(): void {
  const params = new URLSearchParams(location.hash.slice(1))
  const lang = params.get('lang')
  if (lang === 'zh' || lang === 'en') locale = lang
  tab = params.get('tab') === 'build' ? 'build' : 'inspect'
  input.value = params.get('in') ?? ''
  selfInput.value = params.get('self') ?? ''
  lenientBox.checked = params.get('lenient') === '1'
  sendFrom.value = params.get('from') ?? 'u1'
  sendChannel.value = params.get('channel') ?? 'g1'
  sendChannelType.value = params.get('ctype') === '1' ? '1' : '2'
  sendHistory.checked = params.get('history') === '1'
  sendApi.value = params.get('api') ?? DEFAULT_API
  const type = Number(params.get('type') ?? formType)
  let value: unknown
  try {
    value = JSON.parse(params.get('value') ?? 'null')
  } catch {
    value = null
  }
  const definition = definitionOf(type) ?? payloadDefinitions[0]
  if (definition) setForm(definition.type, value ?? definition.examples[0]?.value)
  lastFragment = location.hash
}

// ——— wiring ———

function applyLabels(): void {
  const words = t()
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en'
  document.title = words.title
  langSelect.value = locale
  for (const element of Array.from(document.querySelectorAll('[data-t]'))) {
    const key = element.getAttribute('data-t') as keyof Labels
    const text = words[key]
    if (typeof text === 'string') element.textContent = text
  }
  input.placeholder = words.inputPlaceholder
  fill(
    examplesSelect,
    h('option', { value: '' }, words.examplesPick),
    payloadDefinitions.map((d) => h('optgroup', { label: `${d.type} ${d.name}` }, d.examples.map((e, i) => h('option', { value: `${d.type}:${i}` }, e.title)))),
    h('optgroup', { label: words.invalidGroup }, payloadDefinitions.flatMap((d) => (d.invalidExamples ?? []).map((e, i) => h('option', { value: `${d.type}:x${i}` }, `${d.name}: ${e.title}`)))),
  )
  fill(buildType, payloadDefinitions.map((d) => h('option', { value: String(d.type) }, `${d.type} ${d.name}`)))
  buildType.value = String(formType)
}

function showTab(): void {
  for (const button of Array.from(document.querySelectorAll<HTMLElement>('[data-tab]'))) button.setAttribute('aria-selected', String(button.dataset.tab === tab))
  byId('panel-inspect').hidden = tab !== 'inspect'
  byId('panel-build').hidden = tab !== 'build'
}

function renderAll(): void {
  applyLabels()
  showTab()
  renderInspect()
  renderBuild()
  writeFragment()
}

let pending: number | undefined
function changed(): void {
  if (pending !== undefined) clearTimeout(pending)
  pending = window.setTimeout(() => {
    pending = undefined
    if (tab === 'inspect') renderInspect()
    else renderBuild()
    writeFragment()
    document.body.setAttribute('data-rendered', String(Number(document.body.getAttribute('data-rendered') ?? '0') + 1))
  }, 60)
}

function loadFile(file: File | undefined): void {
  if (!file) return
  if (file.size > MAX_FILE_BYTES) {
    input.value = ''
    fill(byId('verdict'), h('span', { class: 'bad' }, `✗ ${file.name}: ${file.size} bytes > ${MAX_FILE_BYTES}`))
    return
  }
  void file.text().then((text) => {
    input.value = text
    changed()
  })
}

for (const element of [input, lenientBox, selfInput]) element.addEventListener('input', changed)
lenientBox.addEventListener('change', changed)
for (const element of [sendApi, sendFrom, sendChannel]) element.addEventListener('input', changed)
for (const element of [sendChannelType, sendHistory]) element.addEventListener('change', changed)
formElement.addEventListener('input', changed)
formElement.addEventListener('change', changed)
formElement.addEventListener('submit', (event) => event.preventDefault())

langSelect.addEventListener('change', () => {
  locale = langSelect.value === 'en' ? 'en' : 'zh'
  const { value } = formValue()
  setForm(formType, value)
  renderAll()
})

for (const button of Array.from(document.querySelectorAll<HTMLElement>('[data-tab]'))) {
  button.addEventListener('click', () => {
    tab = button.dataset.tab === 'build' ? 'build' : 'inspect'
    showTab()
    if (tab === 'inspect') renderInspect()
    else renderBuild()
    writeFragment()
  })
}

examplesSelect.addEventListener('change', () => {
  const [type, which] = examplesSelect.value.split(':')
  const definition = definitionOf(Number(type))
  if (!definition || which === undefined) return
  const value = which.startsWith('x') ? definition.invalidExamples?.[Number(which.slice(1))]?.value : definition.examples[Number(which)]?.value
  input.value = JSON.stringify(value, null, 2)
  examplesSelect.value = ''
  changed()
})

buildType.addEventListener('change', () => {
  const definition = definitionOf(Number(buildType.value))
  if (!definition) return
  setForm(definition.type, definition.examples[0]?.value)
  changed()
})
buildExample.addEventListener('change', () => {
  fillFromExample()
  changed()
})

byId('build-inspect').addEventListener('click', () => {
  const base64 = byId<HTMLTextAreaElement>('build-base64').value
  if (byId('build-base64').getAttribute('data-ok') !== 'yes') return
  input.value = base64
  tab = 'inspect'
  showTab()
  renderInspect()
  writeFragment()
})

for (const button of Array.from(document.querySelectorAll<HTMLElement>('[data-copy]'))) {
  button.addEventListener('click', () => {
    const source = byId(button.dataset.copy ?? '')
    const text = source instanceof HTMLTextAreaElement ? source.value : (source.textContent ?? '')
    navigator.clipboard?.writeText(text).then(
      () => {
        button.textContent = t().copied
        setTimeout(() => (button.textContent = t().copy), 1200)
      },
      () => undefined,
    )
  })
}

// Clicking a name in a rendered system message views the message as that user.
byId('preview').addEventListener('click', (event) => {
  const user = (event.target as Element).closest('[data-uid]')
  const uid = user?.getAttribute('data-uid')
  if (!uid) return
  selfInput.value = selfInput.value === uid ? '' : uid
  changed()
})

const drop = byId('drop')
drop.addEventListener('dragover', (event) => {
  event.preventDefault()
  drop.classList.add('dragging')
})
drop.addEventListener('dragleave', () => drop.classList.remove('dragging'))
drop.addEventListener('drop', (event) => {
  event.preventDefault()
  drop.classList.remove('dragging')
  loadFile(event.dataTransfer?.files[0])
})
byId<HTMLInputElement>('file').addEventListener('change', (event) => loadFile((event.target as HTMLInputElement).files?.[0]))

window.addEventListener('hashchange', () => {
  if (location.hash === lastFragment) return
  readFragment()
  renderAll()
})

/**
 * An app's own types on the page: `window.wukongPayloadInspector.registerCodec(codec)` with a codec
 * from `createCodec` (or built ahead of time, for a strict CSP), from a script the page loads or
 * the browser console; a codec in `window.wukongPayloadCodec` before this script runs is taken at
 * start. Its types are then validated, named in findings and digested as the app's own.
 */
const inspectorApi = {
  registerCodec(codec: InspectorCodec | undefined): void {
    setAppCodec(codec)
    renderAll()
  },
}
const pageGlobals = window as unknown as { wukongPayloadInspector?: typeof inspectorApi; wukongPayloadCodec?: InspectorCodec }
pageGlobals.wukongPayloadInspector = inspectorApi
if (pageGlobals.wukongPayloadCodec) setAppCodec(pageGlobals.wukongPayloadCodec)

readFragment()
renderAll()
document.body.setAttribute('data-ready', 'yes')

/**
 * `wukong-payload inspect [--port N]`: serves the payload inspector page (built by
 * `npm run build:inspector` into dist/inspector/) on 127.0.0.1, under a strict
 * Content-Security-Policy. Only the page's own files are served; the page itself makes no
 * request beyond them.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Command } from '../args.js'
import { UsageError } from '../io.js'

/** The policy the page is written for: its own files, nothing inline, no eval. */
export const INSPECTOR_CSP = "default-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
}

/**
 * Where the built page is: dist/inspector beside the built CLI (dist/cli/commands/ → ../../inspector),
 * or, when run from source, the repository's dist/inspector.
 */
export function inspectorAssetsDir(): string | undefined {
  const here = fileURLToPath(new URL('.', import.meta.url))
  const candidates = [join(here, '..', '..', 'inspector'), join(here, '..', '..', '..', 'dist', 'inspector')]
  return candidates.find((dir) => existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'app.js')))
}

export interface InspectorServer {
  readonly url: string
  readonly server: Server
  close(): Promise<void>
}

/**
 * Serves the files of `root` (one level, names as listed there: `/` is index.html) on
 * 127.0.0.1. Port 0 picks a free one. Rejects when the port cannot be bound.
 */
export function serveInspector(root: string, port = 0): Promise<InspectorServer> {
  const files = new Map<string, { body: Buffer; type: string }>()
  // Read once at start: the page is a handful of small files, and nothing outside them can be asked for.
  for (const name of ['index.html', 'app.js', 'app.css', 'favicon.svg']) {
    const path = join(root, name)
    if (!existsSync(path) || !statSync(path).isFile()) continue
    files.set(`/${name}`, { body: readFileSync(path), type: CONTENT_TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream' })
  }
  const security = {
    'Content-Security-Policy': INSPECTOR_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  }
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split(/[?#]/)[0] ?? '/'
    const file = files.get(path === '/' ? '/index.html' : path)
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...security, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('method not allowed\n')
      return
    }
    if (!file) {
      res.writeHead(404, { ...security, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n')
      return
    }
    res.writeHead(200, { ...security, 'Content-Type': file.type, 'Content-Length': file.body.length })
    res.end(req.method === 'HEAD' ? undefined : file.body)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
      resolve({ url, server, close: () => new Promise<void>((done) => server.close(() => done())) })
    })
  })
}

export interface InspectIo {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
}

/** Parses `--port`: a whole number 0–65535, 0 (the default) meaning any free port. */
export function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return 0
  if (!/^[0-9]{1,5}$/.test(value)) return undefined
  const port = Number(value)
  return port <= 65535 ? port : undefined
}

/**
 * The command: starts the server and prints its address. Resolves with the exit code once the
 * server is up (0; the process then lives as long as the server) or could not start (1).
 */
export async function commandInspect(io: InspectIo, options: { readonly port: number; readonly assets?: string | undefined }): Promise<number> {
  const assets = options.assets ?? inspectorAssetsDir()
  if (assets === undefined) {
    io.err('error: the inspector page is not built; run "npm run build:inspector" (or "npm run build") in the wukong-payload checkout first')
    return 1
  }
  try {
    const { url } = await serveInspector(assets, options.port)
    io.out(`payload inspector: ${url}`)
    io.out('(serving on 127.0.0.1 only; the page makes no network requests. Ctrl-C to stop.)')
    return 0
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    io.err(`error: cannot listen on 127.0.0.1:${options.port}${code ? ` (${code})` : ''}: ${(error as Error).message}`)
    return 1
  }
}

/** `wukong-payload inspect [--port N]`: serves the page; a failure to listen sets the exit code later. */
export const inspect: Command = ({ arg, values, term, setExitCode }) => {
  const port = parsePort(values.port)
  if (port === undefined) throw new UsageError('--port must be a whole number from 0 to 65535 (0: any free port)')
  if (arg !== undefined) throw new UsageError(`inspect takes no input (got "${arg}"); paste it into the page`)
  void commandInspect({ out: (t) => term.out(t), err: (t) => term.err(t) }, { port }).then((code) => {
    if (code !== 0) setExitCode(code)
  })
  return 0
}

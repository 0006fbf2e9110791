/**
 * A circleboard server in a child process (from the TypeScript sources, through tsx), for tests that
 * kill it with SIGKILL, stop it with SIGTERM, or drive it from a browser.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { mkdtempSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CreateBoardResponse, Role } from '@circleboard/shared'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const serverRequire = createRequire(join(root, 'server/package.json'))
const tsxLoader = join(dirname(serverRequire.resolve('tsx/package.json')), 'dist/loader.mjs')

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      s.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** A server process and how to reach it. */
export interface ServerProcess {
  readonly child: ChildProcess
  readonly port: number
  readonly dataDir: string
  readonly http: string
  readonly ws: string
  readonly output: string[]
  createBoard(
    title?: string,
    template?: string,
  ): Promise<CreateBoardResponse & { tokens: Record<Role, string> }>
  /** Sends a signal and waits for the process to exit; resolves with its exit code (null when killed). */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/**
 * Starts the server on a free port (or `port`) with `dataDir` (a fresh temporary one by default): from the
 * TypeScript sources, or `via: 'serve'` as `npm run serve` starts the built one (scripts/quickstart.mjs,
 * whose process is then `child`, with the server as its child).
 */
export async function startServerProcess(
  options: { dataDir?: string; port?: number; env?: Record<string, string>; via?: 'sources' | 'serve' } = {},
): Promise<ServerProcess> {
  const port = options.port ?? (await freePort())
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'circleboard-proc-'))
  // E2E_CLIENT_DIR lets parallel work build the client elsewhere without swapping files under a running test.
  const clientDir = process.env.E2E_CLIENT_DIR ?? join(root, 'client/dist')
  const child = spawn(
    process.execPath,
    options.via === 'serve'
      ? [join(root, 'scripts/quickstart.mjs'), 'serve']
      : ['--conditions=source', '--import', tsxLoader, join(root, 'server/src/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        CLIENT_DIR: existsSync(join(clientDir, 'index.html')) ? clientDir : '',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const output: string[] = []
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()))
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()))
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  const http = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited at start:\n${output.join('')}`)
    try {
      const res = await fetch(`${http}/healthz`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server did not start:\n${output.join('')}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    child,
    port,
    dataDir,
    http,
    ws: `ws://127.0.0.1:${port}/ws`,
    output,
    async createBoard(title = 'Process board', template?: string) {
      const res = await fetch(`${http}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(template ? { title, template } : { title }),
      })
      if (res.status !== 201) throw new Error(`POST /api/boards -> ${res.status} ${await res.text()}`)
      const body = (await res.json()) as CreateBoardResponse
      const token = (link: string): string => link.split('#t=')[1] ?? ''
      return {
        ...body,
        tokens: {
          facilitator: token(body.links.facilitator),
          participant: token(body.links.participant),
          viewer: token(body.links.viewer),
        },
      }
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal)
      return exited
    },
  }
}

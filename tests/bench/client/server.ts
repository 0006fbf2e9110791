/**
 * The server the client benchmark's pages come from: the built server (`server/dist/main.js`, as the
 * server suite starts it) with SQLite in a fresh data dir, on 127.0.0.1, serving the built client from
 * `client/dist` (the build step's output), or from `BENCH_CLIENT_DIR` when set, so that a client built
 * elsewhere (say, before and after a change) can be measured without touching `client/dist`.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { freePort, makeTempDir, removeTempDir, spawnChild, waitHttp } from '../lib/processes.js'

/** A board on the server: its id and the token of each role. */
export interface BenchBoard {
  readonly id: string
  readonly facilitator: string
  readonly participant: string
}

/** A running server. */
export interface BenchServer {
  readonly pid: number
  readonly http: string
  readonly ws: string
  readonly clientDir: string
  createBoard(title: string): Promise<BenchBoard>
  alive(): boolean
  output(): string
  stop(): Promise<void>
}

/** The client directory the benchmark serves. */
export function benchClientDir(repoRoot: string): string {
  return resolve(process.env.BENCH_CLIENT_DIR ?? join(repoRoot, 'client/dist'))
}

/** Why the suite cannot run here (a missing build), or `null`. */
export function missingBuild(repoRoot: string): string | null {
  const main = join(repoRoot, 'server/dist/main.js')
  if (!existsSync(main)) return `${main} is missing: build first (npm run bench builds)`
  const index = join(benchClientDir(repoRoot), 'index.html')
  if (!existsSync(index)) return `${index} is missing: build the client first (npm run bench builds)`
  return null
}

/** Starts the built server on a free port. */
export async function startBenchServer(repoRoot: string): Promise<BenchServer> {
  const port = await freePort()
  const dataDir = makeTempDir('client')
  const clientDir = benchClientDir(repoRoot)
  const child = spawnChild(
    process.execPath,
    [join(repoRoot, 'server/dist/main.js')],
    {
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      CLIENT_DIR: clientDir,
      LOG_LEVEL: 'warn',
    },
    repoRoot,
  )
  const http = `http://127.0.0.1:${port}`
  try {
    await waitHttp(`${http}/healthz`, child)
  } catch (err) {
    await child.stop()
    removeTempDir(dataDir)
    throw err
  }
  return {
    pid: child.pid,
    http,
    ws: `ws://127.0.0.1:${port}/ws`,
    clientDir,
    async createBoard(title) {
      const res = await fetch(`${http}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title }),
        signal: AbortSignal.timeout(10_000),
      })
      if (res.status !== 201) throw new Error(`POST /api/boards answered ${res.status}: ${await res.text()}`)
      const body = (await res.json()) as { id: string; links: Record<string, string> }
      const token = (role: string): string => decodeURIComponent(body.links[role]?.split('#t=')[1] ?? '')
      return { id: body.id, facilitator: token('facilitator'), participant: token('participant') }
    },
    alive: () => !child.exited(),
    output: () => child.output(),
    async stop() {
      await child.stop()
      removeTempDir(dataDir)
    },
  }
}

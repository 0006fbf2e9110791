/**
 * The servers under test, each started as a fresh process per scenario run so that its memory and CPU
 * figures belong to that run alone:
 * - `circleboard`: `node server/dist/main.js` (the build step's output) with SQLite in a fresh data dir;
 *   rooms are boards made through `POST /api/boards`, joined with their participant token;
 * - `reference`: y-websocket 1.5.4's `bin/server.js` (in memory, or on y-leveldb with `YPERSISTENCE` for
 *   the cold-load scenario); the room is the URL path;
 * - `relay`: `relayServer.ts`, the no-Yjs baseline.
 * All listen on 127.0.0.1 only.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { freePort, makeTempDir, removeTempDir, spawnChild, waitHttp, type Child } from '../lib/processes.js'
import type { Handshake } from './SimClient.js'
import { createBoards } from './boards.js'
import { gcProbeArgs, readHeap, type HeapReading } from './gcProbe.js'
import { relayScript } from './relayBuild.js'

/** Names of the targets, in the order tables show them. */
export const TARGET_NAMES = ['relay', 'reference', 'circleboard'] as const

/** One of `TARGET_NAMES`. */
export type TargetName = (typeof TARGET_NAMES)[number]

/** How a scenario wants its server started. */
export interface StartOptions {
  /** Keep documents on disk (reference: y-leveldb; circleboard always uses SQLite). */
  readonly persistent?: boolean
  /** circleboard's `ROOM_IDLE_MS` (the cold-load scenario lets rooms unload quickly). */
  readonly roomIdleMs?: number
  /** Start with the gc probe (gcProbe.ts), so `heap()` can read retained memory. */
  readonly gcProbe?: boolean
}

/** A started server. */
export interface RunningServer {
  readonly name: TargetName
  readonly pid: number
  readonly port: number
  readonly handshake: Handshake
  /** True when the server keeps the document, so a fresh client can check what it holds. */
  readonly stateful: boolean
  /** WebSocket URLs of `n` fresh rooms. */
  makeRooms(n: number): Promise<string[]>
  /** Loaded rooms as the server reports them (circleboard's /healthz), or `null` if it cannot tell. */
  loadedRooms(): Promise<number | null>
  /** Last few KB of the server's output, for error messages. */
  output(): string
  /** False once the process has exited (a crash under load shows here). */
  alive(): boolean
  /** Memory after a full collection; `null` unless started with `gcProbe`. */
  heap(): Promise<HeapReading | null>
  stop(): Promise<void>
}

/** Context the targets need. */
export interface TargetEnv {
  readonly repoRoot: string
  /** Extra Node.js arguments for the server process (profiling). */
  readonly nodeArgs: readonly string[]
}

/** Starts `name` on a free port. */
export async function startTarget(
  name: TargetName,
  env: TargetEnv,
  options: StartOptions = {},
): Promise<RunningServer> {
  switch (name) {
    case 'circleboard':
      return startCircleboard(env, options)
    case 'reference':
      return startReference(env, options)
    case 'relay':
      return startRelay(env, options)
  }
}

/** Why `name` cannot run on this machine, or `null` when it can. */
export function unavailable(name: TargetName, env: TargetEnv, options: StartOptions = {}): string | null {
  if (name === 'circleboard' && !existsSync(circleboardMain(env))) {
    return `${circleboardMain(env)} is missing: build first (npm run bench builds)`
  }
  if (name === 'reference') {
    try {
      referenceServerPath(env)
    } catch {
      return 'y-websocket-v1 (npm y-websocket@1.5.4) is not installed in tests/'
    }
    if (options.persistent) return leveldownProblem(env)
  }
  return null
}

function circleboardMain(env: TargetEnv): string {
  return join(env.repoRoot, 'server/dist/main.js')
}

function referenceServerPath(env: TargetEnv): string {
  const req = createRequire(join(env.repoRoot, 'tests/package.json'))
  return join(dirname(req.resolve('y-websocket-v1/package.json')), 'bin/server.js')
}

/**
 * y-leveldb needs leveldown's native binding; pnpm may have skipped its build script. It loads from the
 * prebuilds shipped in the package when one matches this platform, so try to load it for real.
 */
function leveldownProblem(env: TargetEnv): string | null {
  try {
    const fromServer = createRequire(referenceServerPath(env))
    const fromLeveldb = createRequire(fromServer.resolve('y-leveldb'))
    const levelPath = fromLeveldb.resolve('level')
    const leveldown = createRequire(levelPath).resolve('leveldown')
    createRequire(import.meta.url)(leveldown)
    return null
  } catch (err) {
    return `the reference cold load needs leveldown's native binding, which does not load here: ${String(err)}`
  }
}

function wsRoomsByPath(port: number, n: number): string[] {
  const prefix = `bench-${randomBytes(4).toString('hex')}`
  return Array.from({ length: n }, (_, i) => `ws://127.0.0.1:${port}/${prefix}-${i}`)
}

function running(
  name: TargetName,
  launched: Launched,
  port: number,
  fields: Pick<RunningServer, 'handshake' | 'stateful' | 'makeRooms' | 'loadedRooms'>,
): RunningServer {
  const { child, dirs, probed } = launched
  return {
    name,
    pid: child.pid,
    port,
    ...fields,
    output: () => child.output(),
    alive: () => !child.exited(),
    heap: async () => (probed ? readHeap(child) : null),
    async stop() {
      await child.stop()
      for (const dir of dirs) removeTempDir(dir)
    },
  }
}

/** A started process and the temp dirs that go with it. */
interface Launched {
  readonly child: Child
  readonly dirs: readonly string[]
  readonly probed: boolean
}

/**
 * Spawns `node [gc probe] ...args` and waits until `readyUrl` answers; on failure everything is cleaned
 * up before the error is thrown.
 */
async function launch(
  env: TargetEnv,
  options: StartOptions,
  args: readonly string[],
  vars: Record<string, string>,
  readyUrl: string,
  dirs: string[],
): Promise<Launched> {
  const probed = options.gcProbe === true
  if (probed) dirs.push(makeTempDir('gcprobe'))
  const pre = probed ? gcProbeArgs(dirs[dirs.length - 1] as string) : []
  const child = spawnChild(process.execPath, [...env.nodeArgs, ...pre, ...args], vars, env.repoRoot)
  try {
    await waitHttp(readyUrl, child)
  } catch (err) {
    await child.stop()
    for (const dir of dirs) removeTempDir(dir)
    throw err
  }
  return { child, dirs, probed }
}

/** How `npm start` and `npm run serve` run the server: Node.js flags and environment (scripts/quickstart.mjs). */
interface ServerRuntime {
  readonly nodeFlags: readonly string[]
  readonly env: Readonly<Record<string, string>>
}

function serverRuntime(env: TargetEnv): ServerRuntime {
  return JSON.parse(readFileSync(join(env.repoRoot, 'scripts/serverRuntime.json'), 'utf8')) as ServerRuntime
}

async function startCircleboard(env: TargetEnv, options: StartOptions): Promise<RunningServer> {
  const port = await freePort()
  const dataDir = makeTempDir('circleboard')
  const runtime = serverRuntime(env)
  const vars: Record<string, string> = {
    // As for `npm start`: a variable already set in the environment wins over the file's.
    ...Object.fromEntries(Object.entries(runtime.env).map(([k, v]) => [k, process.env[k] ?? v])),
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // The bench makes hundreds of boards in a few seconds; the default REST limits would refuse them.
    BOARDS_PER_MINUTE: '100000',
    API_REQUESTS_PER_MINUTE: '100000',
  }
  if (options.roomIdleMs !== undefined) vars.ROOM_IDLE_MS = String(options.roomIdleMs)
  const http = `http://127.0.0.1:${port}`
  const launched = await launch(
    env,
    options,
    [...runtime.nodeFlags, circleboardMain(env)],
    vars,
    `${http}/healthz`,
    [dataDir],
  )
  return running('circleboard', launched, port, {
    handshake: 'y-websocket',
    stateful: true,
    makeRooms: (n) => createBoards(http, n),
    async loadedRooms() {
      const res = await fetch(`${http}/healthz`, { signal: AbortSignal.timeout(2000) })
      const body = (await res.json()) as { rooms?: unknown }
      return typeof body.rooms === 'number' ? body.rooms : null
    },
  })
}

async function startReference(env: TargetEnv, options: StartOptions): Promise<RunningServer> {
  const port = await freePort()
  const vars: Record<string, string> = { HOST: '127.0.0.1', PORT: String(port) }
  const dataDir = options.persistent ? makeTempDir('reference') : null
  if (dataDir) vars.YPERSISTENCE = join(dataDir, 'leveldb')
  const launched = await launch(
    env,
    options,
    [referenceServerPath(env)],
    vars,
    `http://127.0.0.1:${port}/`,
    dataDir ? [dataDir] : [],
  )
  return running('reference', launched, port, {
    handshake: 'y-websocket',
    stateful: true,
    makeRooms: async (n) => wsRoomsByPath(port, n),
    loadedRooms: async () => null,
  })
}

async function startRelay(env: TargetEnv, options: StartOptions): Promise<RunningServer> {
  const port = await freePort()
  const script = await relayScript(env.repoRoot)
  const launched = await launch(
    env,
    options,
    [script],
    { HOST: '127.0.0.1', PORT: String(port) },
    `http://127.0.0.1:${port}/`,
    [],
  )
  return running('relay', launched, port, {
    handshake: 'relay',
    stateful: false,
    makeRooms: async (n) => wsRoomsByPath(port, n),
    loadedRooms: async () => null,
  })
}

/**
 * Real Redis and PostgreSQL servers for tests of the scale-out mode: each started on 127.0.0.1, on a free
 * port, with its data in a fresh temporary directory, and stopped by its pid. PostgreSQL refuses to run as
 * root, so as root it runs as the `postgres` user (the Debian package makes it) through spawn's uid/gid.
 * Both are found on the PATH or, for PostgreSQL, in Debian's /usr/lib/postgresql/<version>/bin;
 * `npm test` installs them when missing (scripts/quickstart.mjs).
 *
 * Other packages' tests use it through the entry `@circleboard/server/testing` (server/package.json).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A running service. */
export interface Service {
  readonly pid: number
  readonly port: number
  /** `redis://...` or `postgres://...` */
  readonly url: string
  /** Stops it (SIGTERM, then SIGKILL after a few seconds) and removes its directory. */
  stop(): Promise<void>
}

/** A running PostgreSQL server, which makes fresh databases. */
export interface PostgresService extends Service {
  /** A new empty database; its URL. */
  createDatabase(): Promise<string>
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

function which(name: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' })
  return r.status === 0 ? r.stdout.trim() : null
}

/** Directory of PostgreSQL's server programs (initdb, postgres). */
function postgresBin(): string {
  const onPath = which('initdb')
  if (onPath && which('postgres')) return ''
  const base = '/usr/lib/postgresql'
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(join(base, v, 'bin/initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (versions.length === 0) throw new Error('PostgreSQL is not installed (initdb not found)')
  return join(base, versions[0] as string, 'bin') + '/'
}

/** uid/gid to run PostgreSQL as: the `postgres` user when we are root, else ourselves. */
function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim())
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim())
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid === 0)
    throw new Error('running as root, and there is no postgres user to run PostgreSQL as')
  return { uid, gid }
}

/** Resolves when something accepts TCP connections on the port, or rejects after `timeoutMs`. */
async function waitPort(
  port: number,
  child: ChildProcess,
  output: string[],
  timeoutMs = 30_000,
): Promise<void> {
  const { connect } = await import('node:net')
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`service exited at start:\n${output.join('')}`)
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1')
      s.once('connect', () => {
        s.destroy()
        resolve(true)
      })
      s.once('error', () => resolve(false))
    })
    if (ok) return
    if (Date.now() > deadline) throw new Error(`service did not start:\n${output.join('')}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

function stopper(child: ChildProcess, dir: string): () => Promise<void> {
  return async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()))
      process.kill(child.pid, 'SIGTERM')
      const timer = setTimeout(() => {
        if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL')
      }, 5000)
      await exited
      clearTimeout(timer)
    }
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Starts redis-server without persistence on a free port. */
export async function startRedis(): Promise<Service> {
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'circleboard-redis-'))
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const output: string[] = []
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()))
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()))
  await waitPort(port, child, output)
  return { pid: child.pid as number, port, url: `redis://127.0.0.1:${port}`, stop: stopper(child, dir) }
}

/**
 * Starts a PostgreSQL cluster in a fresh directory on a free port. `fsync` is off: the tests kill server
 * processes, never the machine, and a committed transaction survives a crash of the client either way.
 */
export async function startPostgres(): Promise<PostgresService> {
  const bin = postgresBin()
  const user = postgresUser()
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'circleboard-pg-'))
  const data = join(dir, 'data')
  if (user) chownSync(dir, user.uid, user.gid)
  const init = spawnSync(
    `${bin}initdb`,
    ['-D', data, '-U', 'circleboard', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'],
    { encoding: 'utf8', ...(user ?? {}) },
  )
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`)
  const child = spawn(
    `${bin}postgres`,
    [
      '-D',
      data,
      '-p',
      String(port),
      '-h',
      '127.0.0.1',
      '-k',
      dir,
      '-c',
      'fsync=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], ...(user ?? {}) },
  )
  const output: string[] = []
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()))
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()))
  await waitPort(port, child, output)
  const base = `postgres://circleboard@127.0.0.1:${port}`
  let n = 0
  return {
    pid: child.pid as number,
    port,
    url: `${base}/postgres`,
    stop: stopper(child, dir),
    async createDatabase() {
      const { default: pg } = await import('pg')
      const name = `t${process.pid}_${++n}_${Math.random().toString(36).slice(2, 8)}`
      // The server may still be finishing its start-up when the port opens: retry for a moment.
      for (let attempt = 0; ; attempt++) {
        const client = new pg.Client({ connectionString: `${base}/postgres` })
        try {
          await client.connect()
          await client.query(`CREATE DATABASE ${name}`)
          return `${base}/${name}`
        } catch (err) {
          if (attempt >= 50) throw err
          await new Promise((r) => setTimeout(r, 100))
        } finally {
          await client.end().catch(() => {})
        }
      }
    },
  }
}

/**
 * Child processes and temporary directories the bench owns. Each is registered when created and released
 * when stopped; whatever is still registered when the runner exits (an error, Ctrl-C, a hard deadline) is
 * killed by its pid and deleted, so a bench never leaves a server or a temp dir behind. Nothing else is
 * ever signalled: only pids this process spawned.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sleep } from './time.js'

const children = new Set<ChildProcess>()
const tempDirs = new Set<string>()

/** A free TCP port on 127.0.0.1 (the OS picks it; the tiny race before reuse is acceptable here). */
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

/** A fresh temporary directory, deleted by `removeTempDir` or at exit. */
export function makeTempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `circleboard-bench-${label}-`))
  tempDirs.add(dir)
  return dir
}

/** Deletes a directory made by `makeTempDir`. */
export function removeTempDir(dir: string): void {
  if (!tempDirs.delete(dir)) return
  rmSync(dir, { recursive: true, force: true })
}

/** A spawned process with the tail of its output kept for error messages. */
export interface Child {
  readonly pid: number
  readonly process: ChildProcess
  /** Last few KB of stdout and stderr. */
  output(): string
  /** Resolves with the next output line starting with `prefix` (without it), or `null` after `timeoutMs`. */
  nextLine(prefix: string, timeoutMs: number): Promise<string | null>
  exited(): boolean
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>
}

const OUTPUT_TAIL_CHARS = 8192

/** Spawns `command args` with `env` added to this process's environment. */
export function spawnChild(
  command: string,
  args: readonly string[],
  env: Record<string, string>,
  cwd: string,
): Child {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (child.pid === undefined) throw new Error(`could not start ${command}`)
  const pid = child.pid
  children.add(child)
  let tail = ''
  let partial = ''
  const waiters = new Set<{ prefix: string; resolve: (line: string) => void }>()
  const keep = (d: Buffer): void => {
    const text = d.toString()
    tail = (tail + text).slice(-OUTPUT_TAIL_CHARS)
    if (waiters.size === 0) return
    const lines = (partial + text).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) {
      for (const w of waiters) {
        if (!line.startsWith(w.prefix)) continue
        waiters.delete(w)
        w.resolve(line.slice(w.prefix.length))
      }
    }
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  let done = false
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      done = true
      children.delete(child)
      resolve()
    }),
  )
  return {
    pid,
    process: child,
    output: () => tail,
    exited: () => done,
    nextLine(prefix, timeoutMs) {
      return new Promise((resolve) => {
        partial = ''
        const waiter = {
          prefix,
          resolve: (line: string) => {
            clearTimeout(timer)
            resolve(line)
          },
        }
        const timer = setTimeout(() => {
          waiters.delete(waiter)
          resolve(null)
        }, timeoutMs)
        waiters.add(waiter)
      })
    },
    async stop(graceMs = 3000): Promise<void> {
      if (done) return
      child.kill('SIGTERM')
      const killed = await Promise.race([exit.then(() => true), sleep(graceMs).then(() => false)])
      if (!killed) {
        child.kill('SIGKILL')
        await exit
      }
    },
  }
}

/** Polls `url` until it answers with any HTTP status; throws if the child exits or `timeoutMs` passes. */
export async function waitHttp(url: string, child: Child, timeoutMs = 20_000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    if (child.exited()) throw new Error(`server exited while starting:\n${child.output()}`)
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) })
      await res.arrayBuffer()
      return
    } catch {
      // Not listening yet.
    }
    if (performance.now() > deadline) {
      throw new Error(`server did not answer ${url} within ${timeoutMs} ms:\n${child.output()}`)
    }
    await sleep(50)
  }
}

/** Kills every child still running and deletes every temp dir still registered (synchronous: at exit). */
export function cleanupAll(): void {
  for (const child of children) {
    try {
      child.kill('SIGKILL')
    } catch {
      // Already gone.
    }
  }
  children.clear()
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
  tempDirs.clear()
}

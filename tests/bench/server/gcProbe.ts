/**
 * Retained-memory readings for the memory scenarios. RSS alone is coarse: V8 grows its heap in steps and
 * keeps garbage until it needs the room, so a few hundred small rooms can vanish in the slack. For these
 * scenarios the server process is started with `--expose-gc --require <preload>`, where the preload
 * (written here, loaded by Node before the server's own code, which is not changed) answers SIGUSR2 with
 * two full collections and prints `process.memoryUsage()` on stderr.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Child } from '../lib/processes.js'

const HEAP_LINE = '@@bench-heap '

const PRELOAD = `'use strict'
// Written by circleboard's bench (tests/bench/server/gcProbe.ts); loaded with --require.
process.on('SIGUSR2', () => {
  if (typeof globalThis.gc === 'function') {
    globalThis.gc()
    globalThis.gc()
  }
  process.stderr.write(${JSON.stringify(HEAP_LINE)} + JSON.stringify(process.memoryUsage()) + '\\n')
})
`

/** What `process.memoryUsage()` says after a full collection, in MB. */
export interface HeapReading {
  readonly rssMb: number
  readonly heapUsedMb: number
  /** Memory of C++ objects bound to JS (Buffers, ArrayBuffers), which `heapUsed` leaves out. */
  readonly externalMb: number
}

/** Writes the preload into `dir`; returns the node arguments that load it. */
export function gcProbeArgs(dir: string): string[] {
  const file = join(dir, 'bench-gc-probe.cjs')
  writeFileSync(file, PRELOAD)
  return ['--expose-gc', '--require', file]
}

/** Asks the server started with `gcProbeArgs` for a reading; `null` if it does not answer in 3 s. */
export async function readHeap(child: Child): Promise<HeapReading | null> {
  const line = child.nextLine(HEAP_LINE, 3000)
  child.process.kill('SIGUSR2')
  const text = await line
  if (text === null) return null
  const m = JSON.parse(text) as { rss: number; heapUsed: number; external: number }
  const mb = (b: number): number => b / (1024 * 1024)
  return { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), externalMb: mb(m.external) }
}

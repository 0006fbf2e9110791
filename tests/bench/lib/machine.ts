/**
 * How busy the (shared) machine is, from /proc/stat: the bench's numbers mean little while other work
 * (builds, test runs) competes for the same two cores, so the runner waits for a quiet moment before
 * each run and records how much CPU everyone else used during it.
 */
import { readFileSync } from 'node:fs'
import { sleep } from './time.js'

/** Ticks per second of /proc/stat (USER_HZ, 100 on Linux). */
const USER_HZ = 100

/** Busy and total CPU seconds of all cores since boot, or `null` without /proc. */
export function machineCpu(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? ''
    const [, ...fields] = line.trim().split(/\s+/)
    const n = fields.map(Number)
    // user nice system idle iowait irq softirq steal (guest time is already inside user).
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = n
    const busy = user + nice + system + irq + softirq + steal
    return { busy: busy / USER_HZ, total: (busy + idle + iowait) / USER_HZ }
  } catch {
    return null
  }
}

/** CPU used by everything on the machine over `ms`, in percent of one core. */
export async function busyPercent(ms: number): Promise<number | null> {
  const a = machineCpu()
  const t0 = performance.now()
  await sleep(ms)
  const b = machineCpu()
  if (!a || !b) return null
  return (100 * (b.busy - a.busy)) / ((performance.now() - t0) / 1000)
}

/** Options of `waitForQuiet`. */
export interface QuietOptions {
  /** Busy threshold in percent of one core; 0 disables waiting. */
  readonly maxBusyPct: number
  /** Give up waiting after this long (and run anyway; the row records how busy it was). */
  readonly maxWaitMs: number
  readonly log: (line: string) => void
}

/**
 * Waits until the machine's CPU use (measured over 2 s while the bench itself is idle) is below the
 * threshold; returns the last measurement.
 */
export async function waitForQuiet(o: QuietOptions): Promise<number | null> {
  const start = performance.now()
  let announced = false
  for (;;) {
    const busy = await busyPercent(2000)
    if (busy === null || o.maxBusyPct <= 0 || busy < o.maxBusyPct) return busy
    if (performance.now() - start > o.maxWaitMs) {
      o.log(
        `bench: still busy (${busy.toFixed(0)} % of a core) after ${o.maxWaitMs / 1000} s; running anyway`,
      )
      return busy
    }
    if (!announced) {
      o.log(`bench: other work uses ${busy.toFixed(0)} % of a core; waiting for a quieter moment`)
      announced = true
    }
    await sleep(5000)
  }
}

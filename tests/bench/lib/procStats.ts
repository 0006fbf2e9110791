/**
 * Resource use of a server process from /proc (Linux): resident memory (VmRSS) and CPU time
 * (utime + stime of every thread, so SQLite's compaction worker and libuv's pool count too).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

let clockTicks: number | null = null

/** Clock ticks per second of /proc/<pid>/stat times (`getconf CLK_TCK`, 100 on Linux in practice). */
function ticksPerSecond(): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
    } catch {
      clockTicks = 100
    }
  }
  return clockTicks
}

/** VmRSS of `pid` in MB, or `null` when the process is gone. */
export function readRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
    return m ? Number(m[1]) / 1024 : null
  } catch {
    return null
  }
}

/** CPU seconds (user + system) `pid` has used so far, or `null` when the process is gone. */
export function readCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Field 2 (comm) may hold spaces and parentheses: count fields from the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // rest[0] is field 3 (state); utime and stime are fields 14 and 15.
    const utime = Number(rest[11])
    const stime = Number(rest[12])
    return (utime + stime) / ticksPerSecond()
  } catch {
    return null
  }
}

/** Samples a process's RSS every `intervalMs` and keeps the peak and the latest value. */
export class RssSampler {
  peakMb = 0
  lastMb: number | null = null
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly pid: number,
    intervalMs = 100,
  ) {
    this.sample()
    this.timer = setInterval(() => this.sample(), intervalMs)
    // The sampler never keeps the runner alive by itself.
    this.timer.unref()
  }

  /** Takes a sample now (also called by the interval). */
  sample(): number | null {
    const mb = readRssMb(this.pid)
    this.lastMb = mb
    if (mb !== null && mb > this.peakMb) this.peakMb = mb
    return mb
  }

  stop(): void {
    clearInterval(this.timer)
  }
}

/** CPU use of a process over a window: call `start`, then `stop`. */
export class CpuWindow {
  private startCpu: number | null = null
  private startAt = 0
  cpuSeconds: number | null = null
  wallSeconds = 0

  constructor(private readonly pid: number) {}

  start(): void {
    this.startCpu = readCpuSeconds(this.pid)
    this.startAt = performance.now()
  }

  stop(): void {
    const end = readCpuSeconds(this.pid)
    this.wallSeconds = (performance.now() - this.startAt) / 1000
    this.cpuSeconds = end !== null && this.startCpu !== null ? end - this.startCpu : null
  }

  /** CPU use in the window in percent of one core. */
  get percent(): number | null {
    return this.cpuSeconds === null || this.wallSeconds === 0
      ? null
      : (100 * this.cpuSeconds) / this.wallSeconds
  }
}

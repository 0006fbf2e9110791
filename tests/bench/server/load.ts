/**
 * The send schedule and the measurement window shared by the edit and awareness scenarios.
 *
 * Every client sends exactly once per period, at its own phase within the period; one timer drives all
 * of them (it wakes at the next due send and sends everything due). Phases are either random (seeded;
 * the server suite's choice: independent people do not take turns, so some edits arrive together, which
 * is what lets a server batch the work of one event-loop turn) or evenly spaced (`phases: 'even'`: the
 * smoothest possible arrival, the worst case for batching). A send that is more than one period late is skipped
 * and counted (`late_sends`): it means the load generator, not the server, fell behind. The window starts after the warm-up; server CPU, the generator's own CPU and
 * event-loop delay are measured over exactly that window.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { CpuWindow } from '../lib/procStats.js'
import { sleep } from '../lib/time.js'
import type { Tally } from './SimClient.js'

/** The measured window, in performance.now() milliseconds; open until the schedule sets it. */
export interface MeasureWindow {
  start: number
  end: number
}

/** Parameters of a schedule. */
export interface ScheduleOptions {
  readonly clients: number
  /** Sends per second per client. */
  readonly rate: number
  /**
   * How the clients' send times are spread over a period (see the module comment). Defaults to `even`,
   * which is what this module did before the option existed (other suites rely on it).
   */
  readonly phases?: 'random' | 'even'
  readonly warmupS: number
  readonly durationS: number
  /** Sends one message for client `i`; `now` is the send time to put in the message. */
  readonly send: (i: number, now: number) => void
  readonly serverPid: number
  readonly tally: Tally
  readonly window: MeasureWindow
  readonly signal: AbortSignal
}

/** What the schedule measured. */
export interface ScheduleResult {
  /** Sends per client inside the window. */
  readonly sentInWindow: Int32Array
  readonly sentTotal: number
  readonly lateSends: number
  readonly serverCpuSeconds: number | null
  readonly serverCpuPercent: number | null
  readonly loadgenCpuPercent: number
  readonly loadgenLoopP99Ms: number
  readonly loadgenLoopMaxMs: number
  readonly windowSeconds: number
}

/** Clients sorted by their phase within a period (ms). */
function sendOrder(clients: number, period: number, phases: 'random' | 'even') {
  // A fixed seed: every run and every server sees the same arrival pattern (mulberry32).
  let seed = 0x9e3779b9
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return Array.from({ length: clients }, (_, client) => ({
    client,
    phase: phases === 'even' ? (client * period) / clients : random() * period,
  })).sort((a, b) => a.phase - b.phase)
}

/** Runs the warm-up and the window; returns when the window has ended. */
export async function runSchedule(o: ScheduleOptions): Promise<ScheduleResult> {
  const period = 1000 / o.rate
  const order = sendOrder(o.clients, period, o.phases ?? 'even')
  const start = performance.now() + 10
  const windowStart = start + o.warmupS * 1000
  const windowEnd = windowStart + o.durationS * 1000
  const sentInWindow = new Int32Array(o.clients)
  // Latency is sampled by send time, so the window is known to the probes before the first send.
  o.window.start = windowStart
  o.window.end = windowEnd
  const serverCpu = new CpuWindow(o.serverPid)
  const loop = monitorEventLoopDelay({ resolution: 10 })
  let cpuAtStart = process.cpuUsage()
  let inWindow = false
  let k = 0
  let sent = 0
  let late = 0
  for (;;) {
    const slot = order[k % o.clients] as { client: number; phase: number }
    const due = start + Math.floor(k / o.clients) * period + slot.phase
    if (due >= windowEnd) break
    const now = performance.now()
    if (!inWindow && now >= windowStart) {
      inWindow = true
      o.tally.active = true
      serverCpu.start()
      cpuAtStart = process.cpuUsage()
      loop.enable()
    }
    if (due > now) {
      await sleep(Math.max(1, due - now), o.signal)
      continue
    }
    const i = slot.client
    k++
    if (now - due > period) {
      late++
      continue
    }
    o.send(i, now)
    sent++
    if (now >= windowStart) sentInWindow[i] = (sentInWindow[i] as number) + 1
  }
  // Sleep out the rest of the window so it is exactly `durationS` long.
  const rest = windowEnd - performance.now()
  if (rest > 0) await sleep(rest, o.signal)
  serverCpu.stop()
  loop.disable()
  o.tally.active = false
  const cpu = process.cpuUsage(cpuAtStart)
  const windowSeconds = serverCpu.wallSeconds || o.durationS
  return {
    sentInWindow,
    sentTotal: sent,
    lateSends: late,
    serverCpuSeconds: serverCpu.cpuSeconds,
    serverCpuPercent: serverCpu.percent,
    loadgenCpuPercent: (100 * (cpu.user + cpu.system)) / 1e6 / windowSeconds,
    loadgenLoopP99Ms: loop.percentile(99) / 1e6,
    loadgenLoopMaxMs: loop.max / 1e6,
    windowSeconds,
  }
}

/**
 * The send schedule and the measurement window shared by the edit and awareness scenarios.
 *
 * All clients' sends form one evenly spaced sequence (client k % N sends the k-th message), so the
 * aggregate rate is smooth rather than bursty, and one timer drives it instead of N. A send that is more
 * than one period late is skipped and counted (`late_sends`): it means the load generator, not the
 * server, fell behind. The window starts after the warm-up; server CPU, the generator's own CPU and
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

/** Runs the warm-up and the window; returns when the window has ended. */
export async function runSchedule(o: ScheduleOptions): Promise<ScheduleResult> {
  const period = 1000 / o.rate
  const spacing = period / o.clients
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
    const due = start + k * spacing
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
    const i = k % o.clients
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

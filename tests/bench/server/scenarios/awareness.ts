/**
 * Presence load: N clients in one room each send a cursor state (`{user, cursor, t}`) at `rate` Hz, as
 * a pointer moving over the board would. The first O clients are observers and measure latency; at
 * the end every observer must hold every client's last state (`lost_updates` counts stale states).
 */
import { distribution } from '../../lib/stats.js'
import { waitUntil } from '../../lib/time.js'
import { SimClient, Tally } from '../SimClient.js'
import { closeAll, connectAll } from '../clients.js'
import { runSchedule, type MeasureWindow } from '../load.js'
import { AwarenessProbe } from '../probes.js'
import { param, type ScenarioContext, type ScenarioParams, type ScenarioResult } from './types.js'

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b']

/** Runs the awareness load described by `params` (clients, observers, rate, warmup, duration, drain). */
export async function runAwareness(ctx: ScenarioContext, params: ScenarioParams): Promise<ScenarioResult> {
  const n = param(params, 'clients')
  const observers = param(params, 'observers')
  const { server, signal } = ctx
  const [url] = await server.makeRooms(1)
  if (url === undefined) throw new Error('no room')
  const tally = new Tally()
  const window: MeasureWindow = { start: Infinity, end: Infinity }
  const clients = Array.from({ length: n }, () => new SimClient(url, server.handshake, false, tally))
  const probes = clients.slice(0, observers).map((c) => new AwarenessProbe(c, c.doc.clientID, window))
  const clocks = new Int32Array(n).fill(-1)
  try {
    await connectAll(clients, signal)
    const schedule = await runSchedule({
      clients: n,
      rate: param(params, 'rate'),
      phases: param(params, 'evenPhases') === 1 ? 'even' : 'random',
      warmupS: param(params, 'warmupS'),
      durationS: param(params, 'durationS'),
      serverPid: server.pid,
      tally,
      window,
      signal,
      send: (i, now) => {
        const client = clients[i] as SimClient
        const clock = (clocks[i] as number) + 1
        clocks[i] = clock
        const state = {
          user: { id: `u${i}`, name: `Person ${i}`, color: COLORS[i % COLORS.length], role: 'participant' },
          cursor: { x: Math.round(500 + 400 * Math.sin(clock / 10 + i)), y: Math.round(300 + clock) },
          t: now,
        }
        client.sendAwareness({ clientId: client.doc.clientID, clock, state: JSON.stringify(state) })
      },
    })
    const stale = (): number => {
      let s = 0
      probes.forEach((p, o) => {
        clients.forEach((c, i) => {
          if (i !== o && (p.lastClock.get(c.doc.clientID) ?? -1) < (clocks[i] as number)) s++
        })
      })
      return s
    }
    const drainStart = performance.now()
    const drained = await waitUntil(() => stale() === 0, {
      timeoutMs: param(params, 'drainTimeoutS') * 1000,
      intervalMs: 2,
      signal,
      what: 'observers to receive every last presence state',
    })
    const drainMs = drained ? performance.now() - drainStart : null
    const latency = distribution(Float64Array.from(probes.flatMap((p) => Array.from(p.samples.values()))))
    const w = schedule.windowSeconds
    const sentWindow = schedule.sentInWindow.reduce((a, b) => a + b, 0)
    const deliveries = sentWindow * (n - 1)
    const lost = stale()
    const metrics = {
      latency_p50_ms: latency.p50,
      latency_p95_ms: latency.p95,
      latency_p99_ms: latency.p99,
      latency_max_ms: latency.max,
      latency_n: latency.n,
      sent_per_s: sentWindow / w,
      expected_msgs_per_s: deliveries / w,
      // Presence states, not messages: a server may batch one turn's changes into one message.
      delivered_msgs_per_s: tally.awarenessStates / w,
      awareness_msgs_per_s: tally.awareness / w,
      recv_msgs_per_s: tally.messages / w,
      recv_mb_per_s: tally.bytes / 1e6 / w,
      observed_fraction: sentWindow > 0 ? latency.n / ((sentWindow * observers * (n - 1)) / n) : null,
      drain_ms: drainMs,
      lost_updates: lost,
      late_sends: schedule.lateSends,
      errors: tally.errors,
      server_cpu_s: schedule.serverCpuSeconds,
      server_cpu_pct: schedule.serverCpuPercent,
      cpu_us_per_delivery:
        schedule.serverCpuSeconds !== null && deliveries > 0
          ? (schedule.serverCpuSeconds * 1e6) / deliveries
          : null,
      loadgen_cpu_pct: schedule.loadgenCpuPercent,
      loadgen_loop_p99_ms: schedule.loadgenLoopP99Ms,
      loadgen_loop_max_ms: schedule.loadgenLoopMaxMs,
    }
    return { ok: tally.errors === 0 && lost === 0, metrics, details: { error_samples: tally.errorSamples } }
  } finally {
    await closeAll(clients)
  }
}

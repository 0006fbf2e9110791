/**
 * Edit load: R rooms x C clients, each client dragging its own shape at `rate` updates/s (fan-out is
 * R = 1). The first O clients of each room are observers (full replicas that measure latency). After the
 * window, sending stops; the run waits until every observer holds every client's last update (drain),
 * then, on servers that keep the document, a fresh client per room syncs and must hold the same, and all
 * replicas of a room must be identical.
 */
import { distribution } from '../../lib/stats.js'
import { waitUntil } from '../../lib/time.js'
import { SimClient, Tally } from '../SimClient.js'
import { closeAll, connectAll, shapesJson } from '../clients.js'
import { runSchedule, type MeasureWindow } from '../load.js'
import { moveShape, ShapeProbe, SHAPES } from '../probes.js'
import { param, type ScenarioContext, type ScenarioParams, type ScenarioResult } from './types.js'

interface Member {
  readonly client: SimClient
  readonly key: string
  readonly room: number
  readonly probe: ShapeProbe | null
}

/** Runs the edit load described by `params` (rooms, clients, observers, rate, warmup, duration, drain). */
export async function runEdits(ctx: ScenarioContext, params: ScenarioParams): Promise<ScenarioResult> {
  const rooms = param(params, 'rooms')
  const perRoom = param(params, 'clients')
  const observers = param(params, 'observers')
  const { server, signal } = ctx
  const urls = await server.makeRooms(rooms)
  const tally = new Tally()
  const window: MeasureWindow = { start: Infinity, end: Infinity }
  const members: Member[] = []
  urls.forEach((url, room) => {
    for (let i = 0; i < perRoom; i++) {
      const client = new SimClient(url, server.handshake, i < observers, tally)
      const key = `c${room}-${i}`
      const probe = i < observers ? new ShapeProbe(client.doc, key, window) : null
      members.push({ client, key, room, probe })
    }
  })
  const verifiers: SimClient[] = []
  try {
    await connectAll(
      members.map((m) => m.client),
      signal,
    )
    const lastSeq = new Int32Array(members.length).fill(-1)
    const schedule = await runSchedule({
      clients: members.length,
      rate: param(params, 'rate'),
      phases: param(params, 'evenPhases') === 1 ? 'even' : 'random',
      warmupS: param(params, 'warmupS'),
      durationS: param(params, 'durationS'),
      serverPid: server.pid,
      tally,
      window,
      signal,
      send: (i, now) => {
        const m = members[i] as Member
        const seq = (lastSeq[i] as number) + 1
        lastSeq[i] = seq
        moveShape(m.client, m.key, seq, now)
      },
    })
    const finalSeq = new Map(members.map((m, i) => [m.key, lastSeq[i] as number]))
    const probed = members.filter((m) => m.probe !== null)
    const missing = (): number => {
      let n = 0
      for (const o of probed) {
        for (const m of members) {
          if (m.room !== o.room || m.key === o.key) continue
          if ((o.probe?.lastSeq.get(m.key) ?? -1) < (finalSeq.get(m.key) ?? -1)) n++
        }
      }
      return n
    }
    const drainStart = performance.now()
    const drained = await waitUntil(() => missing() === 0, {
      timeoutMs: param(params, 'drainTimeoutS') * 1000,
      intervalMs: 2,
      signal,
      what: 'observers to receive every last update',
    })
    const drainMs = drained ? performance.now() - drainStart : null

    // A fresh client per room must get every client's last update from the server, and every replica of
    // a room (observers and the fresh client) must be identical.
    let stateLost: number | null = null
    if (server.stateful) {
      for (const url of urls) verifiers.push(new SimClient(url, server.handshake, true, tally))
      await connectAll(verifiers, signal)
      const lostIn = (room: number): number => {
        const shapes = (verifiers[room] as SimClient).doc.getMap(SHAPES)
        return members.filter((m) => {
          if (m.room !== room) return false
          const shape = shapes.get(m.key) as { get(k: string): unknown } | undefined
          return shape?.get('seq') !== finalSeq.get(m.key)
        }).length
      }
      const countLost = (): number => urls.reduce((n, _, r) => n + lostIn(r), 0)
      await waitUntil(() => countLost() === 0, { timeoutMs: 2000, signal, what: 'fresh clients' })
      stateLost = countLost()
    }
    let diverged = 0
    for (let r = 0; r < urls.length; r++) {
      const replicas = probed.filter((m) => m.room === r).map((m) => m.client.doc)
      if (verifiers[r]) replicas.push((verifiers[r] as SimClient).doc)
      if (new Set(replicas.map(shapesJson)).size > 1) diverged++
    }

    const samples = probed.map((m) => (m.probe as ShapeProbe).samples.values())
    const all = Float64Array.from(samples.flatMap((s) => Array.from(s)))
    const latency = distribution(all)
    const w = schedule.windowSeconds
    const sentWindow = schedule.sentInWindow.reduce((a, b) => a + b, 0)
    // What every other member of the room must receive; echo servers also send each update back.
    const deliveries = sentWindow * (perRoom - 1)
    // Each observer should see every window send of the others in its room.
    const expectedSamples = probed.reduce((n, o) => {
      let s = 0
      members.forEach((m, i) => {
        if (m.room === o.room && m.key !== o.key) s += schedule.sentInWindow[i] as number
      })
      return n + s
    }, 0)
    const lost = missing()
    const metrics = {
      latency_p50_ms: latency.p50,
      latency_p95_ms: latency.p95,
      latency_p99_ms: latency.p99,
      latency_max_ms: latency.max,
      latency_n: latency.n,
      sent_per_s: sentWindow / w,
      expected_msgs_per_s: deliveries / w,
      delivered_msgs_per_s: tally.updates / w,
      recv_msgs_per_s: tally.messages / w,
      recv_mb_per_s: tally.bytes / 1e6 / w,
      observed_fraction: expectedSamples > 0 ? latency.n / expectedSamples : null,
      drain_ms: drainMs,
      lost_updates: lost,
      server_state_lost: stateLost,
      diverged,
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
    const ok = tally.errors === 0 && lost === 0 && (stateLost ?? 0) === 0 && diverged === 0
    return { ok, metrics, details: { error_samples: tally.errorSamples } }
  } finally {
    await closeAll([...members.map((m) => m.client), ...verifiers])
  }
}

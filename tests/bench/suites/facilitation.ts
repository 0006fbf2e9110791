/**
 * `facilitation`: the cursor load of a big meeting (issue 4). N participants in one board each send
 * presence as circleboard's client does (user, cursor, selection, viewport, away; presence.ts in the
 * client) at 15 Hz, the client's throttle rate, while the room also edits the board a few times a second
 * (element moves through the model's operations, as a drag writes them). Measured:
 * - cursor latency: from the send to the moment an observer client receives it (sender and observers
 *   live in this process, so one clock; the send time travels in the presence state as `t`);
 * - edit latency the same way (an element's `x` carries the move's sequence number);
 * - the server's CPU over the measured window, and per delivered message;
 * - lost states (an observer that never got someone's last cursor) and late sends (the load generator
 *   fell behind: then the figures say more about this machine than about the server).
 * Against circleboard (the built server, SQLite) and, for scale, the reference y-websocket server.
 */
import { loadavg } from 'node:os'
import * as Y from 'yjs'
import { addElement, DocName, setElementPositions, type EditContext } from '@circleboard/shared'
import type { ResultRow, Suite, SuiteOptions } from '../types.js'
import { readCpuSeconds, RssSampler } from '../lib/procStats.js'
import { machineCpu } from '../lib/machine.js'
import { abortReason, waitFor, waitUntil } from '../lib/time.js'
import { distribution, Samples } from '../lib/stats.js'
import { cells, fmt, markdownTable } from '../lib/summary.js'
import { SimClient, Tally } from '../server/SimClient.js'
import { closeAll, connectAll } from '../server/clients.js'
import { runSchedule, type MeasureWindow } from '../server/load.js'
import { AwarenessProbe } from '../server/probes.js'
import { startTarget, unavailable, type RunningServer, type TargetName } from '../server/targets.js'
import { openBrowserPeer, pageUrlOf, type BrowserPeer } from '../../support/facilitationBrowserLoad.js'

/** Targets this suite runs against. */
const TARGETS: readonly TargetName[] = ['circleboard', 'reference']

/** The client's palette (presence colours), so the states have the real size. */
const COLORS = ['#1f5fbf', '#c62828', '#2e7d32', '#6a1b9a', '#c43e00', '#00695c', '#ad1457', '#283593']

interface Params {
  readonly clients: number
  readonly observers: number
  /** Presence messages per second per client (the client's throttle: 15). */
  readonly cursorHz: number
  /** Board edits per second in the whole room. */
  readonly editsPerS: number
  readonly warmupS: number
  readonly durationS: number
  readonly drainTimeoutS: number
  /** One of the participants is a real browser (Chromium with the board open) instead of a simulation. */
  readonly browser: boolean
}

interface Scenario {
  readonly name: string
  readonly description: string
  readonly targets: readonly TargetName[]
  params(quick: boolean): Params
}

const timed = (quick: boolean) =>
  quick ? { warmupS: 1, durationS: 4, drainTimeoutS: 10 } : { warmupS: 3, durationS: 20, drainTimeoutS: 15 }

const SCENARIOS: readonly Scenario[] = [
  ...[50, 20].map((clients) => ({
    name: `cursors-${clients}`,
    description: `${clients} participants in one board: presence at 15 Hz each, plus 5 board edits/s in the room`,
    targets: TARGETS,
    params: (quick: boolean) => ({
      clients,
      observers: 5,
      cursorHz: 15,
      editsPerS: 5,
      browser: false,
      ...timed(quick),
    }),
  })),
  {
    name: 'browser-50',
    description:
      'as cursors-50, with one participant a real Chromium page: its main thread, renders and sends',
    // The page is served by the server under test: only circleboard serves the client.
    targets: ['circleboard'],
    params: (quick: boolean) => ({
      clients: 50,
      observers: 5,
      cursorHz: 15,
      editsPerS: 5,
      browser: true,
      ...timed(quick),
    }),
  },
]

/** One participant's presence state, shaped as the client publishes it (plus `t`, the send time). */
function presence(i: number, clock: number, now: number): string {
  const x = Math.round(400 + 300 * Math.sin(clock / 9 + i))
  const y = Math.round(300 + 200 * Math.cos(clock / 13 + i))
  return JSON.stringify({
    user: {
      id: `person-${i.toString(36).padStart(8, '0')}`,
      name: `Deltagare ${i}`,
      color: COLORS[i % COLORS.length],
      role: i === 0 ? 'facilitator' : 'participant',
      org: i % 3 === 0 ? 'Arbetsförmedlingen' : 'Kommunen',
      since: 1_760_000_000_000 + i,
    },
    cursor: { x, y },
    selection: i % 4 === 0 ? [`e${i}`] : [],
    viewport: { x: 600, y: 400, scale: 0.8, w: 1600, h: 900 },
    away: false,
    screen: false,
    t: now,
  })
}

/** Watches an observer's replica for element moves and records their latency. */
function editProbe(doc: Y.Doc, sent: Map<string, Map<number, number>>, window: MeasureWindow): Samples {
  const samples = new Samples()
  const last = new Map<string, number>()
  const record = (id: string, element: unknown, now: number): void => {
    if (!(element instanceof Y.Map)) return
    const seq = element.get('x')
    if (typeof seq !== 'number' || seq <= (last.get(id) ?? 0)) return
    last.set(id, seq)
    const t = sent.get(id)?.get(seq)
    if (t !== undefined && t >= window.start && t < window.end) samples.push(now - t)
  }
  const elements = doc.getMap<unknown>(DocName.elements)
  elements.observeDeep((events) => {
    const now = performance.now()
    for (const e of events) {
      const id = e.path[0]
      if (typeof id === 'string') record(id, elements.get(id), now)
      else for (const key of (e as Y.YMapEvent<unknown>).keysChanged) record(key, elements.get(key), now)
    }
  })
  return samples
}

async function runLoad(server: RunningServer, p: Params, signal: AbortSignal): Promise<ResultRow['metrics']> {
  const [url] = await server.makeRooms(1)
  if (url === undefined) throw new Error('no room')
  const tally = new Tally()
  const window: MeasureWindow = { start: Infinity, end: Infinity }
  // Observers keep a full replica (they see the edits); the others only count what they receive.
  const simulated = p.clients - (p.browser ? 1 : 0)
  const clients = Array.from(
    { length: simulated },
    (_, i) => new SimClient(url, server.handshake, i < p.observers, tally),
  )
  const cursorProbes = clients.slice(0, p.observers).map((c) => new AwarenessProbe(c, c.doc.clientID, window))
  const sent = new Map<string, Map<number, number>>()
  const editProbes = clients.slice(0, p.observers).map((c) => editProbe(c.doc, sent, window))
  const clocks = new Int32Array(simulated).fill(-1)
  const seqs = new Int32Array(simulated)
  let peer: BrowserPeer | null = null
  const ctx = (i: number): EditContext => ({ personId: `person-${i}`, meeting: null })
  try {
    await connectAll(clients, signal)
    if (p.browser) peer = await openBrowserPeer(pageUrlOf(url))
    // Every participant's element exists before the window: moves are then small updates, as in a drag.
    clients.forEach((c, i) => {
      if (i >= p.observers)
        addElement(c.doc, { id: `e${i}`, type: 'note', x: 0, y: i * 200, label: `Lapp ${i}` }, ctx(i))
    })
    await waitFor(
      () =>
        clients
          .slice(0, p.observers)
          .every((o) => o.doc.getMap(DocName.elements).size >= simulated - p.observers),
      { timeoutMs: 20_000, signal, what: 'observers to receive every element' },
    )
    // One edit every `every` presence sends across the room: editsPerS in total.
    const every = Math.max(1, Math.round((simulated * p.cursorHz) / p.editsPerS))
    let k = 0
    let editTurn = 0
    const scheduled = runSchedule({
      clients: simulated,
      rate: p.cursorHz,
      warmupS: p.warmupS,
      durationS: p.durationS,
      serverPid: server.pid,
      tally,
      window,
      signal,
      send: (i, now) => {
        const client = clients[i] as SimClient
        const clock = (clocks[i] as number) + 1
        clocks[i] = clock
        client.sendAwareness({ clientId: client.doc.clientID, clock, state: presence(i, clock, now) })
        if (k++ % every !== 0) return
        // The edits go round the participants who are not observers (observers only watch).
        const e = p.observers + (editTurn++ % (simulated - p.observers))
        const seq = (seqs[e] as number) + 1
        seqs[e] = seq
        const id = `e${e}`
        let times = sent.get(id)
        if (!times) sent.set(id, (times = new Map()))
        times.set(seq, now)
        setElementPositions((clients[e] as SimClient).doc, [{ id, x: seq, y: e * 200 }], ctx(e))
      },
    })
    // runSchedule has set the window by now (synchronously, before its first wait).
    const pageMeasure = peer?.measure(window) ?? null
    const schedule = await scheduled
    const page = pageMeasure ? await pageMeasure : {}
    const stale = (): number => {
      let s = 0
      cursorProbes.forEach((probe, o) => {
        clients.forEach((c, i) => {
          if (i !== o && (probe.lastClock.get(c.doc.clientID) ?? -1) < (clocks[i] as number)) s++
        })
      })
      return s
    }
    await waitUntil(() => stale() === 0, {
      timeoutMs: p.drainTimeoutS * 1000,
      intervalMs: 5,
      signal,
      what: 'observers to receive every last presence state',
    })
    const cursor = distribution(
      Float64Array.from(cursorProbes.flatMap((pr) => Array.from(pr.samples.values()))),
    )
    const edits = distribution(Float64Array.from(editProbes.flatMap((s) => Array.from(s.values()))))
    const w = schedule.windowSeconds
    const sentWindow = schedule.sentInWindow.reduce((a, b) => a + b, 0)
    // Every presence message goes to every connection of the room, the sender's included (S5).
    const deliveries = sentWindow * p.clients
    return {
      cursor_p50_ms: cursor.p50,
      cursor_p95_ms: cursor.p95,
      cursor_p99_ms: cursor.p99,
      cursor_max_ms: cursor.max,
      cursor_n: cursor.n,
      edit_p50_ms: edits.p50,
      edit_p99_ms: edits.p99,
      edit_n: edits.n,
      presence_sent_per_s: sentWindow / w,
      delivered_msgs_per_s: tally.messages / w,
      recv_mb_per_s: tally.bytes / 1e6 / w,
      server_cpu_pct: schedule.serverCpuPercent,
      cpu_us_per_delivery:
        schedule.serverCpuSeconds !== null && deliveries > 0
          ? (schedule.serverCpuSeconds * 1e6) / deliveries
          : null,
      lost_states: stale(),
      late_sends: schedule.lateSends,
      errors: tally.errors,
      loadgen_cpu_pct: schedule.loadgenCpuPercent,
      loadgen_loop_p99_ms: schedule.loadgenLoopP99Ms,
      ...page,
    }
  } finally {
    await peer?.close()
    await closeAll(clients)
  }
}

async function runOne(
  scenario: Scenario,
  target: TargetName,
  rep: number,
  o: SuiteOptions,
): Promise<ResultRow> {
  const params = scenario.params(o.quick)
  const base = {
    suite: 'facilitation',
    scenario: scenario.name,
    target,
    rep,
    startedAt: new Date().toISOString(),
    params: { ...params },
    loadAvg: loadavg().map((x) => Math.round(x * 100) / 100),
  }
  const env = { repoRoot: o.repoRoot, nodeArgs: o.nodeArgs }
  const problem = unavailable(target, env)
  if (problem) return { ...base, ok: false, fatal: problem, metrics: {} }
  const busyBefore = await o.waitForQuiet()
  const machineAtStart = machineCpu()
  const ownAtStart = process.cpuUsage()
  const wallAtStart = performance.now()
  const controller = new AbortController()
  const deadline = (params.warmupS + params.durationS + params.drainTimeoutS) * 1000 + 60_000
  const timer = setTimeout(
    () => controller.abort(new Error(`hard deadline of ${deadline / 1000} s reached`)),
    deadline,
  )
  const aborted = new Promise<never>((_, reject) =>
    controller.signal.addEventListener('abort', () => reject(abortReason(controller.signal)), { once: true }),
  )
  aborted.catch(() => undefined)
  let server: RunningServer | null = null
  let rss: RssSampler | null = null
  try {
    server = await startTarget(target, env)
    rss = new RssSampler(server.pid)
    const metrics = await Promise.race([runLoad(server, params, controller.signal), aborted])
    rss.sample()
    const alive = server.alive()
    const machine = machineCpu()
    const serverCpu = readCpuSeconds(server.pid)
    const own = process.cpuUsage(ownAtStart)
    const others =
      machine && machineAtStart && serverCpu !== null
        ? Math.max(
            0,
            (100 * (machine.busy - machineAtStart.busy - serverCpu - (own.user + own.system) / 1e6)) /
              ((performance.now() - wallAtStart) / 1000),
          )
        : null
    return {
      ...base,
      ok:
        alive &&
        metrics.errors === 0 &&
        metrics.lost_states === 0 &&
        (!params.browser || metrics.page_live === 1),
      fatal: alive ? null : `the server died:\n${server.output()}`,
      metrics: {
        ...metrics,
        peak_rss_mb: rss.peakMb,
        machine_busy_pct_before: busyBefore,
        others_cpu_pct: others,
      },
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    const output = server?.output().trim()
    return {
      ...base,
      ok: false,
      fatal: output ? `${message}\nserver output:\n${output}` : message,
      metrics: {},
    }
  } finally {
    clearTimeout(timer)
    controller.abort(new Error('run finished'))
    rss?.stop()
    await server?.stop()
  }
}

function select<T extends string>(all: readonly T[], only: readonly string[] | null, what: string): T[] {
  if (!only) return [...all]
  const unknown = only.filter((n) => !all.includes(n as T))
  if (unknown.length > 0)
    throw new Error(`unknown ${what}(s): ${unknown.join(', ')}; known: ${all.join(', ')}`)
  return all.filter((x) => only.includes(x))
}

/** The suite's summary: medians over repeats, one row per scenario and target. */
function report(rows: readonly ResultRow[]): string {
  const body: string[][] = []
  for (const [scenario, byTarget] of cells(rows)) {
    for (const [target, c] of byTarget) {
      const m = c.medians
      body.push(
        c.completed === 0
          ? [
              scenario,
              target,
              `0/${c.runs}`,
              (c.fatal ?? '').split('\n')[0] ?? '',
              '',
              '',
              '',
              '',
              '',
              '',
              '',
              '',
            ]
          : [
              scenario,
              target,
              `${c.ok}/${c.runs}`,
              fmt(m.cursor_p50_ms, 1),
              fmt(m.cursor_p95_ms, 1),
              fmt(m.cursor_p99_ms, 1),
              fmt(m.cursor_max_ms, 0),
              fmt(m.edit_p99_ms, 1),
              fmt(m.server_cpu_pct, 0),
              fmt(m.cpu_us_per_delivery, 2),
              fmt(m.delivered_msgs_per_s, 0),
              `${fmt(m.late_sends, 0)} / ${fmt(m.others_cpu_pct, 0)} %`,
            ],
      )
    }
  }
  const main = markdownTable(
    [
      'scenario',
      'server',
      'ok',
      'cursor p50 ms',
      'p95',
      'p99',
      'max',
      'edit p99 ms',
      'server CPU % of a core',
      'server µs per delivery',
      'deliveries/s (all clients)',
      "late sends / others' CPU",
    ],
    body,
  )
  // The real browser's side, where one took part.
  const pages: string[][] = []
  for (const [scenario, byTarget] of cells(rows)) {
    for (const [target, c] of byTarget) {
      const m = c.medians
      if (m.page_main_thread_pct === undefined) continue
      pages.push([
        scenario,
        target,
        fmt(m.page_main_thread_pct, 1),
        fmt(m.page_script_pct, 1),
        fmt(m.page_style_recalcs_per_s, 1),
        fmt(m.page_layouts_per_s, 1),
        fmt(m.page_sent_frames_per_s, 1),
        fmt(m.page_cursors_shown, 0),
      ])
    }
  }
  if (pages.length === 0) return main
  const browser = markdownTable(
    [
      'scenario',
      'server',
      'page main thread %',
      'script %',
      'style recalcs/s',
      'layouts/s',
      'frames sent/s',
      'cursors drawn',
    ],
    pages,
  )
  return `${main}\n\n${browser}`
}

/** The facilitation suite. */
export const facilitationSuite: Suite = {
  name: 'facilitation',
  description: 'presence load of a big meeting: cursors at 15 Hz from every participant plus board edits',
  scenarios: SCENARIOS.map((s) => s.name),
  async run(options) {
    const scenarios = SCENARIOS.filter((s) =>
      select(
        SCENARIOS.map((x) => x.name),
        options.only,
        'scenario',
      ).includes(s.name),
    )
    const targets = select(TARGETS, options.targets, 'target')
    const rows: ResultRow[] = []
    for (let rep = 1; rep <= options.repeat; rep++) {
      for (const scenario of scenarios) {
        // The server order alternates per repeat, so ratios are measured close in time both ways.
        const here = targets.filter((t) => scenario.targets.includes(t))
        const order = rep % 2 === 0 ? [...here].reverse() : here
        for (const target of order) {
          const row = await runOne(scenario, target, rep, options)
          rows.push(row)
          options.onRow(row)
          const m = row.metrics
          options.log(
            row.fatal !== null
              ? `[${rep}] ${scenario.name} · ${target}: FAILED: ${row.fatal.split('\n')[0]}`
              : `[${rep}] ${scenario.name} · ${target}: cursor p50 ${fmt(m.cursor_p50_ms, 1)} p99 ${fmt(m.cursor_p99_ms, 1)} ms, edit p99 ${fmt(m.edit_p99_ms, 1)} ms, server ${fmt(m.server_cpu_pct, 0)} % CPU, late ${fmt(m.late_sends, 0)}, lost ${fmt(m.lost_states, 0)}${row.ok ? '' : '  NOT OK'}`,
          )
        }
      }
    }
    return rows
  },
  report,
}

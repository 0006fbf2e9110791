/**
 * The server suite's summary: a main table (one row per scenario, one column group per server:
 * p50/p99, delivered messages/s, server CPU µs per delivery, peak RSS), and a table of the figures
 * each scenario is really about (drain, losses, CPU %, load times, memory per room and connection).
 * Every figure is the median over the completed repeats.
 */
import type { ResultRow } from '../types.js'
import { cells, fmt, markdownTable, type Cell } from '../lib/summary.js'
import { TARGET_NAMES } from './targets.js'
import { SCENARIOS } from './scenarios/catalog.js'

/** Catalog position of a scenario, so tables keep the catalog's order whatever order rows came in. */
const rank = (name: string): number => {
  const i = SCENARIOS.findIndex((s) => s.name === name)
  return i < 0 ? SCENARIOS.length : i
}

function mainCells(c: Cell | undefined): string[] {
  if (!c) return ['', '', '', '']
  if (c.completed === 0) return ['not measurable', '', '', '']
  const m = c.medians
  const flag = c.ok < c.runs ? ` (${c.ok}/${c.runs} ok)` : ''
  const latency =
    m.latency_p50_ms !== undefined ? `${fmt(m.latency_p50_ms, 2)} / ${fmt(m.latency_p99_ms, 2)}${flag}` : '–'
  return [latency, fmt(m.delivered_msgs_per_s, 0), fmt(m.cpu_us_per_delivery, 2), fmt(m.peak_rss_mb, 0)]
}

function detail(scenario: string, c: Cell): string {
  if (c.completed === 0) return `not measurable: ${c.fatal ?? 'no run completed'}`
  const m = c.medians
  const ok = `${c.ok}/${c.runs} runs ok, other processes ${fmt(m.others_cpu_pct, 0)} % CPU`
  if (scenario.startsWith('fanout') || scenario.startsWith('rooms') || scenario.startsWith('awareness')) {
    return [
      `sent ${fmt(m.sent_per_s, 0)}/s, delivered ${fmt(m.delivered_msgs_per_s, 0)}/s of ${fmt(m.expected_msgs_per_s, 0)}/s to others` +
        (m.awareness_msgs_per_s !== undefined ? ` in ${fmt(m.awareness_msgs_per_s, 0)} messages/s` : ''),
      `p95 ${fmt(m.latency_p95_ms, 2)}, max ${fmt(m.latency_max_ms, 1)} ms`,
      `server CPU ${fmt(m.server_cpu_pct, 0)} %`,
      `drain ${fmt(m.drain_ms, 0)} ms, lost ${fmt(m.lost_updates, 0)}, state lost ${fmt(m.server_state_lost, 0)}, diverged ${fmt(m.diverged, 0)}`,
      `harness CPU ${fmt(m.loadgen_cpu_pct, 0)} %, loop p99 ${fmt(m.loadgen_loop_p99_ms, 1)} ms, late ${fmt(m.late_sends, 0)}`,
      ok,
    ].join('; ')
  }
  if (scenario.startsWith('connect')) {
    return `all synced ${fmt(m.all_synced_ms, 0)} ms (per client p50 ${fmt(m.latency_p50_ms, 0)} ms, sockets open p50 ${fmt(m.open_p50_ms, 0)} ms), step 2 ${fmt(m.step2_bytes, 0)} B, failed ${fmt(m.failed, 0)}; ${ok}`
  }
  if (scenario.startsWith('coldload')) {
    const kb = (v: number | null | undefined): string => fmt(v === null || v === undefined ? v : v / 1024, 0)
    return `load p50 ${fmt(m.load_p50_ms, 0)} ms (max ${fmt(m.load_max_ms, 0)}), step 2 after ${fmt(m.step2_p50_ms, 0)} ms with ${kb(m.step2_bytes)} KB (document ${kb(m.state_bytes)} KB); incomplete ${fmt(m.incomplete_loads, 0)}; ${ok}`
  }
  if (scenario.startsWith('memory-rooms')) {
    return `RSS ${fmt(m.kb_per_idle_room, 1)} KB per idle loaded room (${fmt(m.kb_per_room_with_connection, 1)} KB with its connection), retained heap ${fmt(m.retained_kb_per_idle_room, 1)} KB (${fmt(m.retained_kb_per_room_with_connection, 1)} KB); RSS ${fmt(m.rss_before_mb, 0)} → ${fmt(m.rss_connected_mb, 0)} → ${fmt(m.rss_idle_mb, 0)} MB; ${ok}`
  }
  if (scenario.startsWith('memory-conns')) {
    return `RSS ${fmt(m.kb_per_connection, 1)} KB per idle connection, retained heap ${fmt(m.retained_kb_per_connection, 1)} KB; RSS ${fmt(m.rss_before_mb, 0)} → ${fmt(m.rss_connected_mb, 0)} MB; ${ok}`
  }
  return ok
}

/** Markdown summary of server-suite rows. */
export function serverReport(rows: readonly ResultRow[]): string {
  const grid = new Map([...cells(rows)].sort(([a], [b]) => rank(a) - rank(b)))
  const targets = TARGET_NAMES.filter((t) => rows.some((r) => r.target === t))
  const reps = Math.max(0, ...rows.map((r) => r.rep))
  const header = ['scenario']
  for (const t of targets) header.push(`${t} p50 / p99 ms`, 'delivered/s', 'CPU µs/deliv', 'peak RSS MB')
  const main = [...grid].map(([scenario, byTarget]) => [
    scenario,
    ...targets.flatMap((t) => mainCells(byTarget.get(t))),
  ])
  const details: string[][] = []
  for (const [scenario, byTarget] of grid) {
    for (const t of targets) {
      const c = byTarget.get(t)
      if (c) details.push([scenario, t, detail(scenario, c)])
    }
  }
  return [
    `Medians of ${reps} repeat(s). p50 / p99: send → applied at an observer (connect: per-client time to synced; coldload: time to the whole board). delivered/s: updates (or presence states) received by all clients (echo servers include each sender's echo). CPU µs/deliv: server CPU seconds in the window / (updates sent × (room size − 1)).`,
    '',
    markdownTable(header, main),
    '',
    markdownTable(['scenario', 'server', 'figures'], details),
  ].join('\n')
}

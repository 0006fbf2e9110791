/**
 * `server`: the sync-server benchmarks of issue 2. Every scenario runs against circleboard (SQLite on),
 * the reference y-websocket 1.5.4 server and a plain ws relay, each a fresh process per run, repeated
 * and interleaved (repeat -> scenario -> server, the server order rotating per repeat) so that ratios
 * between servers are measured close in time on a machine whose load drifts.
 */
import { loadavg } from 'node:os'
import type { ResultRow, Suite, SuiteOptions } from '../types.js'
import { readCpuSeconds, RssSampler } from '../lib/procStats.js'
import { machineCpu } from '../lib/machine.js'
import { abortReason } from '../lib/time.js'
import { SCENARIOS } from '../server/scenarios/catalog.js'
import type { Scenario } from '../server/scenarios/types.js'
import { serverReport } from '../server/report.js'
import {
  startTarget,
  TARGET_NAMES,
  unavailable,
  type RunningServer,
  type TargetName,
} from '../server/targets.js'
import { fmt } from '../lib/summary.js'

function selectScenarios(only: readonly string[] | null): Scenario[] {
  if (!only) return [...SCENARIOS]
  const unknown = only.filter((n) => !SCENARIOS.some((s) => s.name === n || s.name.startsWith(`${n}-`)))
  if (unknown.length > 0) throw new Error(`unknown scenario(s): ${unknown.join(', ')}`)
  return SCENARIOS.filter((s) => only.some((n) => s.name === n || s.name.startsWith(`${n}-`)))
}

function selectTargets(only: readonly string[] | null): TargetName[] {
  if (!only) return [...TARGET_NAMES]
  const unknown = only.filter((n) => !(TARGET_NAMES as readonly string[]).includes(n))
  if (unknown.length > 0) throw new Error(`unknown target(s): ${unknown.join(', ')}`)
  return TARGET_NAMES.filter((t) => only.includes(t))
}

/** Rotates `xs` left by `by`: repeat 2 starts with the second server, and so on. */
function rotate<T>(xs: readonly T[], by: number): T[] {
  const k = xs.length === 0 ? 0 : by % xs.length
  return [...xs.slice(k), ...xs.slice(0, k)]
}

async function runOne(
  scenario: Scenario,
  target: TargetName,
  rep: number,
  options: SuiteOptions,
): Promise<ResultRow> {
  const params = scenario.params(options.quick)
  const start = scenario.startOptions(target)
  const base = {
    suite: 'server',
    scenario: scenario.name,
    target,
    rep,
    startedAt: new Date().toISOString(),
    params,
    loadAvg: loadavg().map((x) => Math.round(x * 100) / 100),
  }
  const env = { repoRoot: options.repoRoot, nodeArgs: options.nodeArgs }
  const problem = unavailable(target, env, start)
  if (problem) return { ...base, ok: false, fatal: problem, metrics: {} }
  const busyBefore = await options.waitForQuiet()
  const machineAtStart = machineCpu()
  const ownAtStart = process.cpuUsage()
  const wallAtStart = performance.now()
  const deadlineMs = scenario.deadlineMs(params)
  const controller = new AbortController()
  const timer = setTimeout(
    () => controller.abort(new Error(`hard deadline of ${deadlineMs / 1000} s reached`)),
    deadlineMs,
  )
  const aborted = new Promise<never>((_, reject) =>
    controller.signal.addEventListener('abort', () => reject(abortReason(controller.signal)), {
      once: true,
    }),
  )
  // The race below may leave this promise rejected and unobserved when the scenario wins.
  aborted.catch(() => undefined)
  let server: RunningServer | null = null
  let rss: RssSampler | null = null
  try {
    server = await startTarget(target, env, start)
    rss = new RssSampler(server.pid)
    const ctx = { server, rss, signal: controller.signal, log: options.log }
    const result = await Promise.race([scenario.run(ctx, params), aborted])
    rss.sample()
    const alive = server.alive()
    const others = othersCpuPercent(machineAtStart, ownAtStart, wallAtStart, server.pid)
    return {
      ...base,
      ok: result.ok && alive,
      fatal: alive ? null : `the server died:\n${server.output()}`,
      metrics: {
        ...result.metrics,
        peak_rss_mb: rss.peakMb,
        machine_busy_pct_before: busyBefore,
        others_cpu_pct: others,
      },
      ...(result.details ? { details: result.details } : {}),
    }
  } catch (err) {
    const output = server?.output().trim()
    const message = err instanceof Error ? err.message : String(err)
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

/**
 * CPU that processes other than the server and this load generator used since the run started, in
 * percent of one core: the share of the machine that somebody else's work took from the benchmark.
 */
function othersCpuPercent(
  machineAtStart: { busy: number } | null,
  ownAtStart: NodeJS.CpuUsage,
  wallAtStart: number,
  serverPid: number,
): number | null {
  const machine = machineCpu()
  const server = readCpuSeconds(serverPid)
  if (!machine || !machineAtStart || server === null) return null
  const own = process.cpuUsage(ownAtStart)
  const others = machine.busy - machineAtStart.busy - server - (own.user + own.system) / 1e6
  return Math.max(0, (100 * others) / ((performance.now() - wallAtStart) / 1000))
}

function progressLine(row: ResultRow): string {
  const m = row.metrics
  const head = `[${row.rep}] ${row.scenario} · ${row.target}:`
  if (row.fatal !== null) return `${head} FAILED: ${row.fatal.split('\n')[0]}`
  const figures: string[] = []
  if (m.latency_p50_ms !== undefined)
    figures.push(`p50 ${fmt(m.latency_p50_ms, 2)} p99 ${fmt(m.latency_p99_ms, 2)} ms`)
  if (m.all_synced_ms !== undefined) figures.push(`all synced ${fmt(m.all_synced_ms, 0)} ms`)
  if (m.delivered_msgs_per_s !== undefined) figures.push(`${fmt(m.delivered_msgs_per_s, 0)} msgs/s`)
  if (m.cpu_us_per_delivery !== undefined) figures.push(`${fmt(m.cpu_us_per_delivery, 2)} µs/deliv`)
  if (m.kb_per_idle_room !== undefined) figures.push(`${fmt(m.kb_per_idle_room, 1)} KB/room`)
  if (m.kb_per_connection !== undefined) figures.push(`${fmt(m.kb_per_connection, 1)} KB/conn`)
  figures.push(`peak RSS ${fmt(m.peak_rss_mb, 0)} MB`)
  figures.push(`others ${fmt(m.others_cpu_pct, 0)} % CPU`)
  return `${head} ${figures.join(', ')}${row.ok ? '' : '  NOT OK'}`
}

/** The server suite. */
export const serverSuite: Suite = {
  name: 'server',
  description: 'sync-server load: circleboard vs the reference y-websocket server vs a plain ws relay',
  scenarios: SCENARIOS.map((s) => s.name),
  async run(options) {
    const scenarios = selectScenarios(options.only)
    const targets = selectTargets(options.targets)
    const rows: ResultRow[] = []
    for (let rep = 1; rep <= options.repeat; rep++) {
      for (const scenario of scenarios) {
        for (const target of rotate(
          targets.filter((t) => scenario.targets.includes(t)),
          rep - 1,
        )) {
          const row = await runOne(scenario, target, rep, options)
          rows.push(row)
          options.onRow(row)
          options.log(progressLine(row))
        }
      }
    }
    return rows
  },
  report: serverReport,
}

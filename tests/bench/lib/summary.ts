/** Grouping result rows and taking medians over repeats, for the Markdown summaries. */
import type { ResultRow } from '../types.js'
import { median } from './stats.js'

/** The runs of one scenario against one target. */
export interface Cell {
  readonly scenario: string
  readonly target: string
  readonly runs: number
  /** Runs that completed (no fatal error); medians are over these. */
  readonly completed: number
  /** Completed runs with nothing lost, diverged or failed. */
  readonly ok: number
  readonly fatal: string | null
  /** Median of each metric over the completed runs. */
  readonly medians: Readonly<Record<string, number | null>>
}

/** Cells keyed by `scenario` then `target`, in first-seen order. */
export function cells(rows: readonly ResultRow[]): Map<string, Map<string, Cell>> {
  const groups = new Map<string, Map<string, ResultRow[]>>()
  for (const row of rows) {
    let byTarget = groups.get(row.scenario)
    if (!byTarget) groups.set(row.scenario, (byTarget = new Map()))
    const list = byTarget.get(row.target)
    if (list) list.push(row)
    else byTarget.set(row.target, [row])
  }
  const out = new Map<string, Map<string, Cell>>()
  for (const [scenario, byTarget] of groups) {
    const m = new Map<string, Cell>()
    for (const [target, list] of byTarget) {
      const done = list.filter((r) => r.fatal === null)
      const keys = new Set(done.flatMap((r) => Object.keys(r.metrics)))
      const medians: Record<string, number | null> = {}
      for (const k of keys) medians[k] = median(done.map((r) => r.metrics[k]))
      m.set(target, {
        scenario,
        target,
        runs: list.length,
        completed: done.length,
        ok: done.filter((r) => r.ok).length,
        fatal: list.find((r) => r.fatal !== null)?.fatal ?? null,
        medians,
      })
    }
    out.set(scenario, m)
  }
  return out
}

/** A number for a table: `digits` significant decimals, `k` for thousands, a dash for nothing. */
export function fmt(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–'
  if (Math.abs(v) >= 10_000) return `${(v / 1000).toFixed(1)}k`
  if (Math.abs(v) >= 100) return v.toFixed(0)
  return v.toFixed(digits)
}

/** A Markdown table from a header and rows of cells. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** The summary for suites without their own: one row per scenario and target, every metric's median. */
export function genericReport(rows: readonly ResultRow[]): string {
  const body: string[][] = []
  for (const [scenario, byTarget] of cells(rows)) {
    for (const [target, c] of byTarget) {
      const figures = Object.entries(c.medians)
        .map(([k, v]) => `${k} ${fmt(v, 2)}`)
        .join(', ')
      body.push([scenario, target, `${c.ok}/${c.runs}`, c.fatal ?? figures])
    }
  }
  return markdownTable(['scenario', 'target', 'ok', 'medians'], body)
}

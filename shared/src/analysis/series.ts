/**
 * Indicators over time: the headline indicators of each snapshot, for the small charts that show how the
 * map grew and which gaps closed over the circle's meetings. Centrality is left out (it is not a
 * headline number and is the one costly part), so a series of ten snapshots stays cheap.
 */
import type { BoardData } from '../model/types.js'
import { headlineIndicators, integrationIndicators } from './indicators.js'
import type { HeadlineIndicators } from './indicators.js'

/** One snapshot to chart. */
export interface SeriesSnapshot {
  readonly label: string
  /** The meeting the snapshot closes, or `null` for one taken outside meetings. */
  readonly meeting: number | null
  /** Unix ms. */
  readonly takenAt: number
  readonly board: BoardData
}

/** The headline indicators of one snapshot. */
export interface SeriesPoint extends HeadlineIndicators {
  readonly label: string
  readonly meeting: number | null
  readonly takenAt: number
}

/**
 * Headline indicators per snapshot, in time order (`takenAt`, then meeting number, then the order given).
 * A snapshot whose `takenAt` is not a finite number sorts last.
 */
export function indicatorSeries(snapshots: readonly SeriesSnapshot[]): SeriesPoint[] {
  const time = (t: number): number => (Number.isFinite(t) ? t : Number.POSITIVE_INFINITY)
  const meeting = (m: number | null): number => (typeof m === 'number' ? m : Number.POSITIVE_INFINITY)
  return snapshots
    .map((s, order) => ({ s, order }))
    .sort(
      (a, b) =>
        time(a.s.takenAt) - time(b.s.takenAt) ||
        meeting(a.s.meeting) - meeting(b.s.meeting) ||
        a.order - b.order,
    )
    .map(({ s }) => ({
      label: s.label,
      meeting: s.meeting,
      takenAt: s.takenAt,
      ...headlineIndicators(integrationIndicators(s.board, { centrality: false })),
    }))
}

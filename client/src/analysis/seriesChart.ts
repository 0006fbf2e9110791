/**
 * The small charts of the indicators over the meetings' snapshots: which indicators, and each chart's
 * geometry (points and a polyline in an SVG box). The values themselves come from shared
 * `indicatorSeries`; the live board is the last point.
 */
import type { HeadlineIndicators, SeriesPoint } from '@circleboard/shared'

/** The indicators charted, in order: the map's size, its gaps, then how connected it is. */
export const SERIES_INDICATORS = [
  'elements',
  'links',
  'resourcesContributingToNoValue',
  'valuesNoResourceContributesTo',
  'actorsProvidingNothing',
  'organisationsWithoutLinks',
  'organisationPairs',
  'components',
  'isolatedElements',
] as const satisfies readonly (keyof HeadlineIndicators)[]

/** One of `SERIES_INDICATORS`. */
export type SeriesIndicator = (typeof SERIES_INDICATORS)[number]

/** Gaps: fewer is better (the chart says so, so a falling line reads as progress). */
export const LOWER_IS_BETTER: ReadonlySet<SeriesIndicator> = new Set([
  'resourcesContributingToNoValue',
  'valuesNoResourceContributesTo',
  'actorsProvidingNothing',
  'organisationsWithoutLinks',
  'components',
  'isolatedElements',
])

/** A chart's drawing in a `width` x `height` box. */
export interface ChartGeometry {
  readonly points: readonly { readonly x: number; readonly y: number; readonly value: number }[]
  /** SVG polyline points attribute. */
  readonly polyline: string
  /** Largest value (the top of the scale; at least 1). */
  readonly max: number
}

/** Margins of a chart's plot inside its box, in SVG units: room for the scale on the left, names below. */
export const CHART_MARGIN = { left: 26, right: 8, top: 8, bottom: 18 } as const

/** Points of `values` from left to right, 0 at the bottom and the largest value at the top. */
export function chartGeometry(values: readonly number[], width: number, height: number): ChartGeometry {
  const max = Math.max(1, ...values.filter((v) => Number.isFinite(v)))
  const { left, right, top, bottom } = CHART_MARGIN
  const innerW = width - left - right
  const innerH = height - top - bottom
  const step = values.length > 1 ? innerW / (values.length - 1) : 0
  const points = values.map((value, i) => ({
    x: round(left + (values.length > 1 ? i * step : innerW / 2)),
    y: round(top + innerH - (Math.max(0, value) / max) * innerH),
    value,
  }))
  return { points, polyline: points.map((p) => `${p.x},${p.y}`).join(' '), max }
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}

/** The values of one indicator along the series. */
export function seriesValues(points: readonly SeriesPoint[], indicator: SeriesIndicator): number[] {
  return points.map((p) => p[indicator])
}

/**
 * One indicator over the snapshots: a small line chart (SVG, described in words for screen readers) and
 * the same values as a table. Gaps are marked "fewer is better", so a falling line reads as progress.
 */
import { useId } from 'react'
import type { SeriesPoint } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import type { MessageKey } from '../i18n/en.js'
import {
  CHART_MARGIN,
  LOWER_IS_BETTER,
  chartGeometry,
  seriesValues,
  type SeriesIndicator,
} from './seriesChart.js'

const WIDTH = 300
const HEIGHT = 90

/** Name of each charted indicator. */
export const SERIES_NAMES: Readonly<Record<SeriesIndicator, MessageKey>> = {
  elements: 'series.ind.elements',
  links: 'series.ind.links',
  resourcesContributingToNoValue: 'analysis.gap.resources',
  valuesNoResourceContributesTo: 'analysis.gap.values',
  actorsProvidingNothing: 'analysis.gap.actors',
  organisationsWithoutLinks: 'analysis.gap.organisations',
  organisationPairs: 'series.ind.organisationPairs',
  components: 'series.ind.components',
  isolatedElements: 'series.ind.isolatedElements',
}

export function SeriesChart({
  indicator,
  points,
}: {
  indicator: SeriesIndicator
  points: readonly SeriesPoint[]
}) {
  const { t } = useI18n()
  const titleId = useId()
  const values = seriesValues(points, indicator)
  const g = chartGeometry(values, WIDTH, HEIGHT)
  const title = t(SERIES_NAMES[indicator])
  const description =
    points.length === 0
      ? ''
      : t('series.describe', {
          first: points[0]!.label,
          from: values[0]!,
          last: points[points.length - 1]!.label,
          to: values[values.length - 1]!,
        })
  return (
    <figure className="series-chart" data-indicator={indicator}>
      <figcaption id={titleId}>
        {title}
        {LOWER_IS_BETTER.has(indicator) && (
          <span className="muted small"> · {t('series.lowerIsBetter')}</span>
        )}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={titleId}>
        <desc>{description}</desc>
        <line
          x1={CHART_MARGIN.left}
          x2={WIDTH - CHART_MARGIN.right}
          y1={HEIGHT - CHART_MARGIN.bottom}
          y2={HEIGHT - CHART_MARGIN.bottom}
          className="axis"
        />
        <text x={CHART_MARGIN.left - 4} y={CHART_MARGIN.top + 4} textAnchor="end" className="axis-label">
          {g.max}
        </text>
        <text
          x={CHART_MARGIN.left - 4}
          y={HEIGHT - CHART_MARGIN.bottom + 3}
          textAnchor="end"
          className="axis-label"
        >
          0
        </text>
        {points.length > 1 && (
          <text x={CHART_MARGIN.left} y={HEIGHT - 3} className="axis-label">
            {points[0]!.label}
          </text>
        )}
        {points.length > 0 && (
          <text x={WIDTH - CHART_MARGIN.right} y={HEIGHT - 3} textAnchor="end" className="axis-label">
            {points[points.length - 1]!.label}
          </text>
        )}
        {g.points.length > 1 && <polyline points={g.polyline} className="line" />}
        {g.points.map((p, i) => (
          <circle key={i} cx={p.x} cy={p.y} r="3" className={i === g.points.length - 1 ? 'dot now' : 'dot'}>
            <title>{`${points[i]!.label}: ${p.value}`}</title>
          </circle>
        ))}
      </svg>
      <details>
        <summary className="small">{t('series.values')}</summary>
        <table className="analysis-table">
          <thead>
            <tr>
              <th scope="col">{t('series.snapshot')}</th>
              <th scope="col">{title}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={i}>
                <th scope="row">{p.label}</th>
                <td>{values[i]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}

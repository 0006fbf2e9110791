/**
 * Contributions per group as horizontal stacked bars (SVG), in the order given, with a legend of the
 * contribution kinds and the same figures as a table for screen readers and for copying.
 */
import { useId } from 'react'
import {
  ANONYMOUS_GROUP,
  ROLES,
  UNSPECIFIED_GROUP,
  type ParticipationGroup,
  type Role,
} from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import type { MessageKey } from '../i18n/en.js'
import { CONTRIBUTION_KINDS, participationBars, type ContributionKind } from './participationChart.js'

const KIND_NAMES: Readonly<Record<ContributionKind, MessageKey>> = {
  elementsCreated: 'participation.kind.elementsCreated',
  linksCreated: 'participation.kind.linksCreated',
  changes: 'participation.kind.changes',
  votes: 'participation.kind.votes',
  labelEdits: 'participation.kind.labelEdits',
}

const BAR_H = 16
const ROW_H = 40
const WIDTH = 300

/**
 * The group's label in the UI language: the reserved groups and the roles of the links (facilitator,
 * participant, viewer) are words of the app; roles and organisations people typed stay as they wrote them.
 */
function groupLabel(label: string, t: (k: MessageKey) => string): string {
  if (label === ANONYMOUS_GROUP) return t('participation.anonymous')
  if (label === UNSPECIFIED_GROUP) return t('participation.unspecified')
  if ((ROLES as readonly string[]).includes(label)) return t(`role.${label as Role}`)
  return label
}

export function ParticipationChart({
  groups,
  title,
}: {
  groups: readonly ParticipationGroup[]
  title: string
}) {
  const { t } = useI18n()
  const titleId = useId()
  const bars = participationBars(groups)
  const kinds = CONTRIBUTION_KINDS.filter((k) => k !== 'labelEdits' || groups.some((g) => g.labelEdits > 0))
  if (bars.length === 0) return <p className="muted">{t('participation.nothing')}</p>
  return (
    <figure className="participation-chart">
      <figcaption id={titleId}>{title}</figcaption>
      <ul className="chart-legend small" aria-hidden="true">
        {kinds.map((k) => (
          <li key={k}>
            <span className={`swatch kind-${k}`} />
            {t(KIND_NAMES[k])}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${WIDTH} ${bars.length * ROW_H}`} width="100%" role="img" aria-labelledby={titleId}>
        <desc>{t('participation.chartDescription')}</desc>
        {bars.map((bar, i) => (
          <g key={bar.key} transform={`translate(0 ${i * ROW_H})`}>
            <text x="0" y="12" className="bar-label">
              {`${groupLabel(bar.label, t)} · ${bar.total}`}
            </text>
            <rect x="0" y="18" width={WIDTH} height={BAR_H} className="bar-track" />
            {bar.segments.map((s) => (
              <rect
                key={s.kind}
                x={s.start * WIDTH}
                y="18"
                width={Math.max(1, s.size * WIDTH)}
                height={BAR_H}
                className={`bar kind-${s.kind}`}
              >
                <title>{`${t(KIND_NAMES[s.kind])}: ${s.value}`}</title>
              </rect>
            ))}
          </g>
        ))}
      </svg>
      <details>
        <summary className="small">{t('participation.table')}</summary>
        <div className="matrix-scroll">
          <table className="analysis-table">
            <thead>
              <tr>
                <th scope="col">{t('participation.group')}</th>
                {kinds.map((k) => (
                  <th key={k} scope="col">
                    {t(KIND_NAMES[k])}
                  </th>
                ))}
                <th scope="col">{t('participation.people')}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.key}>
                  <th scope="row">{groupLabel(g.label, t)}</th>
                  {kinds.map((k) => (
                    <td key={k}>{g[k]}</td>
                  ))}
                  <td>
                    {g.key === ANONYMOUS_GROUP
                      ? '–'
                      : t('participation.contributors', { n: g.contributors, of: g.members })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  )
}

/**
 * Central actors, ranked: by betweenness (who brokers between actors: how often an actor lies on the
 * shortest paths between two others in the actor network) or by degree (how many elements an actor is
 * linked to). Each row reveals its actor. Says when betweenness was estimated (very large boards only).
 */
import { useState } from 'react'
import type { CentralityResult } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { FindingButton, LIST_LIMIT } from './FindingList.js'
import { rankActors, type ActorRanking } from './findings.js'
import type { ElementNaming } from './hooks.js'

export function CentralityTable({
  centrality,
  naming,
}: {
  centrality: CentralityResult
  naming: ElementNaming
}) {
  const { t, formatNumber } = useI18n()
  const [by, setBy] = useState<ActorRanking>('betweenness')
  const [all, setAll] = useState(false)
  if (centrality.actors.length === 0) return <p className="muted small">{t('analysis.centrality.none')}</p>
  const ranked = rankActors(centrality, by, naming.label)
  const shown = all ? ranked : ranked.slice(0, LIST_LIMIT)
  return (
    <>
      <p className="muted small">{t('analysis.centrality.help')}</p>
      <fieldset className="analysis-choice">
        <legend>{t('analysis.centrality.rankBy')}</legend>
        {(['betweenness', 'degree'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="rank-by" checked={by === k} onChange={() => setBy(k)} />
            {t(k === 'betweenness' ? 'analysis.centrality.betweenness' : 'analysis.centrality.degree')}
          </label>
        ))}
      </fieldset>
      {!centrality.betweennessExact && <p className="muted small">{t('analysis.centrality.estimated')}</p>}
      <table className="analysis-table centrality">
        <thead>
          <tr>
            <th scope="col">{t('analysis.centrality.rank')}</th>
            <th scope="col">{t('analysis.centrality.actor')}</th>
            <th scope="col">{t('analysis.centrality.degree')}</th>
            <th scope="col">{t('analysis.centrality.betweenness')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((a, i) => (
            <tr key={a.actorId}>
              <td>{i + 1}</td>
              <th scope="row">
                <FindingButton finding={{ kind: 'actor', actor: a }}>{naming.label(a.actorId)}</FindingButton>
              </th>
              <td>{a.degree}</td>
              <td>{formatNumber(Math.round(a.betweenness * 1000) / 1000)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!all && ranked.length > LIST_LIMIT && (
        <button type="button" className="analysis-link" onClick={() => setAll(true)}>
          {t('analysis.showAll', { count: ranked.length })}
        </button>
      )}
    </>
  )
}

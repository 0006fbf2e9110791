/**
 * The integration analysis of the live board: the gaps (resources that feed no value outcome, value
 * outcomes nothing feeds, actors that provide nothing, organisations linked to no other), how many
 * organisations feed each value outcome, who integrates with whom, central actors, and islands. Updates
 * as the board changes (the engine recomputes after a quiet moment); every finding reveals its elements.
 */
import { useBoardModel } from '../board/BoardModel.js'
import { useI18n } from '../i18n/index.js'
import type { MessageKey } from '../i18n/en.js'
import type { AnalysisSession } from './AnalysisSession.js'
import { CentralityTable } from './CentralityTable.js'
import { FindingButton, FindingList } from './FindingList.js'
import { GAP_LISTS, feedsByReach, gapFindings, type GapList } from './findings.js'
import { useElementNaming, useLiveAnalysis } from './hooks.js'
import { OrganisationMatrixTable } from './OrganisationMatrixTable.js'
import { OverlayControls } from './OverlayControls.js'

const GAP_TITLES: Readonly<Record<GapList, MessageKey>> = {
  resourcesContributingToNoValue: 'analysis.gap.resources',
  valuesNoResourceContributesTo: 'analysis.gap.values',
  actorsProvidingNothing: 'analysis.gap.actors',
  organisationsWithoutLinks: 'analysis.gap.organisations',
}

const GAP_HELP: Readonly<Record<GapList, MessageKey>> = {
  resourcesContributingToNoValue: 'analysis.gap.resourcesHelp',
  valuesNoResourceContributesTo: 'analysis.gap.valuesHelp',
  actorsProvidingNothing: 'analysis.gap.actorsHelp',
  organisationsWithoutLinks: 'analysis.gap.organisationsHelp',
}

export function MapTab({ session }: { session: AnalysisSession }) {
  const { t } = useI18n()
  const model = useBoardModel()
  const naming = useElementNaming(model)
  const result = useLiveAnalysis(session)
  if (result === null) return <p className="muted">{t('analysis.computing')}</p>
  const r = result.indicators
  const ignored = r.ignored.danglingLinks.length + r.ignored.selfLinks.length + r.ignored.invalidLinks.length

  return (
    <div className="analysis-map" data-revision={result.revision} data-ms={Math.round(result.ms)}>
      <p className="muted small" role="status">
        {t('analysis.summary', { elements: r.counts.elements, links: r.counts.links })}
      </p>
      <OverlayControls session={session} />

      <details open className="analysis-section" data-section="gaps">
        <summary>{t('analysis.section.gaps')}</summary>
        {GAP_LISTS.map((list) => (
          <FindingList
            key={list}
            title={t(GAP_TITLES[list])}
            help={t(GAP_HELP[list])}
            items={gapFindings(r, list)}
            empty={t('analysis.none')}
            render={(f) =>
              f.kind === 'element' && (
                <FindingButton finding={f}>
                  <span className="finding-label">{naming.label(f.id)}</span>
                  <span className="finding-meta">{naming.type(f.id)}</span>
                </FindingButton>
              )
            }
          />
        ))}
      </details>

      <details open className="analysis-section" data-section="feeds">
        <summary>{t('analysis.section.feeds')}</summary>
        <FindingList
          title={t('analysis.feeds.title')}
          help={t('analysis.feeds.help')}
          items={feedsByReach(r.organisationsFeedingEachValue, naming.label)}
          empty={t('analysis.feeds.none')}
          render={(feed) => (
            <FindingButton finding={{ kind: 'feed', feed }}>
              <span className="finding-label">{naming.label(feed.valueId)}</span>
              <span className="finding-meta">
                {t('analysis.feeds.count', { count: feed.count })}
                {feed.count > 0 && `: ${feed.organisationIds.map(naming.label).join(', ')}`}
              </span>
            </FindingButton>
          )}
        />
      </details>

      <details open className="analysis-section" data-section="matrix">
        <summary>{t('analysis.section.matrix')}</summary>
        <OrganisationMatrixTable matrix={r.organisationMatrix} naming={naming} />
      </details>

      <details open className="analysis-section" data-section="centrality">
        <summary>{t('analysis.section.centrality')}</summary>
        {r.centrality && <CentralityTable centrality={r.centrality} naming={naming} />}
      </details>

      <details open className="analysis-section" data-section="islands">
        <summary>{t('analysis.section.islands')}</summary>
        <FindingList
          title={t('analysis.islands.title')}
          help={t('analysis.islands.help')}
          items={r.components}
          empty={t('analysis.none')}
          render={(island) => (
            <FindingButton finding={{ kind: 'island', island }}>
              <span className="finding-label">{t('analysis.islands.size', { count: island.size })}</span>
              <span className="finding-meta">
                {island.elementIds.slice(0, 4).map(naming.label).join(', ')}
                {island.size > 4 ? ', …' : ''}
              </span>
            </FindingButton>
          )}
        />
      </details>

      {(ignored > 0 || r.counts.invalidRecords > 0) && (
        <p className="muted small">
          {t('analysis.ignored', { links: ignored, records: r.counts.invalidRecords })}
        </p>
      )}
    </div>
  )
}

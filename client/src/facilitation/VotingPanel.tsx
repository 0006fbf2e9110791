/**
 * The "Voting" panel, for everyone: the round under way (votes left, and every eligible element with
 * buttons to add or take back a vote: the keyboard's way to vote), the revealed results ranked, and the
 * earlier rounds kept in the board's record.
 */
import { useMemo } from 'react'
import { BOARD_VOTES, readVoteRecords, type VoteRecord } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { revealElement } from '../canvas/cameraActions.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { useBoardRevision, useStore, useYVersion } from './hooks.js'
import { isEligible, rankResults, votesLeft } from './votes.js'
import { voteFor } from './boardHooks.js'

/** The voting panel's body. */
export function VotingPanel({ session }: { session: FacilitationSession }) {
  const { t } = useI18n()
  const { state } = useStore(session.control)
  const drafts = useStore(session.drafts)
  const revision = useBoardRevision(session)
  const { model, conn } = session.feature
  const votesMap = conn.doc.getMap(BOARD_VOTES)
  const recordsVersion = useYVersion(votesMap)
  const records = useMemo(
    () => (recordsVersion >= 0 ? readVoteRecords(conn.doc).reverse() : []),
    [conn, recordsVersion],
  )
  const round = state.voting
  const labelOf = useMemo(() => {
    void revision
    return (id: string): string | null => {
      const e = model.store.element(id)
      return e ? e.label || t('fac.voting.unlabelled') : null
    }
  }, [model, revision, t])
  const eligible = useMemo(() => {
    void revision
    if (!round || round.status !== 'open') return []
    return model.store
      .allElements()
      .filter((e) => isEligible(e, round.scope))
      .sort((a, b) => a.label.localeCompare(b.label, undefined, { sensitivity: 'base' }))
  }, [model, revision, round])
  const canVote = session.feature.role !== 'viewer'

  return (
    <div className="fac-voting">
      {!round || round.status === 'closed' ? (
        <p className="muted">{t('fac.voting.none')}</p>
      ) : (
        <section className="fac-section">
          <h3>{round.title || t('fac.voting.untitled')}</h3>
          {round.status === 'open' && canVote && (
            <>
              <p role="status">
                {t('fac.voting.left', { left: votesLeft(round, drafts.votes), total: round.votesPerPerson })}
              </p>
              <p className="muted fac-hint">{t('fac.voting.howTo')}</p>
              <ul className="fac-list fac-vote-list" aria-label={t('fac.voting.eligible')}>
                {eligible.map((e) => {
                  const mine = drafts.votes[e.id] ?? 0
                  const label = e.label || t('fac.voting.unlabelled')
                  return (
                    <li key={e.id} className="fac-vote-item">
                      <span className="fac-vote-label">{label}</span>
                      <span className="fac-vote-mine" aria-label={t('fac.voting.mine', { count: mine })}>
                        {'●'.repeat(mine)}
                      </span>
                      <button
                        type="button"
                        className="fac-small fac-secondary"
                        aria-label={t('fac.voting.remove', { label })}
                        disabled={mine === 0}
                        onClick={() => voteFor(session, e.id, -1)}
                      >
                        −
                      </button>
                      <button
                        type="button"
                        className="fac-small"
                        aria-label={t('fac.voting.add', { label })}
                        disabled={votesLeft(round, drafts.votes) === 0}
                        onClick={() => voteFor(session, e.id, 1)}
                      >
                        +
                      </button>
                    </li>
                  )
                })}
              </ul>
            </>
          )}
          {round.status === 'reveal-requested' && <p role="status">{t('fac.voting.revealing')}</p>}
          {round.status === 'revealed' && round.results && (
            <Results
              results={round.results}
              voters={round.voters}
              labelOf={labelOf}
              onShow={(id) => revealElement(model, id)}
            />
          )}
        </section>
      )}
      {records.length > 0 && (
        <section className="fac-section">
          <h3>{t('fac.voting.past')}</h3>
          {records.map((r) => (
            <PastRound key={r.id} record={r} labelOf={labelOf} onShow={(id) => revealElement(model, id)} />
          ))}
        </section>
      )}
    </div>
  )
}

function PastRound({
  record,
  labelOf,
  onShow,
}: {
  record: VoteRecord
  labelOf: (id: string) => string | null
  onShow: (id: string) => void
}) {
  const { t, formatDate } = useI18n()
  return (
    <details className="fac-details">
      <summary>
        {t('fac.voting.pastRound', {
          title: record.title || t('fac.voting.untitled'),
          date: formatDate(record.revealedAt, 'datetime'),
          voters: record.voters,
        })}
      </summary>
      <Results results={record.results} voters={record.voters} labelOf={labelOf} onShow={onShow} />
    </details>
  )
}

function Results({
  results,
  voters,
  labelOf,
  onShow,
}: {
  results: Readonly<Record<string, number>>
  voters: number
  labelOf: (id: string) => string | null
  onShow: (id: string) => void
}) {
  const { t } = useI18n()
  const lines = rankResults(results, labelOf)
  return (
    <div className="fac-results">
      <p className="muted">
        {voters === 1 ? t('fac.voting.revealedOne') : t('fac.voting.revealed', { voters })}
      </p>
      <ol className="fac-list fac-ranked" aria-label={t('fac.voting.results')}>
        {lines.map((line) => (
          <li key={line.elementId} data-votes={line.votes}>
            <span className="fac-rank">{line.rank}.</span>
            {line.exists ? (
              <button type="button" className="fac-link" onClick={() => onShow(line.elementId)}>
                {line.label}
              </button>
            ) : (
              <span className="muted">{t('fac.voting.deleted')}</span>
            )}
            <span className="fac-count">
              {line.votes === 1 ? t('fac.voting.oneVote') : t('fac.voting.votes', { count: line.votes })}
            </span>
          </li>
        ))}
      </ol>
    </div>
  )
}

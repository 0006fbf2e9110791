/** The facilitator's voting controls: open a round (scope, votes per person), reveal, end. */
import { useId, useState } from 'react'
import {
  ELEMENT_TYPES,
  ELEMENT_TYPE_NAMES,
  MAX_VOTES_PER_PERSON,
  closeVoting,
  openVoting,
  requestVoteReveal,
  type VoteScope,
} from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { useStore } from './hooks.js'
import { onControl } from './actions.js'

/** Element types a round can be limited to (arenas are places, not ideas to vote on). */
const SCOPES: readonly VoteScope[] = ['all', ...ELEMENT_TYPES.filter((type) => type !== 'arena')]

/** Voting section of the facilitation panel. */
export function VotingControls({ session }: { session: FacilitationSession }) {
  const { t, lang } = useI18n()
  const id = useId()
  const { state } = useStore(session.control)
  const round = state.voting
  const [title, setTitle] = useState('')
  const [scope, setScope] = useState<VoteScope>('all')
  const [votes, setVotes] = useState('3')
  const n = Number(votes)
  const valid = Number.isInteger(n) && n >= 1 && n <= MAX_VOTES_PER_PERSON
  const active = round !== null && round.status !== 'closed'
  return (
    <section className="fac-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('fac.voting.title')}</h3>
      {active ? (
        <>
          <p className="muted">
            {round.status === 'open'
              ? t('fac.voting.statusOpen', { votes: round.votesPerPerson })
              : round.status === 'reveal-requested'
                ? t('fac.voting.revealing')
                : round.voters === 1
                  ? t('fac.voting.revealedOne')
                  : t('fac.voting.revealed', { voters: round.voters })}
          </p>
          <div className="fac-row">
            {round.status === 'open' && (
              <button
                type="button"
                onClick={() => onControl(session, (doc, _n, o) => requestVoteReveal(doc, o))}
              >
                {t('fac.voting.reveal')}
              </button>
            )}
            <button
              type="button"
              className="fac-secondary"
              onClick={() => onControl(session, (doc, _n, o) => closeVoting(doc, o))}
            >
              {t('fac.voting.end')}
            </button>
          </div>
        </>
      ) : (
        <form
          className="fac-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (!valid) return
            const ok = onControl(session, (doc, now, o) => {
              openVoting(doc, { title, scope, votesPerPerson: n }, now, o)
            })
            if (ok) setTitle('')
          }}
        >
          <label>
            {t('fac.voting.roundTitle')}
            <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <div className="fac-row">
            <label className="fac-inline" htmlFor={`${id}-scope`}>
              {t('fac.voting.scope')}
            </label>
            <select id={`${id}-scope`} value={scope} onChange={(e) => setScope(e.target.value as VoteScope)}>
              {SCOPES.map((s) => (
                <option key={s} value={s}>
                  {s === 'all' ? t('fac.voting.scopeAll') : ELEMENT_TYPE_NAMES[lang][s].many}
                </option>
              ))}
            </select>
            <label className="fac-inline">
              {t('fac.voting.votesPerPerson')}
              <input
                type="number"
                min={1}
                max={MAX_VOTES_PER_PERSON}
                value={votes}
                onChange={(e) => setVotes(e.target.value)}
              />
            </label>
          </div>
          <button type="submit" disabled={!valid}>
            {t('fac.voting.start')}
          </button>
        </form>
      )}
    </section>
  )
}

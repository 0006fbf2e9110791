/**
 * The facilitation bar under the toolbar, for everyone: the running meeting and the current agenda step,
 * the lock, a voting round (votes left, how to vote), a silent brainstorm (new notes are private), whom
 * this person follows (with a way out), and facilitation handed to this person. Each line is a polite
 * status, so a screen reader hears it when it changes.
 */
import type { ReactNode } from 'react'
import { useI18n } from '../i18n/index.js'
import { useWorkspace } from '../board/BoardWorkspace.js'
import { createElement } from '../board/actions.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { useDerived, usePeople, useStore } from './hooks.js'
import { votesLeft } from './votes.js'

/** The banner; nothing when there is nothing to say. */
export function Banner({ session }: { session: FacilitationSession }) {
  const { t } = useI18n()
  const workspace = useWorkspace()
  const { state } = useStore(session.control)
  const drafts = useStore(session.drafts)
  const follow = useStore(session.follow.view)
  const people = usePeople(session)
  const facilitates = useDerived(session.control, (c) => session.canFacilitate(c.state))
  const { model, personId, role } = session.feature
  const items: ReactNode[] = []
  const s = state.session

  if (s.meeting)
    items.push(
      <span key="meeting" className="fac-chip">
        {t('fac.meetings.banner', { number: s.meeting.number })}
      </span>,
    )
  const step = state.agenda[s.agendaStep]
  if (step !== undefined)
    items.push(
      <span key="agenda" className="fac-chip" data-testid="agenda-step">
        {t('fac.agenda.current', { n: s.agendaStep + 1, total: state.agenda.length, step })}
      </span>,
    )
  if (s.locked)
    items.push(
      <span key="lock" className="fac-chip fac-chip-warn" data-testid="lock-notice">
        {facilitates ? t('fac.lock.lockedForParticipants') : t('fac.lock.notice')}
      </span>,
    )
  const round = state.voting
  if (round && round.status === 'open' && role !== 'viewer')
    items.push(
      <span key="vote" className="fac-chip fac-chip-accent">
        {t('fac.voting.bannerOpen', { left: votesLeft(round, drafts.votes), total: round.votesPerPerson })}{' '}
        <button type="button" className="fac-link" onClick={() => workspace.togglePanel('voting')}>
          {t('fac.voting.openPanel')}
        </button>
      </span>,
    )
  if (round && round.status === 'revealed')
    items.push(
      <span key="vote" className="fac-chip fac-chip-accent">
        {t('fac.voting.bannerRevealed')}{' '}
        <button type="button" className="fac-link" onClick={() => workspace.togglePanel('voting')}>
          {t('fac.voting.showResults')}
        </button>
      </span>,
    )
  const b = s.brainstorm
  if (b && b.status === 'collecting' && role !== 'viewer')
    items.push(
      <span key="brainstorm" className="fac-chip fac-chip-private">
        {t('fac.brainstorm.banner', { count: drafts.notes.filter((n) => n.brainstorm === b.id).length })}{' '}
        <button type="button" className="fac-link" onClick={() => createElement(model, 'note')}>
          {t('fac.drafts.add')}
        </button>
      </span>,
    )
  if (follow.target && follow.target.reason !== 'screen') {
    const name = people.find((p) => p.id === follow.target?.personId)?.name ?? '…'
    items.push(
      <span key="follow" className="fac-chip fac-chip-follow">
        {follow.target.reason === 'bring'
          ? t('fac.follow.brought', { name })
          : t('fac.follow.following', { name })}{' '}
        <button type="button" className="fac-link" onClick={() => session.follow.stopFollowing()}>
          {t('fac.follow.stop')}
        </button>
      </span>,
    )
  }
  if (personId !== null && s.delegates.includes(personId))
    items.push(
      <span key="delegate" className="fac-chip">
        {t('fac.handover.youAreDelegate')}
      </span>,
    )
  if (items.length === 0) return null
  return (
    <div className="fac-banner" role="status" aria-live="polite">
      {items}
    </div>
  )
}

/**
 * The "Facilitation" panel, for facilitators and delegates: bring everyone here, lock, the timer,
 * voting, the silent brainstorm, the agenda, the shared screen's join link, and handover. Each control
 * writes the control document; the server accepts it only from facilitators and delegates.
 */
import { setFollow, setLocked } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { useDerived } from './hooks.js'
import { onControl } from './actions.js'
import { TimerControls } from './TimerControls.js'
import { VotingControls } from './VotingControls.js'
import { BrainstormControls } from './BrainstormControls.js'
import { AgendaControls } from './AgendaControls.js'
import { HandoverControls } from './HandoverControls.js'
import { JoinLinkToggle } from './JoinLinkToggle.js'

/** The facilitation panel's body. */
export function FacilitatePanel({ session }: { session: FacilitationSession }) {
  const { t } = useI18n()
  const me = session.feature.personId
  const bringing = useDerived(session.control, (c) => c.state.session.follow.active)
  const leader = useDerived(session.control, (c) => c.state.session.follow.leader)
  const locked = useDerived(session.control, (c) => c.state.session.locked)
  const connected = useDerived(session.control, (c) => c.loaded)
  return (
    <div className="fac-facilitate">
      {!connected && <p className="muted">{t('fac.control.connecting')}</p>}
      <section className="fac-section">
        <div className="fac-row">
          {bringing ? (
            <button
              type="button"
              onClick={() => onControl(session, (doc, now, o) => setFollow(doc, null, now, o))}
            >
              {t('fac.follow.stopBringing')}
            </button>
          ) : (
            <button
              type="button"
              disabled={me === null}
              onClick={() => onControl(session, (doc, now, o) => setFollow(doc, me, now, o))}
            >
              {t('fac.follow.bringEveryone')}
            </button>
          )}
          <button
            type="button"
            className={locked ? '' : 'fac-secondary'}
            onClick={() => onControl(session, (doc, _n, o) => setLocked(doc, !locked, o))}
          >
            {locked ? t('fac.lock.unlock') : t('fac.lock.lock')}
          </button>
        </div>
        <p className="muted fac-hint">
          {bringing && leader === me ? t('fac.follow.bringActive') : t('fac.follow.bringHelp')}
          {locked ? ` ${t('fac.lock.lockedForParticipants')}` : ''}
        </p>
      </section>
      <TimerControls session={session} />
      <VotingControls session={session} />
      <BrainstormControls session={session} />
      <AgendaControls session={session} />
      <section className="fac-section">
        <h3>{t('fac.screen.title')}</h3>
        <JoinLinkToggle session={session} />
      </section>
      <HandoverControls session={session} />
    </div>
  )
}

/**
 * The meeting room's shared screen (a viewer link opens in it): the board full size and read-only,
 * following whoever facilitates, zoomed a little closer for a room that reads from a distance (follow.ts
 * bias), with the current agenda step, the timer (TimerFace, larger here) and, when the facilitator puts
 * it on screen, a QR code and short link to join as a participant. A few discreet controls for whoever
 * sets the screen up: follow the facilitator again, hide cursors, mute, full screen, leave this view.
 */
import { useEffect } from 'react'
import { useI18n } from '../i18n/index.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { useDerived, usePeople, useStore } from './hooks.js'
import { QrCode } from './QrCode.js'
import { joinUrl } from './joinLink.js'

/** Marks the page as the shared screen (the stylesheet hides the toolbar and panels). */
function useScreenClass(): void {
  useEffect(() => {
    document.documentElement.classList.add('cb-screen')
    return () => document.documentElement.classList.remove('cb-screen')
  }, [])
}

/** Everything the shared screen adds over the canvas. */
export function ScreenOverlay({ session }: { session: FacilitationSession }) {
  const { t } = useI18n()
  useScreenClass()
  const screen = useStore(session.screen)
  const follow = useStore(session.follow.view)
  const people = usePeople(session)
  const joinPath = useDerived(session.control, (c) => c.joinPath)
  const agenda = useDerived(session.control, (c) => {
    const step = c.state.agenda[c.state.session.agendaStep]
    return step === undefined
      ? null
      : t('fac.agenda.current', { n: c.state.session.agendaStep + 1, total: c.state.agenda.length, step })
  })
  const meeting = useDerived(session.control, (c) => c.state.session.meeting?.number ?? null)
  const leaderName = people.find((p) => p.id === follow.target?.personId)?.name ?? null
  const url = joinPath ? joinUrl(joinPath) : null
  return (
    <>
      <div className="canvas-overlay fac-screen-controls" role="group" aria-label={t('fac.screen.controls')}>
        <span className="fac-screen-status" role="status">
          {leaderName ? t('fac.screen.following', { name: leaderName }) : t('fac.screen.notFollowing')}
        </span>
        {follow.target === null && (
          <button type="button" className="fac-small" onClick={() => session.follow.resumeScreen()}>
            {t('fac.screen.follow')}
          </button>
        )}
        <button
          type="button"
          className="fac-small fac-secondary"
          aria-pressed={screen.hideCursors}
          onClick={() => session.setScreen({ hideCursors: !screen.hideCursors })}
        >
          {t('fac.screen.hideCursors')}
        </button>
        <button
          type="button"
          className="fac-small fac-secondary"
          aria-pressed={screen.muted}
          onClick={() => session.setScreen({ muted: !screen.muted })}
        >
          {t('fac.screen.mute')}
        </button>
        <button
          type="button"
          className="fac-small fac-secondary"
          onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
        >
          {t('fac.screen.fullscreen')}
        </button>
        <button
          type="button"
          className="fac-small fac-secondary"
          onClick={() => session.setScreen({ on: false })}
        >
          {t('fac.screen.leave')}
        </button>
      </div>
      {(agenda || meeting !== null) && (
        <div className="canvas-overlay fac-screen-agenda">
          {meeting !== null && (
            <span className="fac-screen-meeting">{t('fac.meetings.banner', { number: meeting })}</span>
          )}
          {agenda && <span data-testid="screen-agenda">{agenda}</span>}
        </div>
      )}
      {url && (
        <figure className="canvas-overlay fac-screen-join" data-testid="screen-join">
          <QrCode text={url} label={t('fac.screen.qr')} size={180} />
          <figcaption>
            <strong>{t('fac.screen.join')}</strong>
            <span className="fac-screen-url">{url}</span>
          </figcaption>
        </figure>
      )}
    </>
  )
}

/**
 * The shared countdown, shown to everyone at the top of the board while a timer is set going (and on the
 * shared screen, larger). The digits are a `role="timer"` element; because a screen reader reading every
 * second would drown the meeting, a polite status line says only the moments that matter (a minute left,
 * time is up).
 */
import { useI18n } from '../i18n/index.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { useStore } from './hooks.js'
import { formatCountdown } from './timer.js'

/** The countdown face over the canvas. */
export function TimerFace({ session }: { session: FacilitationSession }) {
  const { t } = useI18n()
  const view = useStore(session.timer.view)
  if (view.phase === 'idle') return null
  const announce =
    view.phase === 'done'
      ? t('fac.timer.done')
      : view.phase === 'running' && view.seconds <= 60
        ? t('fac.timer.oneMinute')
        : ''
  return (
    <div
      className={`canvas-overlay fac-timer fac-timer-${view.phase}${view.alarm ? ' fac-timer-alarm' : ''}`}
      data-phase={view.phase}
    >
      <span role="timer" aria-label={t('fac.timer.label')} className="fac-timer-digits">
        {formatCountdown(view.seconds)}
      </span>
      {view.phase === 'paused' && <span className="fac-timer-state">{t('fac.timer.paused')}</span>}
      {view.phase === 'done' && <span className="fac-timer-state">{t('fac.timer.done')}</span>}
      <span className="visually-hidden" role="status">
        {announce}
      </span>
    </div>
  )
}

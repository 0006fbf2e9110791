/** The facilitator's timer controls: set, start, pause, add a minute, reset, sound at zero. */
import { useId, useState } from 'react'
import {
  MAX_TIMER_MS,
  addTimerMinute,
  pauseTimer,
  resetTimer,
  setTimer,
  setTimerSound,
  startTimer,
} from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { useDerived, useStore } from './hooks.js'
import { onControl } from './actions.js'
import { formatCountdown } from './timer.js'

/** Timer section of the facilitation panel. */
export function TimerControls({ session }: { session: FacilitationSession }) {
  const { t } = useI18n()
  const id = useId()
  const running = useDerived(session.control, (c) => c.state.timer.running)
  const sound = useDerived(session.control, (c) => c.state.timer.sound)
  const durationMs = useDerived(session.control, (c) => c.state.timer.durationMs)
  const view = useStore(session.timer.view)
  const [minutes, setMinutes] = useState(() => String(Math.round(durationMs / 60_000) || 5))
  const parsed = Number(minutes.replace(',', '.'))
  const valid = Number.isFinite(parsed) && parsed > 0 && parsed * 60_000 <= MAX_TIMER_MS
  return (
    <section className="fac-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('fac.timer.title')}</h3>
      <p className="muted">{t(`fac.timer.status.${view.phase}`, { time: formatCountdown(view.seconds) })}</p>
      <form
        className="fac-row"
        onSubmit={(e) => {
          e.preventDefault()
          if (valid) onControl(session, (doc, _now, origin) => setTimer(doc, parsed * 60_000, origin))
        }}
      >
        <label className="fac-inline">
          {t('fac.timer.minutes')}
          <input
            type="number"
            min={1}
            max={MAX_TIMER_MS / 60_000}
            step="any"
            inputMode="decimal"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </label>
        <button type="submit" className="fac-secondary" disabled={!valid}>
          {t('fac.timer.set')}
        </button>
      </form>
      <div className="fac-row">
        {running ? (
          <button type="button" onClick={() => onControl(session, (doc, now, o) => pauseTimer(doc, now, o))}>
            {t('fac.timer.pause')}
          </button>
        ) : (
          <button type="button" onClick={() => onControl(session, (doc, now, o) => startTimer(doc, now, o))}>
            {t('fac.timer.start')}
          </button>
        )}
        <button
          type="button"
          className="fac-secondary"
          onClick={() => onControl(session, (doc, now, o) => addTimerMinute(doc, now, o))}
        >
          {t('fac.timer.addMinute')}
        </button>
        <button
          type="button"
          className="fac-secondary"
          onClick={() => onControl(session, (doc, _now, o) => resetTimer(doc, o))}
        >
          {t('fac.timer.reset')}
        </button>
      </div>
      <label className="fac-check">
        <input
          type="checkbox"
          checked={sound}
          onChange={(e) => {
            const on = e.target.checked
            onControl(session, (doc, _now, o) => setTimerSound(doc, on, o))
          }}
        />
        {t('fac.timer.sound')}
      </label>
    </section>
  )
}

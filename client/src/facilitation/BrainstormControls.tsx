/** The facilitator's silent brainstorm controls: start (optionally anonymous), reveal, cancel. */
import { useId, useState } from 'react'
import { cancelBrainstorm, requestBrainstormReveal, startBrainstorm } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { useDerived } from './hooks.js'
import { onControl } from './actions.js'

/** Brainstorm section of the facilitation panel. */
export function BrainstormControls({ session }: { session: FacilitationSession }) {
  const { t } = useI18n()
  const id = useId()
  const status = useDerived(session.control, (c) => c.state.session.brainstorm?.status ?? null)
  const revealed = useDerived(session.control, (c) => c.state.session.brainstorm?.revealedCount ?? 0)
  const [anonymous, setAnonymous] = useState(false)
  const collecting = status === 'collecting'
  return (
    <section className="fac-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('fac.brainstorm.title')}</h3>
      <p className="muted">
        {collecting
          ? t('fac.brainstorm.statusCollecting')
          : status === 'reveal-requested'
            ? t('fac.brainstorm.revealing')
            : status === 'revealed'
              ? t('fac.brainstorm.revealed', { count: revealed })
              : t('fac.brainstorm.help')}
      </p>
      <label className="fac-check">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        {t('fac.brainstorm.anonymous')}
      </label>
      <div className="fac-row">
        {collecting ? (
          <>
            <button
              type="button"
              onClick={() => onControl(session, (doc, _n, o) => requestBrainstormReveal(doc, anonymous, o))}
            >
              {t('fac.brainstorm.reveal')}
            </button>
            <button
              type="button"
              className="fac-secondary"
              onClick={() => onControl(session, (doc, _n, o) => cancelBrainstorm(doc, o))}
            >
              {t('fac.brainstorm.cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            disabled={status === 'reveal-requested'}
            onClick={() => onControl(session, (doc, now, o) => void startBrainstorm(doc, anonymous, now, o))}
          >
            {t('fac.brainstorm.start')}
          </button>
        )}
      </div>
    </section>
  )
}

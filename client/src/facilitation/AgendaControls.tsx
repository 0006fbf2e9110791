/** The facilitator's agenda: edit the steps (one per line) and move the current step shown to everyone. */
import { useId, useState } from 'react'
import { MAX_AGENDA_STEPS, setAgenda, setAgendaStep } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { useDerived } from './hooks.js'
import { onControl } from './actions.js'
import { parseLines } from './meetings.js'

/** Agenda section of the facilitation panel. */
export function AgendaControls({ session }: { session: FacilitationSession }) {
  const { t } = useI18n()
  const id = useId()
  const stored = useDerived(session.control, (c) => c.state.agenda.join('\n'))
  const step = useDerived(session.control, (c) => c.state.session.agendaStep)
  const steps = stored ? stored.split('\n') : []
  // The text being edited; `null` while it simply shows what is stored (others may change it meanwhile).
  const [draft, setDraft] = useState<string | null>(null)
  const go = (index: number): void => void onControl(session, (doc, _n, o) => setAgendaStep(doc, index, o))
  return (
    <section className="fac-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('fac.agenda.title')}</h3>
      {steps.length > 0 && (
        <>
          <ol className="fac-list fac-agenda">
            {steps.map((s, i) => (
              <li key={i} aria-current={i === step ? 'step' : undefined}>
                <button type="button" className="fac-link" onClick={() => go(i)}>
                  {s}
                </button>
              </li>
            ))}
          </ol>
          <div className="fac-row">
            <button type="button" className="fac-secondary" disabled={step <= 0} onClick={() => go(step - 1)}>
              {t('fac.agenda.previous')}
            </button>
            <button
              type="button"
              className="fac-secondary"
              disabled={step >= steps.length - 1}
              onClick={() => go(step + 1)}
            >
              {t('fac.agenda.next')}
            </button>
          </div>
        </>
      )}
      <form
        className="fac-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (draft === null) return
          const lines = parseLines(draft, MAX_AGENDA_STEPS)
          if (onControl(session, (doc, _n, o) => setAgenda(doc, lines, o))) setDraft(null)
        }}
      >
        <label>
          {t('fac.agenda.steps')}
          <textarea rows={4} value={draft ?? stored} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="submit" className="fac-secondary" disabled={draft === null}>
          {t('fac.agenda.save')}
        </button>
      </form>
    </section>
  )
}

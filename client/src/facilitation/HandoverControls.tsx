/**
 * Handing facilitation over (collective leadership): the facilitator picks a participant who is here;
 * their browser gains the facilitator's controls at once (the server lets delegates write the control
 * document and edit a locked board, server/SPEC.md F3), and the facilitator can take it back. A delegate
 * can give it back.
 */
import { useId, useState } from 'react'
import { setDelegates } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { useDerived, usePeople } from './hooks.js'
import { onControl } from './actions.js'

/** Handover section of the facilitation panel. */
export function HandoverControls({ session }: { session: FacilitationSession }) {
  const { t } = useI18n()
  const id = useId()
  const people = usePeople(session)
  const delegatesKey = useDerived(session.control, (c) => c.state.session.delegates.join('\n'))
  const delegates = delegatesKey ? delegatesKey.split('\n') : []
  const candidates = people.filter((p) => !p.self && !p.screen && p.role === 'participant')
  const [chosen, setChosen] = useState('')
  const target = candidates.some((p) => p.id === chosen) ? chosen : (candidates[0]?.id ?? '')
  const nameOf = (pid: string): string => people.find((p) => p.id === pid)?.name ?? t('fac.handover.absent')
  const iAmDelegate = session.feature.personId !== null && delegates.includes(session.feature.personId)
  return (
    <section className="fac-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('fac.handover.title')}</h3>
      {delegates.length > 0 && (
        <p role="status">{t('fac.handover.delegates', { names: delegates.map(nameOf).join(', ') })}</p>
      )}
      {iAmDelegate ? (
        <button
          type="button"
          className="fac-secondary"
          onClick={() =>
            onControl(session, (doc, _n, o) =>
              setDelegates(
                doc,
                delegates.filter((d) => d !== session.feature.personId),
                o,
              ),
            )
          }
        >
          {t('fac.handover.giveBack')}
        </button>
      ) : (
        <>
          {candidates.length === 0 ? (
            <p className="muted">{t('fac.handover.nobody')}</p>
          ) : (
            <form
              className="fac-row"
              onSubmit={(e) => {
                e.preventDefault()
                if (target) onControl(session, (doc, _n, o) => setDelegates(doc, [target], o))
              }}
            >
              {/* A label beside the select, not around it: its name is "To", not "To" plus the options. */}
              <label className="fac-inline" htmlFor={`${id}-to`}>
                {t('fac.handover.person')}
              </label>
              <select id={`${id}-to`} value={target} onChange={(e) => setChosen(e.target.value)}>
                {candidates.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              <button type="submit">{t('fac.handover.handOver')}</button>
            </form>
          )}
          {delegates.length > 0 && (
            <button
              type="button"
              className="fac-secondary"
              onClick={() => onControl(session, (doc, _n, o) => setDelegates(doc, [], o))}
            >
              {t('fac.handover.takeBack')}
            </button>
          )}
        </>
      )}
    </section>
  )
}

/**
 * The personal-data warning over the canvas: for each label change the guard holds back, what it looks
 * like and the choice ("Remove it", and "Share anyway" where that is allowed); and what the server reported
 * removing. The buttons keep the focus where it is on a mouse press, so the label editor stays open and
 * shows the result of the choice.
 */
import { useSyncExternalStore } from 'react'
import type { PersonalDataKind } from '@circleboard/shared'
import { useBoardModel } from '../board/BoardModel.js'
import { useI18n } from '../i18n/index.js'
import { shownLabel } from '../panels/words.js'
import type { MessageKey } from '../i18n/en.js'
import type { AnalysisSession } from './AnalysisSession.js'
import type { PersonalDataWarningState } from './PersonalDataGuard.js'

const KIND_MESSAGES: Readonly<Record<PersonalDataKind, MessageKey>> = {
  personnummer: 'personalData.found.personnummer',
  samordningsnummer: 'personalData.found.samordningsnummer',
  email: 'personalData.found.email',
  phone: 'personalData.found.phone',
}

/** The kinds found, each once, in the order of `PERSONAL_DATA_KINDS`. */
export function kindsOf(warning: PersonalDataWarningState): PersonalDataKind[] {
  const kinds = new Set(warning.findings.map((f) => f.kind))
  return (Object.keys(KIND_MESSAGES) as PersonalDataKind[]).filter((k) => kinds.has(k))
}

export function PersonalDataWarning({ session }: { session: AnalysisSession }) {
  const { t } = useI18n()
  const model = useBoardModel()
  const { guard } = session
  // Which label it is about, as the others see it now (the editor may be closed by then).
  const where = (w: PersonalDataWarningState): string => {
    const shared = w.target === 'element' ? model.store.element(w.id)?.label : model.store.link(w.id)?.label
    return t('personalData.where', { label: shownLabel(shared ?? '', t('outline.unnamed')) })
  }
  const warnings = useSyncExternalStore(guard.warnings.subscribe, guard.warnings.get)
  const notices = useSyncExternalStore(session.notices.subscribe, session.notices.get)
  if (warnings.length === 0 && notices.length === 0) return null
  const keepFocus = (e: React.MouseEvent): void => e.preventDefault()
  return (
    // Pointer and key events stay here: the canvas would take the focus (closing the label editor) and
    // read keys as its shortcuts.
    <div
      className="canvas-overlay privacy-warnings"
      onPointerDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
    >
      {warnings.map((w) => (
        <section key={w.key} className="privacy-warning" role="alert" aria-label={t('personalData.title')}>
          {kindsOf(w).map((kind) => (
            <p key={kind}>{t(KIND_MESSAGES[kind])}</p>
          ))}
          <p className="muted">{where(w)}</p>
          <p className="muted">{t('personalData.notShared')}</p>
          {!w.canShare && <p className="muted">{t('personalData.checkOn')}</p>}
          <div className="privacy-actions">
            <button type="button" onMouseDown={keepFocus} onClick={() => guard.remove(w.key)}>
              {t('personalData.remove')}
            </button>
            {w.canShare && (
              <button
                type="button"
                className="secondary"
                onMouseDown={keepFocus}
                onClick={() => guard.share(w.key)}
              >
                {t('personalData.share')}
              </button>
            )}
          </div>
        </section>
      ))}
      {notices.map((n) => (
        <section key={n.id} className="privacy-warning is-notice" role="status">
          <p>{t('personalData.serverRemoved')}</p>
          <p className="muted" lang="en">
            {n.reason}
          </p>
          <div className="privacy-actions">
            <button type="button" className="secondary" onClick={() => session.dismissNotice(n.id)}>
              {t('personalData.dismiss')}
            </button>
          </div>
        </section>
      ))}
    </div>
  )
}

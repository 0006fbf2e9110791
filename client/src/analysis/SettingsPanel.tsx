/**
 * Board settings, for the facilitator: pseudonymous mode, the identity-number check, an expiry date
 * (retention), the audit log, and deleting the board (after exporting everything, if they wish). Each
 * setting says what it means; changes are saved at once and errors are shown where they happened.
 */
import { useCallback, useEffect, useId, useState } from 'react'
import { DocName, localOrigin, setPseudonymous } from '@circleboard/shared'
import { useBoardModel } from '../board/BoardModel.js'
import { useI18n } from '../i18n/index.js'
import { useYValue } from '../sync/hooks.js'
import { patchSettings } from './adminApi.js'
import { fetchSettings } from './settingsApi.js'
import type { AnalysisSession } from './AnalysisSession.js'
import { AuditLog } from './AuditLog.js'
import { DeleteBoard } from './DeleteBoard.js'
import { useSignal } from './hooks.js'

/** `YYYY-MM-DD` of an ISO date-time, in the browser's time zone (what a date field shows). */
export function dateInputValue(iso: string | null): string {
  if (iso === null) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Tomorrow as `YYYY-MM-DD`: the earliest expiry the server accepts is in the future. */
export function tomorrow(now: Date = new Date()): string {
  return dateInputValue(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).toISOString())
}

export function SettingsPanel({ session }: { session: AnalysisSession }) {
  const { t, formatDate } = useI18n()
  const model = useBoardModel()
  const { boardId, token } = session.feature
  const settings = useSignal(session.settings)
  const ids = { pseudo: useId(), check: useId(), expiry: useId() }
  const meta = model.doc.getMap<unknown>(DocName.meta)
  const pseudonymous = useYValue(meta, () => meta.get('pseudonymous') === true)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [expiry, setExpiry] = useState(() => dateInputValue(settings.expiresAt))

  // Settings not known yet (the first read failed, or is still on its way): ask again.
  const unknown = settings.identityNumberCheck === null
  useEffect(() => {
    if (!unknown) return
    let live = true
    fetchSettings(boardId, token).then(
      (s) => {
        if (!live) return
        session.settings.set(s)
        setExpiry(dateInputValue(s.expiresAt))
      },
      (err: unknown) => {
        if (live)
          setError(t('boardSettings.failed', { message: err instanceof Error ? err.message : String(err) }))
      },
    )
    return () => {
      live = false
    }
  }, [unknown, boardId, token, session, t])

  const save = useCallback(
    async (patch: Parameters<typeof patchSettings>[2], done: string) => {
      setBusy(true)
      setError(null)
      setSaved(null)
      try {
        const next = await patchSettings(boardId, token, patch)
        session.settings.set(next)
        setExpiry(dateInputValue(next.expiresAt))
        setSaved(done)
      } catch (err) {
        setError(t('boardSettings.failed', { message: err instanceof Error ? err.message : String(err) }))
      } finally {
        setBusy(false)
      }
    },
    [boardId, token, session, t],
  )

  const togglePseudonymous = (value: boolean): void => {
    // A privacy setting is not part of anyone's undo history: its own origin keeps Ctrl+Z from undoing it.
    const origin = localOrigin(model.personId)
    try {
      setPseudonymous(model.doc, value, { ...model.editContext(), origin })
      setSaved(t(value ? 'boardSettings.pseudonymous.on' : 'boardSettings.pseudonymous.off'))
    } catch (err) {
      setError(t('boardSettings.failed', { message: err instanceof Error ? err.message : String(err) }))
    }
  }

  return (
    <div className="settings-panel">
      <section className="settings-section">
        <h3>{t('boardSettings.privacy')}</h3>
        <div className="settings-toggle">
          <input
            id={ids.pseudo}
            type="checkbox"
            checked={pseudonymous}
            onChange={(e) => togglePseudonymous(e.target.checked)}
          />
          <label htmlFor={ids.pseudo}>{t('boardSettings.pseudonymous')}</label>
        </div>
        <p className="muted small">{t('boardSettings.pseudonymous.help')}</p>
        <div className="settings-toggle">
          <input
            id={ids.check}
            type="checkbox"
            checked={settings.identityNumberCheck !== false}
            disabled={busy || settings.identityNumberCheck === null}
            onChange={(e) =>
              void save(
                { identityNumberCheck: e.target.checked },
                t(e.target.checked ? 'boardSettings.check.on' : 'boardSettings.check.off'),
              )
            }
          />
          <label htmlFor={ids.check}>{t('boardSettings.check')}</label>
        </div>
        <p className="muted small">{t('boardSettings.check.help')}</p>
      </section>

      <section className="settings-section">
        <h3>{t('boardSettings.retention')}</h3>
        <p className="muted small">{t('boardSettings.retention.help')}</p>
        <p>
          {settings.expiresAt === null
            ? t('boardSettings.expiry.none')
            : t('boardSettings.expiry.set', { date: formatDate(Date.parse(settings.expiresAt)) })}
        </p>
        <div className="analysis-fields">
          <label htmlFor={ids.expiry}>{t('boardSettings.expiry')}</label>
          <input
            id={ids.expiry}
            type="date"
            min={tomorrow()}
            value={expiry}
            onChange={(e) => setExpiry(e.target.value)}
          />
        </div>
        <div className="settings-actions">
          <button
            type="button"
            disabled={busy || expiry === '' || expiry === dateInputValue(settings.expiresAt)}
            onClick={() => void save({ expiresAt: expiry }, t('boardSettings.expiry.saved'))}
          >
            {t('boardSettings.expiry.save')}
          </button>
          {settings.expiresAt !== null && (
            <button
              type="button"
              className="analysis-secondary"
              disabled={busy}
              onClick={() => void save({ expiresAt: null }, t('boardSettings.expiry.removed'))}
            >
              {t('boardSettings.expiry.remove')}
            </button>
          )}
        </div>
      </section>

      <p role="status" className="small">
        {saved}
      </p>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}

      <AuditLog session={session} />
      <DeleteBoard session={session} />
    </div>
  )
}

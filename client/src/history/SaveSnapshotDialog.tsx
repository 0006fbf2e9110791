/**
 * "Save snapshot": the facilitator names the board's state now ("After the mapping exercise") and the
 * server keeps it (with the time, the running meeting and who took it). The label starts as the running
 * meeting or the date, so saving is two keys: Enter.
 */
import { useState } from 'react'
import { useI18n } from '../i18n/index.js'
import type { FeatureContext } from '../board/features.js'
import { Dialog } from './Dialog.js'
import type { HistoryStore } from './HistoryStore.js'
import { createSnapshot } from './snapshotApi.js'

/** Props of the dialog. */
export interface SaveSnapshotDialogProps {
  readonly feature: FeatureContext
  readonly store: HistoryStore
  /** Told when the snapshot was saved (the panel opens to show it). */
  readonly onSaved: () => void
}

/** Longest label accepted (the server's limit). */
export const MAX_SNAPSHOT_LABEL = 200

export function SaveSnapshotDialog({ feature, store, onSaved }: SaveSnapshotDialogProps) {
  const { t, formatDate } = useI18n()
  const [label, setLabel] = useState(() => {
    const meeting = feature.model.editContext().meeting
    return meeting !== null
      ? t('history.defaultLabelMeeting', { number: meeting })
      : t('history.defaultLabel', { time: formatDate(Date.now(), 'datetime') })
  })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const save = async (): Promise<void> => {
    const trimmed = label.trim()
    if (trimmed === '') {
      setError(t('history.save.empty'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      await createSnapshot(feature.boardId, feature.token, trimmed)
      store.listChanged()
      store.close()
      onSaved()
    } catch (err) {
      setError(t('history.save.failed', { reason: err instanceof Error ? err.message : String(err) }))
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('history.save.title')} onClose={() => store.close()}>
      <form
        className="history-form"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <p className="muted">{t('history.save.help')}</p>
        <label className="history-field-label">
          {t('history.save.label')}
          <input
            type="text"
            value={label}
            maxLength={MAX_SNAPSHOT_LABEL}
            autoFocus
            onChange={(e) => setLabel(e.target.value)}
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="history-actions">
          <button type="button" className="button" onClick={() => store.close()}>
            {t('history.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('history.save.saving') : t('history.save.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

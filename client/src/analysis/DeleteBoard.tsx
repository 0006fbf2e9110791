/**
 * Deleting the board, for the facilitator: a second step that says what goes (the board, its snapshots,
 * its history and its audit log, for everyone, at once), offers to download everything first (the session
 * package), and asks for a deliberate confirmation. Afterwards this browser's copy goes too and the page
 * returns to the start.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { DocName } from '@circleboard/shared'
import { useBoardModel } from '../board/BoardModel.js'
import { useI18n } from '../i18n/index.js'
import { deleteBoard, downloadEverything } from './adminApi.js'
import type { AnalysisSession } from './AnalysisSession.js'

type Step = 'idle' | 'confirm' | 'exporting' | 'deleting'

export function DeleteBoard({ session }: { session: AnalysisSession }) {
  const { t } = useI18n()
  const model = useBoardModel()
  const confirmId = useId()
  const [step, setStep] = useState<Step>('idle')
  const [understood, setUnderstood] = useState(false)
  const [exported, setExported] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const group = useRef<HTMLDivElement>(null)
  const { boardId, token, conn } = session.feature

  // The confirmation takes the focus when it opens, so a keyboard user lands on what it says.
  useEffect(() => {
    if (step === 'confirm') group.current?.focus()
  }, [step])

  const exportFirst = async (): Promise<void> => {
    setStep('exporting')
    setError(null)
    try {
      const title = model.doc.getMap<unknown>(DocName.meta).get('title')
      await downloadEverything(boardId, token, typeof title === 'string' ? title : 'board')
      setExported(true)
    } catch (err) {
      setError(t('boardSettings.failed', { message: err instanceof Error ? err.message : String(err) }))
    } finally {
      setStep('confirm')
    }
  }

  const remove = async (): Promise<void> => {
    setStep('deleting')
    setError(null)
    try {
      await deleteBoard(boardId, token)
      // This browser's cached copy of the board goes too.
      await conn.cache?.clearData().catch(() => {})
      window.location.assign('/')
    } catch (err) {
      setError(t('boardSettings.failed', { message: err instanceof Error ? err.message : String(err) }))
      setStep('confirm')
    }
  }

  return (
    <section className="settings-section danger-zone">
      <h3>{t('boardDelete.title')}</h3>
      {step === 'idle' ? (
        <button type="button" className="analysis-danger" onClick={() => setStep('confirm')}>
          {t('boardDelete.start')}
        </button>
      ) : (
        <div
          ref={group}
          tabIndex={-1}
          role="group"
          aria-label={t('boardDelete.title')}
          className="delete-confirm"
        >
          <p>{t('boardDelete.what')}</p>
          <button
            type="button"
            className="analysis-secondary"
            disabled={step !== 'confirm'}
            onClick={() => void exportFirst()}
          >
            {step === 'exporting' ? t('boardDelete.exporting') : t('boardDelete.exportFirst')}
          </button>
          {exported && (
            <p className="small" role="status">
              {t('boardDelete.exported')}
            </p>
          )}
          <div className="settings-toggle">
            <input
              id={confirmId}
              type="checkbox"
              checked={understood}
              onChange={(e) => setUnderstood(e.target.checked)}
            />
            <label htmlFor={confirmId}>{t('boardDelete.understood')}</label>
          </div>
          <div className="settings-actions">
            <button
              type="button"
              className="analysis-danger"
              disabled={!understood || step !== 'confirm'}
              onClick={() => void remove()}
            >
              {step === 'deleting' ? t('boardDelete.deleting') : t('boardDelete.confirm')}
            </button>
            <button
              type="button"
              className="analysis-secondary"
              disabled={step === 'deleting'}
              onClick={() => {
                setStep('idle')
                setUnderstood(false)
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}

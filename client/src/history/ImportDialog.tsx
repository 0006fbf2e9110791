/**
 * The Import dialog. A board JSON file (circleboard's own export) goes into a new board (then the
 * facilitator link of the new board opens) or is merged into this one, by the server. A CSV table of
 * actors, resources and value outcomes goes through the column mapping step and is added here, laid out
 * beside the board, as one undoable change that reaches everyone through the board's sync.
 */
import { useEffect, useId, useState } from 'react'
import { importBoardJson, type CsvImportResult, type ImportError } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import type { FeatureContext } from '../board/features.js'
import { zoomToSelection } from '../canvas/cameraActions.js'
import { Dialog } from './Dialog.js'
import type { HistoryStore } from './HistoryStore.js'
import { CsvMappingStep } from './CsvMappingStep.js'
import { startMapping, type MappingState } from './csvMappingState.js'
import { placeDrafts, writeDrafts } from './csvPlacement.js'
import { importBoardFile } from './snapshotApi.js'
import { fetchServerFacts } from '../api/api.js'
import './history.css'

/** Props of the dialog. */
export interface ImportDialogProps {
  readonly feature: FeatureContext
  readonly store: HistoryStore
}

type Step =
  | { readonly kind: 'choose' }
  | {
      readonly kind: 'json'
      readonly text: string
      readonly name: string
      readonly problems: readonly ImportError[]
    }
  | { readonly kind: 'csv'; readonly state: MappingState; readonly name: string }

/** Largest file read (the server's import limit is of the same order). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

/** True when a file looks like JSON (by name, else by its first character). */
export function looksLikeJson(name: string, text: string): boolean {
  if (/\.json$/i.test(name)) return true
  if (/\.(csv|tsv|txt)$/i.test(name)) return false
  return text.trimStart().startsWith('{')
}

export function ImportDialog({ feature, store }: ImportDialogProps) {
  const { t } = useI18n()
  const [step, setStep] = useState<Step>({ kind: 'choose' })
  const [into, setInto] = useState<'new' | 'merge'>('new')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)
  const [serverKey, setServerKey] = useState('')
  // A server that asks for its key to create boards asks for it for a board made by an import too.
  const [keyRequired, setKeyRequired] = useState(false)
  const fileId = useId()
  const keyId = useId()
  useEffect(() => {
    let live = true
    fetchServerFacts().then(
      (facts) => live && setKeyRequired(facts.serverKeyRequired),
      () => {},
    )
    return () => {
      live = false
    }
  }, [])

  const readFile = async (file: File): Promise<void> => {
    setMessage(null)
    if (file.size > MAX_IMPORT_BYTES) {
      setMessage({ text: t('import.tooLarge'), error: true })
      return
    }
    const text = await file.text()
    if (looksLikeJson(file.name, text)) {
      const read = importBoardJson(text)
      setStep({ kind: 'json', text, name: file.name, problems: read.ok ? [] : read.error })
      return
    }
    const started = startMapping(text)
    if (!started.ok) {
      const first = started.errors[0]
      setMessage({
        text: t('import.csv.unreadable', { row: first?.row ?? 1, reason: first?.message ?? '' }),
        error: true,
      })
      return
    }
    setStep({ kind: 'csv', state: started.state, name: file.name })
  }

  const importJson = async (text: string): Promise<void> => {
    setBusy(true)
    setMessage(null)
    try {
      const target =
        into === 'new' ? ({ into: 'new' } as const) : ({ into: 'merge', boardId: feature.boardId } as const)
      // Creating a board is authorised by the server key (when there is one), not by this board's link.
      const token = into === 'new' && keyRequired ? serverKey : feature.token
      const outcome = await importBoardFile(text, token, target)
      if (!outcome.ok) {
        const problems = outcome.errors.map((e) => `${e.path}: ${e.message}`).join('; ')
        setMessage({ text: t('import.refused', { reason: problems || outcome.message }), error: true })
      } else if (outcome.board) {
        // The new board opens as its facilitator (its link carries the token in the fragment).
        window.location.assign(outcome.board.links.facilitator)
        return
      } else {
        store.close()
        return
      }
    } catch (err) {
      setMessage({
        text: t('import.failed', { reason: err instanceof Error ? err.message : String(err) }),
        error: true,
      })
    }
    setBusy(false)
  }

  const importCsv = (result: CsvImportResult): void => {
    const { model } = feature
    // History shown on the canvas makes the live board read-only here; the rows go onto the live board.
    store.show({ kind: 'none' })
    if (model.readOnly) {
      setMessage({ text: t('import.readOnly'), error: true })
      return
    }
    setBusy(true)
    try {
      const placed = placeDrafts(result.elements, model.store.allElements())
      const ids = writeDrafts(model, placed)
      model.selection.set(ids)
      zoomToSelection(model)
      store.close()
    } catch (err) {
      setMessage({
        text: t('import.failed', { reason: err instanceof Error ? err.message : String(err) }),
        error: true,
      })
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('import.title')} onClose={() => store.close()} className="history-import">
      {step.kind === 'choose' && (
        <div className="history-form">
          <p className="muted">{t('import.help')}</p>
          <label htmlFor={fileId}>{t('import.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".json,.csv,.tsv,.txt,application/json,text/csv,text/tab-separated-values"
            onChange={(e) => {
              const file = e.target.files?.[0]
              if (file) void readFile(file)
            }}
          />
        </div>
      )}

      {step.kind === 'json' && (
        <form
          className="history-form"
          onSubmit={(e) => {
            e.preventDefault()
            void importJson(step.text)
          }}
        >
          <p>{t('import.json.file', { name: step.name })}</p>
          {step.problems.length > 0 ? (
            <div role="alert">
              <p className="error">{t('import.json.problems', { count: step.problems.length })}</p>
              <ul className="history-problems">
                {step.problems.slice(0, 50).map((p, i) => (
                  <li key={i}>
                    <code>{p.path}</code> {p.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <fieldset className="history-inline">
              <legend>{t('import.json.into')}</legend>
              <label>
                <input type="radio" name="into" checked={into === 'new'} onChange={() => setInto('new')} />{' '}
                {t('import.json.newBoard')}
              </label>
              <label>
                <input
                  type="radio"
                  name="into"
                  checked={into === 'merge'}
                  onChange={() => setInto('merge')}
                />{' '}
                {t('import.json.merge')}
              </label>
            </fieldset>
          )}
          {into === 'new' && keyRequired && step.problems.length === 0 && (
            <div className="history-field-label">
              <label htmlFor={keyId}>{t('start.serverKey')}</label>
              <input
                id={keyId}
                type="password"
                autoComplete="off"
                value={serverKey}
                onChange={(e) => setServerKey(e.target.value)}
              />
              <span className="muted">{t('start.serverKeyHelp')}</span>
            </div>
          )}
          <div className="history-actions">
            <button
              type="button"
              className="history-secondary"
              onClick={() => setStep({ kind: 'choose' })}
              disabled={busy}
            >
              {t('import.back')}
            </button>
            <button
              type="submit"
              className="button"
              disabled={
                busy || step.problems.length > 0 || (into === 'new' && keyRequired && serverKey === '')
              }
            >
              {busy ? t('import.working') : t('import.json.submit')}
            </button>
          </div>
        </form>
      )}

      {step.kind === 'csv' && (
        <CsvMappingStep
          initial={step.state}
          model={feature.model}
          busy={busy}
          onBack={() => setStep({ kind: 'choose' })}
          onImport={importCsv}
        />
      )}

      {message && (
        <p className={message.error ? 'error' : 'history-status'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </Dialog>
  )
}

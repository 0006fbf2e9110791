/**
 * The Export dialog: the formats listed by name (JSON, CSV, GraphML, SVG, PDF, PNG, Markdown minutes,
 * Session package), of the board now or of any snapshot, in English or Swedish. Downloads show how far
 * they are (an indeterminate bar while the size is unknown, as for a streamed zip) and can be cancelled.
 */
import { useId, useRef, useState } from 'react'
import type { Language } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import type { FeatureContext } from '../board/features.js'
import { Dialog } from './Dialog.js'
import type { HistoryStore } from './HistoryStore.js'
import { isAbort, progressFraction, type DownloadProgress } from './download.js'
import { EXPORT_CHOICES, PAPERS, formatBytes, type ExportChoice, type Paper } from './exportFormats.js'
import { runExport, type ExportResult } from './exportRun.js'
import { PNG_SCALES } from './pngPlan.js'
import { useSnapshotList } from './useSnapshotList.js'
import { snapshotName } from './snapshotName.js'
import './history.css'

/** Props of the dialog. */
export interface ExportDialogProps {
  readonly feature: FeatureContext
  readonly store: HistoryStore
}

type Run =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly progress: DownloadProgress }
  | { readonly kind: 'done'; readonly result: ExportResult }
  | { readonly kind: 'failed'; readonly message: string }

const LOCALES: Record<Language, string> = { en: 'en-GB', sv: 'sv-SE' }
const NOW = ''

export function ExportDialog({ feature, store }: ExportDialogProps) {
  const { t, lang: uiLang, formatDate } = useI18n()
  const initialSource = store.get().exportSource
  const list = useSnapshotList(feature, 0)
  const [format, setFormat] = useState<ExportChoice>('zip')
  const [source, setSource] = useState<string>(initialSource?.id ?? NOW)
  const [lang, setLang] = useState<Language>(uiLang)
  const [paper, setPaper] = useState<Paper>('A4')
  const [pngScale, setPngScale] = useState(2)
  const [pngArea, setPngArea] = useState<'board' | 'view'>('board')
  const [pngLegend, setPngLegend] = useState(true)
  const [run, setRun] = useState<Run>({ kind: 'idle' })
  const abort = useRef<AbortController | null>(null)
  const ids = { source: useId(), lang: useId(), scale: useId(), progress: useId() }
  const snapshots = list.snapshots ?? (initialSource ? [initialSource] : [])
  const locale = LOCALES[uiLang]

  const start = async (): Promise<void> => {
    const controller = new AbortController()
    abort.current = controller
    setRun({ kind: 'running', progress: { received: 0, total: null } })
    try {
      const snapshot = source === NOW ? null : (snapshots.find((s) => s.id === source) ?? null)
      const result = await runExport(
        feature,
        { format, snapshot, lang, paper, pngScale, pngArea, pngLegend },
        controller.signal,
        (progress) => setRun({ kind: 'running', progress }),
      )
      setRun({ kind: 'done', result })
    } catch (err) {
      if (isAbort(err)) setRun({ kind: 'idle' })
      else setRun({ kind: 'failed', message: err instanceof Error ? err.message : String(err) })
    } finally {
      abort.current = null
    }
  }
  const cancel = (): void => abort.current?.abort()
  const close = (): void => {
    cancel()
    store.close()
  }
  const running = run.kind === 'running'

  return (
    <Dialog title={t('export.title')} onClose={close} className="history-export">
      <form
        className="history-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (!running) void start()
        }}
      >
        <fieldset className="history-formats" disabled={running}>
          <legend>{t('export.format')}</legend>
          {EXPORT_CHOICES.map((f) => (
            <label key={f} className="history-format">
              <input
                type="radio"
                name="format"
                value={f}
                checked={format === f}
                onChange={() => setFormat(f)}
              />
              <span>
                <span className="history-format-name">{t(`export.format.${f}`)}</span>
                <span className="history-format-help">{t(`export.help.${f}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>

        <div className="history-options">
          <label htmlFor={ids.source}>{t('export.source')}</label>
          <select
            id={ids.source}
            value={source}
            disabled={running}
            onChange={(e) => setSource(e.target.value)}
          >
            <option value={NOW}>{t('export.sourceNow')}</option>
            {snapshots.map((s) => (
              <option key={s.id} value={s.id}>
                {snapshotName(s, t, formatDate)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.lang}>{t('export.language')}</label>
          <select
            id={ids.lang}
            value={lang}
            disabled={running}
            onChange={(e) => setLang(e.target.value as Language)}
          >
            <option value="en">{t('lang.en')}</option>
            <option value="sv">{t('lang.sv')}</option>
          </select>
        </div>

        {format === 'pdf' && (
          <fieldset className="history-inline" disabled={running}>
            <legend>{t('export.paper')}</legend>
            {PAPERS.map((p) => (
              <label key={p}>
                <input
                  type="radio"
                  name="paper"
                  value={p}
                  checked={paper === p}
                  onChange={() => setPaper(p)}
                />{' '}
                {t('export.paperSize', { size: p })}
              </label>
            ))}
          </fieldset>
        )}

        {format === 'png' && (
          <fieldset className="history-png" disabled={running}>
            <legend>{t('export.png')}</legend>
            <label htmlFor={ids.scale}>{t('export.png.scale')}</label>
            <select id={ids.scale} value={pngScale} onChange={(e) => setPngScale(Number(e.target.value))}>
              {PNG_SCALES.map((s) => (
                <option key={s} value={s}>
                  {t('export.png.scaleOption', { scale: s })}
                </option>
              ))}
            </select>
            <div className="history-inline" role="radiogroup" aria-label={t('export.png.area')}>
              <label>
                <input
                  type="radio"
                  name="png-area"
                  checked={pngArea === 'board'}
                  onChange={() => setPngArea('board')}
                />{' '}
                {t('export.png.wholeBoard')}
              </label>
              <label>
                <input
                  type="radio"
                  name="png-area"
                  checked={pngArea === 'view'}
                  onChange={() => setPngArea('view')}
                />{' '}
                {t('export.png.currentView')}
              </label>
            </div>
            <label>
              <input type="checkbox" checked={pngLegend} onChange={(e) => setPngLegend(e.target.checked)} />{' '}
              {t('export.png.legend')}
            </label>
          </fieldset>
        )}

        {run.kind === 'running' && <ProgressLine progress={run.progress} id={ids.progress} locale={locale} />}
        {run.kind === 'done' && (
          <p className="history-status" role="status">
            {run.result.kind === 'empty'
              ? t('export.empty')
              : run.result.kind === 'png'
                ? run.result.capped
                  ? t('export.png.capped', {
                      width: run.result.width,
                      height: run.result.height,
                      scale: Math.round(run.result.scale * 100) / 100,
                    })
                  : t('export.png.saved', {
                      name: run.result.filename,
                      width: run.result.width,
                      height: run.result.height,
                    })
                : t('export.saved', {
                    name: run.result.filename,
                    size: formatBytes(run.result.bytes, locale),
                  })}
          </p>
        )}
        {run.kind === 'failed' && (
          <p className="error" role="alert">
            {t('export.failed', { reason: run.message })}
          </p>
        )}

        <div className="history-actions">
          {running ? (
            <button type="button" className="history-secondary" onClick={cancel}>
              {t('export.cancel')}
            </button>
          ) : (
            <button type="button" className="history-secondary" onClick={close}>
              {t('history.close')}
            </button>
          )}
          <button type="submit" className="button" disabled={running}>
            {running ? t('export.downloading') : t('export.download')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

function ProgressLine({ progress, id, locale }: { progress: DownloadProgress; id: string; locale: string }) {
  const { t } = useI18n()
  const fraction = progressFraction(progress)
  const received = formatBytes(progress.received, locale)
  // Nothing arrived yet: the server is still drawing (a PDF of a large board takes seconds).
  const text =
    progress.received === 0
      ? t('export.preparing')
      : fraction === null
        ? t('export.progressUnknown', { received })
        : t('export.progress', { received, total: formatBytes(progress.total ?? 0, locale) })
  return (
    <div className="history-progress" data-testid="export-progress">
      {/* Without `value` a progress bar is indeterminate: the size of a streamed zip is not known. */}
      {fraction === null ? (
        <progress aria-labelledby={id} />
      ) : (
        <progress aria-labelledby={id} max={1} value={fraction} />
      )}
      <span id={id} role="status">
        {text}
      </span>
    </div>
  )
}

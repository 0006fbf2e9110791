/**
 * What covers the live canvas while history is shown: a snapshot read-only ("Viewing snapshot X —
 * read-only"), or a comparison (the merged board with its highlights, a summary and the table of changes),
 * each with a way back to the live board. Events stop here: keys, pointer gestures and the wheel belong to
 * the history canvas, not to the live board underneath.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { HIGHLIGHT_STYLES, type HighlightState } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import type { BoardModel } from '../board/BoardModel.js'
import type { FeatureContext } from '../board/features.js'
import { revealElement } from '../canvas/cameraActions.js'
import { SnapshotCanvas } from './SnapshotCanvas.js'
import { CompareTable } from './CompareTable.js'
import { compareDecoration } from './compareDraw.js'
import { highlightCounts, type CompareScene } from './compareModel.js'
import { compareRows, type CompareRow } from './compareRows.js'
import type { CompareSide, HistoryStore, HistoryView } from './HistoryStore.js'
import { useHistoryView } from './useHistoryView.js'
import { snapshotName } from './snapshotName.js'
import './history.css'

/** Props of the overlay. */
export interface HistoryOverlayProps {
  readonly feature: FeatureContext
  readonly store: HistoryStore
  readonly view: Exclude<HistoryView, { kind: 'none' }>
}

const STATES: readonly HighlightState[] = ['added', 'removed', 'changed']

export function HistoryOverlay({ feature, store, view }: HistoryOverlayProps) {
  const { t, lang, formatDate } = useI18n()
  const data = useHistoryView(feature, view)
  const root = useRef<HTMLDivElement>(null)
  const viewModel = useRef<BoardModel | null>(null)
  const sceneRef = useRef<CompareScene | null>(null)
  const back = (): void => store.show({ kind: 'none' })

  // The live canvas listens for wheel events natively on its container, around this overlay. Focus moves
  // here when the overlay opens: what the main area shows has changed.
  useEffect(() => {
    const el = root.current
    if (!el) return
    el.focus({ preventScroll: true })
    const stop = (e: WheelEvent): void => e.stopPropagation()
    el.addEventListener('wheel', stop)
    return () => el.removeEventListener('wheel', stop)
  }, [])

  const scene = data.status === 'compare' ? data.scene : null
  useEffect(() => {
    sceneRef.current = scene
    viewModel.current?.decorations.changed()
    viewModel.current?.tints.changed()
  }, [scene])

  const setup = useCallback((model: BoardModel) => {
    const offDecoration = model.decorations.add(compareDecoration(model.store, () => sceneRef.current))
    const offTint = model.tints.add((id) => (sceneRef.current?.ghosts.has(id) ? { dim: true } : null))
    return () => {
      offDecoration()
      offTint()
    }
  }, [])
  const onModel = useCallback((m: BoardModel | null) => {
    viewModel.current = m
  }, [])

  const rows = useMemo(
    () => (data.status === 'compare' ? compareRows(data.scene.diff, data.before, data.after, lang) : []),
    [data, lang],
  )
  const pick = (row: CompareRow): void => {
    const m = viewModel.current
    if (!m) return
    if (row.record === 'element') {
      m.selection.set([row.id])
      revealElement(m, row.id)
    } else {
      const link = m.store.link(row.id)
      if (link) revealElement(m, link.from)
    }
  }

  const side = (s: CompareSide): string =>
    s.kind === 'live' ? t('history.now') : snapshotName(s.snapshot, t, formatDate)
  const title =
    view.kind === 'snapshot'
      ? t('history.viewing', { name: snapshotName(view.snapshot, t, formatDate) })
      : t('history.comparing', { from: side(view.from), to: side(view.to) })
  const counts = scene ? highlightCounts(scene) : null

  return (
    <div
      ref={root}
      className="canvas-overlay history-overlay"
      role="region"
      aria-label={title}
      tabIndex={-1}
      data-view={view.kind}
      data-status={data.status}
      data-added={counts?.added}
      data-removed={counts?.removed}
      data-changed={counts?.changed}
      onPointerDown={(e) => e.stopPropagation()}
      onPointerMove={(e) => e.stopPropagation()}
      onPointerUp={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.key === 'Escape' && !e.defaultPrevented) back()
      }}
    >
      <div className="history-banner">
        <strong>{title}</strong>
        {counts && (
          <span className="history-counts" role="status">
            {STATES.map((s) => (
              <span key={s} className={`history-change history-change-${s}`}>
                <svg viewBox="-10 -10 20 20" width="14" height="14" aria-hidden="true">
                  <circle r="9" fill={HIGHLIGHT_STYLES[s].color} />
                  <path
                    d={HIGHLIGHT_STYLES[s].symbol}
                    stroke="#fff"
                    strokeWidth="2"
                    strokeLinecap="round"
                    fill="none"
                  />
                </svg>
                {t(`history.count.${s}`, { count: counts[s] })}
              </span>
            ))}
          </span>
        )}
        <span className="spacer" />
        <button type="button" className="button" onClick={back}>
          {t('history.backToLive')}
        </button>
      </div>
      {data.status === 'loading' && <p className="history-loading">{t('history.loading')}</p>}
      {data.status === 'error' && (
        <p className="history-error" role="alert">
          {t('history.loadFailed', { reason: data.message })}
        </p>
      )}
      {(data.status === 'snapshot' || data.status === 'compare') && (
        <SnapshotCanvas
          doc={data.doc}
          label={title}
          setup={data.status === 'compare' ? setup : undefined}
          onModel={onModel}
        />
      )}
      {data.status === 'compare' && (
        <section className="history-table-wrap" aria-label={t('history.compare.caption')}>
          <CompareTable rows={rows} onPick={pick} />
        </section>
      )}
    </div>
  )
}

/**
 * The canvas overlay while one is chosen: keeps the analysis live, turns each result into marks once
 * (`overlayStyle`), hands them to the canvas through the board model's decorations and tints, and shows a
 * legend over the canvas that says what the marks mean and turns the overlay off.
 */
import { useEffect, useMemo } from 'react'
import type { OverlayIndicator } from '@circleboard/shared'
import { useBoardModel } from '../board/BoardModel.js'
import { useI18n } from '../i18n/index.js'
import type { MessageKey } from '../i18n/en.js'
import type { AnalysisSession } from './AnalysisSession.js'
import { useEngine, useSignal } from './hooks.js'
import { OVERLAY_NAMES } from './OverlayControls.js'
import { HALO_MAX, HALO_MIN, overlayDecoration, overlayStyle, overlayTint } from './overlayStyle.js'

const LEGEND_TEXT: Readonly<Record<OverlayIndicator, MessageKey>> = {
  degree: 'mapOverlay.legend.degree',
  betweenness: 'mapOverlay.legend.betweenness',
  isolated: 'mapOverlay.legend.isolated',
  gaps: 'mapOverlay.legend.gaps',
}

export function OverlayLayer({
  session,
  indicator,
}: {
  session: AnalysisSession
  indicator: OverlayIndicator
}) {
  const { t, formatNumber } = useI18n()
  const model = useBoardModel()
  const engine = useEngine(session)
  useEffect(() => engine.retain(), [engine])
  useEffect(() => {
    engine.setOverlay(indicator)
    return () => engine.setOverlay(null)
  }, [engine, indicator])
  const overlay = useSignal(engine.overlay)
  const style = useMemo(() => (overlay ? overlayStyle(overlay) : null), [overlay])

  // The canvas reads the style at each draw; a new style only asks for one redraw.
  useEffect(() => {
    const current = (): typeof style => style
    const offDecoration = model.decorations.add(overlayDecoration(model.store, current))
    const offTint = model.tints.add(overlayTint(current))
    return () => {
      offDecoration()
      offTint()
    }
  }, [model, style])

  const halo = indicator === 'degree' || indicator === 'betweenness'
  const max = overlay?.max ?? 0
  return (
    <aside
      className="canvas-overlay overlay-legend"
      aria-label={t('mapOverlay.legend')}
      onPointerDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <h3>{t(OVERLAY_NAMES[indicator])}</h3>
      <p>{t(LEGEND_TEXT[indicator])}</p>
      {halo && style && (
        <div className="legend-scale">
          <svg width="120" height="34" viewBox="0 0 120 34" aria-hidden="true">
            <rect
              x="10"
              y="10"
              width="24"
              height="14"
              rx="3"
              fill="none"
              stroke={style.color}
              strokeWidth={HALO_MIN / 2}
            />
            <rect
              x="70"
              y="10"
              width="24"
              height="14"
              rx="3"
              fill="none"
              stroke={style.color}
              strokeWidth={HALO_MAX / 3}
            />
          </svg>
          <span className="small">
            {t('mapOverlay.scale', {
              low: formatNumber(0),
              high: formatNumber(indicator === 'betweenness' ? Math.round(max * 1000) / 1000 : max),
            })}
          </span>
        </div>
      )}
      {overlay && !overlay.exact && <p className="muted small">{t('analysis.centrality.estimated')}</p>}
      <button type="button" onClick={() => session.overlay.set(null)}>
        {t('mapOverlay.off')}
      </button>
    </aside>
  )
}

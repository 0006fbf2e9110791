/** The choice of what the canvas overlay shows (or nothing). */
import { useId } from 'react'
import { OVERLAY_INDICATORS, type OverlayIndicator } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import type { MessageKey } from '../i18n/en.js'
import type { AnalysisSession } from './AnalysisSession.js'
import { useSignal } from './hooks.js'

/** Name of each overlay in the UI. */
export const OVERLAY_NAMES: Readonly<Record<OverlayIndicator, MessageKey>> = {
  degree: 'mapOverlay.degree',
  betweenness: 'mapOverlay.betweenness',
  isolated: 'mapOverlay.isolated',
  gaps: 'mapOverlay.gaps',
}

export function OverlayControls({ session }: { session: AnalysisSession }) {
  const { t } = useI18n()
  const id = useId()
  const overlay = useSignal(session.overlay)
  return (
    <div className="overlay-controls">
      <label htmlFor={id}>{t('mapOverlay.choose')}</label>
      <select
        id={id}
        value={overlay ?? ''}
        onChange={(e) => session.overlay.set((e.target.value || null) as OverlayIndicator | null)}
      >
        <option value="">{t('mapOverlay.none')}</option>
        {OVERLAY_INDICATORS.map((k) => (
          <option key={k} value={k}>
            {t(OVERLAY_NAMES[k])}
          </option>
        ))}
      </select>
    </div>
  )
}

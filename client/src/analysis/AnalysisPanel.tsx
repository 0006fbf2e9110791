/**
 * The Analysis panel: three tabs (the integration analysis of the map now, the indicators over the
 * meetings' snapshots, participation). A tab's content is mounted only while it is shown, so only the map
 * tab keeps the live analysis running.
 */
import { useId, useState, type KeyboardEvent } from 'react'
import { useI18n } from '../i18n/index.js'
import type { MessageKey } from '../i18n/en.js'
import type { AnalysisSession } from './AnalysisSession.js'
import { MapTab } from './MapTab.js'
import { OverTimeTab } from './OverTimeTab.js'
import { ParticipationTab } from './ParticipationTab.js'

const TABS = ['map', 'time', 'participation'] as const
type Tab = (typeof TABS)[number]

const TAB_NAMES: Readonly<Record<Tab, MessageKey>> = {
  map: 'analysis.tab.map',
  time: 'analysis.tab.time',
  participation: 'analysis.tab.participation',
}

export function AnalysisPanel({ session }: { session: AnalysisSession }) {
  const { t } = useI18n()
  const base = useId()
  const [tab, setTab] = useState<Tab>('map')
  // Arrow keys move between tabs (the WAI-ARIA tabs pattern); the chosen tab takes the focus.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
    if (step === 0) return
    e.preventDefault()
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]!
    setTab(next)
    document.getElementById(`${base}-tab-${next}`)?.focus()
  }
  return (
    <div className="analysis-panel">
      <div role="tablist" aria-label={t('analysis.panel')} className="analysis-tabs" onKeyDown={onKeyDown}>
        {TABS.map((k) => (
          <button
            key={k}
            id={`${base}-tab-${k}`}
            type="button"
            role="tab"
            aria-selected={tab === k}
            aria-controls={`${base}-panel`}
            tabIndex={tab === k ? 0 : -1}
            onClick={() => setTab(k)}
          >
            {t(TAB_NAMES[k])}
          </button>
        ))}
      </div>
      <div id={`${base}-panel`} role="tabpanel" aria-labelledby={`${base}-tab-${tab}`}>
        {tab === 'map' && <MapTab session={session} />}
        {tab === 'time' && <OverTimeTab session={session} />}
        {tab === 'participation' && <ParticipationTab session={session} />}
      </div>
    </div>
  )
}

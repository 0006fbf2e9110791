/**
 * The board's own panels: outline, properties of the selection, legend, filters and search. The toolbar's
 * buttons, the search field and the properties frame are in the startup bundle; the panels and the
 * selection's properties load in idle time after the first render, or on first use (lazyUi.ts).
 */
import { Suspense, useEffect, type ReactNode } from 'react'
import { useI18n } from '../i18n/index.js'
import type { WorkspaceSlots } from '../board/BoardWorkspace.js'
import { useWorkspace } from '../board/BoardWorkspace.js'
import type { FeatureContext } from '../board/features.js'
import { loadWhenIdle } from '../lazyPart.js'
import { PropertiesPanel } from './PropertiesPanel.js'
import { SearchBox } from './SearchBox.js'
import { FilterPanel, LegendPanel, OutlinePanel, panelsUi } from './lazyUi.js'
import './panels.css'

/** Ids of the sidebar panels added here. */
export const PANEL_IDS = { outline: 'outline', filters: 'filters', legend: 'legend' } as const

/** Starts loading the panels on hover or focus of their buttons, if idle time has not yet. */
function preload(): void {
  panelsUi.load().catch(() => undefined)
}

function PanelButton({ id, label }: { id: string; label: string }) {
  const workspace = useWorkspace()
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={workspace.openPanel === id}
      title={label}
      onPointerEnter={preload}
      onFocus={preload}
      onClick={() => workspace.togglePanel(id)}
    >
      {label}
    </button>
  )
}

function ToolbarExtra() {
  const { t } = useI18n()
  return (
    <>
      <PanelButton id={PANEL_IDS.filters} label={t('filter.title')} />
      <PanelButton id={PANEL_IDS.legend} label={t('legend.title')} />
      <SearchBox />
    </>
  )
}

/** What the panels add to the board view. */
export function usePanelSlots(feature: FeatureContext): WorkspaceSlots {
  const { t } = useI18n()
  const { model, conn } = feature
  // A deliberate test hook, only with `?test` in the address (see testHook.ts); not in the startup bundle.
  useEffect(() => {
    if (!new URLSearchParams(window.location.search).has('test')) return
    let uninstall: (() => void) | undefined
    let cancelled = false
    void import('./testHook.js').then((m) => {
      if (!cancelled) uninstall = m.installTestHook(model, conn.doc)
    })
    return () => {
      cancelled = true
      uninstall?.()
    }
  }, [model, conn])
  useEffect(() => loadWhenIdle(panelsUi), [])
  const lazy = (panel: ReactNode): ReactNode => (
    <Suspense fallback={<p className="muted">{t('panel.loading')}</p>}>{panel}</Suspense>
  )
  return {
    toolbarExtra: <ToolbarExtra />,
    panels: [
      { id: PANEL_IDS.outline, title: t('outline.title'), render: () => lazy(<OutlinePanel />) },
      { id: PANEL_IDS.filters, title: t('filter.title'), render: () => lazy(<FilterPanel />) },
      { id: PANEL_IDS.legend, title: t('legend.title'), render: () => lazy(<LegendPanel />) },
    ],
    aside: <PropertiesPanel />,
  }
}

/** The board's own panels: outline, properties of the selection, legend, filters and search. */
import { useEffect } from 'react'
import { useI18n } from '../i18n/index.js'
import type { WorkspaceSlots } from '../board/BoardWorkspace.js'
import { useWorkspace } from '../board/BoardWorkspace.js'
import type { FeatureContext } from '../board/features.js'
import { OutlinePanel } from './OutlinePanel.js'
import { PropertiesPanel } from './PropertiesPanel.js'
import { FilterPanel, SearchBox } from './FilterPanel.js'
import { LegendPanel } from './LegendPanel.js'
import { installTestHook } from './testHook.js'
import './panels.css'

/** Ids of the sidebar panels added here. */
export const PANEL_IDS = { outline: 'outline', filters: 'filters', legend: 'legend' } as const

function PanelButton({ id, label }: { id: string; label: string }) {
  const workspace = useWorkspace()
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={workspace.openPanel === id}
      title={label}
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
  // A deliberate test hook, only with `?test` in the address (see testHook.ts).
  useEffect(() => installTestHook(model, conn.doc), [model, conn])
  return {
    toolbarExtra: <ToolbarExtra />,
    panels: [
      { id: PANEL_IDS.outline, title: t('outline.title'), render: () => <OutlinePanel /> },
      { id: PANEL_IDS.filters, title: t('filter.title'), render: () => <FilterPanel /> },
      { id: PANEL_IDS.legend, title: t('legend.title'), render: () => <LegendPanel /> },
    ],
    aside: <PropertiesPanel />,
  }
}

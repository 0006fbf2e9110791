/**
 * Snapshots, history and compare, exports and imports (issue 5). What is here is in the startup bundle and
 * stays small: the toolbar buttons ("Save snapshot", "History", "Export", "Import"), the History panel's
 * entry and the feature's state. The panel, the overlay that shows a snapshot or a comparison on the
 * canvas, and the dialogs load on first use (`ui.ts`).
 */
import { lazy, Suspense, useEffect, useMemo, useSyncExternalStore } from 'react'
import type { WorkspaceSlots } from '../board/BoardWorkspace.js'
import { useWorkspace } from '../board/BoardWorkspace.js'
import type { FeatureContext } from '../board/features.js'
import { useI18n } from '../i18n/index.js'
import { HistoryStore, viewKey } from './HistoryStore.js'

/** Id of the History panel in the sidebar. */
export const HISTORY_PANEL = 'history'

const loadUi = () => import('./ui.js')
const HistoryPanel = lazy(() => loadUi().then((m) => ({ default: m.HistoryPanel })))
const HistoryOverlay = lazy(() => loadUi().then((m) => ({ default: m.HistoryOverlay })))
const HistoryDialogs = lazy(() => loadUi().then((m) => ({ default: m.HistoryDialogs })))

/** Starts loading the history interface (on hover or focus of its buttons, before the click). */
function preload(): void {
  void loadUi()
}

/** What history and exports add to the board view. */
export function useHistorySlots(feature: FeatureContext): WorkspaceSlots {
  const { t } = useI18n()
  const store = useMemo(() => new HistoryStore(), [])
  const state = useSyncExternalStore(store.subscribe, store.get)
  const { model } = feature

  // While a snapshot or a comparison covers the canvas, the live board underneath takes no edits from here.
  useEffect(
    () => model.addReadOnlyProvider(() => (store.get().view.kind === 'none' ? null : 'history')),
    [model, store],
  )

  if (feature.role === 'viewer') return {}
  const loading = <p className="muted">{t('history.loading')}</p>
  const view = state.view
  return {
    toolbarExtra: <HistoryButtons store={store} facilitator={feature.role === 'facilitator'} />,
    panels: [
      {
        id: HISTORY_PANEL,
        title: t('history.panel'),
        render: () => (
          <Suspense fallback={loading}>
            <HistoryPanel feature={feature} store={store} revision={state.listRevision} />
          </Suspense>
        ),
      },
    ],
    canvasChildren:
      view.kind === 'none' ? undefined : (
        <Suspense fallback={null}>
          <HistoryOverlay key={viewKey(view)} feature={feature} store={store} view={view} />
        </Suspense>
      ),
    aside:
      state.dialog === null ? undefined : (
        <Suspense fallback={null}>
          <DialogHost feature={feature} store={store} dialog={state.dialog} />
        </Suspense>
      ),
  }
}

function DialogHost(props: {
  feature: FeatureContext
  store: HistoryStore
  dialog: 'save' | 'export' | 'import'
}) {
  const workspace = useWorkspace()
  const showPanel = (): void => {
    if (workspace.openPanel !== HISTORY_PANEL) workspace.togglePanel(HISTORY_PANEL)
  }
  return <HistoryDialogs {...props} showPanel={showPanel} />
}

function HistoryButtons({ store, facilitator }: { store: HistoryStore; facilitator: boolean }) {
  const { t } = useI18n()
  const workspace = useWorkspace()
  const open = workspace.openPanel === HISTORY_PANEL
  return (
    <>
      {facilitator && (
        <button
          type="button"
          aria-label={t('history.saveSnapshot')}
          title={t('history.saveSnapshot')}
          onPointerEnter={preload}
          onFocus={preload}
          onClick={() => store.open('save')}
        >
          {t('history.saveSnapshot')}
        </button>
      )}
      <button
        type="button"
        aria-label={t('history.panel')}
        aria-pressed={open}
        title={t('history.panel')}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => workspace.togglePanel(HISTORY_PANEL)}
      >
        {t('history.panel')}
      </button>
      {facilitator && (
        <>
          <button
            type="button"
            aria-label={t('history.export')}
            title={t('history.export')}
            onPointerEnter={preload}
            onFocus={preload}
            onClick={() => store.open('export')}
          >
            {t('history.export')}
          </button>
          <button
            type="button"
            aria-label={t('history.import')}
            title={t('history.import')}
            onPointerEnter={preload}
            onFocus={preload}
            onClick={() => store.open('import')}
          >
            {t('history.import')}
          </button>
        </>
      )}
    </>
  )
}

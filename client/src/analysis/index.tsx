/**
 * Analysis of the map and of participation, and care for personal data (issue 6). What is here is in the
 * startup bundle and stays small: the toolbar buttons, the personal-data guard and its warning (they must
 * work from the first keystroke), and the session state. The panels (integration analysis, over time,
 * participation, board settings) and the canvas overlay load on first use (`ui.ts`), with the graph
 * library they need.
 */
import { lazy, Suspense, useEffect, useMemo, useSyncExternalStore } from 'react'
import type { WorkspaceSlots } from '../board/BoardWorkspace.js'
import { useWorkspace } from '../board/BoardWorkspace.js'
import type { FeatureContext } from '../board/features.js'
import { useI18n } from '../i18n/index.js'
import { AnalysisSession } from './AnalysisSession.js'
import { PersonalDataWarning } from './PersonalDataWarning.js'
import './analysis.css'

/** Ids of the analysis feature's sidebar panels. */
export const ANALYSIS_PANELS = { analysis: 'analysis', settings: 'board-settings' } as const

const loadUi = () => import('./ui.js')
const AnalysisPanel = lazy(() => loadUi().then((m) => ({ default: m.AnalysisPanel })))
const SettingsPanel = lazy(() => loadUi().then((m) => ({ default: m.SettingsPanel })))
const OverlayLayer = lazy(() => loadUi().then((m) => ({ default: m.OverlayLayer })))

/** Starts loading the panels on hover or focus of their buttons, before the click. */
function preload(): void {
  void loadUi()
}

/** What analysis adds to the board view. */
export function useAnalysisSlots(feature: FeatureContext): WorkspaceSlots {
  const { t } = useI18n()
  const session = useMemo(() => new AnalysisSession(feature), [feature])
  useEffect(() => session.start(), [session])
  useEffect(() => () => session.destroy(), [session])
  const overlay = useSyncExternalStore(session.overlay.subscribe, session.overlay.get)
  const facilitator = feature.role === 'facilitator'
  const loading = <p className="muted">{t('analysis.loading')}</p>

  return {
    toolbarExtra: <AnalysisButtons facilitator={facilitator} />,
    panels: [
      {
        id: ANALYSIS_PANELS.analysis,
        title: t('analysis.panel'),
        render: () => (
          <Suspense fallback={loading}>
            <AnalysisPanel session={session} />
          </Suspense>
        ),
      },
      ...(facilitator
        ? [
            {
              id: ANALYSIS_PANELS.settings,
              title: t('boardSettings.panel'),
              render: () => (
                <Suspense fallback={loading}>
                  <SettingsPanel session={session} />
                </Suspense>
              ),
            },
          ]
        : []),
    ],
    canvasChildren: (
      <>
        <PersonalDataWarning session={session} />
        {overlay !== null && (
          <Suspense fallback={null}>
            <OverlayLayer session={session} indicator={overlay} />
          </Suspense>
        )}
      </>
    ),
  }
}

function AnalysisButtons({ facilitator }: { facilitator: boolean }) {
  const { t } = useI18n()
  const workspace = useWorkspace()
  return (
    <>
      <button
        type="button"
        aria-label={t('analysis.panel')}
        aria-pressed={workspace.openPanel === ANALYSIS_PANELS.analysis}
        title={t('analysis.panel')}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => workspace.togglePanel(ANALYSIS_PANELS.analysis)}
      >
        {t('analysis.panel')}
      </button>
      {facilitator && (
        <button
          type="button"
          aria-label={t('boardSettings.panel')}
          aria-pressed={workspace.openPanel === ANALYSIS_PANELS.settings}
          title={t('boardSettings.panel')}
          onPointerEnter={preload}
          onFocus={preload}
          onClick={() => workspace.togglePanel(ANALYSIS_PANELS.settings)}
        >
          {t('boardSettings.panel')}
        </button>
      )}
    </>
  )
}

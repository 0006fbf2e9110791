/** React bindings of the analysis panels: signals, the live engine, labels of elements. */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import type { BoardModel } from '../board/BoardModel.js'
import { useI18n } from '../i18n/index.js'
import { shownLabel, typeText } from '../panels/words.js'
import { AnalysisEngine, type AnalysisResult } from './AnalysisEngine.js'
import type { AnalysisSession } from './AnalysisSession.js'
import type { Signal } from './signal.js'

/** A signal's value (re-renders when it changes). */
export function useSignal<T>(signal: Signal<T>): T {
  return useSyncExternalStore(signal.subscribe, signal.get)
}

/** The session's live engine (created on first use). */
export function useEngine(session: AnalysisSession): AnalysisEngine {
  const [engine] = useState(() => session.engineOr(() => new AnalysisEngine(session.feature.model.store)))
  return engine
}

/** The live indicators, kept up to date while the calling component is mounted. */
export function useLiveAnalysis(session: AnalysisSession): AnalysisResult | null {
  const engine = useEngine(session)
  useEffect(() => engine.retain(), [engine])
  return useSignal(engine.result)
}

/** How the panels name an element: its label (or "no label"), and its type in words. */
export interface ElementNaming {
  label(id: string): string
  type(id: string): string
}

/** Names of the board's elements in the UI language (read when called: always the current label). */
export function useElementNaming(model: BoardModel): ElementNaming {
  const { t, lang } = useI18n()
  const unnamed = t('outline.unnamed')
  const label = useCallback(
    (id: string) => shownLabel(model.store.element(id)?.label ?? '', unnamed),
    [model, unnamed],
  )
  const type = useCallback(
    (id: string) => {
      const e = model.store.element(id)
      return e ? typeText(lang, e.type, e.kind) : ''
    },
    [model, lang],
  )
  return { label, type }
}

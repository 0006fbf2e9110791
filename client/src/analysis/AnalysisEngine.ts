/**
 * The live analysis of one board in this browser: the integration indicators (and, while an overlay is
 * shown, the overlay's values), recomputed from the board store after changes (`scheduler.ts`), only
 * while someone looks (the panel is open or an overlay is on: `retain`). Results are plain values in
 * signals; the panel and the overlay subscribe to them.
 */
import {
  integrationIndicators,
  overlayValues,
  type IndicatorOverlay,
  type IntegrationIndicators,
  type OverlayIndicator,
} from '@circleboard/shared'
import type { BoardStore } from '../board/BoardStore.js'
import { boardDataOf } from './boardData.js'
import { Debounced, type SchedulerEnv } from './scheduler.js'
import { Signal } from './signal.js'

/** One computation's result. */
export interface AnalysisResult {
  readonly indicators: IntegrationIndicators
  /** The store revision it was computed from. */
  readonly revision: number
  /** How long it took, in ms. */
  readonly ms: number
}

/** The live indicators of one board. */
export class AnalysisEngine {
  readonly result = new Signal<AnalysisResult | null>(null)
  /** The overlay's values while an overlay is chosen, else `null`. */
  readonly overlay = new Signal<IndicatorOverlay | null>(null)
  private users = 0
  private offStore: (() => void) | null = null
  private indicator: OverlayIndicator | null = null
  private readonly scheduled: Debounced

  constructor(
    private readonly store: BoardStore,
    env?: SchedulerEnv,
  ) {
    this.scheduled = new Debounced(() => this.compute(), 250, env)
  }

  /** Keeps the analysis live (first user: computes now and follows the board); returns the release. */
  retain(): () => void {
    this.users++
    if (this.users === 1) {
      this.offStore = this.store.subscribe(() => this.scheduled.request())
      this.compute()
    }
    let released = false
    return () => {
      if (released) return
      released = true
      this.users--
      if (this.users === 0) {
        this.offStore?.()
        this.offStore = null
        this.scheduled.cancel()
      }
    }
  }

  /** Chooses the overlay whose values to compute (`null`: none). */
  setOverlay(indicator: OverlayIndicator | null): void {
    if (indicator === this.indicator) return
    this.indicator = indicator
    this.overlay.set(indicator === null ? null : overlayValues(boardDataOf(this.store), indicator))
  }

  /** Computes now (also what the scheduler runs). */
  compute(): void {
    const t0 = performance.now()
    const board = boardDataOf(this.store)
    const indicators = integrationIndicators(board)
    if (this.indicator !== null) this.overlay.set(overlayValues(board, this.indicator))
    this.result.set({ indicators, revision: this.store.revision, ms: performance.now() - t0 })
  }

  destroy(): void {
    this.offStore?.()
    this.offStore = null
    this.scheduled.cancel()
  }
}

/**
 * Per-element values for a canvas overlay: the canvas sizes, tints or fades each element by `weight`
 * (0..1) and may show `raw` in a tooltip. Computed from the same index and definitions as the indicators,
 * so the overlay and the indicator panel never disagree.
 */
import type { BoardData } from '../model/types.js'
import { actorCentrality } from './centrality.js'
import { indexMap } from './mapIndex.js'
import { mapGraph } from './mapGraph.js'
import { indicatorsOfIndex } from './indicators.js'
import { attribute } from './organisations.js'

/** What an overlay can show. */
export const OVERLAY_INDICATORS = ['degree', 'betweenness', 'isolated', 'gaps'] as const
/** One of `OVERLAY_INDICATORS`. */
export type OverlayIndicator = (typeof OVERLAY_INDICATORS)[number]

/** One element's overlay value. */
export interface OverlayValue {
  /** The indicator's own value (a degree, a betweenness, 0/1, a number of findings). */
  readonly raw: number
  /** Scaled to 0..1 for drawing (divided by the largest raw value on the board). */
  readonly weight: number
}

/** Overlay values by element id. */
export interface IndicatorOverlay {
  readonly indicator: OverlayIndicator
  /**
   * - `degree`: every element; distinct elements linked to it.
   * - `betweenness`: actors only (other elements are absent: draw them as usual); actor-network betweenness.
   * - `isolated`: every element except unlinked arenas (frames); 1 when it has no link, else 0.
   * - `gaps`: every element; how many gap findings concern it (resource contributing to no value, value
   *   outcome no resource contributes to, actor providing nothing, organisation without links); weight 1
   *   when any.
   */
  readonly values: ReadonlyMap<string, OverlayValue>
  /** Largest raw value (the scale), 0 on an empty board. */
  readonly max: number
  /** False when betweenness was estimated by sampling (very large boards only). */
  readonly exact: boolean
}

/** Overlay values of `indicator` for the elements of `board`. Never throws. */
export function overlayValues(board: BoardData, indicator: OverlayIndicator): IndicatorOverlay {
  const index = indexMap(board)
  const { elements, start } = index
  const raw = new Map<string, number>()
  let exact = true
  switch (indicator) {
    case 'degree': {
      const graph = mapGraph(index)
      for (const e of elements) raw.set(e.id, graph.degree(e.id))
      break
    }
    case 'betweenness': {
      const centrality = actorCentrality(index, attribute(index))
      for (const a of centrality.actors) raw.set(a.actorId, a.betweenness)
      exact = centrality.betweennessExact
      break
    }
    case 'isolated':
      for (let i = 0; i < elements.length; i++) {
        const linked = start[i + 1]! > start[i]!
        if (!linked && elements[i]!.type === 'arena') continue
        raw.set(elements[i]!.id, linked ? 0 : 1)
      }
      break
    case 'gaps': {
      const found = indicatorsOfIndex(index, board, { centrality: false })
      for (const e of elements) raw.set(e.id, 0)
      for (const list of [
        found.resourcesContributingToNoValue,
        found.valuesNoResourceContributesTo,
        found.actorsProvidingNothing,
        found.organisationsWithoutLinks,
      ]) {
        for (const id of list) raw.set(id, (raw.get(id) ?? 0) + 1)
      }
      break
    }
    default:
      // An unknown indicator (from an older or newer client) shows nothing rather than throwing.
      break
  }
  let max = 0
  for (const v of raw.values()) if (v > max) max = v
  const values = new Map<string, OverlayValue>()
  for (const [id, v] of raw) {
    const weight = indicator === 'gaps' ? (v > 0 ? 1 : 0) : max > 0 ? v / max : 0
    values.set(id, { raw: v, weight })
  }
  return { indicator, values, max, exact }
}

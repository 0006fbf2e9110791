/**
 * How an overlay shows on the canvas, computed once per analysis result (never per frame): the canvas's
 * decoration only walks these maps. Centrality (degree, betweenness) becomes a halo around each element
 * whose width grows with the value, so the most central actors stand out at any zoom; "isolated" fades
 * the elements without a link (a board model tint), so the connected map stands out; "gaps" rings each
 * element a gap finding is about.
 */
import type { IndicatorOverlay } from '@circleboard/shared'
import type { Decoration, ElementTint } from '../board/BoardModel.js'
import type { BoardStore } from '../board/BoardStore.js'

/** Halo width, in board units, of the smallest non-zero value and of the largest. */
export const HALO_MIN = 4
export const HALO_MAX = 28

/** Colours of the overlay marks (chosen to read against the element colours and on a projector). */
export const OVERLAY_COLORS = {
  degree: 'rgba(31, 78, 121, 0.45)',
  betweenness: 'rgba(142, 36, 170, 0.45)',
  gaps: 'rgba(196, 92, 0, 0.9)',
} as const

/** What to draw for one overlay. */
export interface OverlayStyle {
  /** Halo width per element id (board units); elements without a value or with 0 have none. */
  readonly halos: ReadonlyMap<string, number>
  /** Elements to fade. */
  readonly dim: ReadonlySet<string>
  /** Elements to ring (gap findings). */
  readonly rings: ReadonlySet<string>
  readonly color: string
}

/** Halo width of a weight in 0..1: 0 draws nothing, anything above is at least `HALO_MIN`. */
export function haloWidth(weight: number): number {
  if (!(weight > 0)) return 0
  return HALO_MIN + Math.min(1, weight) * (HALO_MAX - HALO_MIN)
}

/** The marks of `overlay`. */
export function overlayStyle(overlay: IndicatorOverlay): OverlayStyle {
  const halos = new Map<string, number>()
  const dim = new Set<string>()
  const rings = new Set<string>()
  switch (overlay.indicator) {
    case 'degree':
    case 'betweenness':
      for (const [id, v] of overlay.values) {
        const width = haloWidth(v.weight)
        if (width > 0) halos.set(id, width)
      }
      return { halos, dim, rings, color: OVERLAY_COLORS[overlay.indicator] }
    case 'isolated':
      for (const [id, v] of overlay.values) if (v.raw > 0) dim.add(id)
      return { halos, dim, rings, color: OVERLAY_COLORS.degree }
    case 'gaps':
      for (const [id, v] of overlay.values) if (v.raw > 0) rings.add(id)
      return { halos, dim, rings, color: OVERLAY_COLORS.gaps }
    default:
      return { halos, dim, rings, color: OVERLAY_COLORS.degree }
  }
}

/** The tint that fades the style's `dim` elements. */
export function overlayTint(style: () => OverlayStyle | null): ElementTint {
  return (id) => (style()?.dim.has(id) ? { dim: true } : null)
}

/** The decoration that draws the style's halos and rings around the elements, in board coordinates. */
export function overlayDecoration(store: BoardStore, style: () => OverlayStyle | null): Decoration {
  return (ctx, scale) => {
    const s = style()
    if (s === null) return
    ctx.strokeStyle = s.color
    for (const [id, width] of s.halos) {
      const e = store.element(id)
      if (!e) continue
      // A ring outside the element's box, so it never covers the label.
      const gap = 2 / scale
      ctx.lineWidth = width
      ctx.beginPath()
      ctx.roundRect(
        e.x - gap - width / 2,
        e.y - gap - width / 2,
        e.w + 2 * gap + width,
        e.h + 2 * gap + width,
        12 + width / 2,
      )
      ctx.stroke()
    }
    if (s.rings.size === 0) return
    // Rings stay 3 screen pixels wide at every zoom, dashed so they read as a mark, not a frame.
    ctx.lineWidth = 3 / scale
    ctx.setLineDash([8 / scale, 5 / scale])
    for (const id of s.rings) {
      const e = store.element(id)
      if (!e) continue
      const gap = 5 / scale
      ctx.beginPath()
      ctx.roundRect(e.x - gap, e.y - gap, e.w + 2 * gap, e.h + 2 * gap, 10)
      ctx.stroke()
    }
  }
}

/**
 * Compare highlights: how an element or link that was added, removed or changed between two snapshots is
 * marked, on the canvas's compare view and in an exported comparison alike. Each state has its own ring
 * colour, its own dash and its own badge symbol (+, minus, triangle for delta), so the three stay apart
 * without colour.
 */
import type { ElementDrawing } from './elements.js'
import type { LinkDrawing } from './links.js'
import { LINK_STYLES } from './links.js'
import type { Primitive } from './primitives.js'
import { offsetPath, pathPrimitive } from './primitives.js'
import { clipToOutline, ellipsePath, elementOutline, outlinePath } from './shapes.js'

/** What happened to a record between two snapshots. */
export type HighlightState = 'added' | 'removed' | 'changed'

/** How each compare state is marked. */
export interface HighlightStyle {
  /** Ring, badge and link underlay colour (3:1 or more against white). */
  readonly color: string
  /** Pale version for the wide underlay of a link. */
  readonly underlay: string
  readonly dash: readonly number[]
  /** Badge symbol drawn in white on a disc of `color`, as path data around (0, 0), radius 4. */
  readonly symbol: string
}

/** The marks of the compare states (Paul Tol's colour-blind safe green, ochre and wine). */
export const HIGHLIGHT_STYLES: Readonly<Record<HighlightState, HighlightStyle>> = {
  added: { color: '#117733', underlay: '#BFE3C9', dash: [], symbol: 'M-4 0 L4 0 M0 -4 L0 4' },
  changed: { color: '#8F6200', underlay: '#F2DFB0', dash: [8, 4], symbol: 'M0 -4 L4 3.5 L-4 3.5 Z' },
  removed: { color: '#882255', underlay: '#EBC3D6', dash: [2, 4], symbol: 'M-4 0 L4 0' },
}

/** Gap between an element's border and its highlight ring. */
const RING_GAP = 6
const BADGE_RADIUS = 9

function badge(cx: number, cy: number, style: HighlightStyle): Primitive[] {
  return [
    pathPrimitive(ellipsePath(cx, cy, BADGE_RADIUS, BADGE_RADIUS), { fill: style.color }),
    pathPrimitive(offsetPath(style.symbol, cx, cy), { stroke: '#FFFFFF', strokeWidth: 2, lineCap: 'round' }),
  ]
}

/**
 * The ring and badge of a highlighted element, in the element's local coordinates; draw them after the
 * element's own primitives.
 */
export function elementHighlight(drawing: ElementDrawing, state: HighlightState): Primitive[] {
  const style = HIGHLIGHT_STYLES[state]
  const ring = elementOutline(drawing.type, drawing.w + 2 * RING_GAP, drawing.h + 2 * RING_GAP)
  const corner = clipToOutline(ring, { x: 0, y: 0 })
  return [
    pathPrimitive(offsetPath(outlinePath(ring), -RING_GAP, -RING_GAP), {
      stroke: style.color,
      strokeWidth: 3,
      dash: style.dash,
    }),
    // On the ring, up and to the left of the centre, whatever the shape.
    ...badge(corner.x - RING_GAP, corner.y - RING_GAP, style),
  ]
}

/**
 * The underlay and badge of a highlighted link, in board coordinates: the underlay goes before the link's
 * primitives, the badge after.
 */
export function linkHighlight(
  drawing: LinkDrawing,
  state: HighlightState,
): { readonly under: Primitive[]; readonly over: Primitive[] } {
  const style = HIGHLIGHT_STYLES[state]
  const line = drawing.primitives[0]
  const width = LINK_STYLES[drawing.kind].width
  const under =
    line?.kind === 'path'
      ? [pathPrimitive(line.d, { stroke: style.underlay, strokeWidth: width + 8, lineCap: 'round' })]
      : []
  const mid = { x: (drawing.start.x + drawing.end.x) / 2, y: (drawing.start.y + drawing.end.y) / 2 }
  return { under, over: badge(mid.x, mid.y, style) }
}

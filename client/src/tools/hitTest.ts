/**
 * What is under the pointer, found through the spatial index instead of Konva's hit canvas (which would
 * have to be redrawn with every pan). Elements are tested against their real outline (an ellipse is not
 * hit in its corners); links against their line and their label box; the selection's handles first.
 */
import { outlineContains, type Box, type ElementData, type Point } from '@circleboard/shared'
import type { BoardStore } from '../board/BoardStore.js'

/** Screen pixels within which the pointer hits a line or a handle. */
export const HIT_TOLERANCE_PX = 6
/** Size of resize handles, screen pixels. */
export const HANDLE_PX = 9
/** Radius of the connect handle, screen pixels. */
export const CONNECT_HANDLE_PX = 7

/** Corners of a box that can be dragged to resize it. */
export type Corner = 'nw' | 'ne' | 'sw' | 'se'

/** The topmost element under a board point, skipping ids in `except`. */
export function elementAt(store: BoardStore, p: Point, except?: ReadonlySet<string>): ElementData | null {
  const candidates = store.index.at(p.x, p.y)
  if (candidates.size === 0) return null
  const order = store.allElements()
  for (let i = order.length - 1; i >= 0; i--) {
    const e = order[i]!
    if (!candidates.has(e.id) || except?.has(e.id)) continue
    const d = store.drawing(e.id)
    if (d && outlineContains(d.outline, { x: p.x - d.x, y: p.y - d.y })) return e
  }
  return null
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const len2 = dx * dx + dy * dy
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2))
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
}

function inBox(p: Point, b: Box): boolean {
  return p.x >= b.x && p.x <= b.x + b.w && p.y >= b.y && p.y <= b.y + b.h
}

/** The link whose line or label is under a board point (tolerance in board units). */
export function linkAt(store: BoardStore, p: Point, tolerance: number): string | null {
  let best: string | null = null
  let bestDistance = tolerance
  for (const link of store.allLinks()) {
    const d = store.linkDrawingOf(link.id)
    if (!d) continue
    if (d.labelBox && inBox(p, d.labelBox)) return link.id
    const dist = distanceToSegment(p, d.start, d.end)
    if (dist <= bestDistance) {
      bestDistance = dist
      best = link.id
    }
  }
  return best
}

/** The corners of a box. */
export function corners(b: Box): Record<Corner, Point> {
  return {
    nw: { x: b.x, y: b.y },
    ne: { x: b.x + b.w, y: b.y },
    sw: { x: b.x, y: b.y + b.h },
    se: { x: b.x + b.w, y: b.y + b.h },
  }
}

/** Where the connect handle of an element sits (middle of its right side, a little outside). */
export function connectHandlePoint(b: Box, scale: number): Point {
  return { x: b.x + b.w + 14 / scale, y: b.y + b.h / 2 }
}

/** The handle of box `b` under a board point, if any (`scale` = screen px per board unit). */
export function handleAt(b: Box, p: Point, scale: number): Corner | 'connect' | null {
  const c = connectHandlePoint(b, scale)
  if (Math.hypot(p.x - c.x, p.y - c.y) <= (CONNECT_HANDLE_PX + 3) / scale) return 'connect'
  const half = (HANDLE_PX / 2 + 2) / scale
  for (const [name, q] of Object.entries(corners(b)) as [Corner, Point][]) {
    if (Math.abs(p.x - q.x) <= half && Math.abs(p.y - q.y) <= half) return name
  }
  return null
}

/** The box spanned by two points. */
export function boxOf(a: Point, b: Point): Box {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) }
}

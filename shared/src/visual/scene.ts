/**
 * A whole board, ready to draw: which elements and links are drawn (invalid records and links to missing
 * elements are not), in which order (arenas below everything, then links, then elements by `z`), the
 * bounding box, and the transform that fits it into a page or a viewport.
 */
import type { BoardData, ElementData, LinkData } from '../model/types.js'
import type { DrawOptions, ElementDrawing } from './elements.js'
import { elementDrawing } from './elements.js'
import type { LinkDrawing } from './links.js'
import { linkDrawing } from './links.js'
import type { Box } from './primitives.js'

/** Space around the elements in `boardBounds` (room for self-loops, link labels and highlight rings). */
export const BOUNDS_MARGIN = 40

/**
 * Stacking order of two elements: by `z`, a fractional index compared as a plain string (lower draws first;
 * not `localeCompare`, which would reorder the index alphabet), then by id so that equal `z`s are stable.
 */
export function compareZ(a: Pick<ElementData, 'z' | 'id'>, b: Pick<ElementData, 'z' | 'id'>): number {
  if (a.z !== b.z) return a.z < b.z ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

function invalidIds(board: BoardData, collection: 'elements' | 'links'): Set<string> {
  return new Set(board.invalid.filter((r) => r.collection === collection).map((r) => r.id))
}

/** The elements that are drawn, in drawing order: arenas first (they frame what lies on them), each by `z`. */
export function drawableElements(board: BoardData): ElementData[] {
  const invalid = invalidIds(board, 'elements')
  // Validation already rejects non-finite geometry; checking again here keeps one bad number out of an
  // export's viewBox and out of pdf-lib, which would fail on it.
  const finite = (e: ElementData): boolean => [e.x, e.y, e.w, e.h].every(Number.isFinite)
  const valid = board.elements.filter((e) => !invalid.has(e.id) && finite(e))
  const arenas = valid.filter((e) => e.type === 'arena').sort(compareZ)
  const others = valid.filter((e) => e.type !== 'arena').sort(compareZ)
  return [...arenas, ...others]
}

/** The links that are drawn: valid ones whose both ends are drawn elements. */
export function drawableLinks(board: BoardData, elementIds?: ReadonlySet<string>): LinkData[] {
  const ids = elementIds ?? new Set(drawableElements(board).map((e) => e.id))
  const invalid = invalidIds(board, 'links')
  return board.links.filter((l) => !invalid.has(l.id) && ids.has(l.from) && ids.has(l.to))
}

/** The bounding box of all drawn elements plus `margin` on every side, or `null` for an empty board. */
export function boardBounds(board: BoardData, margin = BOUNDS_MARGIN): Box | null {
  return boxesBounds(drawableElements(board), margin)
}

/** The bounding box of some boxes plus `margin`, or `null` for none. */
export function boxesBounds(boxes: Iterable<Box>, margin = 0): Box | null {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const b of boxes) {
    minX = Math.min(minX, b.x)
    minY = Math.min(minY, b.y)
    maxX = Math.max(maxX, b.x + Math.max(0, b.w))
    maxY = Math.max(maxY, b.y + Math.max(0, b.h))
  }
  if (!Number.isFinite(minX)) return null
  return { x: minX - margin, y: minY - margin, w: maxX - minX + 2 * margin, h: maxY - minY + 2 * margin }
}

/** Board to target coordinates: `target = board * scale + (x, y)`. */
export interface Transform {
  readonly scale: number
  readonly x: number
  readonly y: number
}

/**
 * The transform that shows `bounds` as large as possible inside a `width` x `height` area less `padding`
 * on every side, centred; never larger than `maxScale` (a one-element board should not fill a page with
 * one giant box).
 */
export function fitTransform(
  bounds: Box,
  width: number,
  height: number,
  padding = 0,
  maxScale = Infinity,
): Transform {
  const availW = Math.max(0, width - 2 * padding)
  const availH = Math.max(0, height - 2 * padding)
  const bw = Math.max(0, bounds.w)
  const bh = Math.max(0, bounds.h)
  // A side of zero size puts no limit on the scale; a point (both zero) is shown at `maxScale` or 1.
  const limits = [bw > 0 ? availW / bw : Infinity, bh > 0 ? availH / bh : Infinity, maxScale]
  const fitted = Math.min(...limits)
  const scale = Number.isFinite(fitted) ? fitted : 1
  return {
    scale,
    x: padding + (availW - bw * scale) / 2 - bounds.x * scale,
    y: padding + (availH - bh * scale) / 2 - bounds.y * scale,
  }
}

/** A board, ready to draw. */
export interface BoardScene {
  /** Arenas, drawn first, by `z`. */
  readonly arenas: readonly ElementDrawing[]
  /** Links, drawn above arenas and below elements. */
  readonly links: readonly LinkDrawing[]
  /** The other elements, drawn last, by `z`. */
  readonly elements: readonly ElementDrawing[]
  /** Everything drawn (elements, link labels) plus `BOUNDS_MARGIN`; `null` when nothing is drawn. */
  readonly bounds: Box | null
}

/** Lay out a whole board for drawing. */
export function boardScene(board: BoardData, options: DrawOptions): BoardScene {
  const drawn = drawableElements(board).map((e) => elementDrawing(e, options))
  const byId = new Map(drawn.map((d) => [d.id, d]))
  const links = drawableLinks(board, new Set(byId.keys())).map((l) =>
    linkDrawing(l, byId.get(l.from) as ElementDrawing, byId.get(l.to) as ElementDrawing, options),
  )
  const labelBoxes = links.flatMap((l) => (l.labelBox === null ? [] : [l.labelBox]))
  return {
    arenas: drawn.filter((d) => d.type === 'arena'),
    links,
    elements: drawn.filter((d) => d.type !== 'arena'),
    bounds: boxesBounds([...drawn, ...labelBoxes], BOUNDS_MARGIN),
  }
}

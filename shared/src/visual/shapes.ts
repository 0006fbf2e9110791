/**
 * The outline of each element type, in the element's local coordinates (origin at its top-left corner):
 * as path data for drawing, and as geometry for clipping links at the border and placing the label inside.
 * Every outline is convex and contains the box centre, which is what makes the clipping below exact and
 * unique: a ray from the centre crosses the border exactly once.
 */
import type { ElementType } from '../model/types.js'
import type { Box, Point } from './primitives.js'
import { num, polygonPath } from './primitives.js'

/** A rectangle with rounded corners of radius `r` (0 for square corners). */
export interface RoundRectOutline {
  readonly kind: 'roundRect'
  readonly w: number
  readonly h: number
  readonly r: number
}

/** An ellipse filling the box. */
export interface EllipseOutline {
  readonly kind: 'ellipse'
  readonly w: number
  readonly h: number
}

/** A convex polygon inside the box. */
export interface PolygonOutline {
  readonly kind: 'polygon'
  readonly w: number
  readonly h: number
  readonly points: readonly Point[]
}

/** The border of an element. */
export type Outline = RoundRectOutline | EllipseOutline | PolygonOutline

/** Size of the folded corner of a resource. */
export function resourceFold(w: number, h: number): number {
  return Math.min(16, w / 4, h / 3)
}

/** Size of the cut corners of a barrier's octagon. */
export function barrierCut(w: number, h: number): number {
  return Math.min(w, h) * 0.29
}

/**
 * The outline of an element of `type` in a `w` x `h` box: actors rounded rectangles, resources rectangles
 * with a folded corner, value outcomes ellipses, notes square sticky notes, barriers octagons (the stop
 * sign), arenas large frames with slightly rounded corners.
 */
export function elementOutline(type: ElementType, w: number, h: number): Outline {
  // A zero-sized box would make every division below meaningless.
  w = Math.max(1, w)
  h = Math.max(1, h)
  switch (type) {
    case 'actor':
      return { kind: 'roundRect', w, h, r: Math.min(12, w / 4, h / 4) }
    case 'arena':
      return { kind: 'roundRect', w, h, r: Math.min(8, w / 4, h / 4) }
    case 'note':
      return { kind: 'roundRect', w, h, r: Math.min(2, w / 4, h / 4) }
    case 'value':
      return { kind: 'ellipse', w, h }
    case 'resource': {
      const f = resourceFold(w, h)
      const points = [
        { x: 0, y: 0 },
        { x: w - f, y: 0 },
        { x: w, y: f },
        { x: w, y: h },
        { x: 0, y: h },
      ]
      return { kind: 'polygon', w, h, points }
    }
    case 'barrier': {
      const c = barrierCut(w, h)
      const points = [
        { x: c, y: 0 },
        { x: w - c, y: 0 },
        { x: w, y: c },
        { x: w, y: h - c },
        { x: w - c, y: h },
        { x: c, y: h },
        { x: 0, y: h - c },
        { x: 0, y: c },
      ]
      return { kind: 'polygon', w, h, points }
    }
    default: {
      const never: never = type
      throw new Error(`unknown element type ${String(never)}`)
    }
  }
}

/** The circle-to-cubic constant: a quarter circle is a cubic with handles `KAPPA * r` long. */
const KAPPA = 0.5522847498

/** Path data of an outline, in local coordinates (cubic curves, no arcs: every renderer agrees on those). */
export function outlinePath(outline: Outline): string {
  switch (outline.kind) {
    case 'polygon':
      return polygonPath(outline.points)
    case 'ellipse':
      return ellipsePath(outline.w / 2, outline.h / 2, outline.w / 2, outline.h / 2)
    case 'roundRect':
      return roundRectPath({ x: 0, y: 0, w: outline.w, h: outline.h }, outline.r)
  }
}

/** Path data of an ellipse around (cx, cy). */
export function ellipsePath(cx: number, cy: number, rx: number, ry: number): string {
  const kx = rx * KAPPA
  const ky = ry * KAPPA
  const p = (x: number, y: number): string => `${num(x)} ${num(y)}`
  return [
    `M${p(cx + rx, cy)}`,
    `C${p(cx + rx, cy + ky)} ${p(cx + kx, cy + ry)} ${p(cx, cy + ry)}`,
    `C${p(cx - kx, cy + ry)} ${p(cx - rx, cy + ky)} ${p(cx - rx, cy)}`,
    `C${p(cx - rx, cy - ky)} ${p(cx - kx, cy - ry)} ${p(cx, cy - ry)}`,
    `C${p(cx + kx, cy - ry)} ${p(cx + rx, cy - ky)} ${p(cx + rx, cy)} Z`,
  ].join(' ')
}

/**
 * Path data of a rectangle with rounded corners. `corners` says which corners are rounded (top-left,
 * top-right, bottom-right, bottom-left), so an arena's title bar can round only its top.
 */
export function roundRectPath(
  box: Box,
  r: number,
  corners: readonly [boolean, boolean, boolean, boolean] = [true, true, true, true],
): string {
  const { x, y, w, h } = box
  const rr = Math.max(0, Math.min(r, w / 2, h / 2))
  const [tl, tr, br, bl] = corners.map((c) => (c ? rr : 0)) as [number, number, number, number]
  const k = (n: number): number => n * (1 - KAPPA)
  const p = (px: number, py: number): string => `${num(px)} ${num(py)}`
  const parts = [`M${p(x + tl, y)}`, `L${p(x + w - tr, y)}`]
  if (tr > 0) parts.push(`C${p(x + w - k(tr), y)} ${p(x + w, y + k(tr))} ${p(x + w, y + tr)}`)
  parts.push(`L${p(x + w, y + h - br)}`)
  if (br > 0) parts.push(`C${p(x + w, y + h - k(br))} ${p(x + w - k(br), y + h)} ${p(x + w - br, y + h)}`)
  parts.push(`L${p(x + bl, y + h)}`)
  if (bl > 0) parts.push(`C${p(x + k(bl), y + h)} ${p(x, y + h - k(bl))} ${p(x, y + h - bl)}`)
  parts.push(`L${p(x, y + tl)}`)
  if (tl > 0) parts.push(`C${p(x, y + k(tl))} ${p(x + k(tl), y)} ${p(x + tl, y)}`)
  return `${parts.join(' ')} Z`
}

/**
 * Where the ray from the outline's centre towards `toward` (local coordinates) crosses the border. Links
 * start and end there, so that they touch each shape whatever its form. `toward` at the centre itself
 * returns the centre.
 */
export function clipToOutline(outline: Outline, toward: Point): Point {
  const cx = outline.w / 2
  const cy = outline.h / 2
  const dx = toward.x - cx
  const dy = toward.y - cy
  if (dx === 0 && dy === 0) return { x: cx, y: cy }
  const at = (s: number): Point => ({ x: cx + s * dx, y: cy + s * dy })
  switch (outline.kind) {
    case 'ellipse': {
      const a = outline.w / 2
      const b = outline.h / 2
      return at(1 / Math.sqrt((dx / a) ** 2 + (dy / b) ** 2))
    }
    case 'polygon': {
      let best = Number.POSITIVE_INFINITY
      const pts = outline.points
      for (let i = 0; i < pts.length; i++) {
        const a = pts[i] as Point
        const b = pts[(i + 1) % pts.length] as Point
        const s = raySegment(cx, cy, dx, dy, a, b)
        if (s !== null && s < best) best = s
      }
      return at(Number.isFinite(best) ? best : 0)
    }
    case 'roundRect': {
      const hw = outline.w / 2
      const hh = outline.h / 2
      const s = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy))
      const p = at(s)
      const r = outline.r
      const ox = Math.abs(p.x - cx) - (hw - r)
      const oy = Math.abs(p.y - cy) - (hh - r)
      if (r <= 0 || ox <= 0 || oy <= 0) return p
      // The rectangle's corner lies outside the rounded corner: meet the corner's circle instead.
      const ccx = cx + Math.sign(dx) * (hw - r)
      const ccy = cy + Math.sign(dy) * (hh - r)
      const fx = cx - ccx
      const fy = cy - ccy
      const A = dx * dx + dy * dy
      const B = 2 * (fx * dx + fy * dy)
      const C = fx * fx + fy * fy - r * r
      const root = (-B + Math.sqrt(Math.max(0, B * B - 4 * A * C))) / (2 * A)
      return at(root)
    }
  }
}

/** Parameter `s > 0` where the ray (cx, cy) + s (dx, dy) meets segment a-b, or `null`. */
function raySegment(cx: number, cy: number, dx: number, dy: number, a: Point, b: Point): number | null {
  const ex = b.x - a.x
  const ey = b.y - a.y
  const det = dx * -ey - dy * -ex
  if (Math.abs(det) < 1e-12) return null
  const ax = a.x - cx
  const ay = a.y - cy
  const s = (ax * -ey - ay * -ex) / det
  const u = (dx * ay - dy * ax) / det
  return s > 0 && u >= -1e-9 && u <= 1 + 1e-9 ? s : null
}

/** True when local point `p` lies inside the outline (for hit testing on the canvas). */
export function outlineContains(outline: Outline, p: Point): boolean {
  const cx = outline.w / 2
  const cy = outline.h / 2
  if (p.x === cx && p.y === cy) return true
  const border = clipToOutline(outline, p)
  return Math.hypot(p.x - cx, p.y - cy) <= Math.hypot(border.x - cx, border.y - cy) + 1e-9
}

/**
 * The largest convenient box inside the outline, less `pad`, where the icon and label go (local
 * coordinates). For an ellipse it is the inscribed rectangle of the same proportions.
 */
export function contentBox(outline: Outline, type: ElementType, pad: number): Box {
  const { w, h } = outline
  let ix = 0
  let iy = 0
  if (outline.kind === 'ellipse') {
    // The inscribed rectangle of an ellipse with the ellipse's proportions: 1/sqrt(2) of each axis.
    ix = (w * (1 - Math.SQRT1_2)) / 2
    iy = (h * (1 - Math.SQRT1_2)) / 2
  } else if (type === 'barrier') {
    // A rectangle inset by half the cut touches the diagonal edges with its corners.
    ix = iy = barrierCut(w, h) / 2
  } else if (type === 'resource') {
    // Keep the label clear of the folded corner (symmetrically, so centred text stays centred).
    ix = resourceFold(w, h) / 2
  }
  const x = ix + pad
  const y = iy + pad
  return { x, y, w: Math.max(0, w - 2 * x), h: Math.max(0, h - 2 * y) }
}

/**
 * How links are drawn. Each link kind has its own colour, width, dash and line end, so that kinds stay
 * apart in greyscale and for colour-blind readers: `provides` solid with a filled arrow, `integrates`
 * dashed with a diamond, `contributes` thick with an open arrow, `coordinates` dash-dotted with a filled
 * arrow, `hinders` red and dashed ending in a bar (blocked), and the two undirected kinds without an end:
 * `collaborates` dotted, `relates` thin and dashed.
 *
 * A link runs between the borders of its two elements (the centre-to-centre segment clipped at each
 * outline), its arrowhead is an explicit polygon (not an SVG marker: PDF and Konva have no markers, and
 * one polygon looks the same everywhere), and its label sits beside the middle of the line, never on it.
 */
import type { LinkData, LinkKind } from '../model/types.js'
import { LINK_KIND_NAMES } from '../i18n/terms.js'
import type { DrawOptions, ElementDrawing } from './elements.js'
import { BACKGROUND_COLOR, TEXT_COLOR } from './palette.js'
import type { Box, PathPrimitive, Point, Primitive } from './primitives.js'
import { num, pathPrimitive, polygonPath, polylinePath } from './primitives.js'
import { roundRectPath, clipToOutline } from './shapes.js'
import { LINE_HEIGHT, BASELINE_OFFSET, visibleText, wrapText } from './text.js'

/** Line ends. */
export const ARROWHEAD_KINDS = ['arrow', 'open', 'none', 'bar', 'diamond'] as const
/** A line end: filled triangle, open V, nothing, perpendicular bar, filled diamond. */
export type ArrowheadKind = (typeof ARROWHEAD_KINDS)[number]

/** How a link kind is drawn. */
export interface LinkStyle {
  /** 3:1 or more against white (WCAG 1.4.11). */
  readonly color: string
  readonly width: number
  /** Dash pattern in board units; empty for solid. */
  readonly dash: readonly number[]
  readonly lineCap: 'butt' | 'round'
  /** End at the `to` element; `none` for undirected kinds. */
  readonly head: ArrowheadKind
  /** Whether `from` -> `to` means something (`collaborates` and `relates` are symmetric). */
  readonly directed: boolean
}

/** The style of every link kind. */
export const LINK_STYLES: Readonly<Record<LinkKind, LinkStyle>> = {
  provides: { color: '#0072B2', width: 2, dash: [], lineCap: 'butt', head: 'arrow', directed: true },
  integrates: { color: '#B06A00', width: 2, dash: [8, 4], lineCap: 'butt', head: 'diamond', directed: true },
  contributes: { color: '#00805C', width: 3, dash: [], lineCap: 'butt', head: 'open', directed: true },
  collaborates: {
    color: '#A8437F',
    width: 2.5,
    dash: [0.5, 5],
    lineCap: 'round',
    head: 'none',
    directed: false,
  },
  coordinates: {
    color: '#6B5E00',
    width: 2,
    dash: [10, 4, 2, 4],
    lineCap: 'butt',
    head: 'arrow',
    directed: true,
  },
  hinders: { color: '#C62828', width: 2.5, dash: [6, 3], lineCap: 'butt', head: 'bar', directed: true },
  relates: { color: '#5F5F5F', width: 1.5, dash: [4, 4], lineCap: 'butt', head: 'none', directed: false },
}

/** Link labels: small, regular, at most two lines of `LINK_LABEL_MAX_WIDTH`. */
export const LINK_LABEL_FONT = { size: 11, bold: false } as const
/** Widest a link label may be before it wraps. */
export const LINK_LABEL_MAX_WIDTH = 160

/** Length (along the line) and width (across it) of a line end for a line `width` wide. */
export function arrowheadSize(width: number): { readonly length: number; readonly width: number } {
  return { length: 3 * width + 6, width: 2.4 * width + 5 }
}

/**
 * The points of a line end whose tip is at `tip`, pointing along the unit vector `dir`: a closed polygon
 * for `arrow` and `diamond` (filled), an open polyline for `open` (a V) and `bar` (a stroke across the
 * line), nothing for `none`.
 */
export function arrowheadPoints(tip: Point, dir: Point, head: ArrowheadKind, width: number): Point[] {
  const { length: L, width: W } = arrowheadSize(width)
  const n = { x: -dir.y, y: dir.x }
  const back = (t: number, side: number): Point => ({
    x: tip.x - dir.x * t + n.x * side,
    y: tip.y - dir.y * t + n.y * side,
  })
  switch (head) {
    case 'arrow':
      return [tip, back(L, W / 2), back(L, -W / 2)]
    case 'open':
      return [back(L, W / 2), tip, back(L, -W / 2)]
    case 'diamond':
      return [tip, back(L * 0.65, W / 2), back(L * 1.3, 0), back(L * 0.65, -W / 2)]
    case 'bar':
      return [back(0, W * 0.75), back(0, -W * 0.75)]
    case 'none':
      return []
  }
}

/** How far the line stops short of the tip, so that its square end does not poke out of the head. */
function lineInset(head: ArrowheadKind, width: number): number {
  const { length } = arrowheadSize(width)
  if (head === 'arrow') return length * 0.6
  if (head === 'diamond') return length * 1.2
  if (head === 'open') return width * 0.8
  return 0
}

/** The primitive of a line end, or `null` for `none`. */
export function arrowheadPrimitive(tip: Point, dir: Point, style: LinkStyle): PathPrimitive | null {
  const points = arrowheadPoints(tip, dir, style.head, style.width)
  if (points.length === 0) return null
  if (style.head === 'arrow' || style.head === 'diamond') {
    return pathPrimitive(polygonPath(points), { fill: style.color, stroke: style.color, strokeWidth: 1 })
  }
  return pathPrimitive(polylinePath(points), {
    stroke: style.color,
    strokeWidth: style.width,
    lineCap: 'round',
  })
}

/** One link, ready to draw (board coordinates). */
export interface LinkDrawing {
  readonly id: string
  readonly kind: LinkKind
  readonly from: string
  readonly to: string
  /** Where the line leaves `from`'s border and meets `to`'s border (the arrow's tip). */
  readonly start: Point
  readonly end: Point
  /** Box of the label, when there is one (for hit testing and for the bounds of an export). */
  readonly labelBox: Box | null
  /** Accessible name: "Kommunen provides Ekonomiskt bistånd". */
  readonly title: string
  readonly primitives: readonly Primitive[]
}

/** The fields of a link that decide how it looks. */
export type LinkLook = Pick<LinkData, 'id' | 'kind' | 'from' | 'to' | 'label'>

const centre = (e: ElementDrawing): Point => ({ x: e.x + e.w / 2, y: e.y + e.h / 2 })

/** Where the segment from `e`'s centre towards `target` (board coordinates) leaves `e`'s outline. */
export function borderPoint(e: ElementDrawing, target: Point): Point {
  const local = clipToOutline(e.outline, { x: target.x - e.x, y: target.y - e.y })
  return { x: local.x + e.x, y: local.y + e.y }
}

/** Everything needed to draw `link` between the drawn elements `from` and `to`. */
export function linkDrawing(
  link: LinkLook,
  from: ElementDrawing,
  to: ElementDrawing,
  options: DrawOptions,
): LinkDrawing {
  const custom = options.textFilter ?? ((s: string) => s)
  const filter = (s: string): string => custom(visibleText(s))
  const style = LINK_STYLES[link.kind]
  const geometry = from === to || from.id === to.id ? selfLoop(from) : straight(from, to)
  const inset = lineInset(style.head, style.width)
  const { start, end, dir } = geometry
  const lineEnd = { x: end.x - dir.x * inset, y: end.y - dir.y * inset }
  const d =
    geometry.control === null
      ? `M${num(start.x)} ${num(start.y)} L${num(lineEnd.x)} ${num(lineEnd.y)}`
      : `M${num(start.x)} ${num(start.y)} C${geometry.control.map((p) => `${num(p.x)} ${num(p.y)}`).join(' ')} ${num(lineEnd.x)} ${num(lineEnd.y)}`
  const primitives: Primitive[] = [
    pathPrimitive(d, {
      stroke: style.color,
      strokeWidth: style.width,
      dash: style.dash,
      lineCap: style.lineCap,
    }),
  ]
  const head = arrowheadPrimitive(end, dir, style)
  if (head !== null) primitives.push(head)
  const label = filter(link.label).replace(/\s+/g, ' ').trim()
  const placed = label === '' ? null : placeLabel(label, geometry.labelAt, geometry.labelNormal)
  if (placed !== null) primitives.push(...labelPrimitives(placed))
  const verb = LINK_KIND_NAMES[options.lang][link.kind].verb
  const suffix = label === '' ? '' : ` (${label})`
  return {
    id: link.id,
    kind: link.kind,
    from: link.from,
    to: link.to,
    start,
    end,
    labelBox: placed?.box ?? null,
    title: `${from.label} ${verb} ${to.label}${suffix}`,
    primitives,
  }
}

interface Geometry {
  readonly start: Point
  readonly end: Point
  /** Unit direction of the line where it arrives at `end`. */
  readonly dir: Point
  /** Cubic control points of a curved link, `null` for a straight one. */
  readonly control: readonly [Point, Point] | null
  readonly labelAt: Point
  /** Unit vector pointing to the side of the line where the label goes. */
  readonly labelNormal: Point
}

function unit(x: number, y: number): Point {
  const len = Math.hypot(x, y)
  return len === 0 ? { x: 1, y: 0 } : { x: x / len, y: y / len }
}

function straight(from: ElementDrawing, to: ElementDrawing): Geometry {
  const cf = centre(from)
  const ct = centre(to)
  let start = borderPoint(from, ct)
  let end = borderPoint(to, cf)
  // Overlapping elements: the clipped ends cross over; run centre to centre so the link stays visible.
  if ((end.x - start.x) * (ct.x - cf.x) + (end.y - start.y) * (ct.y - cf.y) <= 0) {
    start = cf
    end = ct
  }
  const dir = unit(end.x - start.x, end.y - start.y)
  // The label goes above the line (or right of a vertical one), whichever way the link runs.
  let normal = { x: -dir.y, y: dir.x }
  if (normal.y > 1e-9 || (Math.abs(normal.y) <= 1e-9 && normal.x < 0)) normal = { x: -normal.x, y: -normal.y }
  const labelAt = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 }
  return { start, end, dir, control: null, labelAt, labelNormal: normal }
}

/** A link from an element to itself: a loop over its top-right corner. */
function selfLoop(e: ElementDrawing): Geometry {
  const c = centre(e)
  const start = borderPoint(e, { x: c.x + e.w * 0.2, y: e.y - e.h })
  const end = borderPoint(e, { x: e.x + e.w * 2, y: c.y - e.h * 0.2 })
  const reach = Math.max(30, Math.min(e.w, e.h) * 0.6)
  const c1 = { x: start.x, y: start.y - reach }
  const c2 = { x: end.x + reach, y: end.y }
  const dir = unit(end.x - c2.x, end.y - c2.y)
  // The middle of the cubic (t = 1/2).
  const labelAt = {
    x: (start.x + 3 * c1.x + 3 * c2.x + end.x) / 8,
    y: (start.y + 3 * c1.y + 3 * c2.y + end.y) / 8,
  }
  return { start, end, dir, control: [c1, c2], labelAt, labelNormal: unit(1, -1) }
}

const LABEL_PAD = 3
const LABEL_GAP = 3

function placeLabel(label: string, at: Point, normal: Point): { box: Box; lines: readonly string[] } {
  const { size, bold } = LINK_LABEL_FONT
  const wrapped = wrapText(label, { maxWidth: LINK_LABEL_MAX_WIDTH, size, bold, maxLines: 2 })
  const w = wrapped.width + 2 * LABEL_PAD
  const h = wrapped.lines.length * size * LINE_HEIGHT + 2 * LABEL_PAD
  // Far enough along the normal that the box clears the line, whatever the line's angle.
  const clear = Math.abs(normal.x) * (w / 2) + Math.abs(normal.y) * (h / 2) + LABEL_GAP
  const cx = at.x + normal.x * clear
  const cy = at.y + normal.y * clear
  return { box: { x: cx - w / 2, y: cy - h / 2, w, h }, lines: wrapped.lines }
}

function labelPrimitives(placed: { box: Box; lines: readonly string[] }): Primitive[] {
  const { box, lines } = placed
  const { size, bold } = LINK_LABEL_FONT
  return [
    pathPrimitive(roundRectPath(box, 3), { fill: BACKGROUND_COLOR, fillOpacity: 0.9 }),
    {
      kind: 'text',
      lines: lines.map((text, i) => ({
        text,
        x: box.x + box.w / 2,
        y: box.y + LABEL_PAD + i * size * LINE_HEIGHT + BASELINE_OFFSET * size,
      })),
      size,
      bold,
      color: TEXT_COLOR,
      anchor: 'middle',
    },
  ]
}

/**
 * Drawing primitives: what the visual language hands to a renderer. Everything on the board (an element, a
 * link, the legend) becomes a short list of three kinds of primitive, with every position, colour, dash and
 * text line already decided, so that a renderer (the Konva canvas, the SVG export, the PDF export) only
 * translates and never lays out. That is what keeps the board looking the same on screen, in SVG and in PDF.
 *
 * Coordinates are board units, y down. An element's primitives are local to its top-left corner (a Konva
 * `Group` at the element's `x, y` can be dragged without recomputing them); a link's are board coordinates.
 */
import type { IconName } from './icons.js'

/** A filled and/or stroked outline, as SVG path data (absolute `M L C A Z` commands only). */
export interface PathPrimitive {
  readonly kind: 'path'
  readonly d: string
  /** Fill colour, or `null` for none. */
  readonly fill: string | null
  /**
   * 0..1. Below 1 only on primitives without a stroke, so a renderer without a separate fill opacity
   * (Konva) can use the node's `opacity` for it.
   */
  readonly fillOpacity: number
  /** Stroke colour, or `null` for none. */
  readonly stroke: string | null
  readonly strokeWidth: number
  /** Dash pattern in board units; empty for solid. */
  readonly dash: readonly number[]
  readonly lineCap: 'butt' | 'round'
}

/** An icon from `ICONS`, scaled from its 24x24 grid to `size`, stroked in `color`. */
export interface IconPrimitive {
  readonly kind: 'icon'
  readonly icon: IconName
  /** Top-left corner. */
  readonly x: number
  readonly y: number
  readonly size: number
  readonly color: string
}

/** One line of a text block. */
export interface TextLine {
  readonly text: string
  /** Anchor point of the line: its left end, middle or right end, per the block's `anchor`. */
  readonly x: number
  /** Baseline. */
  readonly y: number
}

/** A block of already wrapped text in Helvetica (regular or bold). */
export interface TextPrimitive {
  readonly kind: 'text'
  readonly lines: readonly TextLine[]
  readonly size: number
  readonly bold: boolean
  readonly color: string
  readonly anchor: 'start' | 'middle' | 'end'
}

/** Anything the visual language draws. */
export type Primitive = PathPrimitive | IconPrimitive | TextPrimitive

/** A point in board units. */
export interface Point {
  readonly x: number
  readonly y: number
}

/** An axis-aligned box in board units. */
export interface Box {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/** A path primitive with the usual defaults (no fill, no stroke, solid, butt caps). */
export function pathPrimitive(d: string, style: Partial<Omit<PathPrimitive, 'kind' | 'd'>>): PathPrimitive {
  return {
    kind: 'path',
    d,
    fill: style.fill ?? null,
    fillOpacity: style.fillOpacity ?? 1,
    stroke: style.stroke ?? null,
    strokeWidth: style.strokeWidth ?? 1,
    dash: style.dash ?? [],
    lineCap: style.lineCap ?? 'butt',
  }
}

/** A number as short path or attribute text (at most two decimals, no `-0`). */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100
  return Object.is(r, -0) ? '0' : String(r)
}

/** Path data of a closed polygon. */
export function polygonPath(points: readonly Point[]): string {
  return `${points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)} ${num(p.y)}`).join(' ')} Z`
}

/** Path data of an open polyline. */
export function polylinePath(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)} ${num(p.y)}`).join(' ')
}

/** Shift every coordinate pair of path data made of `M L C Z` commands (what `shapes.ts` produces). */
export function offsetPath(d: string, dx: number, dy: number): string {
  let even = true
  return d.replace(/[MLCZ]|-?\d+(?:\.\d+)?(?:e-?\d+)?/gi, (token) => {
    if (/^[a-z]$/i.test(token)) {
      even = true
      return token
    }
    const shifted = Number(token) + (even ? dx : dy)
    even = !even
    return String(Math.round(shifted * 100) / 100)
  })
}

/**
 * How one element is drawn: its outline, decorations (a resource's folded corner, an arena's title bar), its
 * icon and its wrapped label, as primitives local to the element's top-left corner. The canvas calls
 * `elementDrawing` for an element whenever the element changes and draws the primitives in a `Group` at
 * `x, y`; the exports call it for every element of a board.
 */
import type { ElementData, ElementType } from '../model/types.js'
import type { Language } from '../i18n/terms.js'
import { ELEMENT_TYPE_NAMES, kindName } from '../i18n/terms.js'
import type { IconName } from './icons.js'
import { iconFor } from './icons.js'
import type { ShapeStyle } from './palette.js'
import { ARENA_TITLE_FILL, blend, elementStyle } from './palette.js'
import type { Box, Primitive } from './primitives.js'
import { pathPrimitive, polygonPath } from './primitives.js'
import type { Outline } from './shapes.js'
import {
  contentBox,
  elementOutline,
  outlineContains,
  outlinePath,
  resourceFold,
  roundRectPath,
} from './shapes.js'
import { BASELINE_OFFSET, LINE_HEIGHT, ellipsize, visibleText } from './text.js'
import { textBlock } from './textBlock.js'

/** Label font of each element type (board units; bold where the type anchors the map). */
export const ELEMENT_FONTS: Readonly<Record<ElementType, { readonly size: number; readonly bold: boolean }>> =
  {
    actor: { size: 14, bold: true },
    resource: { size: 13, bold: false },
    value: { size: 13, bold: true },
    note: { size: 13, bold: false },
    barrier: { size: 13, bold: true },
    arena: { size: 16, bold: true },
  }

/** The fields of an element that decide how it looks. */
export type ElementLook = Pick<
  ElementData,
  'id' | 'type' | 'kind' | 'x' | 'y' | 'w' | 'h' | 'label' | 'color'
>

/** Options shared by everything that draws text. */
export interface DrawOptions {
  readonly lang: Language
  /**
   * Applied to every text before it is measured and drawn. The PDF export passes its WinAnsi substitution
   * here, so that the lines are broken on the text that is actually drawn.
   */
  readonly textFilter?: (text: string) => string
}

/** One element, ready to draw. */
export interface ElementDrawing {
  readonly id: string
  readonly type: ElementType
  readonly kind: string
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
  /** Local outline, for clipping links and hit testing. */
  readonly outline: Outline
  readonly style: ShapeStyle
  readonly icon: IconName
  /** The label as drawn (after `textFilter`). */
  readonly label: string
  /** Accessible name: "Actor (Organisation): Kommunen". */
  readonly title: string
  /** Primitives in local coordinates (origin at `x, y`), in drawing order. */
  readonly primitives: readonly Primitive[]
}

/** Height of an arena's title bar. */
export function arenaTitleHeight(h: number): number {
  return Math.min(h, Math.max(28, ELEMENT_FONTS.arena.size * 2))
}

/** The accessible name of an element: type, kind (unless `other`) and label. */
export function elementTitle(lang: Language, type: ElementType, kind: string, label: string): string {
  const typeName = ELEMENT_TYPE_NAMES[lang][type].one
  const kindPart = kind === 'other' ? '' : ` (${kindName(lang, type, kind)})`
  return `${typeName}${kindPart}: ${label}`
}

/** Everything needed to draw `element`. */
export function elementDrawing(element: ElementLook, options: DrawOptions): ElementDrawing {
  const custom = options.textFilter ?? ((s: string) => s)
  const filter = (s: string): string => custom(visibleText(s))
  const { type, kind } = element
  const outline = elementOutline(type, element.w, element.h)
  const style = elementStyle(type, kind, element.color)
  const icon = iconFor(type, kind)
  const label = filter(element.label)
  const primitives =
    type === 'arena'
      ? arenaPrimitives(outline, style, icon, label)
      : shapePrimitives(outline, style, type, icon, label)
  return {
    id: element.id,
    type,
    kind,
    x: element.x,
    y: element.y,
    w: outline.w,
    h: outline.h,
    outline,
    style,
    icon,
    label,
    title: filter(elementTitle(options.lang, type, kind, element.label)),
    primitives,
  }
}

function shapePrimitives(
  outline: Outline,
  style: ShapeStyle,
  type: ElementType,
  icon: IconName,
  label: string,
): Primitive[] {
  const { w, h } = outline
  const out: Primitive[] = [
    pathPrimitive(outlinePath(outline), {
      fill: style.fill,
      fillOpacity: style.fillOpacity,
      stroke: style.stroke,
      strokeWidth: style.strokeWidth,
      dash: style.dash,
    }),
  ]
  if (type === 'resource') {
    const f = resourceFold(w, h)
    const fold = [
      { x: w - f, y: 0 },
      { x: w - f, y: f },
      { x: w, y: f },
    ]
    // An opaque mix rather than a translucent fill: no primitive has both a stroke and fill opacity.
    const foldFill = blend(style.stroke, style.fill, 0.35)
    out.push(pathPrimitive(polygonPath(fold), { fill: foldFill, stroke: style.stroke }))
  }
  const pad = Math.min(10, Math.max(4, Math.min(w, h) * 0.08))
  const box = contentBox(outline, type, pad)
  const font = ELEMENT_FONTS[type]
  const isNote = type === 'note'
  // The icon takes a column on the left; tiny elements drop it and keep the label.
  const iconSize = Math.min(22, box.h, box.w * 0.22)
  const gap = 6
  let textBox: Box = box
  if (iconSize >= 10) {
    const iconX = isNote ? box.x : iconLeft(outline, iconSize, pad)
    const iconY = isNote ? box.y : (h - iconSize) / 2
    out.push({ kind: 'icon', icon, x: iconX, y: iconY, size: iconSize, color: style.ink })
    const left = Math.max(box.x, iconX + iconSize + gap)
    textBox = { x: left, y: box.y, w: box.x + box.w - left, h: box.h }
  }
  const text = textBlock(label, textBox, {
    size: font.size,
    bold: font.bold,
    color: style.text,
    align: isNote ? 'start' : 'middle',
    verticalAlign: isNote ? 'top' : 'middle',
  })
  if (text !== null) out.push(text)
  return out
}

/**
 * The leftmost x at which an icon of `size`, centred vertically, lies inside the outline (at least `pad`
 * in). Ellipses and octagons have room beside their label box at mid-height; using it leaves the label
 * the whole width of the box.
 */
function iconLeft(outline: Outline, size: number, pad: number): number {
  const top = (outline.h - size) / 2
  for (let x = pad; x < outline.w / 2; x += 1) {
    // The outlines are convex and symmetric, so the left corners are the ones that may stick out.
    const inset = { x: x - 2, y: top - 2 }
    const below = { x: x - 2, y: top + size + 2 }
    if (outlineContains(outline, inset) && outlineContains(outline, below)) return x
  }
  return pad
}

function arenaPrimitives(outline: Outline, style: ShapeStyle, icon: IconName, label: string): Primitive[] {
  const { w, h } = outline
  const r = outline.kind === 'roundRect' ? outline.r : 0
  const d = outlinePath(outline)
  const bar = arenaTitleHeight(h)
  const font = ELEMENT_FONTS.arena
  const out: Primitive[] = [
    pathPrimitive(d, { fill: style.fill, fillOpacity: style.fillOpacity }),
    pathPrimitive(roundRectPath({ x: 0, y: 0, w, h: bar }, r, [true, true, false, false]), {
      fill: ARENA_TITLE_FILL,
    }),
    // The frame is stroked last so that the title bar does not cover half of its line.
    pathPrimitive(d, { stroke: style.stroke, strokeWidth: style.strokeWidth, dash: style.dash }),
  ]
  const pad = 8
  const iconSize = Math.min(bar * 0.6, 18)
  let textX = pad
  if (w >= 4 * iconSize && iconSize >= 8) {
    out.push({ kind: 'icon', icon, x: pad, y: (bar - iconSize) / 2, size: iconSize, color: style.ink })
    textX += iconSize + 6
  }
  const size = Math.min(font.size, bar / LINE_HEIGHT)
  const line = ellipsize(label.replace(/\s+/g, ' ').trim(), w - textX - pad, size, font.bold)
  if (line !== '') {
    const y = (bar - size * LINE_HEIGHT) / 2 + BASELINE_OFFSET * size
    out.push({
      kind: 'text',
      lines: [{ text: line, x: textX, y }],
      size,
      bold: true,
      color: style.text,
      anchor: 'start',
    })
  }
  return out
}

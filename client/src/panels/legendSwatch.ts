/**
 * The legend's small pictures, as primitives of the shared visual language (the same shapes, colours,
 * dashes, line ends and icons the canvas and the exports draw), to be shown as SVG.
 */
import {
  ELEMENT_STYLES,
  LINK_STYLES,
  RESOURCE_CLASS_DASH,
  BACKGROUND_COLOR,
  arrowheadPrimitive,
  blend,
  elementOutline,
  iconFor,
  offsetPath,
  outlinePath,
  pathPrimitive,
  type ElementType,
  type LegendEntry,
  type Primitive,
} from '@circleboard/shared'

/** Size of a swatch, board units (drawn 1:1 in px). */
export const SWATCH_W = 40
export const SWATCH_H = 22

/** The primitives of one legend entry's swatch, in a `SWATCH_W` x `SWATCH_H` box. */
export function swatchPrimitives(entry: LegendEntry): Primitive[] {
  const midY = SWATCH_H / 2
  if (entry.entry === 'link') {
    const style = LINK_STYLES[entry.linkKind]
    const x1 = SWATCH_W - 3
    const head = arrowheadPrimitive({ x: x1, y: midY }, { x: 1, y: 0 }, style)
    const inset = style.head === 'arrow' || style.head === 'diamond' ? 8 : 0
    return [
      pathPrimitive(`M3 ${midY} L${x1 - inset} ${midY}`, {
        stroke: style.color,
        strokeWidth: style.width,
        dash: style.dash,
        lineCap: style.lineCap,
      }),
      ...(head === null ? [] : [head]),
    ]
  }
  if (entry.entry === 'kind') {
    const size = 18
    return [
      {
        kind: 'icon',
        icon: iconFor(entry.type, entry.kind),
        x: (SWATCH_W - size) / 2,
        y: midY - size / 2,
        size,
        color: ELEMENT_STYLES[entry.type].ink,
      },
    ]
  }
  const type: ElementType = entry.entry === 'type' ? entry.type : 'resource'
  const style = ELEMENT_STYLES[type]
  const dash = entry.entry === 'resource-class' ? RESOURCE_CLASS_DASH[entry.resourceClass] : style.dash
  const w = SWATCH_W - 4
  const h = SWATCH_H - 4
  const out: Primitive[] = [
    pathPrimitive(offsetPath(outlinePath(elementOutline(type, w, h)), 2, 2), {
      fill: blend(style.fill, BACKGROUND_COLOR, type === 'arena' ? 0.25 : style.fillOpacity),
      stroke: style.stroke,
      strokeWidth: Math.min(style.strokeWidth, 2),
      dash,
    }),
  ]
  if (entry.entry === 'type') {
    const size = 14
    out.push({
      kind: 'icon',
      icon: iconFor(type, 'other'),
      x: (SWATCH_W - size) / 2,
      y: midY - size / 2,
      size,
      color: style.ink,
    })
  }
  return out
}

/**
 * The legend's small pictures, as primitives of the shared visual language (the same shapes, colours,
 * dashes, line ends and icons the canvas and the exports draw), to be shown as SVG.
 */
import { legendSwatch, type LegendEntry, type Primitive } from '@circleboard/shared'

/** Size of a swatch, board units (drawn 1:1 in px). */
export const SWATCH_W = 40
export const SWATCH_H = 22

/** The primitives of one legend entry's swatch, in a `SWATCH_W` x `SWATCH_H` box. */
export function swatchPrimitives(entry: LegendEntry): Primitive[] {
  return legendSwatch(entry, { x: 0, y: 0, w: SWATCH_W, h: SWATCH_H, pad: 2, kindIconSize: 18 })
}

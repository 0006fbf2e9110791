/**
 * Primitives of the visual language drawn on a pdf-lib page. Like `drawSvg.ts` this only translates. Paths
 * and icons go through `drawSvgPath`, which maps SVG's y-down coordinates onto the page and scales line
 * widths and dashes with the drawing, exactly as an SVG viewBox does; text is placed line by line at the
 * baselines the visual module computed, in the standard Helvetica fonts.
 */
// Types only: pdf-lib itself is loaded by `exportPdf` when a PDF is made (see pdf.ts), so that a server
// or a page that never makes a PDF does not carry it in memory.
import type { Color, LineCapStyle, PDFFont, PDFPage } from 'pdf-lib'

/** pdf-lib's `LineCapStyle.Round` (a numeric enum); written as its value to keep pdf-lib out of this module. */
const ROUND_CAP = 1 as LineCapStyle
import type { Point, Primitive, Transform } from '../visual/index.js'
import { ICONS, ICON_GRID, ICON_STROKE_WIDTH, parseColor } from '../visual/index.js'
import { toWinAnsi } from './pdfWinAnsi.js'

/** The two fonts every drawn PDF uses. */
export interface PdfFonts {
  readonly regular: PDFFont
  readonly bold: PDFFont
}

/** A CSS colour as a pdf-lib colour (black when it does not parse). */
export function pdfColor(css: string): Color {
  const c = parseColor(css) ?? { r: 0, g: 0, b: 0, a: 1 }
  // pdf-lib's `rgb(r, g, b)` returns exactly this shape; building it here avoids loading pdf-lib.
  return { type: 'RGB', red: c.r / 255, green: c.g / 255, blue: c.b / 255 } as Color
}

/** How primitives are placed on the page. */
export interface PdfPlacement {
  /** Board units to page points, measured from the page's top-left corner, y down. */
  readonly transform: Transform
  /** Added to every primitive before the transform (an element's position for its local primitives). */
  readonly offset?: Point
  /** Text smaller than this (points) is left out: unreadable, and only bloats the file. */
  readonly minTextSize?: number
}

/** Draw `primitives` on `page`. */
export function drawPrimitives(
  page: PDFPage,
  primitives: readonly Primitive[],
  fonts: PdfFonts,
  placement: PdfPlacement,
): void {
  const { scale, x: tx, y: ty } = placement.transform
  const ox = placement.offset?.x ?? 0
  const oy = placement.offset?.y ?? 0
  const height = page.getHeight()
  // Page position of local point (0, 0), in pdf-lib's y-up page coordinates.
  const x0 = ox * scale + tx
  const y0 = height - (oy * scale + ty)
  for (const p of primitives) {
    switch (p.kind) {
      case 'path': {
        const fill = p.fill === null ? {} : { color: pdfColor(p.fill), opacity: p.fillOpacity }
        const stroke =
          p.stroke === null
            ? {}
            : {
                borderColor: pdfColor(p.stroke),
                borderWidth: p.strokeWidth,
                borderDashArray: [...p.dash],
                ...(p.lineCap === 'round' ? { borderLineCap: ROUND_CAP } : {}),
              }
        if (p.fill === null && p.stroke === null) break
        page.drawSvgPath(p.d, { x: x0, y: y0, scale, ...fill, ...stroke })
        break
      }
      case 'icon':
        page.drawSvgPath(ICONS[p.icon], {
          x: x0 + p.x * scale,
          y: y0 - p.y * scale,
          scale: (scale * p.size) / ICON_GRID,
          borderColor: pdfColor(p.color),
          borderWidth: ICON_STROKE_WIDTH,
          borderLineCap: ROUND_CAP,
        })
        break
      case 'text': {
        const size = p.size * scale
        if (size < (placement.minTextSize ?? 0)) break
        const font = p.bold ? fonts.bold : fonts.regular
        const color = pdfColor(p.color)
        for (const line of p.lines) {
          const text = toWinAnsi(line.text).replace(/\n/g, ' ')
          if (text === '') continue
          const width = font.widthOfTextAtSize(text, size)
          const shift = p.anchor === 'middle' ? width / 2 : p.anchor === 'end' ? width : 0
          page.drawText(text, { x: x0 + line.x * scale - shift, y: y0 - line.y * scale, size, font, color })
        }
        break
      }
    }
  }
}

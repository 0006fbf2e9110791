/**
 * Draws the visual language's primitives on a 2D canvas: the same primitives the SVG and PDF exports
 * draw, so the screen matches them (shared `visual/`). Path data becomes a cached `Path2D`; text is drawn
 * line by line at the baselines the primitives give (never re-wrapped here).
 *
 * Level of detail: `pixelScale` is screen pixels per board unit. Text smaller than 3.5 px and icons smaller
 * than 5 px are not drawn (nobody can read them, and at "zoom to fit" on a large board they would be most
 * of the work); outlines always are.
 */
import { ICONS, ICON_GRID, ICON_STROKE_WIDTH, type IconName, type Primitive } from '@circleboard/shared'

const pathCache = new Map<string, Path2D>()
const MAX_CACHED_PATHS = 20_000

/** A cached Path2D for SVG path data. */
export function path2d(d: string): Path2D {
  let p = pathCache.get(d)
  if (!p) {
    if (pathCache.size >= MAX_CACHED_PATHS) pathCache.clear()
    p = new Path2D(d)
    pathCache.set(d, p)
  }
  return p
}

const iconCache = new Map<IconName, Path2D>()
function iconPath(name: IconName): Path2D {
  let p = iconCache.get(name)
  if (!p) iconCache.set(name, (p = new Path2D(ICONS[name])))
  return p
}

/** The CSS font of a text primitive (the exports name the same family). */
export function fontOf(size: number, bold: boolean): string {
  return `${bold ? 'bold ' : ''}${size}px Helvetica, Arial, 'Liberation Sans', sans-serif`
}

const MIN_TEXT_PX = 3.5
const MIN_ICON_PX = 5

/** Draws primitives; `pixelScale` decides what is too small to draw. */
export function drawPrimitives(
  ctx: CanvasRenderingContext2D,
  primitives: readonly Primitive[],
  pixelScale: number,
): void {
  for (const p of primitives) {
    switch (p.kind) {
      case 'path': {
        const path = path2d(p.d)
        if (p.fill) {
          ctx.globalAlpha *= p.fillOpacity
          ctx.fillStyle = p.fill
          ctx.fill(path)
          ctx.globalAlpha /= p.fillOpacity || 1
        }
        if (p.stroke && p.strokeWidth > 0) {
          ctx.strokeStyle = p.stroke
          ctx.lineWidth = p.strokeWidth
          ctx.lineCap = p.lineCap
          ctx.setLineDash(p.dash as number[])
          ctx.stroke(path)
          ctx.setLineDash([])
        }
        break
      }
      case 'icon': {
        if (p.size * pixelScale < MIN_ICON_PX) break
        const k = p.size / ICON_GRID
        ctx.save()
        ctx.translate(p.x, p.y)
        ctx.scale(k, k)
        ctx.strokeStyle = p.color
        ctx.lineWidth = ICON_STROKE_WIDTH
        ctx.lineCap = 'round'
        ctx.lineJoin = 'round'
        ctx.stroke(iconPath(p.icon))
        ctx.restore()
        break
      }
      case 'text': {
        if (p.size * pixelScale < MIN_TEXT_PX) break
        ctx.font = fontOf(p.size, p.bold)
        ctx.fillStyle = p.color
        ctx.textBaseline = 'alphabetic'
        ctx.textAlign = p.anchor === 'middle' ? 'center' : p.anchor === 'end' ? 'right' : 'left'
        for (const line of p.lines) ctx.fillText(line.text, line.x, line.y)
        break
      }
    }
  }
}

/**
 * The element drawn at very small scale: only its first primitive (the outline) with its fill and border.
 * Used when thousands of elements are in view at once.
 */
export function drawOutlineOnly(ctx: CanvasRenderingContext2D, primitives: readonly Primitive[]): void {
  const first = primitives[0]
  if (!first || first.kind !== 'path') return
  const path = path2d(first.d)
  if (first.fill) {
    ctx.fillStyle = first.fill
    ctx.fill(path)
  }
  if (first.stroke) {
    ctx.strokeStyle = first.stroke
    ctx.lineWidth = first.strokeWidth
    ctx.stroke(path)
  }
}

/**
 * The board layer's shapes. Two ways of drawing, chosen by how many elements are in view:
 * - detail (up to `DETAIL_LIMIT` in view): one Konva shape per element, each subscribed to its own record
 *   (a remote change re-renders that element only), plus one shape for all links;
 * - overview (more in view, e.g. "zoom to fit" on a large board): one shape draws everything in a single
 *   pass, elements reduced to their outline when they are only a few pixels tall.
 * Every shape draws the visual language's primitives (the same the exports draw) and reads what it needs
 * at draw time (camera scale, filter, what is being dragged), so none of that re-renders React.
 */
import { memo, useLayoutEffect, useRef, useSyncExternalStore } from 'react'
import { Shape } from 'react-konva'
import type Konva from 'konva'
import { compareZ, type ElementData, type LinkDrawing } from '@circleboard/shared'
import type { BoardModel } from '../board/BoardModel.js'
import { isEmptyFilter, matchesFilter } from '../board/Filter.js'
import { drawOutlineOnly, drawPrimitives } from './drawPrimitives.js'
import type { DrawContext } from './drawContext.js'

/** Most elements drawn as separate shapes; beyond this the overview shape draws them all at once. */
export const DETAIL_LIMIT = 350
/** Opacity of elements that do not match the filter. */
export const DIMMED = 0.18
/** Below this on-screen height (px) an element is drawn as its outline only. */
const OUTLINE_ONLY_PX = 14

function native(ctx: Konva.Context): CanvasRenderingContext2D {
  return (ctx as unknown as { _context: CanvasRenderingContext2D })._context
}

/** One element, drawn from its own subscription. */
export const ElementShape = memo(function ElementShape({ id, draw }: { id: string; draw: DrawContext }) {
  const { store } = draw.model
  const drawing = useSyncExternalStore(
    (l) => store.subscribeElement(id, l),
    () => store.drawing(id),
  )
  const ref = useRef<Konva.Shape>(null)
  useLayoutEffect(() => {
    // Explicit drawing (Konva.autoDrawEnabled is off): this element changed, the layer redraws once.
    ref.current?.getLayer()?.batchDraw()
  }, [drawing])
  if (!drawing) return null
  return (
    <Shape
      ref={ref}
      x={drawing.x}
      y={drawing.y}
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(ctx) => {
        if (draw.hidden().has(id)) return
        const c = native(ctx)
        const dim = draw.dimmed(id)
        if (dim) c.globalAlpha = DIMMED
        drawPrimitives(c, drawing.primitives, draw.scale())
        if (dim) c.globalAlpha = 1
      }}
    />
  )
})

/** Draws links (in board coordinates), skipping those with an end in `hidden`. */
export function drawLinks(
  c: CanvasRenderingContext2D,
  model: BoardModel,
  draw: DrawContext,
  visible: (d: LinkDrawing) => boolean,
  simple: boolean,
): void {
  const hidden = draw.hidden()
  const filtering = !isEmptyFilter(model.filter.get())
  for (const link of model.store.allLinks()) {
    if (hidden.has(link.from) || hidden.has(link.to)) continue
    const d = model.store.linkDrawingOf(link.id)
    if (!d || !visible(d)) continue
    const dim = filtering && (draw.dimmed(link.from) || draw.dimmed(link.to))
    if (dim) c.globalAlpha = DIMMED
    if (simple) {
      const first = d.primitives[0]
      c.strokeStyle = first?.kind === 'path' && first.stroke ? first.stroke : '#666'
      c.lineWidth = first?.kind === 'path' ? first.strokeWidth : 1
      c.beginPath()
      c.moveTo(d.start.x, d.start.y)
      c.lineTo(d.end.x, d.end.y)
      c.stroke()
    } else {
      drawPrimitives(c, d.primitives, draw.scale())
    }
    if (dim) c.globalAlpha = 1
  }
}

/** A link is worth drawing when its bounding box touches the view. */
function linkInView(d: LinkDrawing, view: { x: number; y: number; w: number; h: number }): boolean {
  const x0 = Math.min(d.start.x, d.end.x)
  const y0 = Math.min(d.start.y, d.end.y)
  const x1 = Math.max(d.start.x, d.end.x)
  const y1 = Math.max(d.start.y, d.end.y)
  return x1 >= view.x && x0 <= view.x + view.w && y1 >= view.y && y0 <= view.y + view.h
}

/** All links of the board, in one shape. */
export function LinksShape({ draw }: { draw: DrawContext }) {
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(ctx) => {
        const view = draw.model.camera.viewBox(40)
        drawLinks(native(ctx), draw.model, draw, (d) => linkInView(d, view), false)
      }}
    />
  )
}

/** Everything in view in one pass: for views with more elements than `DETAIL_LIMIT`. */
export function OverviewShape({ ids, draw }: { ids: readonly string[]; draw: DrawContext }) {
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(ctx) => {
        const c = native(ctx)
        const { model } = draw
        const scale = draw.scale()
        const hidden = draw.hidden()
        const view = model.camera.viewBox(40)
        const drawElement = (e: ElementData): void => {
          if (hidden.has(e.id)) return
          const d = model.store.drawing(e.id)
          if (!d) return
          const dim = draw.dimmed(e.id)
          if (dim) c.globalAlpha = DIMMED
          c.save()
          c.translate(d.x, d.y)
          if (d.h * scale < OUTLINE_ONLY_PX) drawOutlineOnly(c, d.primitives)
          else drawPrimitives(c, d.primitives, scale)
          c.restore()
          if (dim) c.globalAlpha = 1
        }
        const elements = ids.map((id) => model.store.element(id)).filter((e): e is ElementData => !!e)
        elements.sort(compareZ)
        for (const e of elements) if (e.type === 'arena') drawElement(e)
        drawLinks(c, model, draw, (d) => linkInView(d, view), scale < 0.3)
        for (const e of elements) if (e.type !== 'arena') drawElement(e)
      }}
    />
  )
}

/** Helper for filters: a predicate over element ids, recomputed only when the filter changes. */
export function filterPredicate(model: BoardModel): (id: string) => boolean {
  const f = model.filter.get()
  if (isEmptyFilter(f)) return () => false
  return (id) => {
    const e = model.store.element(id)
    return e ? !matchesFilter(e, f) : false
  }
}

/** What features draw above the elements (vote counts, compare highlights, analysis overlays). */
export function DecorationsShape({ draw }: { draw: DrawContext }) {
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(ctx) => {
        const c = native(ctx)
        const scale = draw.scale()
        for (const decorate of draw.model.decorations.all()) {
          c.save()
          decorate(c, scale)
          c.restore()
        }
      }}
    />
  )
}

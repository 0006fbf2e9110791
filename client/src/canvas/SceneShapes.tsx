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
import {
  LINK_STYLES,
  compareZ,
  type Box,
  type ElementData,
  type LinkDrawing,
  type Point,
} from '@circleboard/shared'
import type { BoardModel } from '../board/BoardModel.js'
import { isEmptyFilter, matchesFilter } from '../board/Filter.js'
import { drawOutlineOnly, drawPrimitives, path2d } from './drawPrimitives.js'
import { boxesOverlap, clipSegment, straightLine } from './linkClip.js'
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

const lineCache = new WeakMap<LinkDrawing, readonly [Point, Point] | null>()

/** A link's line as two points when it is straight (cached per drawing), else `null`. */
function lineOf(d: LinkDrawing): readonly [Point, Point] | null {
  let line = lineCache.get(d)
  if (line === undefined) {
    const first = d.primitives[0]
    line = first?.kind === 'path' ? straightLine(first.d) : null
    lineCache.set(d, line)
  }
  return line
}

const inBox = (p: Point, b: Box): boolean => p.x >= b.x && p.x <= b.x + b.w && p.y >= b.y && p.y <= b.y + b.h

/** Draws one link: its line clipped to `view` (see linkClip.ts), its end and label when they are in it. */
function drawLink(c: CanvasRenderingContext2D, d: LinkDrawing, view: Box, scale: number): void {
  const line = lineOf(d)
  const first = d.primitives[0]
  if (!line || first?.kind !== 'path') {
    // A self-loop: small, drawn whole when its box is in view.
    if (linkInView(d, view)) drawPrimitives(c, d.primitives, scale)
    return
  }
  const [a, b] = line
  const clip = clipSegment(a, b, view)
  if (clip && first.stroke && first.strokeWidth > 0) {
    const dx = b.x - a.x
    const dy = b.y - a.y
    c.strokeStyle = first.stroke
    c.lineWidth = first.strokeWidth
    c.lineCap = first.lineCap
    const dashed = first.dash.length > 0
    if (dashed) {
      c.setLineDash(first.dash as number[])
      c.lineDashOffset = clip.t0 * Math.hypot(dx, dy)
    }
    c.beginPath()
    c.moveTo(a.x + dx * clip.t0, a.y + dy * clip.t0)
    c.lineTo(a.x + dx * clip.t1, a.y + dy * clip.t1)
    c.stroke()
    if (dashed) {
      c.setLineDash([])
      c.lineDashOffset = 0
    }
  }
  if (
    d.primitives.length > 1 &&
    (inBox(d.end, view) || (d.labelBox !== null && boxesOverlap(d.labelBox, view)))
  )
    drawPrimitives(c, d.primitives.slice(1), scale)
}

/** How far (board units) a link's label may reach beyond the line between its ends' centres. */
const LABEL_REACH = 200

/**
 * Whether a link between `from` and `to` may touch `near` (the view grown by `LABEL_REACH`): its line runs
 * inside the segment between the elements' centres. Checked before the link's drawing is computed, so the
 * links of a big board far from the view are never laid out.
 */
function mayTouch(model: BoardModel, from: string, to: string, near: Box): boolean {
  const a = model.store.element(from)
  const b = model.store.element(to)
  if (!a || !b) return false
  if (from === to) return boxesOverlap(a, near)
  return (
    clipSegment({ x: a.x + a.w / 2, y: a.y + a.h / 2 }, { x: b.x + b.w / 2, y: b.y + b.h / 2 }, near) !== null
  )
}

/** Draws links (in board coordinates) that touch `view`, skipping those with an end in `hidden`. */
export function drawLinks(
  c: CanvasRenderingContext2D,
  model: BoardModel,
  draw: DrawContext,
  view: Box,
): void {
  const hidden = draw.hidden()
  const filtering = !isEmptyFilter(model.filter.get())
  const scale = draw.scale()
  const near = {
    x: view.x - LABEL_REACH,
    y: view.y - LABEL_REACH,
    w: view.w + 2 * LABEL_REACH,
    h: view.h + 2 * LABEL_REACH,
  }
  for (const link of model.store.allLinks()) {
    if (hidden.has(link.from) || hidden.has(link.to)) continue
    if (!mayTouch(model, link.from, link.to, near)) continue
    const d = model.store.linkDrawingOf(link.id)
    if (!d) continue
    const dim = filtering && (draw.dimmed(link.from) || draw.dimmed(link.to))
    if (dim) c.globalAlpha = DIMMED
    drawLink(c, d, view, scale)
    if (dim) c.globalAlpha = 1
  }
}

/** A link is worth drawing when its bounding box touches the view. */
function linkInView(d: LinkDrawing, view: Box): boolean {
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
        drawLinks(native(ctx), draw.model, draw, draw.model.camera.viewBox(40 / draw.scale()))
      }}
    />
  )
}

/** Outlines and lines of one look, gathered into one path: one fill and one stroke for all of them. */
interface Batch {
  readonly fill: string | null
  readonly stroke: string | null
  readonly width: number
  readonly alpha: number
  readonly path: Path2D
}

/** What the overview draws, prepared once per view, change and zoom, and reused while the view pans. */
interface OverviewPlan {
  readonly key: readonly unknown[]
  /** Arenas and elements big enough for detail, each drawn on its own. */
  readonly arenas: readonly ElementData[]
  readonly large: readonly ElementData[]
  /** Small elements' outlines, and (below `SIMPLE_LINKS_SCALE`) the links as plain lines. */
  readonly outlines: readonly Batch[]
  readonly lines: readonly Batch[] | null
}

/** Below this scale links are plain lines without dash or end. */
const SIMPLE_LINKS_SCALE = 0.3

function batchOf(
  batches: Map<string, Batch>,
  fill: string | null,
  stroke: string | null,
  width: number,
  alpha: number,
): Path2D {
  const key = `${fill}|${stroke}|${width}|${alpha}`
  let b = batches.get(key)
  if (!b) batches.set(key, (b = { fill, stroke, width, alpha, path: new Path2D() }))
  return b.path
}

function planOverview(ids: readonly string[], draw: DrawContext, key: readonly unknown[]): OverviewPlan {
  const { model } = draw
  const { store } = model
  const scale = draw.scale()
  const hidden = draw.hidden()
  const elements = ids
    .map((id) => store.element(id))
    .filter((e): e is ElementData => !!e && !hidden.has(e.id))
  elements.sort(compareZ)
  const arenas: ElementData[] = []
  const large: ElementData[] = []
  const outlines = new Map<string, Batch>()
  for (const e of elements) {
    if (e.type === 'arena') arenas.push(e)
    else if (e.h * scale >= OUTLINE_ONLY_PX) large.push(e)
    else {
      // Only the outline: the element's label is never laid out.
      const first = store.outline(e.id)
      if (!first || first.kind !== 'path') continue
      const alpha = draw.dimmed(e.id) ? DIMMED : 1
      batchOf(outlines, first.fill ?? null, first.stroke ?? null, first.strokeWidth, alpha).addPath(
        path2d(first.d),
        {
          e: e.x,
          f: e.y,
        },
      )
    }
  }
  let lines: Batch[] | null = null
  if (scale < SIMPLE_LINKS_SCALE) {
    const batches = new Map<string, Batch>()
    const filtering = !isEmptyFilter(model.filter.get())
    for (const link of store.allLinks()) {
      if (hidden.has(link.from) || hidden.has(link.to) || link.from === link.to) continue
      // Centre to centre: the elements' outlines, drawn on top, hide the difference from where the link
      // meets their borders at this scale, and no link drawing (label layout, border clipping) is computed
      // for a board seen whole.
      const a = store.element(link.from)
      const b = store.element(link.to)
      if (!a || !b) continue
      const style = LINK_STYLES[link.kind]
      const alpha = filtering && (draw.dimmed(link.from) || draw.dimmed(link.to)) ? DIMMED : 1
      const path = batchOf(batches, null, style.color, style.width, alpha)
      path.moveTo(a.x + a.w / 2, a.y + a.h / 2)
      path.lineTo(b.x + b.w / 2, b.y + b.h / 2)
    }
    lines = [...batches.values()]
  }
  return { key, arenas, large, outlines: [...outlines.values()], lines }
}

function drawBatches(c: CanvasRenderingContext2D, batches: readonly Batch[]): void {
  for (const b of batches) {
    c.globalAlpha = b.alpha
    if (b.fill) {
      c.fillStyle = b.fill
      c.fill(b.path)
    }
    if (b.stroke && b.width > 0) {
      c.strokeStyle = b.stroke
      c.lineWidth = b.width
      c.lineCap = 'butt'
      c.stroke(b.path)
    }
  }
  c.globalAlpha = 1
}

const sameKey = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i])

/** Everything in view in one pass: for views with more elements than `DETAIL_LIMIT`. */
export function OverviewShape({ ids, draw }: { ids: readonly string[]; draw: DrawContext }) {
  const plan = useRef<OverviewPlan | null>(null)
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(ctx) => {
        const c = native(ctx)
        const { model } = draw
        const scale = draw.scale()
        const key = [ids, model.store.revision, draw.hidden(), draw.revision(), scale]
        if (!plan.current || !sameKey(plan.current.key, key)) plan.current = planOverview(ids, draw, key)
        const p = plan.current
        const view = model.camera.viewBox(40 / scale)
        const drawElement = (e: ElementData, outline: boolean): void => {
          const d = outline ? model.store.shape(e.id) : model.store.drawing(e.id)
          if (!d) return
          const dim = draw.dimmed(e.id)
          if (dim) c.globalAlpha = DIMMED
          c.save()
          c.translate(d.x, d.y)
          if (outline) drawOutlineOnly(c, d.primitives)
          else drawPrimitives(c, d.primitives, scale)
          c.restore()
          if (dim) c.globalAlpha = 1
        }
        for (const e of p.arenas) drawElement(e, e.h * scale < OUTLINE_ONLY_PX)
        if (p.lines) drawBatches(c, p.lines)
        else drawLinks(c, model, draw, view)
        drawBatches(c, p.outlines)
        for (const e of p.large) drawElement(e, false)
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

/**
 * The interaction layer: what the current gesture and the selection show on top of the board. It is
 * redrawn on every pointer move of a gesture, while the board layer below is not; dragged elements and
 * their links are drawn here at their preview positions.
 */
import { Shape } from 'react-konva'
import type Konva from 'konva'
import { borderPoint, linkDrawing, type ElementDrawing, type Point } from '@circleboard/shared'
import type { CanvasController } from '../tools/CanvasController.js'
import { connectHandlePoint, corners, CONNECT_HANDLE_PX, HANDLE_PX } from '../tools/hitTest.js'
import { drawPrimitives, path2d } from './drawPrimitives.js'
import type { DrawContext } from './drawContext.js'

const ACCENT = '#0b6bcb'

function native(ctx: Konva.Context): CanvasRenderingContext2D {
  return (ctx as unknown as { _context: CanvasRenderingContext2D })._context
}

function moved(d: ElementDrawing, p: Point): ElementDrawing {
  return { ...d, x: p.x, y: p.y }
}

/** Draws selection, handles and the gesture under way. */
export function InteractionShape({ draw, controller }: { draw: DrawContext; controller: CanvasController }) {
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(ctx) => {
        const c = native(ctx)
        const { model } = draw
        const { store, selection, camera } = model
        const scale = camera.get().scale
        const px = (n: number): number => n / scale
        const state = controller.get()
        const sel = selection.get()
        const outline = (d: ElementDrawing, width: number, color: string, dash: number[] = []): void => {
          c.save()
          c.translate(d.x, d.y)
          c.strokeStyle = color
          c.lineWidth = px(width)
          c.setLineDash(dash.map(px))
          const first = d.primitives[0]
          if (first?.kind === 'path') c.stroke(path2d(first.d))
          else c.strokeRect(0, 0, d.w, d.h)
          c.restore()
        }

        // Dragged elements and their links, at the preview positions.
        if (state.drag) {
          const at = (id: string): ElementDrawing | undefined => {
            const d = store.drawing(id)
            const p = state.drag?.get(id)
            return d && p ? moved(d, p) : d
          }
          const links = new Set<string>()
          for (const id of state.drag.keys()) for (const l of store.linksOf(id)) links.add(l.id)
          for (const linkId of links) {
            const link = store.link(linkId)
            const from = link && at(link.from)
            const to = link && at(link.to)
            if (!link || !from || !to) continue
            drawPrimitives(c, linkDrawing(link, from, to, { lang: 'en' }).primitives, scale)
          }
          for (const id of state.drag.keys()) {
            const d = at(id)
            if (!d) continue
            c.save()
            c.translate(d.x, d.y)
            drawPrimitives(c, d.primitives, scale)
            c.restore()
            outline(d, 2, ACCENT)
          }
        }

        // Selected links.
        for (const id of sel.links) {
          const d = store.linkDrawingOf(id)
          if (!d) continue
          c.strokeStyle = ACCENT
          c.globalAlpha = 0.35
          c.lineWidth = px(8)
          c.lineCap = 'round'
          c.beginPath()
          c.moveTo(d.start.x, d.start.y)
          c.lineTo(d.end.x, d.end.y)
          c.stroke()
          c.globalAlpha = 1
        }

        // Hover and selection outlines (not for what is being dragged: drawn above).
        if (state.hover && !sel.elements.has(state.hover) && !state.drag) {
          const d = store.drawing(state.hover)
          if (d) outline(d, 1.5, ACCENT, [4, 3])
        }
        if (!state.drag) {
          for (const id of sel.elements) {
            const d = store.drawing(id)
            if (d) outline(d, 2, ACCENT)
          }
        }

        // Handles of a single selected element.
        if (sel.elements.size === 1 && !state.drag && !state.resize && !model.readOnly) {
          const e = store.element([...sel.elements][0]!)
          if (e) {
            c.fillStyle = '#ffffff'
            c.strokeStyle = ACCENT
            c.lineWidth = px(1.5)
            const h = px(HANDLE_PX)
            for (const q of Object.values(corners(e))) {
              c.fillRect(q.x - h / 2, q.y - h / 2, h, h)
              c.strokeRect(q.x - h / 2, q.y - h / 2, h, h)
            }
            const ch = connectHandlePoint(e, scale)
            c.beginPath()
            c.arc(ch.x, ch.y, px(CONNECT_HANDLE_PX), 0, Math.PI * 2)
            c.fillStyle = ACCENT
            c.fill()
            c.strokeStyle = '#ffffff'
            c.lineWidth = px(2)
            c.beginPath()
            c.moveTo(ch.x - px(3), ch.y)
            c.lineTo(ch.x + px(3), ch.y)
            c.moveTo(ch.x, ch.y - px(3))
            c.lineTo(ch.x, ch.y + px(3))
            c.stroke()
          }
        }

        if (state.resize) {
          const r = state.resize
          c.strokeStyle = ACCENT
          c.lineWidth = px(1.5)
          c.setLineDash([px(5), px(4)])
          c.strokeRect(r.x, r.y, r.w, r.h)
          c.setLineDash([])
        }

        if (state.marquee) {
          const m = state.marquee
          c.fillStyle = 'rgba(11, 107, 203, 0.08)'
          c.fillRect(m.x, m.y, m.w, m.h)
          c.strokeStyle = ACCENT
          c.lineWidth = px(1)
          c.strokeRect(m.x, m.y, m.w, m.h)
        }

        if (state.connect) {
          const from = store.drawing(state.connect.from)
          const target = state.connect.target ? store.drawing(state.connect.target) : undefined
          if (from) {
            const toCentre = target
              ? { x: target.x + target.w / 2, y: target.y + target.h / 2 }
              : state.connect.to
            const start = borderPoint(from, toCentre)
            const end = target
              ? borderPoint(target, { x: from.x + from.w / 2, y: from.y + from.h / 2 })
              : state.connect.to
            c.strokeStyle = ACCENT
            c.lineWidth = px(2)
            c.setLineDash([px(6), px(4)])
            c.beginPath()
            c.moveTo(start.x, start.y)
            c.lineTo(end.x, end.y)
            c.stroke()
            c.setLineDash([])
            c.beginPath()
            c.arc(end.x, end.y, px(4), 0, Math.PI * 2)
            c.fillStyle = ACCENT
            c.fill()
            if (target) outline(target, 2.5, ACCENT)
          }
        }
      }}
    />
  )
}

/**
 * The compare view's marks on the canvas, as a decoration of the merged board's model (drawn above the
 * elements, in board coordinates): shared `elementHighlight` rings and badges on added, removed and
 * changed elements; `linkHighlight` underlays and badges on links (the link is drawn again over its
 * underlay, since decorations come after the links layer); and for a moved or resized element, a dashed
 * outline where it was, joined to where it is.
 */
import { HIGHLIGHT_STYLES, elementHighlight, linkHighlight } from '@circleboard/shared'
import type { Decoration } from '../board/BoardModel.js'
import type { BoardStore } from '../board/BoardStore.js'
import { drawPrimitives } from '../canvas/drawPrimitives.js'
import type { CompareScene } from './compareModel.js'

/** A decoration that marks what `scene()` says changed; `scene()` is read at every draw. */
export function compareDecoration(store: BoardStore, scene: () => CompareScene | null): Decoration {
  return (ctx, scale) => {
    const s = scene()
    if (s === null) return
    for (const [id, state] of s.linkStates) {
      const d = store.linkDrawingOf(id)
      if (!d) continue
      const mark = linkHighlight(d, state)
      drawPrimitives(ctx, mark.under, scale)
      drawPrimitives(ctx, d.primitives, scale)
      drawPrimitives(ctx, mark.over, scale)
    }
    const changed = HIGHLIGHT_STYLES.changed
    for (const move of s.moves) {
      const { before: b, after: a } = move
      ctx.save()
      ctx.strokeStyle = changed.color
      // Thin at every zoom: a trace of where the element was, not a second element.
      ctx.lineWidth = 1.5 / scale
      ctx.setLineDash([6 / scale, 4 / scale])
      ctx.strokeRect(b.x, b.y, b.w, b.h)
      ctx.beginPath()
      ctx.moveTo(b.x + b.w / 2, b.y + b.h / 2)
      ctx.lineTo(a.x + a.w / 2, a.y + a.h / 2)
      ctx.stroke()
      ctx.restore()
    }
    for (const [id, state] of s.elementStates) {
      const d = store.drawing(id)
      if (!d) continue
      ctx.save()
      ctx.translate(d.x, d.y)
      drawPrimitives(ctx, elementHighlight(d, state), scale)
      ctx.restore()
    }
  }
}

/**
 * Smooth remote cursors. Positions arrive at most 15 times a second; drawn as they come, cursors jump.
 * Each drawn cursor eases toward its latest position instead (exponential approach, time constant
 * `TAU_MS`), which costs nothing extra when many people move: the layer redraws once per frame whatever
 * the number of cursors.
 */
import type { RemoteCursor } from './presence.js'

/** Time constant of the easing: a cursor covers 63 % of a jump in this time. */
const TAU_MS = 45
/** Closer than this (screen pixels) a cursor snaps to its target. */
const SNAP_PX = 0.3
/** A jump longer than this (screen pixels) is not animated (someone jumped across the board). */
const TELEPORT_PX = 1200

/** A cursor as drawn. */
export interface DrawnCursor {
  x: number
  y: number
  tx: number
  ty: number
  color: string
  label: string
}

/** Eases remote cursors toward their latest positions. */
export class CursorSmoother {
  private readonly cursors = new Map<number, DrawnCursor>()

  /** New positions from presence; `labelOf` makes each cursor's label. */
  update(cursors: readonly RemoteCursor[], labelOf: (c: RemoteCursor) => string, scale: number): void {
    const seen = new Set<number>()
    for (const c of cursors) {
      seen.add(c.clientId)
      const d = this.cursors.get(c.clientId)
      const label = labelOf(c)
      if (!d || Math.hypot(c.x - d.x, c.y - d.y) * scale > TELEPORT_PX) {
        this.cursors.set(c.clientId, { x: c.x, y: c.y, tx: c.x, ty: c.y, color: c.color, label })
      } else {
        d.tx = c.x
        d.ty = c.y
        d.color = c.color
        d.label = label
      }
    }
    for (const id of this.cursors.keys()) if (!seen.has(id)) this.cursors.delete(id)
  }

  /** Advances by `dtMs`; true while some cursor is still moving (draw another frame). */
  step(dtMs: number, scale: number): boolean {
    const k = 1 - Math.exp(-Math.max(0, dtMs) / TAU_MS)
    let moving = false
    for (const d of this.cursors.values()) {
      const dx = d.tx - d.x
      const dy = d.ty - d.y
      if (Math.hypot(dx, dy) * scale <= SNAP_PX) {
        d.x = d.tx
        d.y = d.ty
        continue
      }
      d.x += dx * k
      d.y += dy * k
      moving = true
    }
    return moving
  }

  /** The cursors to draw now. */
  all(): IterableIterator<DrawnCursor> {
    return this.cursors.values()
  }

  /** How many cursors are shown. */
  get size(): number {
    return this.cursors.size
  }
}

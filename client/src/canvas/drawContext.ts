/**
 * What the shapes of the canvas read at draw time, so that the camera, the filter and the gesture under
 * way never re-render React: the current scale, which elements are dimmed, which are being dragged (drawn
 * by the interaction layer instead).
 */
import type { BoardModel } from '../board/BoardModel.js'

/** Draw-time state shared by the canvas's shapes. */
export interface DrawContext {
  readonly model: BoardModel
  /** Screen pixels per board unit. */
  scale(): number
  /** Elements the board layer must not draw now (they are being dragged). */
  hidden(): ReadonlySet<string>
  /** True for an element the filter dims. */
  dimmed(id: string): boolean
  /** Increases when what `dimmed` answers may have changed (the filter, a feature's tints). */
  revision(): number
}

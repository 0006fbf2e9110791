/**
 * The camera: which part of the board the screen shows. Kept out of React (CONVENTIONS.md, and the reason
 * panning stays smooth): pan and zoom change the Konva stage directly and notify subscribers, who decide
 * themselves whether anything needs re-rendering (the culling pass does, once per frame at most).
 *
 * screen = board * scale + (x, y)
 */
import { fitTransform, type Box, type Point } from '@circleboard/shared'

/** The camera's state. */
export interface CameraState {
  readonly x: number
  readonly y: number
  readonly scale: number
}

/** Why the camera moved: own gestures break "follow", programmatic moves (follow, fit) do not. */
export type CameraCause = 'user' | 'program'

export const MIN_SCALE = 0.02
export const MAX_SCALE = 4

/** The board's camera. */
export class Camera {
  private state: CameraState = { x: 0, y: 0, scale: 1 }
  private readonly listeners = new Set<(state: CameraState, cause: CameraCause) => void>()
  /** Size of the viewport in screen pixels. */
  width = 800
  height = 600

  get(): CameraState {
    return this.state
  }

  /** The board area on screen (board units). */
  viewBox(margin = 0): Box {
    const { x, y, scale } = this.state
    return {
      x: -x / scale - margin,
      y: -y / scale - margin,
      w: this.width / scale + 2 * margin,
      h: this.height / scale + 2 * margin,
    }
  }

  /** Screen point to board point. */
  toBoard(p: Point): Point {
    return { x: (p.x - this.state.x) / this.state.scale, y: (p.y - this.state.y) / this.state.scale }
  }

  /** Board point to screen point. */
  toScreen(p: Point): Point {
    return { x: p.x * this.state.scale + this.state.x, y: p.y * this.state.scale + this.state.y }
  }

  set(next: CameraState, cause: CameraCause = 'user'): void {
    const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, next.scale))
    if (!Number.isFinite(next.x) || !Number.isFinite(next.y) || !Number.isFinite(scale)) return
    const s = { x: next.x, y: next.y, scale }
    if (s.x === this.state.x && s.y === this.state.y && s.scale === this.state.scale) return
    this.state = s
    for (const l of this.listeners) l(s, cause)
  }

  /** Moves by a screen-pixel delta. */
  panBy(dx: number, dy: number, cause: CameraCause = 'user'): void {
    this.set({ ...this.state, x: this.state.x + dx, y: this.state.y + dy }, cause)
  }

  /** Zooms by `factor`, keeping the board point under screen point `at` where it is. */
  zoomAt(at: Point, factor: number, cause: CameraCause = 'user'): void {
    const { x, y, scale } = this.state
    const next = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale * factor))
    const k = next / scale
    this.set({ scale: next, x: at.x - (at.x - x) * k, y: at.y - (at.y - y) * k }, cause)
  }

  /** Shows `box` (board units) as large as fits, centred, with `padding` screen pixels around it. */
  fit(box: Box | null, padding = 48, maxScale = 1.5, cause: CameraCause = 'user'): void {
    if (!box) return this.set({ x: this.width / 2, y: this.height / 2, scale: 1 }, cause)
    const t = fitTransform(box, this.width, this.height, padding, maxScale)
    this.set({ x: t.x, y: t.y, scale: Math.max(MIN_SCALE, t.scale) }, cause)
  }

  /** Centres the view on a board point without zooming. */
  centerOn(p: Point, cause: CameraCause = 'user'): void {
    const { scale } = this.state
    this.set({ scale, x: this.width / 2 - p.x * scale, y: this.height / 2 - p.y * scale }, cause)
  }

  subscribe(listener: (state: CameraState, cause: CameraCause) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

/**
 * Two-finger pinch and pan on a touch screen (a trackpad pinch arrives as ctrl + wheel and is handled by
 * the controller's `wheel`). While two touch pointers are down, their midpoint pans the camera and their
 * distance zooms it around the midpoint; the canvas controller's gesture is cancelled when the second
 * finger lands, so a pinch never drags an element.
 */
import type { Point } from '@circleboard/shared'

/** What a pinch does to the camera. */
export interface PinchCamera {
  panBy(dx: number, dy: number): void
  zoomAt(at: Point, factor: number): void
}

/** Follows touch pointers; `active` while two are down. */
export class PinchTracker {
  private readonly touches = new Map<number, Point>()
  private last: { mid: Point; distance: number } | null = null

  constructor(private readonly camera: PinchCamera) {}

  /** True while a pinch is under way (the canvas controller must not see these pointers). */
  get active(): boolean {
    return this.last !== null
  }

  /** A pointer went down; returns true when it starts a pinch (the caller cancels its gesture). */
  down(id: number, touch: boolean, at: Point): boolean {
    if (!touch) return false
    this.touches.set(id, at)
    if (this.touches.size !== 2) return false
    this.last = this.measure()
    return true
  }

  /** A pointer moved; returns true when the pinch consumed it. */
  move(id: number, at: Point): boolean {
    if (!this.touches.has(id)) return false
    this.touches.set(id, at)
    if (!this.last) return false
    const now = this.measure()
    this.camera.panBy(now.mid.x - this.last.mid.x, now.mid.y - this.last.mid.y)
    if (this.last.distance > 0 && now.distance > 0)
      this.camera.zoomAt(now.mid, now.distance / this.last.distance)
    this.last = now
    return true
  }

  /** A pointer went up or was cancelled; returns true when it was part of a pinch. */
  up(id: number): boolean {
    const was = this.active
    this.touches.delete(id)
    if (this.touches.size < 2) this.last = null
    return was
  }

  private measure(): { mid: Point; distance: number } {
    const [a, b] = [...this.touches.values()] as [Point, Point]
    return { mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, distance: Math.hypot(a.x - b.x, a.y - b.y) }
  }
}

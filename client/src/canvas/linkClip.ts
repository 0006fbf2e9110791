/**
 * Straight lines clipped to the view before they are stroked. A software-rendered canvas dashes a path
 * over its whole length, also where it is off screen: on a big board a few links that cross it, dotted,
 * were most of the board layer's drawing time at 100% zoom. Clipping keeps the dash pattern where it was
 * (the dash offset is the length cut off the start), so the dashes do not crawl while the view pans.
 */
import type { Box, Point } from '@circleboard/shared'

/** The part of the segment a→b inside `box`, as parameters 0 ≤ t0 < t1 ≤ 1, or `null` (Liang–Barsky). */
export function clipSegment(a: Point, b: Point, box: Box): { t0: number; t1: number } | null {
  const dx = b.x - a.x
  const dy = b.y - a.y
  let t0 = 0
  let t1 = 1
  const edges: [number, number][] = [
    [-dx, a.x - box.x],
    [dx, box.x + box.w - a.x],
    [-dy, a.y - box.y],
    [dy, box.y + box.h - a.y],
  ]
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null
      continue
    }
    const r = q / p
    if (p < 0) {
      if (r > t1) return null
      if (r > t0) t0 = r
    } else {
      if (r < t0) return null
      if (r < t1) t1 = r
    }
  }
  return t0 < t1 ? { t0, t1 } : null
}

/** The two points of a straight path `M x y L x y` (a link's line), or `null` for anything else. */
export function straightLine(d: string): readonly [Point, Point] | null {
  const m = /^M(-?[\d.e+-]+)[ ,](-?[\d.e+-]+) ?L(-?[\d.e+-]+)[ ,](-?[\d.e+-]+)$/.exec(d)
  if (!m) return null
  return [
    { x: Number(m[1]), y: Number(m[2]) },
    { x: Number(m[3]), y: Number(m[4]) },
  ]
}

/** Do two boxes overlap? */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h
}

import { describe, expect, it } from 'vitest'
import { clipSegment, straightLine } from '../src/canvas/linkClip.js'

const view = { x: 0, y: 0, w: 100, h: 100 }

describe('linkClip', () => {
  it('keeps a segment inside the view whole', () => {
    expect(clipSegment({ x: 10, y: 10 }, { x: 90, y: 50 }, view)).toEqual({ t0: 0, t1: 1 })
  })

  it('cuts a segment crossing the view at both edges', () => {
    const c = clipSegment({ x: -100, y: 50 }, { x: 300, y: 50 }, view)
    expect(c?.t0).toBeCloseTo(0.25)
    expect(c?.t1).toBeCloseTo(0.5)
  })

  it('drops a segment whose box overlaps the view but whose line misses it', () => {
    expect(clipSegment({ x: -50, y: 120 }, { x: 120, y: 300 }, view)).toBeNull()
    expect(clipSegment({ x: 150, y: -50 }, { x: 250, y: 50 }, view)).toBeNull()
  })

  it('reads the straight line of a link path, and nothing else', () => {
    expect(straightLine('M1.5 -2 L300 4e1')).toEqual([
      { x: 1.5, y: -2 },
      { x: 300, y: 40 },
    ])
    expect(straightLine('M0 0 C1 1 2 2 3 3')).toBeNull()
  })
})

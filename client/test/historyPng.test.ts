import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addElement, boardScene, connect, readBoard, type EditContext } from '@circleboard/shared'
import { LEGEND_GAP, MAX_CANVAS_AREA, MAX_CANVAS_SIDE, planPng } from '../src/history/pngPlan.js'
import { preparePng } from '../src/history/pngExport.js'

const ctx: EditContext = { personId: 'p1', meeting: null }

describe('PNG plan', () => {
  it('scales the area: pixels = board units x scale, rounded up', () => {
    const plan = planPng({ x: -40, y: -40, w: 1000, h: 500.2 }, 2)!
    expect(plan.scale).toBe(2)
    expect([plan.width, plan.height]).toEqual([2000, 1001])
    expect(plan.capped).toBe(false)
    expect(plan.extent).toEqual(plan.area)
    expect(plan.legendAt).toBeNull()
  })

  it('puts the legend to the right of the board, top-aligned, and makes room for a tall one', () => {
    const plan = planPng({ x: 0, y: 0, w: 800, h: 300 }, 1, { w: 250, h: 400 })!
    expect(plan.legendAt).toEqual({ x: 800 + LEGEND_GAP, y: 0 })
    expect(plan.extent).toEqual({ x: 0, y: 0, w: 800 + LEGEND_GAP + 250, h: 400 })
    expect([plan.width, plan.height]).toEqual([1074, 400])
  })

  it('caps the scale to the largest side a browser draws, and says so', () => {
    const plan = planPng({ x: 0, y: 0, w: 10_000, h: 100 }, 4)!
    expect(plan.capped).toBe(true)
    expect(plan.width).toBeLessThanOrEqual(MAX_CANVAS_SIDE)
    expect(plan.scale).toBeCloseTo(MAX_CANVAS_SIDE / 10_000, 3)
    expect(plan.requestedScale).toBe(4)
  })

  it('caps the scale to the largest area, whatever the shape', () => {
    const plan = planPng({ x: 0, y: 0, w: 6000, h: 5000 }, 4)!
    expect(plan.capped).toBe(true)
    expect(plan.width * plan.height).toBeLessThanOrEqual(MAX_CANVAS_AREA)
    expect(plan.width).toBeLessThanOrEqual(MAX_CANVAS_SIDE)
    // Not much smaller than it may be.
    expect(plan.width * plan.height).toBeGreaterThan(MAX_CANVAS_AREA * 0.99)
  })

  it('honours custom limits exactly, also after rounding up', () => {
    const plan = planPng({ x: 0, y: 0, w: 333.3, h: 333.3 }, 3, null, { side: 1000, pixels: 1e9 })!
    expect(plan.width).toBeLessThanOrEqual(1000)
    expect(plan.height).toBeLessThanOrEqual(1000)
  })

  it('has nothing to draw for an empty board or a degenerate area', () => {
    expect(planPng(null, 2)).toBeNull()
    expect(planPng({ x: 0, y: 0, w: 0, h: 10 }, 2)).toBeNull()
    expect(planPng({ x: NaN, y: 0, w: 10, h: 10 }, 2)).toBeNull()
  })
})

describe('PNG export of a board', () => {
  function board() {
    const doc = new Y.Doc()
    const a = addElement(doc, { type: 'actor', x: 0, y: 0, label: 'Arbetsförmedlingen' }, ctx)
    const r = addElement(doc, { type: 'resource', x: 500, y: 200, label: 'Kunskap' }, ctx)
    connect(doc, { from: a, to: r, kind: 'provides', label: 'bidrar' }, ctx)
    return readBoard(doc)
  }

  it('draws the whole board over the same area as the SVG export (the scene bounds)', () => {
    const b = board()
    const prepared = preparePng({ board: b, lang: 'en', area: 'board', scale: 2, legend: false })!
    expect(prepared.plan.area).toEqual(boardScene(b, { lang: 'en' }).bounds)
    expect(prepared.plan.width).toBe(Math.ceil(prepared.plan.area.w * 2))
  })

  it('draws the current view when asked, and adds the legend beside it', () => {
    const view = { x: 100, y: 50, w: 640, h: 360 }
    const prepared = preparePng({ board: board(), lang: 'sv', area: view, scale: 1, legend: true })!
    expect(prepared.plan.area).toEqual(view)
    expect(prepared.plan.legendAt).toEqual({ x: 100 + 640 + LEGEND_GAP, y: 50 })
    expect(prepared.plan.width).toBeGreaterThan(640)
  })

  it('an empty board has nothing to export', () => {
    const empty = readBoard(new Y.Doc())
    expect(preparePng({ board: empty, lang: 'en', area: 'board', scale: 1, legend: true })).toBeNull()
  })
})

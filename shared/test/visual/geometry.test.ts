import { describe, expect, it } from 'vitest'
import { ELEMENT_TYPES } from '../../src/model/types.js'
import type { ElementType } from '../../src/model/types.js'
import type { Box, Outline, Point } from '../../src/visual/index.js'
import {
  ARROWHEAD_KINDS,
  arrowheadPoints,
  arrowheadSize,
  boardBounds,
  boardScene,
  clipToOutline,
  compareZ,
  drawableElements,
  drawableLinks,
  elementDrawing,
  elementOutline,
  fitTransform,
  linkDrawing,
  outlineContains,
  outlinePath,
} from '../../src/visual/index.js'
import { fixtureBoard, makeBoard, makeElement, makeLink } from '../export/fixtureBoard.js'

function segmentDistance(p: Point, a: Point, b: Point): number {
  const ex = b.x - a.x
  const ey = b.y - a.y
  const len2 = ex * ex + ey * ey
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * ex + (p.y - a.y) * ey) / len2))
  return Math.hypot(p.x - (a.x + t * ex), p.y - (a.y + t * ey))
}

/** Distance from `p` to the border of `outline`, computed independently of `clipToOutline`. */
function distanceToBorder(outline: Outline, p: Point): number {
  const { w, h } = outline
  switch (outline.kind) {
    case 'polygon': {
      const pts = outline.points
      return Math.min(...pts.map((a, i) => segmentDistance(p, a, pts[(i + 1) % pts.length] as Point)))
    }
    case 'ellipse': {
      const a = w / 2
      const b = h / 2
      // On the ellipse exactly when the implicit equation is 1; scale the error to board units.
      return Math.abs(Math.sqrt(((p.x - a) / a) ** 2 + ((p.y - b) / b) ** 2) - 1) * Math.min(a, b)
    }
    case 'roundRect': {
      const r = outline.r
      const edges: [Point, Point][] = [
        [
          { x: r, y: 0 },
          { x: w - r, y: 0 },
        ],
        [
          { x: w, y: r },
          { x: w, y: h - r },
        ],
        [
          { x: r, y: h },
          { x: w - r, y: h },
        ],
        [
          { x: 0, y: r },
          { x: 0, y: h - r },
        ],
      ]
      const straight = Math.min(...edges.map(([a, b]) => segmentDistance(p, a, b)))
      const corners = [
        { x: r, y: r },
        { x: w - r, y: r },
        { x: w - r, y: h - r },
        { x: r, y: h - r },
      ]
      const arcs = corners.map((c) => {
        // Only the quarter of the circle that faces outwards belongs to the border.
        const outward =
          (p.x - c.x) * (c.x < w / 2 ? -1 : 1) >= -1e-9 && (p.y - c.y) * (c.y < h / 2 ? -1 : 1) >= -1e-9
        return outward ? Math.abs(Math.hypot(p.x - c.x, p.y - c.y) - r) : Infinity
      })
      return Math.min(straight, ...arcs)
    }
  }
}

const SIZES: [number, number][] = [
  [180, 80],
  [80, 180],
  [100, 100],
  [600, 240],
  [20, 10],
]

describe('clipToOutline', () => {
  for (const type of ELEMENT_TYPES) {
    it(`puts the clip point on the border of a ${type}, on the ray towards the target`, () => {
      for (const [w, h] of SIZES) {
        const outline = elementOutline(type, w, h)
        const c = { x: w / 2, y: h / 2 }
        for (let i = 0; i < 72; i++) {
          const angle = (i * Math.PI) / 36 + 0.013
          for (const reach of [0.3, 1, 5]) {
            const toward = { x: c.x + Math.cos(angle) * w * reach, y: c.y + Math.sin(angle) * h * reach }
            const p = clipToOutline(outline, toward)
            expect(distanceToBorder(outline, p), `${type} ${w}x${h} angle ${i}`).toBeLessThan(1e-6)
            // Same direction as the target, seen from the centre.
            const cross = (p.x - c.x) * (toward.y - c.y) - (p.y - c.y) * (toward.x - c.x)
            const dot = (p.x - c.x) * (toward.x - c.x) + (p.y - c.y) * (toward.y - c.y)
            expect(Math.abs(cross)).toBeLessThan(1e-6 * Math.max(1, w * h * reach))
            expect(dot).toBeGreaterThan(0)
          }
        }
      }
    })
  }

  it('clips exactly along the axes and returns the centre for a target at the centre', () => {
    const rect = elementOutline('note', 100, 60)
    expect(clipToOutline(rect, { x: 500, y: 30 })).toEqual({ x: 100, y: 30 })
    expect(clipToOutline(rect, { x: 50, y: -500 })).toEqual({ x: 50, y: 0 })
    expect(clipToOutline(rect, { x: 50, y: 30 })).toEqual({ x: 50, y: 30 })
  })

  it('knows what lies inside an outline', () => {
    const ellipse = elementOutline('value', 200, 100)
    expect(outlineContains(ellipse, { x: 100, y: 50 })).toBe(true)
    expect(outlineContains(ellipse, { x: 190, y: 50 })).toBe(true)
    expect(outlineContains(ellipse, { x: 5, y: 5 })).toBe(false)
    const octagon = elementOutline('barrier', 100, 100)
    expect(outlineContains(octagon, { x: 2, y: 2 })).toBe(false)
    expect(outlineContains(octagon, { x: 50, y: 2 })).toBe(true)
  })

  it('draws outlines with absolute M, L, C and Z only', () => {
    for (const type of ELEMENT_TYPES) {
      for (const [w, h] of SIZES) {
        const d = outlinePath(elementOutline(type, w, h))
        expect(d).toMatch(/^M[\d.\- LCZ]+$/)
      }
    }
  })
})

describe('links', () => {
  it('start on the border of the from element and end on the border of the to element', () => {
    const board = fixtureBoard('sv')
    const scene = boardScene(board, { lang: 'sv' })
    const byId = new Map([...scene.arenas, ...scene.elements].map((d) => [d.id, d]))
    expect(scene.links).toHaveLength(board.links.length)
    for (const link of scene.links) {
      for (const [end, id] of [
        [link.start, link.from],
        [link.end, link.to],
      ] as const) {
        const d = byId.get(id)
        if (d === undefined) throw new Error(`no drawing for ${id}`)
        const local = { x: end.x - d.x, y: end.y - d.y }
        expect(distanceToBorder(d.outline, local), `${link.id} ${id}`).toBeLessThan(1e-6)
      }
    }
  })

  it('place a label beside the middle of the line, never on it', () => {
    const from = elementDrawing(makeElement({ id: 'a', type: 'actor', x: 0, y: 0, w: 100, h: 60 }), {
      lang: 'en',
    })
    for (const [tx, ty] of [
      [400, 0],
      [0, 400],
      [300, 300],
      [-300, 200],
      [-400, 0],
      [0, -400],
    ] as const) {
      const to = elementDrawing(makeElement({ id: 'b', type: 'value', x: tx, y: ty, w: 100, h: 60 }), {
        lang: 'en',
      })
      const link = linkDrawing(
        makeLink({ id: 'l', from: 'a', to: 'b', kind: 'hinders', label: 'delas inte & <sekretess>' }),
        from,
        to,
        { lang: 'sv' },
      )
      const box = link.labelBox as Box
      expect(box).not.toBeNull()
      const mid = { x: (link.start.x + link.end.x) / 2, y: (link.start.y + link.end.y) / 2 }
      expect(Math.hypot(box.x + box.w / 2 - mid.x, box.y + box.h / 2 - mid.y)).toBeLessThan(box.w + box.h)
      // No point of the line lies inside the label box.
      for (let t = 0; t <= 1; t += 0.01) {
        const p = {
          x: link.start.x + t * (link.end.x - link.start.x),
          y: link.start.y + t * (link.end.y - link.start.y),
        }
        const inside = p.x > box.x && p.x < box.x + box.w && p.y > box.y && p.y < box.y + box.h
        expect(inside, `target ${tx},${ty} t=${t}`).toBe(false)
      }
      expect(link.title.endsWith('hindrar  (delas inte & <sekretess>)')).toBe(true)
    }
  })

  it('name both ends and the verb in the accessible title', () => {
    const a = elementDrawing(makeElement({ id: 'a', type: 'actor', label: 'Kommunen' }), { lang: 'sv' })
    const b = elementDrawing(
      makeElement({ id: 'b', type: 'resource', x: 300, label: 'Ekonomiskt bistånd' }),
      {
        lang: 'sv',
      },
    )
    const link = linkDrawing(makeLink({ id: 'l', from: 'a', to: 'b', kind: 'provides' }), a, b, {
      lang: 'sv',
    })
    expect(link.title).toBe('Kommunen bidrar med Ekonomiskt bistånd')
    expect(link.labelBox).toBeNull()
  })

  it('draw a self link as a loop that starts and ends on the border', () => {
    const a = elementDrawing(makeElement({ id: 'a', type: 'actor', w: 160, h: 80 }), { lang: 'en' })
    const link = linkDrawing(
      makeLink({ id: 'l', from: 'a', to: 'a', kind: 'relates', label: 'self' }),
      a,
      a,
      {
        lang: 'en',
      },
    )
    expect(distanceToBorder(a.outline, link.start)).toBeLessThan(1e-6)
    expect(distanceToBorder(a.outline, link.end)).toBeLessThan(1e-6)
    const line = link.primitives[0]
    expect(line?.kind === 'path' && line.d.includes('C')).toBe(true)
  })

  it('run centre to centre when two elements overlap', () => {
    const a = elementDrawing(makeElement({ id: 'a', type: 'note', w: 100, h: 100 }), { lang: 'en' })
    const b = elementDrawing(makeElement({ id: 'b', type: 'note', x: 20, y: 10, w: 100, h: 100 }), {
      lang: 'en',
    })
    const link = linkDrawing(makeLink({ id: 'l', from: 'a', to: 'b', kind: 'provides' }), a, b, {
      lang: 'en',
    })
    expect(link.start).toEqual({ x: 50, y: 50 })
    expect(link.end).toEqual({ x: 70, y: 60 })
  })

  it('draw arrowheads with the tip at the end and the size of the style', () => {
    const tip = { x: 100, y: 50 }
    const dir = { x: 1, y: 0 }
    for (const head of ARROWHEAD_KINDS) {
      const points = arrowheadPoints(tip, dir, head, 2)
      const { length, width } = arrowheadSize(2)
      if (head === 'none') {
        expect(points).toEqual([])
        continue
      }
      for (const p of points) {
        expect(p.x).toBeLessThanOrEqual(tip.x + 1e-9)
        expect(p.x).toBeGreaterThanOrEqual(tip.x - length * 1.3 - 1e-9)
        expect(Math.abs(p.y - tip.y)).toBeLessThanOrEqual(width * 0.75 + 1e-9)
      }
      if (head !== 'bar') expect(points.some((p) => p.x === tip.x && p.y === tip.y)).toBe(true)
    }
  })
})

describe('board layout', () => {
  it('orders by z as plain strings (not locale order), arenas first, ties by id', () => {
    // 'Z' < 'a' in code units; localeCompare would put 'a0' first.
    expect(compareZ({ z: 'Zz', id: 'x' }, { z: 'a0', id: 'y' })).toBeLessThan(0)
    expect(compareZ({ z: 'a0', id: 'x' }, { z: 'a0V', id: 'y' })).toBeLessThan(0)
    expect(compareZ({ z: 'a0', id: 'b' }, { z: 'a0', id: 'a' })).toBeGreaterThan(0)
    const board = makeBoard([
      makeElement({ id: 'n1', z: 'a0' }),
      makeElement({ id: 'arena', type: 'arena', z: 'a5' }),
      makeElement({ id: 'n0', z: 'Zz' }),
    ])
    expect(drawableElements(board).map((e) => e.id)).toEqual(['arena', 'n0', 'n1'])
  })

  it('leaves out invalid elements and links to missing or invalid elements', () => {
    const board = makeBoard(
      [
        makeElement({ id: 'a' }),
        makeElement({ id: 'b', x: 300 }),
        makeElement({ id: 'bad', x: 5000 }),
        makeElement({ id: 'nan', x: Number.NaN }),
      ],
      [
        makeLink({ id: 'ok', from: 'a', to: 'b' }),
        makeLink({ id: 'dangling', from: 'a', to: 'gone' }),
        makeLink({ id: 'to-bad', from: 'a', to: 'bad' }),
        makeLink({ id: 'bad-link', from: 'b', to: 'a' }),
      ],
      {
        invalid: [
          { collection: 'elements', id: 'bad', problems: ['x is not a number'] },
          { collection: 'links', id: 'bad-link', problems: ['unknown kind'] },
          { collection: 'links', id: 'dangling', problems: ['to: no such element'] },
        ],
      },
    )
    expect(drawableElements(board).map((e) => e.id)).toEqual(['a', 'b'])
    expect(drawableLinks(board).map((l) => l.id)).toEqual(['ok'])
    expect(boardBounds(board, 10)).toEqual({ x: -10, y: -10, w: 480, h: 100 })
  })

  it('bounds every element with the margin, and is null for an empty board', () => {
    const board = fixtureBoard('en')
    const b = boardBounds(board) as Box
    for (const e of board.elements) {
      expect(e.x).toBeGreaterThanOrEqual(b.x + 40)
      expect(e.y).toBeGreaterThanOrEqual(b.y + 40)
      expect(e.x + e.w).toBeLessThanOrEqual(b.x + b.w - 40)
      expect(e.y + e.h).toBeLessThanOrEqual(b.y + b.h - 40)
    }
    expect(boardBounds(makeBoard([]))).toBeNull()
  })

  it('fitTransform fits the bounds inside the padded area, centred, never above maxScale', () => {
    const cases: [Box, number, number, number][] = [
      [{ x: -60, y: -98, w: 2304, h: 1248 }, 842, 595, 30],
      [{ x: 100, y: 100, w: 50, h: 400 }, 1191, 842, 20],
      [{ x: 0, y: 0, w: 0, h: 0 }, 500, 300, 10],
    ]
    for (const [bounds, width, height, padding] of cases) {
      const t = fitTransform(bounds, width, height, padding)
      const x0 = bounds.x * t.scale + t.x
      const y0 = bounds.y * t.scale + t.y
      const x1 = (bounds.x + bounds.w) * t.scale + t.x
      const y1 = (bounds.y + bounds.h) * t.scale + t.y
      expect(x0).toBeGreaterThanOrEqual(padding - 1e-6)
      expect(y0).toBeGreaterThanOrEqual(padding - 1e-6)
      expect(x1).toBeLessThanOrEqual(width - padding + 1e-6)
      expect(y1).toBeLessThanOrEqual(height - padding + 1e-6)
      // Centred, and touching the padding on at least one axis.
      expect(x0 - padding).toBeCloseTo(width - padding - x1, 6)
      expect(y0 - padding).toBeCloseTo(height - padding - y1, 6)
      if (bounds.w > 0) {
        const touches =
          Math.abs(x1 - x0 - (width - 2 * padding)) < 1e-6 ||
          Math.abs(y1 - y0 - (height - 2 * padding)) < 1e-6
        expect(touches).toBe(true)
      }
    }
    expect(fitTransform({ x: 0, y: 0, w: 100, h: 50 }, 1000, 1000, 0, 1).scale).toBe(1)
  })

  it('lays out every element type inside its own outline', () => {
    for (const type of ELEMENT_TYPES as readonly ElementType[]) {
      const d = elementDrawing(
        makeElement({
          id: 't',
          type,
          kind: 'other',
          w: 200,
          h: 100,
          label: 'Samordnad individuell plan för brukaren',
        }),
        { lang: 'sv' },
      )
      for (const p of d.primitives) {
        if (p.kind === 'icon') {
          for (const corner of [
            { x: p.x, y: p.y },
            { x: p.x, y: p.y + p.size },
            { x: p.x + p.size, y: p.y },
            { x: p.x + p.size, y: p.y + p.size },
          ]) {
            expect(outlineContains(d.outline, corner), `${type} icon`).toBe(true)
          }
        }
        if (p.kind === 'text') {
          for (const line of p.lines) {
            expect(line.y, type).toBeGreaterThan(0)
            expect(line.y, type).toBeLessThan(d.h)
          }
        }
      }
    }
  })
})

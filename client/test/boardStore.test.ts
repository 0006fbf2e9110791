import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addElement, connect, moveElements, relabelElement, type EditContext } from '@circleboard/shared'
import { BoardStore } from '../src/board/BoardStore.js'
import { SpatialIndex, intersects } from '../src/board/SpatialIndex.js'

const ctx: EditContext = { personId: 'p1', meeting: null }

describe('BoardStore', () => {
  it('notifies only the listeners of the element a change touched, once per transaction', () => {
    const doc = new Y.Doc()
    const a = addElement(doc, { type: 'actor', x: 0, y: 0, label: 'Kommunen' }, ctx)
    const b = addElement(doc, { type: 'resource', x: 400, y: 0, label: 'Tid' }, ctx)
    const store = new BoardStore(doc, 'en')
    const calls = { a: 0, b: 0, all: 0 }
    store.subscribeElement(a, () => calls.a++)
    store.subscribeElement(b, () => calls.b++)
    const changes: string[][] = []
    store.subscribe((c) => {
      calls.all++
      changes.push([...c.elements])
    })
    relabelElement(doc, a, 'Kommunen (socialtjänsten)', ctx)
    expect(calls).toEqual({ a: 1, b: 0, all: 1 })
    expect(changes[0]).toEqual([a])
    expect(store.element(a)?.label).toBe('Kommunen (socialtjänsten)')
    // The drawing is recomputed for the changed element only.
    const drawingB = store.drawing(b)
    moveElements(doc, [a], { dx: 10, dy: 20 }, ctx)
    expect(store.drawing(b)).toBe(drawingB)
    expect(store.element(a)).toMatchObject({ x: 10, y: 20 })
    expect(calls.b).toBe(0)
  })

  it('a remote update re-reads exactly the elements it touched', () => {
    const remote = new Y.Doc()
    const ids = Array.from({ length: 50 }, (_, i) =>
      addElement(remote, { type: 'note', x: i * 200, y: 0, label: `n${i}` }, ctx),
    )
    const local = new Y.Doc()
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote))
    const store = new BoardStore(local, 'sv')
    const touched: string[] = []
    for (const id of ids) store.subscribeElement(id, () => touched.push(id))
    const sv = Y.encodeStateVector(local)
    relabelElement(remote, ids[7]!, 'ändrad', ctx)
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, sv), 'remote')
    expect(touched).toEqual([ids[7]])
    expect(store.element(ids[7]!)?.label).toBe('ändrad')
  })

  it('keeps the spatial index, link drawings and drawing order current', () => {
    const doc = new Y.Doc()
    const store = new BoardStore(doc, 'en')
    const a = addElement(doc, { type: 'actor', x: 0, y: 0 }, ctx)
    const b = addElement(doc, { type: 'resource', x: 1000, y: 0 }, ctx)
    const l = connect(doc, { from: a, to: b, kind: 'provides' }, ctx)
    expect([...store.query({ x: -10, y: -10, w: 100, h: 100 })]).toEqual([a])
    const before = store.linkDrawingOf(l)!
    moveElements(doc, [b], { dx: 0, dy: 500 }, ctx)
    const after = store.linkDrawingOf(l)!
    expect(after.end.y).toBeGreaterThan(before.end.y)
    expect([...store.query({ x: 990, y: 490, w: 50, h: 50 })]).toEqual([b])
    expect(store.linksOf(a).map((x) => x.id)).toEqual([l])
    expect(store.allElements().map((e) => e.id)).toEqual([a, b])
  })

  it('shows a broken record as invalid instead of failing', () => {
    const doc = new Y.Doc()
    const store = new BoardStore(doc, 'en')
    const broken = new Y.Map<unknown>()
    broken.set('type', 'spaceship')
    doc.getMap('elements').set('x1', broken)
    doc.getMap('elements').set('x2', 42)
    expect(store.elementCount).toBe(0)
    expect(
      store
        .invalidRecords()
        .map((r) => r.id)
        .sort(),
    ).toEqual(['x1', 'x2'])
  })
})

describe('SpatialIndex', () => {
  it('finds boxes by area and point, also huge ones, and forgets deleted ones', () => {
    const index = new SpatialIndex()
    index.set('small', { x: 10, y: 10, w: 20, h: 20 })
    index.set('far', { x: 5000, y: 5000, w: 20, h: 20 })
    index.set('huge', { x: -100_000, y: -100_000, w: 200_000, h: 200_000 })
    expect([...index.at(15, 15)].sort()).toEqual(['huge', 'small'])
    expect([...index.query({ x: 4990, y: 4990, w: 40, h: 40 })].sort()).toEqual(['far', 'huge'])
    index.set('small', { x: 3000, y: 3000, w: 20, h: 20 })
    expect([...index.at(15, 15)]).toEqual(['huge'])
    index.delete('huge')
    expect([...index.query({ x: -1e6, y: -1e6, w: 2e6, h: 2e6 })].sort()).toEqual(['far', 'small'])
  })

  it('answers as a scan of every box would, through random files, moves and deletes', () => {
    let seed = 11
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1
    const index = new SpatialIndex()
    const boxes = new Map<string, { x: number; y: number; w: number; h: number }>()
    const box = () => ({
      x: rand() * 20_000,
      y: rand() * 20_000,
      w: Math.abs(rand()) * 1500,
      h: Math.abs(rand()) * 900,
    })
    for (let step = 0; step < 3000; step++) {
      const id = `e${Math.floor(Math.abs(rand()) * 400)}`
      if (rand() < -0.6) {
        index.delete(id)
        boxes.delete(id)
      } else {
        const b = rand() > 0.995 ? { x: -1e6, y: -1e6, w: 2e6, h: 2e6 } : box()
        index.set(id, b)
        boxes.set(id, b)
      }
      if (step % 50 !== 0) continue
      const area = { ...box(), w: Math.abs(rand()) * 8000, h: Math.abs(rand()) * 8000 }
      const scan = [...boxes].filter(([, b]) => intersects(b, area)).map(([i]) => i)
      expect([...index.query(area)].sort()).toEqual(scan.sort())
      expect(index.size).toBe(boxes.size)
    }
    for (const id of [...boxes.keys()]) index.delete(id)
    expect(index.query({ x: -1e7, y: -1e7, w: 2e7, h: 2e7 }).size).toBe(0)
  })
})

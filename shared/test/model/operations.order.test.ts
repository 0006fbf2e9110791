// Stacking order over fractional indices, and arenas as groups.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addElement,
  addToArena,
  arenaMembers,
  bringForward,
  bringToFront,
  isModelError,
  ModelErrorCode,
  moveArena,
  readBoard,
  removeFromArena,
  sendBackward,
  sendToBack,
} from '../../src/model/index.js'
import { newDoc, syncBoth, testContext } from './helpers.js'

function stack(doc: Y.Doc): string[] {
  return readBoard(doc).elements.map((e) => e.label)
}

function fiveNotes(): Y.Doc {
  const doc = newDoc()
  const ctx = testContext()
  for (const label of ['a', 'b', 'c', 'd', 'e'])
    addElement(doc, { type: 'note', x: 0, y: 0, label, id: label }, ctx)
  return doc
}

describe('z-order', () => {
  it.each<[string, (doc: Y.Doc, ids: string[]) => void, string[], string[]]>([
    [
      'bring to front',
      (d, ids) => bringToFront(d, ids, testContext()),
      ['b', 'd'],
      ['a', 'c', 'e', 'b', 'd'],
    ],
    ['send to back', (d, ids) => sendToBack(d, ids, testContext()), ['b', 'd'], ['b', 'd', 'a', 'c', 'e']],
    ['bring forward', (d, ids) => bringForward(d, ids, testContext()), ['b', 'd'], ['a', 'c', 'b', 'e', 'd']],
    [
      'bring forward a run',
      (d, ids) => bringForward(d, ids, testContext()),
      ['b', 'c'],
      ['a', 'd', 'b', 'c', 'e'],
    ],
    [
      'bring forward the top',
      (d, ids) => bringForward(d, ids, testContext()),
      ['e'],
      ['a', 'b', 'c', 'd', 'e'],
    ],
    ['send backward', (d, ids) => sendBackward(d, ids, testContext()), ['b', 'd'], ['b', 'a', 'd', 'c', 'e']],
    [
      'send backward the bottom',
      (d, ids) => sendBackward(d, ids, testContext()),
      ['a', 'c'],
      ['a', 'c', 'b', 'd', 'e'],
    ],
  ])('%s', (_name, op, ids, expected) => {
    const doc = fiveNotes()
    const before = new Map(readBoard(doc).elements.map((e) => [e.id, e.z]))
    op(doc, ids)
    expect(stack(doc)).toEqual(expected)
    // Only the selected elements got new keys.
    for (const e of readBoard(doc).elements) if (!ids.includes(e.id)) expect(e.z).toBe(before.get(e.id))
  })

  it('writes nothing when the order does not change', () => {
    const doc = fiveNotes()
    const sv = Y.encodeStateVector(doc)
    bringToFront(doc, ['e'], testContext())
    sendToBack(doc, ['a'], testContext())
    expect(Y.encodeStateVector(doc)).toEqual(sv)
  })

  it('copes with equal keys from concurrent "bring to front"s', () => {
    const a = fiveNotes()
    const b = new Y.Doc()
    syncBoth(a, b)
    bringToFront(a, ['a'], testContext('alice'))
    bringToFront(b, ['b'], testContext('bob'))
    syncBoth(a, b)
    const els = readBoard(a).elements
    expect(els.at(-1)?.z).toBe(els.at(-2)?.z)
    // Ties are broken by id, the same on both peers.
    expect(stack(a)).toEqual(['c', 'd', 'e', 'a', 'b'])
    expect(stack(b)).toEqual(stack(a))
    // Reordering with tied keys still works.
    sendBackward(a, ['b'], testContext())
    expect(stack(a)).toEqual(['c', 'd', 'e', 'b', 'a'])
    bringForward(a, ['c'], testContext())
    expect(stack(a)).toEqual(['d', 'c', 'e', 'b', 'a'])
  })

  it('refuses a missing element', () => {
    const doc = fiveNotes()
    let error: unknown
    try {
      bringToFront(doc, ['a', 'zzz'], testContext())
    } catch (e) {
      error = e
    }
    expect(isModelError(error, ModelErrorCode.notFound)).toBe(true)
  })
})

describe('arenas', () => {
  it('groups elements into an arena and out again, and moves an arena with its members', () => {
    const doc = newDoc()
    const ctx = testContext()
    const arena = addElement(doc, { type: 'arena', x: 0, y: 0 }, ctx)
    const other = addElement(doc, { type: 'arena', x: 1000, y: 0 }, ctx)
    const a = addElement(doc, { type: 'actor', x: 10, y: 10 }, ctx)
    const b = addElement(doc, { type: 'resource', x: 20, y: 20 }, ctx)
    addToArena(doc, [a, b], arena, ctx)
    expect(arenaMembers(doc, arena).sort()).toEqual([a, b].sort())
    addToArena(doc, [b], other, ctx)
    expect(arenaMembers(doc, arena)).toEqual([a])
    moveArena(doc, arena, 5, 7, ctx)
    const byId = new Map(readBoard(doc).elements.map((e) => [e.id, e]))
    expect(byId.get(arena)).toMatchObject({ x: 5, y: 7 })
    expect(byId.get(a)).toMatchObject({ x: 15, y: 17 })
    expect(byId.get(b)).toMatchObject({ x: 20, y: 20 })
    removeFromArena(doc, [a, b], ctx)
    expect(arenaMembers(doc, arena)).toEqual([])
  })

  it('refuses nesting arenas and non-arena targets', () => {
    const doc = newDoc()
    const ctx = testContext()
    const arena = addElement(doc, { type: 'arena', x: 0, y: 0 }, ctx)
    const other = addElement(doc, { type: 'arena', x: 0, y: 0 }, ctx)
    const note = addElement(doc, { type: 'note', x: 0, y: 0 }, ctx)
    expect(() => addToArena(doc, [other], arena, ctx)).toThrow(/cannot be in an arena/)
    expect(() => addToArena(doc, [arena], note, ctx)).toThrow(/cannot be in an arena/)
    expect(() => addToArena(doc, [note], other + 'x', ctx)).toThrow(/no element/)
    expect(() => moveArena(doc, note, 1, 1, ctx)).toThrow(/not an arena/)
  })
})

// Per-person undo: each session's undo manager tracks only its own origin.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addElement,
  connect,
  createUndoManager,
  deleteElements,
  localOrigin,
  moveElements,
  readBoard,
  relabelElement,
  setBoardTitle,
  startMeeting,
} from '../../src/model/index.js'
import { newDoc, syncBoth, testContext } from './helpers.js'

/** Two peers whose documents exchange every update as it happens. */
function connectedPair(): { a: Y.Doc; b: Y.Doc } {
  const a = newDoc()
  const b = new Y.Doc()
  syncBoth(a, b)
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(b, update, 'remote')
  })
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(a, update, 'remote')
  })
  return { a, b }
}

describe('createUndoManager', () => {
  it("undoes only its own person's change when two people edit", () => {
    const { a, b } = connectedPair()
    const alice = testContext('alice', { origin: localOrigin('alice', 's1') })
    const bob = testContext('bob', { origin: localOrigin('bob', 's2') })
    const undoA = createUndoManager(a, alice.origin!, { captureTimeout: 0 })
    const undoB = createUndoManager(b, bob.origin!, { captureTimeout: 0 })
    const x = addElement(a, { type: 'actor', x: 0, y: 0, label: 'Alice' }, alice)
    const y = addElement(b, { type: 'resource', x: 0, y: 0, label: 'Bob' }, bob)
    moveElements(b, [x], { dx: 50, dy: 0 }, bob)
    relabelElement(a, y, 'Bob, edited by Alice', alice)
    expect(readBoard(a)).toEqual(readBoard(b))

    undoA.undo() // Alice's relabel of Bob's element
    expect(readBoard(b).elements.find((e) => e.id === y)?.label).toBe('Bob')
    undoA.undo() // Alice's element; Bob's move of it goes with it
    expect(readBoard(b).elements.map((e) => e.id)).toEqual([y])
    expect(undoA.canUndo()).toBe(false)
    expect(undoB.canUndo()).toBe(true)

    undoB.undo() // Bob's move: of an element that is gone now, so nothing visible
    undoB.undo() // Bob's element
    expect(readBoard(a).elements).toEqual([])
    undoA.redo()
    expect(readBoard(b).elements.map((e) => e.label)).toEqual(['Alice'])
  })

  it('ignores remote and import transactions, and other sessions of the same person', () => {
    const doc = newDoc()
    const mine = localOrigin('alice', 'tab-1')
    const otherTab = localOrigin('alice', 'tab-2')
    const undo = createUndoManager(doc, mine, { captureTimeout: 0 })
    addElement(doc, { type: 'note', x: 0, y: 0 }, testContext('alice', { origin: otherTab }))
    addElement(
      doc,
      { type: 'note', x: 0, y: 0 },
      testContext('alice', { origin: 'import', newId: () => 'imp' }),
    )
    const peer = new Y.Doc()
    addElement(peer, { type: 'note', x: 0, y: 0 }, testContext('bob'))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer), 'remote')
    expect(readBoard(doc).elements).toHaveLength(3)
    expect(undo.canUndo()).toBe(false)
    addElement(doc, { type: 'note', x: 0, y: 0 }, testContext('alice', { origin: mine, newId: () => 'mine' }))
    expect(undo.canUndo()).toBe(true)
  })

  it('undoes a delete with its links in one step', () => {
    const doc = newDoc()
    const ctx = testContext()
    const undo = createUndoManager(doc, ctx.origin!, { captureTimeout: 0 })
    const a = addElement(doc, { type: 'actor', x: 0, y: 0 }, ctx)
    const b = addElement(doc, { type: 'resource', x: 0, y: 0 }, ctx)
    connect(doc, { from: a, to: b, kind: 'provides' }, ctx)
    const before = readBoard(doc)
    deleteElements(doc, [a], ctx)
    expect(readBoard(doc).links).toEqual([])
    undo.undo()
    expect(readBoard(doc)).toEqual(before)
  })

  it('merges edits within the capture timeout into one step (a drag)', () => {
    const doc = newDoc()
    const ctx = testContext()
    const id = addElement(doc, { type: 'note', x: 0, y: 0 }, ctx)
    const undo = createUndoManager(doc, ctx.origin!)
    for (let i = 0; i < 10; i++) moveElements(doc, [id], { dx: 1, dy: 0 }, ctx)
    undo.undo()
    expect(readBoard(doc).elements[0]?.x).toBe(0)
  })

  it('covers the title but not meetings', () => {
    const doc = newDoc()
    const ctx = testContext()
    const undo = createUndoManager(doc, ctx.origin!, { captureTimeout: 0 })
    startMeeting(doc, null, ctx)
    expect(undo.canUndo()).toBe(false)
    setBoardTitle(doc, 'New', ctx)
    undo.undo()
    expect(readBoard(doc).meta.title).toBe('Test board')
    expect(readBoard(doc).meetings).toHaveLength(1)
  })
})

import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addElement,
  changeElementType,
  connect,
  deleteElements,
  endMeeting,
  addMeeting,
  localOrigin,
  moveElements,
  readBoard,
  relabelElement,
  setLinkKind,
  startMeeting,
  writeBoard,
  Origin,
  setPseudonymous,
  type EditContext,
} from '@circleboard/shared'
import { compareScene, highlightCounts } from '../src/history/compareModel.js'
import { compareRows, sortRows } from '../src/history/compareRows.js'
import { restoreData, restoreSnapshot } from '../src/history/restore.js'
import { BoardModel } from '../src/board/BoardModel.js'

const ctx: EditContext = { personId: 'p1', meeting: null, now: () => 1_700_000_000_000 }

/** A board and a later state of it: one of each change the compare view marks. */
function pair() {
  const doc = new Y.Doc()
  const org = addElement(doc, { type: 'actor', kind: 'organization', x: 0, y: 0, label: 'Kommunen' }, ctx)
  const time = addElement(doc, { type: 'resource', kind: 'time', x: 400, y: 0, label: 'Tid', org }, ctx)
  const gone = addElement(doc, { type: 'value', x: 800, y: 0, label: 'Arbete' }, ctx)
  const moved = addElement(doc, { type: 'note', x: 0, y: 400, label: 'Anteckning' }, ctx)
  const provides = connect(doc, { from: org, to: time, kind: 'provides' }, ctx)
  const toGone = connect(doc, { from: time, to: gone, kind: 'contributes' }, ctx)
  const before = readBoard(doc)
  deleteElements(doc, [gone], ctx)
  relabelElement(doc, time, 'Tid och kunskap', ctx)
  moveElements(doc, [moved], { dx: 100, dy: 50 }, ctx)
  setLinkKind(doc, provides, 'relates', ctx)
  const added = addElement(doc, { type: 'barrier', x: 0, y: 800, label: 'Sekretess' }, ctx)
  const after = readBoard(doc)
  return { before, after, ids: { org, time, gone, moved, provides, toGone, added } }
}

describe('compare view: the merged board', () => {
  it('holds the later board plus the removed records as ghosts, each record with its highlight state', () => {
    const { before, after, ids } = pair()
    const scene = compareScene(before, after)
    const elementIds = scene.board.elements.map((e) => e.id).sort()
    expect(elementIds).toEqual([ids.org, ids.time, ids.gone, ids.moved, ids.added].sort())
    // The removed link comes back with its removed end, so it can be drawn.
    expect(scene.board.links.map((l) => l.id).sort()).toEqual([ids.provides, ids.toGone].sort())
    expect(Object.fromEntries(scene.elementStates)).toEqual({
      [ids.gone]: 'removed',
      [ids.time]: 'changed',
      [ids.moved]: 'changed',
      [ids.added]: 'added',
    })
    expect(Object.fromEntries(scene.linkStates)).toEqual({
      [ids.provides]: 'changed',
      [ids.toGone]: 'removed',
    })
    expect([...scene.ghosts].sort()).toEqual([ids.gone, ids.toGone].sort())
    expect(highlightCounts(scene)).toEqual({ added: 1, removed: 2, changed: 3 })
    // Unchanged records carry no state.
    expect(scene.elementStates.has(ids.org)).toBe(false)
  })

  it('records where a moved element was and where it is', () => {
    const { before, after, ids } = pair()
    const scene = compareScene(before, after)
    expect(scene.moves).toHaveLength(1)
    const move = scene.moves[0]!
    expect(move.id).toBe(ids.moved)
    expect(move.after.x - move.before.x).toBe(100)
    expect(move.after.y - move.before.y).toBe(50)
  })

  it('is a valid board: it can be written into a document and read back', () => {
    const { before, after } = pair()
    const scene = compareScene(before, after)
    const doc = new Y.Doc()
    writeBoard(doc, scene.board, Origin.import)
    expect(readBoard(doc).elements).toHaveLength(scene.board.elements.length)
    expect(readBoard(doc).invalid).toEqual([])
  })

  it('clears a ghost relation that no longer holds (its organisation was retyped since)', () => {
    const doc = new Y.Doc()
    const org = addElement(doc, { type: 'actor', kind: 'organization', x: 0, y: 0, label: 'Region' }, ctx)
    const member = addElement(doc, { type: 'resource', x: 300, y: 0, label: 'Vård', org }, ctx)
    const before = readBoard(doc)
    deleteElements(doc, [member], ctx)
    changeElementType(doc, org, 'note', ctx)
    const after = readBoard(doc)
    const scene = compareScene(before, after)
    expect(scene.board.elements.find((e) => e.id === member)?.org).toBeNull()
    expect(() => writeBoard(new Y.Doc(), scene.board, Origin.import)).not.toThrow()
  })

  it('two equal boards mark nothing', () => {
    const { before } = pair()
    const scene = compareScene(before, before)
    expect(highlightCounts(scene)).toEqual({ added: 0, removed: 0, changed: 0 })
    expect(scene.ghosts.size).toBe(0)
  })
})

describe('compare view: the table', () => {
  it('lists every change with old and new values in words', () => {
    const { before, after, ids } = pair()
    const rows = compareRows(compareScene(before, after).diff, before, after, 'en')
    const byId = new Map(rows.map((r) => [r.id, r]))
    expect(byId.get(ids.added)).toMatchObject({
      change: 'added',
      record: 'element',
      what: 'Barrier',
      label: 'Sekretess',
    })
    expect(byId.get(ids.gone)).toMatchObject({ change: 'removed', what: 'Value outcome', label: 'Arbete' })
    expect(byId.get(ids.time)?.fields).toEqual([{ field: 'label', before: 'Tid', after: 'Tid och kunskap' }])
    expect(byId.get(ids.time)?.summary).toContain('relabelled from “Tid” to “Tid och kunskap”')
    const moved = byId.get(ids.moved)!
    expect(moved.fields).toEqual([{ field: 'position', before: '(0, 400)', after: '(100, 450)' }])
    expect(byId.get(ids.provides)).toMatchObject({
      record: 'link',
      change: 'changed',
      label: 'Kommunen → Tid och kunskap',
      fields: [{ field: 'kind', before: 'Provides', after: 'Relates to' }],
    })
    // A removed link names its ends as they were.
    expect(byId.get(ids.toGone)?.label).toBe('Tid → Arbete')
  })

  it('words values in Swedish', () => {
    const { before, after, ids } = pair()
    const rows = compareRows(compareScene(before, after).diff, before, after, 'sv')
    expect(rows.find((r) => r.id === ids.gone)?.what).toBe('Värdeutfall')
    expect(rows.find((r) => r.id === ids.provides)?.fields[0]?.before).toBe('Bidrar med')
  })

  it('sorts by kind of change, stable within a kind, and reverses', () => {
    const { before, after } = pair()
    const rows = compareRows(compareScene(before, after).diff, before, after, 'en')
    const byChange = sortRows(rows, 'change', false, 'en').map((r) => r.change)
    expect(byChange).toEqual(['added', 'changed', 'changed', 'changed', 'removed', 'removed'])
    const reversed = sortRows(rows, 'change', true, 'en').map((r) => r.change)
    expect(reversed).toEqual(['removed', 'removed', 'changed', 'changed', 'changed', 'added'])
    // Within a kind the diff's own order is kept (elements before links).
    const changed = sortRows(rows, 'change', false, 'en').filter((r) => r.change === 'changed')
    expect(changed.map((r) => r.record)).toEqual(['element', 'element', 'link'])
    const labels = sortRows(rows, 'label', false, 'en').map((r) => r.label)
    expect(labels[0]).toBe('Anteckning')
  })
})

describe('restore', () => {
  it('takes the snapshot’s map and keeps the present meta, meetings and people', () => {
    const doc = new Y.Doc()
    addElement(doc, { type: 'actor', x: 0, y: 0, label: 'Före' }, ctx)
    const snapshot = readBoard(doc)
    const meeting = addMeeting(doc, { title: 'Möte 1' }, ctx)
    startMeeting(doc, meeting.id, ctx)
    endMeeting(doc, meeting.id, ctx)
    setPseudonymous(doc, true, ctx)
    addElement(doc, { type: 'actor', x: 300, y: 0, label: 'Efter' }, ctx)
    const present = readBoard(doc)
    const data = restoreData(present, snapshot)
    expect(data.elements.map((e) => e.label)).toEqual(['Före'])
    expect(data.meetings).toEqual(present.meetings)
    expect(data.meta.pseudonymous).toBe(true)
  })

  it('is one step of this person: undo takes it back, and the later state stays comparable', () => {
    const doc = new Y.Doc()
    const model = new BoardModel(doc, {
      personId: 'p1',
      lang: 'en',
      meeting: () => null,
      readOnly: () => false,
    })
    const c = model.editContext()
    const a = addElement(doc, { type: 'actor', x: 0, y: 0, label: 'A' }, c)
    const snapshot = readBoard(doc)
    model.undo.stopCapturing()
    relabelElement(doc, a, 'A2', c)
    const b = addElement(doc, { type: 'resource', x: 300, y: 0, label: 'B' }, c)
    model.undo.stopCapturing()
    const later = readBoard(doc)
    // Someone else's edit in between must survive the undo of the restore.
    const other = addElement(
      doc,
      { type: 'note', x: 0, y: 500, label: 'other' },
      { ...c, origin: localOrigin('p2') },
    )

    expect(restoreSnapshot(model, snapshot)).toBe(true)
    const restored = readBoard(doc)
    expect(restored.elements.map((e) => e.label)).toEqual(['A'])
    model.undo.undo()
    const undone = readBoard(doc)
    expect(undone.elements.map((e) => e.label).sort()).toEqual(['A2', 'B', 'other'])
    expect(undone.elements.find((e) => e.id === b)).toEqual(later.elements.find((e) => e.id === b))
    expect(undone.elements.some((e) => e.id === other)).toBe(true)
    model.destroy()
  })

  it('refuses on a read-only board and writes nothing', () => {
    const doc = new Y.Doc()
    addElement(doc, { type: 'actor', x: 0, y: 0, label: 'A' }, ctx)
    const model = new BoardModel(doc, {
      personId: 'p1',
      lang: 'en',
      meeting: () => null,
      readOnly: () => true,
    })
    const before = Y.encodeStateVector(doc)
    expect(restoreSnapshot(model, { ...readBoard(doc), elements: [] })).toBe(false)
    expect(Y.encodeStateVector(doc)).toEqual(before)
    model.destroy()
  })
})

import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addElement, readBoard, type EditContext } from '@circleboard/shared'
import {
  assignColumn,
  hasLabelColumn,
  initialMapping,
  previewImport,
  previewRows,
  startMapping,
  toCsvMapping,
} from '../src/history/csvMappingState.js'
import { IMPORT_GAP, insertionOrder, placeDrafts, writeDrafts } from '../src/history/csvPlacement.js'
import { BoardModel } from '../src/board/BoardModel.js'

const ctx: EditContext = { personId: 'p1', meeting: null }

const TABLE = [
  'Namn;Typ;Myndighet;Anteckning',
  'Socialtjänsten;Aktör;Kommunen;',
  'Finansiering;Resurs;;pengar',
  ';Resurs;;tom etikett',
  'Rymdskepp;Farkost;;okänd typ',
  'Egen försörjning;Värde;;',
].join('\r\n')

let n = 0
const newId = (): string => `id${++n}`

describe('CSV mapping step', () => {
  it('starts from the mapping guessed from the headers', () => {
    const started = startMapping(TABLE)
    expect(started.ok).toBe(true)
    if (!started.ok) return
    expect(started.state.columns).toEqual(['label', 'type', 'organisation', null])
    expect(toCsvMapping(started.state)).toEqual({ label: 0, type: 1, organisation: 2 })
    expect(previewRows(started.state)).toHaveLength(5)
  })

  it('gives a field to one column only: assigning it takes it from the column that had it', () => {
    const started = startMapping(TABLE)
    if (!started.ok) throw new Error('unreadable')
    const moved = assignColumn(started.state, 3, 'label')
    expect(moved.columns).toEqual([null, 'type', 'organisation', 'label'])
    const ignored = assignColumn(moved, 1, null)
    expect(ignored.columns).toEqual([null, null, 'organisation', 'label'])
    expect(assignColumn(ignored, 9, 'tags')).toBe(ignored)
    expect(hasLabelColumn(assignColumn(ignored, 3, null))).toBe(false)
  })

  it('validates with the mapping: row errors name the row and the column', () => {
    const started = startMapping(TABLE)
    if (!started.ok) throw new Error('unreadable')
    const result = previewImport(started.state, { newId })
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [4, 'Namn'],
      [5, 'Typ'],
    ])
    // Three rows become elements, plus the organisation named in a row ("Kommunen").
    expect(result.elements).toHaveLength(4)
    expect(result.created).toHaveLength(1)
    const withoutLabel = assignColumn(started.state, 0, null)
    expect(previewImport(withoutLabel, { newId })).toEqual({ elements: [], created: [], errors: [] })
  })

  it('a quoted field that never closes stops the whole file with its row', () => {
    const started = startMapping('Namn,Typ\n"Kommunen,Aktör\n')
    expect(started.ok).toBe(false)
    if (!started.ok) expect(started.errors[0]?.row).toBe(2)
  })

  it('initialMapping on our own elements.csv headers maps back', () => {
    const state = initialMapping({
      delimiter: ',',
      headers: ['id', 'type', 'kind', 'label', 'organisation_label'],
      rows: [],
    })
    expect(toCsvMapping(state)).toMatchObject({ type: 1, kind: 2, label: 3, organisation: 4 })
  })
})

describe('placing and writing imported rows', () => {
  it('lays the rows out to the right of what is on the board', () => {
    const started = startMapping(TABLE)
    if (!started.ok) throw new Error('unreadable')
    const { elements } = previewImport(started.state, { newId })
    const placed = placeDrafts(elements, [{ x: -100, y: 20, w: 600, h: 300 }])
    for (const p of placed) expect(p.x).toBeGreaterThanOrEqual(500 + IMPORT_GAP)
    expect(Math.min(...placed.map((p) => p.y))).toBe(20)
    // No two overlap.
    for (const a of placed)
      for (const b of placed)
        if (a !== b)
          expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true)
    expect(placeDrafts(elements, []).some((p) => p.x === 0)).toBe(true)
  })

  it('adds an organisation before what belongs to it', () => {
    const order = insertionOrder([
      { id: 'member', org: 'org', arena: 'arena' },
      { id: 'arena', org: null, arena: null },
      { id: 'org', org: null, arena: null },
    ])
    expect(order.map((d) => d.id)).toEqual(['arena', 'org', 'member'])
  })

  it('writes the rows through the model as one undo step of this person', () => {
    const doc = new Y.Doc()
    const model = new BoardModel(doc, { personId: 'p1', lang: 'sv', meeting: () => 2, readOnly: () => false })
    const existing = addElement(
      doc,
      { type: 'actor', kind: 'organization', x: 0, y: 0, label: 'Kommunen' },
      ctx,
    )
    model.undo.stopCapturing()
    const started = startMapping(TABLE)
    if (!started.ok) throw new Error('unreadable')
    const { elements, created } = previewImport(started.state, {
      newId: () => Math.random().toString(36).slice(2, 12),
      existing: model.store.allElements(),
    })
    // "Kommunen" is on the board already: linked, not created again.
    expect(created).toHaveLength(0)
    const ids = writeDrafts(model, placeDrafts(elements, model.store.allElements()))
    const board = readBoard(doc)
    expect(board.elements).toHaveLength(4)
    const social = board.elements.find((e) => e.label === 'Socialtjänsten')!
    expect(social.org).toBe(existing)
    expect(social.meeting).toBe(2)
    expect(social.createdBy).toBe('p1')
    expect(ids).toHaveLength(3)
    model.undo.undo()
    expect(readBoard(doc).elements.map((e) => e.id)).toEqual([existing])
    model.destroy()
  })

  it('writes nothing when the model refuses one of the rows', () => {
    const doc = new Y.Doc()
    const model = new BoardModel(doc, {
      personId: 'p1',
      lang: 'en',
      meeting: () => null,
      readOnly: () => false,
    })
    const taken = addElement(doc, { type: 'note', x: 0, y: 0, label: 'taken' }, ctx)
    const before = Y.encodeStateVector(doc)
    const drafts = placeDrafts(
      [
        { ...readBoard(doc).elements[0]!, id: 'fresh1', label: 'new' },
        { ...readBoard(doc).elements[0]!, id: taken, label: 'clash' },
      ],
      [],
    )
    expect(() => writeDrafts(model, drafts)).toThrow()
    expect(Y.encodeStateVector(doc)).toEqual(before)
    model.destroy()
  })
})

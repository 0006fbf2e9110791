// Link operations and duplicating selections.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  applyLinkLabelDelta,
  connect,
  deleteLinks,
  duplicateElements,
  isModelError,
  ModelErrorCode,
  readBoard,
  reconnectLink,
  relabelLink,
  setLinkKind,
  writeBoard,
} from '../../src/model/index.js'
import { newDoc, sampleBoard, testContext } from './helpers.js'

function boardDoc(): Y.Doc {
  const doc = newDoc()
  writeBoard(doc, sampleBoard(), 'import')
  return doc
}

function code(fn: () => unknown): string | null {
  try {
    fn()
    return null
  } catch (e) {
    return isModelError(e) ? e.code : 'not a ModelError'
  }
}

describe('links', () => {
  it('connects two elements with provenance', () => {
    const doc = boardDoc()
    const id = connect(
      doc,
      { from: 'coord', to: 'funding', kind: 'provides', label: 'time' },
      testContext('dan', { meeting: 4 }),
    )
    expect(readBoard(doc).links.find((l) => l.id === id)).toMatchObject({
      from: 'coord',
      to: 'funding',
      kind: 'provides',
      label: 'time',
      createdBy: 'dan',
      meeting: 4,
    })
    expect((doc.getMap('links').get(id) as Y.Map<unknown>).get('label')).toBeInstanceOf(Y.Text)
  })

  it('refuses self-links, unknown kinds, missing and invalid ends, writing nothing', () => {
    const doc = boardDoc()
    ;(doc.getMap('elements').get('value') as Y.Map<unknown>).set('x', 'junk')
    const before = Y.encodeStateAsUpdate(doc)
    const ctx = testContext()
    expect(code(() => connect(doc, { from: 'kommun', to: 'kommun', kind: 'relates' }, ctx))).toBe(
      ModelErrorCode.selfLink,
    )
    expect(code(() => connect(doc, { from: 'kommun', to: 'funding', kind: 'likes' as never }, ctx))).toBe(
      ModelErrorCode.invalidInput,
    )
    expect(code(() => connect(doc, { from: 'kommun', to: 'ghost', kind: 'relates' }, ctx))).toBe(
      ModelErrorCode.notFound,
    )
    expect(code(() => connect(doc, { from: 'kommun', to: 'value', kind: 'relates' }, ctx))).toBe(
      ModelErrorCode.invalidRecord,
    )
    expect(code(() => connect(doc, { from: 'kommun', to: 'funding', kind: 'relates', id: 'l1' }, ctx))).toBe(
      ModelErrorCode.idTaken,
    )
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('reconnects one end, relabels and changes kind', () => {
    const doc = boardDoc()
    const ctx = testContext('erin')
    reconnectLink(doc, 'l1', 'to', 'value', ctx)
    relabelLink(doc, 'l1', 'directly', ctx)
    setLinkKind(doc, 'l1', 'contributes', ctx)
    expect(readBoard(doc).links.find((l) => l.id === 'l1')).toMatchObject({
      from: 'kommun',
      to: 'value',
      label: 'directly',
      kind: 'contributes',
      updatedBy: 'erin',
      createdBy: 'alice',
    })
    expect(code(() => reconnectLink(doc, 'l1', 'from', 'value', ctx))).toBe(ModelErrorCode.selfLink)
    expect(code(() => reconnectLink(doc, 'l1', 'middle' as never, 'value', ctx))).toBe(
      ModelErrorCode.invalidInput,
    )
    expect(code(() => relabelLink(doc, 'nope', 'x', ctx))).toBe(ModelErrorCode.notFound)
  })

  it('applies a text delta to a link label, refusing one that runs past the end', () => {
    const doc = boardDoc()
    // l2's label is 'mostly'.
    applyLinkLabelDelta(doc, 'l2', [{ insert: 'not ' }, { retain: 6 }, { insert: '!' }], testContext())
    expect(readBoard(doc).links.find((l) => l.id === 'l2')?.label).toBe('not mostly!')
    const before = Y.encodeStateAsUpdate(doc)
    expect(code(() => applyLinkLabelDelta(doc, 'l2', [{ retain: 11 }, { delete: 1 }], testContext()))).toBe(
      ModelErrorCode.invalidInput,
    )
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('deletes links, skipping ids already gone', () => {
    const doc = boardDoc()
    expect(deleteLinks(doc, ['l1', 'l1', 'zz'], testContext())).toEqual(['l1'])
    expect(readBoard(doc).links.map((l) => l.id)).toEqual(['l2', 'l3'])
  })
})

describe('duplicateElements', () => {
  it('copies with new ids and an offset, on top, with links between copies and remapped references', () => {
    const doc = boardDoc()
    const ctx = testContext('fay', { meeting: 5 })
    const copies = duplicateElements(doc, ['kommun', 'funding', 'coord'], ctx)
    expect([...copies.keys()].sort()).toEqual(['coord', 'funding', 'kommun'])
    const board = readBoard(doc)
    const byId = new Map(board.elements.map((e) => [e.id, e]))
    const kommun2 = byId.get(copies.get('kommun')!)!
    expect(kommun2).toMatchObject({
      label: 'Kommunen',
      x: 24,
      y: 24,
      tags: ['core'],
      createdBy: 'fay',
      meeting: 5,
    })
    // The copied role belongs to the copied organisation and stays in the original arena.
    expect(byId.get(copies.get('coord')!)).toMatchObject({
      org: copies.get('kommun'),
      arena: 'arena',
      extra: { future: { nested: [1, 'two', null] } },
    })
    // Copies are on top, in their original relative order.
    expect(board.elements.slice(-3).map((e) => e.id)).toEqual(
      ['kommun', 'coord', 'funding'].map((id) => copies.get(id)),
    )
    // l1 (kommun -> funding) is copied; l2 (funding -> value) and l3 are not.
    const copiedLinks = board.links.filter((l) => !['l1', 'l2', 'l3'].includes(l.id))
    expect(copiedLinks).toHaveLength(1)
    expect(copiedLinks[0]).toMatchObject({
      from: copies.get('kommun'),
      to: copies.get('funding'),
      kind: 'provides',
    })
    expect(board.invalid).toEqual([])
  })

  it('duplicates an arena with its members', () => {
    const doc = boardDoc()
    const copies = duplicateElements(doc, ['arena'], testContext(), { dx: 0, dy: 500 })
    expect([...copies.keys()].sort()).toEqual(['arena', 'coord'])
    const coord2 = readBoard(doc).elements.find((e) => e.id === copies.get('coord'))
    expect(coord2).toMatchObject({ arena: copies.get('arena'), y: 480 })
  })

  it('refuses a missing element, writing nothing', () => {
    const doc = boardDoc()
    const before = Y.encodeStateAsUpdate(doc)
    expect(code(() => duplicateElements(doc, ['kommun', 'ghost'], testContext()))).toBe(
      ModelErrorCode.notFound,
    )
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })
})

// Element operations: validation before writing, one transaction each, provenance, side effects.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addElement,
  applyLabelDelta,
  assignOrganisation,
  changeElementKind,
  changeElementType,
  deleteElements,
  isModelError,
  ModelErrorCode,
  moveElements,
  readBoard,
  relabelElement,
  resizeElement,
  setElementColor,
  setElementPositions,
  setElementTags,
  writeBoard,
  connect,
  addCommentThread,
  type ElementData,
} from '../../src/model/index.js'
import { newDoc, sampleBoard, testContext } from './helpers.js'

function el(doc: Y.Doc, id: string): ElementData {
  const found = readBoard(doc).elements.find((e) => e.id === id)
  if (!found) throw new Error(`no ${id}`)
  return found
}

/** Runs `fn`, expecting a ModelError with `code`, and checks that the document did not change. */
function expectRefused(doc: Y.Doc, code: string, fn: () => unknown): void {
  const before = Y.encodeStateAsUpdate(doc)
  let error: unknown
  try {
    fn()
  } catch (e) {
    error = e
  }
  expect(isModelError(error) ? error.code : error).toBe(code)
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
}

function transactions(doc: Y.Doc): unknown[] {
  const origins: unknown[] = []
  doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
  return origins
}

describe('addElement', () => {
  it('adds an element with defaults, provenance and the next id', () => {
    const doc = newDoc()
    const ctx = testContext('alice', { meeting: 3 })
    const origins = transactions(doc)
    const id = addElement(doc, { type: 'actor', x: 10, y: 20, label: 'Kommunen' }, ctx)
    expect(id).toBe('alice-1')
    expect(origins).toEqual([ctx.origin])
    expect(el(doc, id)).toEqual({
      id,
      type: 'actor',
      kind: 'organization',
      x: 10,
      y: 20,
      w: 200,
      h: 80,
      label: 'Kommunen',
      org: null,
      arena: null,
      color: null,
      z: 'a0',
      tags: [],
      createdBy: 'alice',
      createdAt: 1_700_000_001_000,
      updatedBy: 'alice',
      updatedAt: 1_700_000_001_000,
      meeting: 3,
      updatedMeeting: 3,
      extra: {},
    })
  })

  it('stacks new elements on top and new arenas at the back', () => {
    const doc = newDoc()
    const ctx = testContext()
    const a = addElement(doc, { type: 'note', x: 0, y: 0 }, ctx)
    const b = addElement(doc, { type: 'note', x: 0, y: 0 }, ctx)
    const arena = addElement(doc, { type: 'arena', x: 0, y: 0 }, ctx)
    expect(readBoard(doc).elements.map((e) => e.id)).toEqual([arena, a, b])
  })

  it('uses random ids when the context has no generator', () => {
    const doc = newDoc()
    const { newId: _none, ...ctx } = testContext()
    const a = addElement(doc, { type: 'note', x: 0, y: 0 }, ctx)
    const b = addElement(doc, { type: 'note', x: 0, y: 0 }, ctx)
    expect(a).toMatch(/^[0-9A-Za-z]{16}$/)
    expect(a).not.toBe(b)
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown type', { type: 'sticker', x: 0, y: 0 }, ModelErrorCode.invalidInput],
    ['a kind of another type', { type: 'actor', kind: 'funding', x: 0, y: 0 }, ModelErrorCode.invalidInput],
    ['NaN', { type: 'note', x: NaN, y: 0 }, ModelErrorCode.invalidInput],
    ['a huge coordinate', { type: 'note', x: 1e12, y: 0 }, ModelErrorCode.invalidInput],
    ['a negative size', { type: 'note', x: 0, y: 0, w: -5 }, ModelErrorCode.invalidInput],
    ['a bad colour', { type: 'note', x: 0, y: 0, color: 'url(evil)' }, ModelErrorCode.invalidInput],
    ['bad tags', { type: 'note', x: 0, y: 0, tags: ['ok', ''] }, ModelErrorCode.invalidInput],
    ['a bad id', { type: 'note', x: 0, y: 0, id: 'has space' }, ModelErrorCode.invalidInput],
    ['a taken id', { type: 'note', x: 0, y: 0, id: 'kommun' }, ModelErrorCode.idTaken],
    [
      'an org that is not an organisation',
      { type: 'actor', kind: 'role', x: 0, y: 0, org: 'funding' },
      ModelErrorCode.wrongTarget,
    ],
    ['a missing org', { type: 'actor', x: 0, y: 0, org: 'nobody' }, ModelErrorCode.notFound],
    [
      'an arena that is not an arena',
      { type: 'note', x: 0, y: 0, arena: 'kommun' },
      ModelErrorCode.wrongTarget,
    ],
    ['an arena inside an arena', { type: 'arena', x: 0, y: 0, arena: 'arena' }, ModelErrorCode.wrongTarget],
  ])('refuses %s and writes nothing', (_name, input, code) => {
    const doc = newDoc()
    writeBoard(doc, sampleBoard(), 'import')
    expectRefused(doc, code, () => addElement(doc, input as never, testContext()))
  })

  it('refuses a malformed context', () => {
    const doc = newDoc()
    expectRefused(doc, ModelErrorCode.invalidInput, () =>
      addElement(doc, { type: 'note', x: 0, y: 0 }, { ...testContext(), meeting: 0 }),
    )
  })
})

describe('moving and resizing', () => {
  it('moves many elements by a delta in one transaction, stamping each', () => {
    const doc = newDoc()
    writeBoard(doc, sampleBoard(), 'import')
    const ctx = testContext('carol', { meeting: 2 })
    const origins = transactions(doc)
    moveElements(doc, ['kommun', 'funding'], { dx: 5, dy: -5 }, ctx)
    expect(origins).toHaveLength(1)
    expect(el(doc, 'kommun')).toMatchObject({ x: 5, y: -5, updatedBy: 'carol', updatedMeeting: 2 })
    expect(el(doc, 'funding')).toMatchObject({ x: 5, y: -5 })
    expect(el(doc, 'value')).toMatchObject({ x: 0, y: 0, updatedBy: 'bob' })
  })

  it('carries arena members along, unless asked not to', () => {
    const doc = newDoc()
    writeBoard(doc, sampleBoard(), 'import')
    moveElements(doc, ['arena'], { dx: 100, dy: 0 }, testContext())
    expect(el(doc, 'coord').x).toBe(110.5)
    moveElements(doc, ['arena'], { dx: 100, dy: 0 }, testContext(), { carryMembers: false })
    expect(el(doc, 'coord').x).toBe(110.5)
    // A member moved together with its arena moves once, not twice.
    moveElements(doc, ['arena', 'coord'], { dx: 1, dy: 0 }, testContext())
    expect(el(doc, 'coord').x).toBe(111.5)
  })

  it('sets absolute positions, members following their arena', () => {
    const doc = newDoc()
    writeBoard(doc, sampleBoard(), 'import')
    setElementPositions(
      doc,
      [
        { id: 'arena', x: 50, y: 60 },
        { id: 'value', x: -1, y: -2 },
      ],
      testContext(),
    )
    expect(el(doc, 'arena')).toMatchObject({ x: 50, y: 60 })
    expect(el(doc, 'coord')).toMatchObject({ x: 60.5, y: 40 })
    expect(el(doc, 'value')).toMatchObject({ x: -1, y: -2 })
  })

  it('refuses a move of a missing or invalid element without moving the others', () => {
    const doc = newDoc()
    writeBoard(doc, sampleBoard(), 'import')
    expectRefused(doc, ModelErrorCode.notFound, () =>
      moveElements(doc, ['kommun', 'ghost'], { dx: 1, dy: 1 }, testContext()),
    )
    ;(doc.getMap('elements').get('value') as Y.Map<unknown>).set('type', 'alien')
    expectRefused(doc, ModelErrorCode.invalidRecord, () =>
      moveElements(doc, ['kommun', 'value'], { dx: 1, dy: 1 }, testContext()),
    )
    expectRefused(doc, ModelErrorCode.invalidInput, () =>
      moveElements(doc, ['kommun'], { dx: Infinity, dy: 1 }, testContext()),
    )
  })

  it('resizes, from the top-left corner too', () => {
    const doc = newDoc()
    writeBoard(doc, sampleBoard(), 'import')
    resizeElement(doc, 'value', { w: 300, h: 50, x: -10, y: -20 }, testContext())
    expect(el(doc, 'value')).toMatchObject({ w: 300, h: 50, x: -10, y: -20 })
    expectRefused(doc, ModelErrorCode.invalidInput, () =>
      resizeElement(doc, 'value', { w: 0, h: 50 }, testContext()),
    )
  })
})

describe('labels', () => {
  it('relabels with the smallest edit, so concurrent typing elsewhere survives', () => {
    const a = newDoc()
    writeBoard(a, sampleBoard(), 'import')
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    relabelElement(a, 'kommun', 'Kommunen (socialtjänsten)', testContext('alice'))
    relabelElement(b, 'kommun', 'Hela Kommunen', testContext('bob'))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(el(a, 'kommun').label).toBe('Hela Kommunen (socialtjänsten)')
    expect(el(b, 'kommun').label).toBe(el(a, 'kommun').label)
  })

  it('turns a plain-string label into a Y.Text when it is edited', () => {
    const doc = newDoc()
    writeBoard(doc, sampleBoard(), 'import')
    ;(doc.getMap('elements').get('kommun') as Y.Map<unknown>).set('label', 'Old string')
    applyLabelDelta(
      doc,
      'kommun',
      [{ retain: 3 }, { insert: 'er' }, { retain: 1 }, { delete: 6 }, { insert: 'text' }],
      testContext(),
    )
    const label = (doc.getMap('elements').get('kommun') as Y.Map<unknown>).get('label')
    expect(label).toBeInstanceOf(Y.Text)
    expect(String(label)).toBe('Older text')
  })

  it.each<[string, unknown[]]>([
    ['retain past the end', [{ retain: 20 }]],
    ['delete past the end', [{ retain: 5 }, { delete: 4 }]],
    ['an op with two keys', [{ retain: 1, insert: 'x' }]],
    ['a negative delete', [{ delete: -1 }]],
    ['a non-object', ['x']],
  ])('refuses a delta that would %s', (_name, delta) => {
    const doc = newDoc()
    writeBoard(doc, sampleBoard(), 'import')
    // 'Kommunen' has 8 characters.
    expectRefused(doc, ModelErrorCode.invalidInput, () =>
      applyLabelDelta(doc, 'kommun', delta as never, testContext()),
    )
  })
})

describe('type, kind, colour, tags, organisation', () => {
  it('resets the kind when the new type does not allow it, and keeps it when it does', () => {
    const doc = newDoc()
    writeBoard(doc, sampleBoard(), 'import')
    changeElementType(doc, 'funding', 'value', testContext())
    expect(el(doc, 'funding')).toMatchObject({ type: 'value', kind: 'service-user' })
    changeElementType(doc, 'value', 'actor', testContext())
    expect(el(doc, 'value')).toMatchObject({ type: 'actor', kind: 'organization' })
    changeElementType(doc, 'funding', 'actor', testContext())
    expect(el(doc, 'funding').kind).toBe('service-user')
  })

  it('releases members when an organisation or arena stops being one', () => {
    const doc = newDoc()
    writeBoard(doc, sampleBoard(), 'import')
    changeElementKind(doc, 'kommun', 'group', testContext('carol'))
    changeElementType(doc, 'arena', 'note', testContext('carol'))
    const stored = doc.getMap('elements').get('coord') as Y.Map<unknown>
    expect(stored.get('org')).toBeNull()
    expect(stored.get('arena')).toBeNull()
    expect(el(doc, 'coord').updatedBy).toBe('carol')
  })

  it('refuses kinds of another type', () => {
    const doc = newDoc()
    writeBoard(doc, sampleBoard(), 'import')
    expectRefused(doc, ModelErrorCode.invalidInput, () =>
      changeElementKind(doc, 'kommun', 'funding', testContext()),
    )
    expectRefused(doc, ModelErrorCode.invalidInput, () =>
      changeElementType(doc, 'kommun', 'blob' as never, testContext()),
    )
  })

  it('sets colours and tags', () => {
    const doc = newDoc()
    writeBoard(doc, sampleBoard(), 'import')
    setElementColor(doc, ['kommun', 'value'], '#123', testContext())
    setElementTags(doc, 'kommun', [' a ', 'b', 'a'], testContext())
    expect(el(doc, 'kommun')).toMatchObject({ color: '#123', tags: ['a', 'b'] })
    expect(el(doc, 'value').color).toBe('#123')
    setElementColor(doc, ['kommun'], null, testContext())
    expect(el(doc, 'kommun').color).toBeNull()
    expectRefused(doc, ModelErrorCode.invalidInput, () =>
      setElementColor(doc, ['kommun'], 'rgb(0,0,0)', testContext()),
    )
    expectRefused(doc, ModelErrorCode.invalidInput, () =>
      setElementTags(doc, 'kommun', ['x'.repeat(65)], testContext()),
    )
  })

  it('assigns to an organisation actor only', () => {
    const doc = newDoc()
    writeBoard(doc, sampleBoard(), 'import')
    assignOrganisation(doc, ['funding', 'value'], 'kommun', testContext())
    expect(el(doc, 'funding').org).toBe('kommun')
    assignOrganisation(doc, ['funding'], null, testContext())
    expect(el(doc, 'funding').org).toBeNull()
    expectRefused(doc, ModelErrorCode.wrongTarget, () =>
      assignOrganisation(doc, ['funding'], 'coord', testContext()),
    )
    expectRefused(doc, ModelErrorCode.wrongTarget, () =>
      assignOrganisation(doc, ['kommun'], 'kommun', testContext()),
    )
    expectRefused(doc, ModelErrorCode.notFound, () =>
      assignOrganisation(doc, ['funding'], 'nobody', testContext()),
    )
  })
})

describe('deleteElements', () => {
  it('deletes links and threads with the element in the same transaction, and clears org references', () => {
    const doc = newDoc()
    writeBoard(doc, sampleBoard(), 'import')
    const origins = transactions(doc)
    const deleted = deleteElements(doc, ['funding', 'kommun', 'ghost'], testContext())
    expect(origins).toHaveLength(1)
    expect(deleted.sort()).toEqual(['funding', 'kommun'])
    const board = readBoard(doc)
    expect(board.links).toEqual([])
    expect(board.comments).toEqual([])
    expect(board.invalid).toEqual([])
    expect((doc.getMap('elements').get('coord') as Y.Map<unknown>).get('org')).toBeNull()
  })

  it('releases arena members, or deletes them when asked', () => {
    const doc = newDoc()
    writeBoard(doc, sampleBoard(), 'import')
    deleteElements(doc, ['arena'], testContext())
    expect(el(doc, 'coord').arena).toBeNull()
    const doc2 = newDoc()
    writeBoard(doc2, sampleBoard(), 'import')
    expect(deleteElements(doc2, ['arena'], testContext(), { withMembers: true }).sort()).toEqual([
      'arena',
      'coord',
    ])
  })

  it('deletes invalid records too, and is a no-op for ids already gone', () => {
    const doc = newDoc()
    doc.getMap('elements').set('junk', 42)
    expect(deleteElements(doc, ['junk'], testContext())).toEqual(['junk'])
    const before = Y.encodeStateAsUpdate(doc)
    expect(deleteElements(doc, ['junk'], testContext())).toEqual([])
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('removes comment threads and links created by others on the element', () => {
    const doc = newDoc()
    const ctx = testContext()
    const a = addElement(doc, { type: 'actor', x: 0, y: 0 }, ctx)
    const b = addElement(doc, { type: 'resource', x: 0, y: 0 }, ctx)
    connect(doc, { from: a, to: b, kind: 'provides' }, testContext('bob'))
    addCommentThread(doc, b, 'why?', testContext('bob'))
    deleteElements(doc, [b], ctx)
    expect(doc.getMap('links').size).toBe(0)
    expect(doc.getMap('comments').size).toBe(0)
  })
})

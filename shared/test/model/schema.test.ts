// Reading with validation: per-record readers and readBoard on good, broken and foreign documents.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoard, readElement, readLink, writeBoard, type ElementData } from '../../src/model/index.js'
import { element, newDoc, sampleBoard } from './helpers.js'

function elementMap(fields: Record<string, unknown>): Y.Map<unknown> {
  // A map must be in a document for Y.Text content to be readable.
  const doc = new Y.Doc()
  const map = doc.getMap<unknown>('elements')
  const el = new Y.Map<unknown>()
  map.set('e', el)
  for (const [key, value] of Object.entries(fields)) el.set(key, value)
  return el
}

describe('readElement', () => {
  it('reads a complete element and keeps unknown fields in extra', () => {
    const map = elementMap({
      type: 'actor',
      kind: 'role',
      x: 1,
      y: 2,
      w: 3,
      h: 4,
      label: new Y.Text('Coordinator'),
    })
    map.set('future', { a: [1, 2] })
    map.set('z', 'a5')
    map.set('tags', ['x', 'y'])
    const result = readElement('e', map)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value).toMatchObject({ id: 'e', type: 'actor', kind: 'role', x: 1, y: 2, w: 3, h: 4 })
    expect(result.value.label).toBe('Coordinator')
    expect(result.value.extra).toEqual({ future: { a: [1, 2] } })
    expect(result.value.tags).toEqual(['x', 'y'])
    expect(result.value.createdBy).toBeNull()
  })

  it('fills what a bare client may leave out: kind, size, z', () => {
    const result = readElement('e', elementMap({ type: 'value', x: 0, y: 0, label: 'plain string label' }))
    expect(result).toMatchObject({
      ok: true,
      value: { kind: 'service-user', w: 180, h: 72, z: 'a0', label: 'plain string label', tags: [] },
    })
  })

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['unknown type', { type: 'sticker', x: 0, y: 0, label: '' }, /type 'sticker' is not an element type/],
    ['missing type', { x: 0, y: 0, label: '' }, /type is missing/],
    [
      'kind of another type',
      { type: 'actor', kind: 'funding', x: 0, y: 0, label: '' },
      /kind 'funding' is not a kind of actor/,
    ],
    ['NaN coordinate', { type: 'note', x: NaN, y: 0, label: '' }, /x is NaN/],
    ['string coordinate', { type: 'note', x: 0, y: '5', label: '' }, /y is a string/],
    ['missing label', { type: 'note', x: 0, y: 0 }, /label is missing/],
    ['label of the wrong type', { type: 'note', x: 0, y: 0, label: 42 }, /label is a number, not text/],
    ['zero width', { type: 'note', x: 0, y: 0, w: 0, label: '' }, /w is 0, not above 0/],
    ['bad z', { type: 'note', x: 0, y: 0, label: '', z: '!!' }, /z '!!' is not a fractional index/],
    ['tags not a list', { type: 'note', x: 0, y: 0, label: '', tags: 'a,b' }, /tags is a string, not a list/],
    ['tag not a string', { type: 'note', x: 0, y: 0, label: '', tags: ['a', 3] }, /tags\[1\] is a number/],
    ['colour injection', { type: 'note', x: 0, y: 0, label: '', color: 'red" onload="x' }, /is not a colour/],
    [
      'createdAt as text',
      { type: 'note', x: 0, y: 0, label: '', createdAt: 'yesterday' },
      /createdAt is a string/,
    ],
    ['meeting not an integer', { type: 'note', x: 0, y: 0, label: '', meeting: 1.5 }, /meeting is 1.5/],
  ])('reports %s', (_name, fields, problem) => {
    const result = readElement('e', elementMap(fields))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.invalid.collection).toBe('elements')
    expect(result.invalid.id).toBe('e')
    expect(result.invalid.problems.join('\n')).toMatch(problem)
  })

  it('lists every problem of a record, not just the first', () => {
    const result = readElement('e', elementMap({ type: 'note', x: 'a', y: null, w: -1 }))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.invalid.problems).toHaveLength(4)
  })

  it.each<[string, () => unknown]>([
    ['number', () => 42],
    ['string', () => 'text'],
    ['null', () => null],
    ['undefined', () => undefined],
    ['array', () => [1, 2]],
    ['Y.Array', () => new Y.Array()],
    ['Y.Text', () => new Y.Text('x')],
  ])('reports a non-map entry (%s) without throwing', (_name, value) => {
    const result = readElement('e', value())
    expect(result).toMatchObject({ ok: false, invalid: { collection: 'elements', id: 'e' } })
  })
})

describe('readLink', () => {
  it('reads a link with a missing label as empty', () => {
    const doc = new Y.Doc()
    const map = new Y.Map<unknown>()
    doc.getMap('links').set('l', map)
    map.set('from', 'a')
    map.set('to', 'b')
    map.set('kind', 'provides')
    expect(readLink('l', map)).toMatchObject({
      ok: true,
      value: { from: 'a', to: 'b', kind: 'provides', label: '' },
    })
  })

  it('reports self-links, unknown kinds and missing ends', () => {
    const doc = new Y.Doc()
    const map = new Y.Map<unknown>()
    doc.getMap('links').set('l', map)
    map.set('from', 'a')
    map.set('to', 'a')
    map.set('kind', 'loves')
    const result = readLink('l', map)
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.invalid.problems).toEqual(['links a to itself', "kind 'loves' is not a link kind"])
    const empty = new Y.Map<unknown>()
    doc.getMap('links').set('m', empty)
    expect(readLink('m', empty)).toMatchObject({
      ok: false,
      invalid: {
        problems: [
          'from is nothing, not an id',
          'to is nothing, not an id',
          'kind nothing is not a link kind',
        ],
      },
    })
  })
})

describe('readBoard', () => {
  it('reports dangling links and threads, and links to invalid elements', () => {
    const doc = newDoc()
    const data = sampleBoard()
    writeBoard(doc, data, 'import')
    doc.transact(() => {
      doc.getMap('elements').delete('value')
      ;(doc.getMap('elements').get('barrier') as Y.Map<unknown>).set('x', 'left')
      ;(doc.getMap('comments').get('t1') as Y.Map<unknown>).set('element', 'gone')
    })
    const board = readBoard(doc)
    expect(board.links.map((l) => l.id)).toEqual(['l1'])
    expect(board.invalid).toEqual([
      { collection: 'elements', id: 'barrier', problems: ['x is a string, not a finite number'] },
      { collection: 'links', id: 'l2', problems: ["dangling: to element 'value' is missing"] },
      { collection: 'links', id: 'l3', problems: ["dangling: from element 'barrier' is invalid"] },
      { collection: 'comments', id: 't1', problems: ["element 'gone' is missing"] },
    ])
  })

  it('reads org and arena that no longer name an organisation or arena as null', () => {
    const doc = newDoc()
    writeBoard(doc, sampleBoard(), 'import')
    doc.transact(() => {
      ;(doc.getMap('elements').get('kommun') as Y.Map<unknown>).set('kind', 'group')
      ;(doc.getMap('elements').get('arena') as Y.Map<unknown>).set('type', 'note')
      ;(doc.getMap('elements').get('funding') as Y.Map<unknown>).set('org', 'nowhere')
    })
    const board = readBoard(doc)
    const byId = new Map(board.elements.map((el) => [el.id, el]))
    expect(byId.get('coord')).toMatchObject({ org: null, arena: null })
    expect(byId.get('funding')?.org).toBeNull()
    expect(board.invalid).toEqual([])
  })

  it('returns elements in stacking order (z, then id), the same whatever the insertion order', () => {
    const doc = newDoc()
    const els: ElementData[] = [
      element({ id: 'c', z: 'a1' }),
      element({ id: 'b', z: 'a1' }),
      element({ id: 'a', z: 'a2' }),
      element({ id: 'd', z: 'Zz' }),
    ]
    writeBoard(doc, { ...sampleBoard(), elements: els, links: [], comments: [] }, 'import')
    expect(readBoard(doc).elements.map((el) => el.id)).toEqual(['d', 'b', 'c', 'a'])
  })

  it('survives a document full of junk', () => {
    const doc = new Y.Doc()
    doc.transact(() => {
      const elements = doc.getMap<unknown>('elements')
      elements.set('n', 42)
      elements.set('s', 'hello')
      elements.set('arr', new Y.Array())
      elements.set('txt', new Y.Text('x'))
      elements.set('nul', null)
      elements.set('obj', { type: 'note', x: 0, y: 0, label: 'plain object, not a map' })
      const ok = new Y.Map<unknown>()
      elements.set('ok', ok)
      ok.set('type', 'note')
      ok.set('x', 1)
      ok.set('y', 2)
      ok.set('label', 'fine')
      doc.getMap<unknown>('links').set('l', 'nope')
      doc.getMap<unknown>('meetings').set('m', new Y.Map())
      doc.getMap<unknown>('people').set('p', [1])
      doc.getMap<unknown>('comments').set('c', new Y.Map())
      const meta = doc.getMap<unknown>('meta')
      meta.set('schema', 'one')
      meta.set('title', 7)
      meta.set('pseudonymous', 'yes')
      meta.set('createdAt', 0)
    })
    const board = readBoard(doc)
    expect(board.elements.map((el) => el.id)).toEqual(['ok'])
    expect(board.invalid.map((r) => `${r.collection}:${r.id}`)).toEqual([
      'elements:arr',
      'elements:n',
      'elements:nul',
      'elements:obj',
      'elements:s',
      'elements:txt',
      'links:l',
      'meetings:m',
      'people:p',
      'comments:c',
    ])
    expect(board.meta).toEqual({
      schema: 0,
      title: '',
      template: null,
      createdAt: '1970-01-01T00:00:00.000Z',
      pseudonymous: false,
    })
  })

  it('reports a top-level type of the wrong kind instead of throwing', () => {
    const doc = new Y.Doc()
    doc.getArray('elements').push([1])
    doc.getText('links').insert(0, 'x')
    const board = readBoard(doc)
    expect(board.elements).toEqual([])
    expect(board.invalid).toEqual([
      { collection: 'elements', id: '*', problems: ['the elements collection is not a Y.Map'] },
      { collection: 'links', id: '*', problems: ['the links collection is not a Y.Map'] },
    ])
  })

  it('reads a document received from a peer that wrote a root as an array', () => {
    const foreign = new Y.Doc()
    foreign.getArray('elements').push(['junk'])
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(foreign))
    expect(() => readBoard(doc)).not.toThrow()
    expect(readBoard(doc).elements).toEqual([])
  })
})

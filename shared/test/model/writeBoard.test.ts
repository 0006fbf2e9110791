// writeBoard / replaceBoard: exact round trips, refusal of invalid data without writing, minimal changes.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  canonicalBoard,
  createUndoManager,
  isModelError,
  localOrigin,
  ModelErrorCode,
  readBoard,
  replaceBoard,
  writeBoard,
  type BoardData,
} from '../../src/model/index.js'
import { element, link, newDoc, sampleBoard } from './helpers.js'

describe('writeBoard', () => {
  it('round-trips valid data exactly, extra fields, provenance and comments included', () => {
    const data = sampleBoard()
    const doc = new Y.Doc()
    writeBoard(doc, data, 'import')
    expect(readBoard(doc)).toEqual(data)
  })

  it('round-trips through a Yjs update into another document', () => {
    const source = new Y.Doc()
    writeBoard(source, sampleBoard(), 'import')
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(source))
    expect(readBoard(copy)).toEqual(sampleBoard())
  })

  it('round-trips data in any order to its canonical order', () => {
    const data = sampleBoard()
    const shuffled: BoardData = {
      ...data,
      elements: [...data.elements].reverse(),
      links: [...data.links].reverse(),
      meetings: [...data.meetings].reverse(),
      people: [...data.people].reverse(),
    }
    const doc = new Y.Doc()
    writeBoard(doc, shuffled, 'import')
    expect(readBoard(doc)).toEqual(canonicalBoard(shuffled))
    expect(canonicalBoard(shuffled)).toEqual(data)
  })

  it('stores copies: changing the data afterwards does not change the document', () => {
    const data = sampleBoard()
    const doc = new Y.Doc()
    writeBoard(doc, data, 'import')
    const coord = data.elements.find((e) => e.id === 'coord')!
    ;((coord.extra.future as { nested: unknown[] }).nested as unknown[]).push('mutated')
    ;(coord.tags as string[]).push('mutated')
    const read = readBoard(doc).elements.find((e) => e.id === 'coord')!
    expect(read.extra).toEqual({ future: { nested: [1, 'two', null] } })
    expect(read.tags).toEqual([])
    // And what readBoard returns is detached from the document too.
    ;(read.extra.future as { nested: unknown[] }).nested.push('again')
    expect(readBoard(doc).elements.find((e) => e.id === 'coord')!.extra).toEqual({
      future: { nested: [1, 'two', null] },
    })
  })

  it('stores labels as Y.Text and tags as a plain array', () => {
    const doc = new Y.Doc()
    writeBoard(doc, sampleBoard(), 'import')
    const kommun = doc.getMap('elements').get('kommun') as Y.Map<unknown>
    expect(kommun.get('label')).toBeInstanceOf(Y.Text)
    expect(kommun.get('tags')).toEqual(['core'])
    expect((doc.getMap('links').get('l2') as Y.Map<unknown>).get('label')).toBeInstanceOf(Y.Text)
  })

  it('runs in one transaction with the given origin', () => {
    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    writeBoard(doc, sampleBoard(), 'import')
    expect(origins).toEqual(['import'])
  })

  it.each<[string, (d: BoardData) => BoardData, RegExp]>([
    [
      'a dangling link',
      (d) => ({ ...d, links: [...d.links, link({ id: 'lx', from: 'kommun', to: 'nope' })] }),
      /links\[lx\]: element 'nope' is not in the data/,
    ],
    [
      'an org that is no organisation',
      (d) => ({ ...d, elements: d.elements.map((e) => (e.id === 'coord' ? { ...e, org: 'funding' } : e)) }),
      /org 'funding' is not an organisation actor/,
    ],
    [
      'an arena inside an arena',
      (d) => ({ ...d, elements: d.elements.map((e) => (e.id === 'arena' ? { ...e, arena: 'arena' } : e)) }),
      /is an arena itself/,
    ],
    [
      'a duplicate id',
      (d) => ({ ...d, elements: [...d.elements, element({ id: 'kommun' })] }),
      /elements\[kommun\]: id used twice/,
    ],
    [
      'a NaN coordinate',
      (d) => ({ ...d, elements: [element({ id: 'x', x: NaN })], links: [], comments: [] }),
      /x is NaN/,
    ],
    [
      'an extra field that shadows a known one',
      (d) => ({
        ...d,
        elements: [element({ id: 'x', extra: { label: 'sneaky' } })],
        links: [],
        comments: [],
      }),
      /extra.label shadows a known field/,
    ],
    [
      'an extra value that cannot be stored',
      (d) => ({ ...d, elements: [element({ id: 'x', extra: { f: () => 1 } })], links: [], comments: [] }),
      /extra.f cannot be stored/,
    ],
    [
      'a missing field',
      (d) => ({
        ...d,
        elements: [{ ...element({ id: 'x' }), tags: undefined } as never],
        links: [],
        comments: [],
      }),
      /tags is missing/,
    ],
    [
      'a comment on a missing element',
      (d) => ({ ...d, comments: [{ ...d.comments![0]!, element: 'gone' }] }),
      /comments\[t1\]: element 'gone'/,
    ],
  ])('refuses %s and writes nothing', (_name, change, problem) => {
    const doc = newDoc()
    const before = Y.encodeStateAsUpdate(doc)
    let error: unknown
    try {
      writeBoard(doc, change(sampleBoard()), 'import')
    } catch (e) {
      error = e
    }
    expect(isModelError(error, ModelErrorCode.invalidData)).toBe(true)
    if (isModelError(error)) expect(error.problems.join('\n')).toMatch(problem)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('leaves meta alone with { meta: false }', () => {
    const doc = newDoc('Kept title')
    writeBoard(doc, sampleBoard(), 'import', { meta: false })
    expect(readBoard(doc).meta.title).toBe('Kept title')
    expect(readBoard(doc).elements).toHaveLength(6)
  })
})

describe('replaceBoard', () => {
  function changed(): BoardData {
    const data = sampleBoard()
    return {
      ...data,
      meta: { ...data.meta, title: 'Restored', extra: undefined },
      elements: data.elements
        .filter((e) => e.id !== 'barrier')
        .map((e) =>
          e.id === 'value' ? { ...e, label: 'Bättre användning av 🌍', x: 99, extra: { n: 1 } } : e,
        )
        .concat(element({ id: 'new', z: 'a9', label: 'New' })),
      links: data.links.filter((l) => l.id !== 'l3'),
      people: [data.people[0]!],
      comments: [],
    }
  }

  it('turns the document into the data', () => {
    const doc = new Y.Doc()
    writeBoard(doc, sampleBoard(), 'import')
    const target = changed()
    replaceBoard(doc, target, 'import')
    const { extra: _gone, ...meta } = target.meta
    expect(readBoard(doc)).toEqual({ ...target, meta })
  })

  it('edits labels in place (a concurrent edit elsewhere in the label survives)', () => {
    const a = new Y.Doc()
    writeBoard(a, sampleBoard(), 'import')
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const textA = (a.getMap('elements').get('value') as Y.Map<unknown>).get('label') as Y.Text
    replaceBoard(a, changed(), 'import')
    // b prepends to the same label concurrently.
    const textB = (b.getMap('elements').get('value') as Y.Map<unknown>).get('label') as Y.Text
    textB.insert(0, '>> ')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    expect(textA.toString()).toBe('>> Bättre användning av 🌍')
  })

  it('writes nothing when the document already is the data', () => {
    const doc = new Y.Doc()
    writeBoard(doc, sampleBoard(), 'import')
    const before = Y.encodeStateVector(doc)
    replaceBoard(doc, sampleBoard(), 'import')
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('is one undoable step for the origin that made it', () => {
    const doc = new Y.Doc()
    writeBoard(doc, sampleBoard(), 'import')
    const origin = localOrigin('alice')
    const undo = createUndoManager(doc, origin)
    replaceBoard(doc, changed(), origin)
    expect(readBoard(doc).meta.title).toBe('Restored')
    undo.undo()
    const { meetings: _m, people: _p, ...restored } = readBoard(doc)
    const { meetings: _m2, people: _p2, ...original } = sampleBoard()
    // Meetings and people are outside the undo scope; everything else is back.
    expect(restored).toEqual(original)
  })

  it('refuses invalid data and writes nothing', () => {
    const doc = new Y.Doc()
    writeBoard(doc, sampleBoard(), 'import')
    const before = Y.encodeStateAsUpdate(doc)
    expect(() => replaceBoard(doc, { ...sampleBoard(), elements: [] }, 'import')).toThrow(/not in the data/)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })
})

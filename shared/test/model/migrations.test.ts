// Migrations: each has a before/after test here, and afterAll fails if any migration never ran.
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  migrate,
  migrationRuns,
  MIGRATIONS,
  readBoard,
  SCHEMA_VERSION,
  schemaVersion,
  writeBoard,
} from '../../src/model/index.js'
import { newDoc, sampleBoard, syncBoth } from './helpers.js'

/** A board as a bare y-websocket client or an early import wrote it: no schema, plain strings, no z. */
function unversionedDoc(): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    doc.getMap('meta').set('title', 'Old board')
    const elements = doc.getMap<unknown>('elements')
    const put = (id: string, fields: Record<string, unknown>): void => {
      const map = new Y.Map<unknown>()
      elements.set(id, map)
      for (const [k, v] of Object.entries(fields)) map.set(k, v)
    }
    put('a', {
      type: 'actor',
      kind: 'organization',
      x: 0,
      y: 0,
      label: 'Kommunen',
      tags: 'core, funding ,core',
    })
    put('b', { type: 'resource', x: 10, y: 0, label: 'Time', z: 'a5', tags: ['x', 3, null] })
    put('c', { type: 'value', x: 20, y: 0, label: new Y.Text('Already text'), z: 'not-a-key' })
    put('d', { type: 'note', x: 30, y: 0, label: 'Note', tags: 7 })
    elements.set('junk', 'left alone')
    const link = new Y.Map<unknown>()
    doc.getMap<unknown>('links').set('l', link)
    link.set('from', 'a')
    link.set('to', 'b')
    link.set('kind', 'provides')
    link.set('label', 'plain')
  })
  return doc
}

afterAll(() => {
  // CONVENTIONS.md habit 4: a migration that no test ran is a migration nobody knows works.
  const runs = migrationRuns()
  const never = MIGRATIONS.filter((m) => (runs.get(m.from) ?? 0) === 0).map(
    (m) => `${m.from} -> ${m.from + 1}`,
  )
  expect(never, 'migrations never exercised by a test').toEqual([])
})

describe('the migration registry', () => {
  it('is numbered without gaps up to SCHEMA_VERSION', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual([...Array(SCHEMA_VERSION).keys()])
    for (const m of MIGRATIONS) expect(m.description).not.toBe('')
  })
})

describe('migration 0 -> 1', () => {
  it('before: the unversioned board has invalid records', () => {
    const doc = unversionedDoc()
    expect(schemaVersion(doc)).toBe(0)
    expect(readBoard(doc).invalid.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'junk', 'l'])
  })

  it('after: labels are Y.Text, z keys are set, tags are lists, schema is 1', () => {
    const doc = unversionedDoc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    const report = migrate(doc)
    expect(origins).toEqual(['migration'])
    expect(report.from).toBe(0)
    expect(report.to).toBe(1)
    expect(report.newer).toBe(false)
    expect(report.applied.map((a) => [a.from, a.to])).toEqual([[0, 1]])
    expect(report.applied[0]?.changes).toEqual(
      expect.arrayContaining([
        'elements[a].label: string -> Y.Text',
        'elements[c].z: set',
        'links[l].label: string -> Y.Text',
      ]),
    )
    const elements = doc.getMap('elements')
    for (const id of ['a', 'b', 'c', 'd'])
      expect((elements.get(id) as Y.Map<unknown>).get('label')).toBeInstanceOf(Y.Text)
    expect((doc.getMap('links').get('l') as Y.Map<unknown>).get('label')).toBeInstanceOf(Y.Text)
    const board = readBoard(doc)
    expect(board.meta.schema).toBe(1)
    expect(board.invalid.map((r) => r.id)).toEqual(['junk'])
    const byId = new Map(board.elements.map((e) => [e.id, e]))
    expect(byId.get('a')?.tags).toEqual(['core', 'funding'])
    expect(byId.get('b')?.tags).toEqual(['x', '3'])
    expect(byId.get('d')?.tags).toEqual([])
    // b kept its valid key; a, c and d got keys above it, in id order.
    expect(board.elements.map((e) => e.id)).toEqual(['b', 'a', 'c', 'd'])
    expect(board.links.map((l) => l.label)).toEqual(['plain'])
  })

  it('is idempotent: a second run does nothing', () => {
    const doc = unversionedDoc()
    migrate(doc)
    const state = Y.encodeStateVector(doc)
    expect(migrate(doc)).toEqual({ from: 1, to: 1, applied: [], newer: false })
    expect(Y.encodeStateVector(doc)).toEqual(state)
  })

  it('two peers migrating the same old board at once converge to a valid board', () => {
    const a = unversionedDoc()
    const b = new Y.Doc()
    syncBoth(a, b)
    migrate(a)
    migrate(b)
    syncBoth(a, b)
    expect(readBoard(a)).toEqual(readBoard(b))
    expect(readBoard(a).invalid.map((r) => r.id)).toEqual(['junk'])
  })
})

describe('migrate', () => {
  it('leaves a current board alone', () => {
    const doc = newDoc()
    writeBoard(doc, sampleBoard(), 'import')
    const state = Y.encodeStateVector(doc)
    expect(migrate(doc).applied).toEqual([])
    expect(Y.encodeStateVector(doc)).toEqual(state)
  })

  it('leaves a board from a newer version alone', () => {
    const doc = newDoc()
    doc.getMap('meta').set('schema', SCHEMA_VERSION + 1)
    const state = Y.encodeStateVector(doc)
    expect(migrate(doc)).toEqual({
      from: SCHEMA_VERSION + 1,
      to: SCHEMA_VERSION + 1,
      applied: [],
      newer: true,
    })
    expect(Y.encodeStateVector(doc)).toEqual(state)
  })
})

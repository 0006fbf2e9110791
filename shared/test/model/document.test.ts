// A new board as the server creates it, read back through the model.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyTemplate, migrate, newBoardUpdate, readBoard, SCHEMA_VERSION } from '../../src/model/index.js'

describe('newBoardUpdate', () => {
  it('makes a current, valid board that needs no migration', () => {
    const doc = new Y.Doc()
    Y.applyUpdate(
      doc,
      newBoardUpdate({ title: 'Cirkel', template: null, createdAt: '2026-03-01T10:00:00.000Z' }),
    )
    expect(readBoard(doc)).toEqual({
      meta: {
        schema: SCHEMA_VERSION,
        title: 'Cirkel',
        template: null,
        createdAt: '2026-03-01T10:00:00.000Z',
        pseudonymous: false,
      },
      elements: [],
      links: [],
      meetings: [],
      people: [],
      invalid: [],
      comments: [],
    })
    expect(migrate(doc).applied).toEqual([])
  })

  it('seeds a template and the pseudonymous flag', () => {
    const update = newBoardUpdate(
      { title: '', template: 'example', createdAt: '2026-03-01T10:00:00.000Z', pseudonymous: true },
      (doc) => applyTemplate(doc, 'example', 'sv', { personId: null, meeting: null }),
    )
    const doc = new Y.Doc()
    Y.applyUpdate(doc, update)
    const board = readBoard(doc)
    expect(board.meta).toMatchObject({ pseudonymous: true, template: 'example' })
    expect(board.meta.title).toMatch(/^Unga vuxna/)
    expect(board.elements).toHaveLength(48)
    expect(board.invalid).toEqual([])
  })
})

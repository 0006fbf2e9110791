import { describe, expect, it } from 'vitest'
import {
  BOARD_JSON_FORMAT,
  BOARD_JSON_VERSION,
  exportBoardJson,
  importBoardJson,
  importBoardJsonFile,
} from '../../src/export/json.js'
import type { BoardData } from '../../src/model/types.js'
import * as Y from 'yjs'
import { boardDataProblems, canonicalBoard, readBoard, writeBoard } from '../../src/model/index.js'
import { emptyBoard, fixtureBoard, hostileBoard } from './fixtureData.js'

const AT = '2024-03-05T10:00:00.000Z'

/** The export as a plain object, to break on purpose. */
function exported(board: BoardData): Record<string, unknown> & { board: Record<string, unknown[]> } {
  return JSON.parse(exportBoardJson(board, { exportedAt: AT })) as Record<string, unknown> & {
    board: Record<string, unknown[]>
  }
}

function importObject(file: unknown, mode?: 'reject' | 'report') {
  return importBoardJson(JSON.stringify(file), mode ? { invalidRecords: mode } : {})
}

function errorsOf(result: ReturnType<typeof importBoardJson>) {
  if (result.ok) throw new Error('expected the import to fail')
  return result.error
}

describe('exportBoardJson / importBoardJson round trip', () => {
  it.each([
    ['the example board (en)', () => fixtureBoard('en')],
    ['the example board (sv)', () => fixtureBoard('sv')],
    ['an empty board', emptyBoard],
    ['hostile labels, unknown fields, invalid records, comments', hostileBoard],
  ])('%s imports back deep-equal', (_name, make) => {
    const board = make()
    const result = importBoardJson(exportBoardJson(board, { exportedAt: AT }))
    expect(result).toEqual({ ok: true, value: board })
    // toStrictEqual also sees optional fields that appear or vanish (people's and meta's `extra`, `comments`).
    if (result.ok) expect(result.value).toStrictEqual(board)
  })

  it('uses boards the model itself accepts', () => {
    for (const board of [fixtureBoard('en'), fixtureBoard('sv'), emptyBoard(), hostileBoard()]) {
      expect(boardDataProblems(board)).toEqual([])
    }
  })

  it.each([
    ['the example board', () => fixtureBoard('sv')],
    ['hostile labels', hostileBoard],
  ])('%s, imported, goes through a Yjs document unchanged', (_name, make) => {
    const board = make()
    const result = importBoardJson(exportBoardJson(board))
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const doc = new Y.Doc()
    writeBoard(doc, result.value, 'test')
    // `invalid` describes records of the exported board, not of this document, so it is not written.
    expect(readBoard(doc)).toEqual({ ...canonicalBoard(board), invalid: [] })
  })

  it('keeps a board without comments without comments', () => {
    const { comments: _comments, ...board } = emptyBoard()
    const result = importBoardJson(exportBoardJson(board))
    expect(result.ok && 'comments' in result.value).toBe(false)
  })

  it('writes the envelope and unknown fields beside the known ones', () => {
    const file = exported(hostileBoard())
    expect(file).toMatchObject({
      format: BOARD_JSON_FORMAT,
      version: BOARD_JSON_VERSION,
      exportedAt: AT,
      snapshot: null,
    })
    expect(file.board.elements?.[0]).toMatchObject({
      id: 'org-1',
      priority: 3,
      note: { nested: ['a', 1, null] },
    })
    expect(file.board.elements?.[0]).not.toHaveProperty('extra')
    expect(Object.keys(file.board)).toEqual([
      'meta',
      'elements',
      'links',
      'meetings',
      'people',
      'comments',
      'invalid',
    ])
  })

  it('carries the snapshot it was made from', () => {
    const text = exportBoardJson(fixtureBoard(), {
      exportedAt: AT,
      snapshot: { id: 'snap-3', label: 'End of meeting 3', meeting: 3 },
    })
    const result = importBoardJsonFile(text)
    expect(result.ok && result.value.snapshot).toEqual({
      id: 'snap-3',
      label: 'End of meeting 3',
      takenAt: null,
      meeting: 3,
    })
    expect(result.ok && result.value.exportedAt).toBe(AT)
  })

  it('keeps fields a newer version wrote, in extra', () => {
    const file = exported(fixtureBoard())
    Object.assign(file.board.elements?.[0] as object, { sentiment: 'positive' })
    Object.assign(file.board.links?.[0] as object, { strength: 2 })
    Object.assign(file, { somethingNew: true })
    const result = importObject(file)
    expect(result.ok && result.value.elements[0]?.extra).toEqual({ sentiment: 'positive' })
    expect(result.ok && result.value.links[0]?.extra).toEqual({ strength: 2 })
  })

  it('reads a file with a byte order mark', () => {
    const result = importBoardJson('\uFEFF' + exportBoardJson(emptyBoard()))
    expect(result.ok).toBe(true)
  })
})

describe('importBoardJson refuses broken files with path-specific errors', () => {
  it('not JSON', () => {
    const [error] = errorsOf(importBoardJson('{"format": "circleboard-board",'))
    expect(error).toMatchObject({ code: 'BAD_JSON', path: '$' })
    expect(error?.message).toMatch(/not valid JSON/)
  })

  it('another format (the fixture file itself)', () => {
    const [error] = errorsOf(importObject({ format: 'circle example board, version 1', elements: [] }))
    expect(error).toMatchObject({ code: 'NOT_A_BOARD', path: '$.format' })
    expect(error?.message).toContain('circle example board')
  })

  it('a newer version', () => {
    const file = { ...exported(emptyBoard()), version: 2 }
    const [error] = errorsOf(importObject(file))
    expect(error).toMatchObject({ code: 'UNSUPPORTED_VERSION', path: '$.version' })
    expect(error?.message).toMatch(/newer circleboard/)
  })

  it('an element of an unknown type and a link to a missing element, all at once', () => {
    const file = exported(fixtureBoard())
    Object.assign(file.board.elements?.[2] as object, { type: 'widget' })
    Object.assign(file.board.elements?.[5] as object, { x: 'left' })
    Object.assign(file.board.links?.[1] as object, { to: 'nowhere' })
    const errors = errorsOf(importObject(file))
    expect(errors).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', path: '$.board.elements[2].type' }),
      expect.objectContaining({ code: 'INVALID_VALUE', path: '$.board.elements[5].x' }),
      expect.objectContaining({ code: 'MISSING_REFERENCE', path: '$.board.links[1].to' }),
    ])
    expect(errors[0]?.message).toBe(
      'element "o-af": type "widget" is not one of actor, resource, value, note, barrier, arena',
    )
    expect(errors[2]?.message).toBe(
      'link "l-02": to refers to "nowhere", which is not an element of this board',
    )
  })

  it('a kind that does not belong to the type', () => {
    const file = exported(fixtureBoard())
    Object.assign(file.board.elements?.[0] as object, { kind: 'funding' })
    const [error] = errorsOf(importObject(file))
    expect(error).toMatchObject({ path: '$.board.elements[0].kind' })
    expect(error?.message).toMatch(/"funding" is not a kind of actor/)
  })

  it('duplicate ids and meeting numbers', () => {
    const file = exported(fixtureBoard())
    const elements = file.board.elements as Record<string, unknown>[]
    elements.push({ ...(elements[0] as object) })
    const meetings = file.board.meetings as Record<string, unknown>[]
    Object.assign(meetings[1] as object, { number: 1 })
    const errors = errorsOf(importObject(file))
    expect(errors.map((e) => e.code)).toEqual(['DUPLICATE_ID', 'DUPLICATE_ID'])
    expect(errors.map((e) => e.message)).toEqual([
      'two elements have the id "o-kommun"',
      'two meetings have the number 1',
    ])
  })

  it('a board without meta or element list', () => {
    const errors = errorsOf(importObject({ format: BOARD_JSON_FORMAT, version: 1, board: { elements: {} } }))
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['$.board.meta', '$.board.elements', '$.board.links']),
    )
  })

  it('applies the model’s rules, each problem at its path', () => {
    const file = exported(hostileBoard())
    const board = file.board as Record<string, Record<string, unknown>[]>
    Object.assign(board['elements']?.[1] as object, { color: 'url(javascript:alert(1))', w: 0 })
    Object.assign(board['elements']?.[2] as object, { org: 'el-comma' })
    Object.assign(board['links']?.[1] as object, { to: 'org-1' })
    Object.assign(board['meetings']?.[0] as object, { number: 0 })
    Object.assign(board['comments']?.[0] as object, { element: 'gone' })
    const errors = errorsOf(importObject(file))
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['INVALID_VALUE', '$.board.elements[1].w'],
      ['INVALID_VALUE', '$.board.elements[1].color'],
      ['INVALID_VALUE', '$.board.links[1]'],
      ['INVALID_VALUE', '$.board.meetings[0].number'],
    ])
    expect(errors[1]?.message).toMatch(
      /^element "el-quote": color 'url\(javascript:alert\(1\)\)' is not a colour/,
    )
    expect(errors[2]?.message).toMatch(/^link "link-2": links org-1 to itself/)
    // References are checked once every record is valid on its own.
    Object.assign(board['elements']?.[1] as object, { color: null, w: 200 })
    Object.assign(board['links']?.[1] as object, { to: 'el-swedish' })
    Object.assign(board['meetings']?.[0] as object, { number: 1 })
    expect(errorsOf(importObject(file)).map((e) => [e.code, e.path])).toEqual([
      ['MISSING_REFERENCE', '$.board.elements[2].org'],
      ['MISSING_REFERENCE', '$.board.comments[0].element'],
    ])
  })

  it('in report mode, reads a broken relation as none and a broken record as invalid, like readBoard', () => {
    const file = exported(hostileBoard())
    const board = file.board as Record<string, Record<string, unknown>[]>
    Object.assign(board['elements']?.[2] as object, { org: 'el-comma' })
    Object.assign(board['elements']?.[3] as object, { color: 'not a colour!' })
    const result = importObject(file, 'report')
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const ids = result.value.elements.map((e) => e.id)
    expect(result.value.elements.find((e) => e.id === 'el-comma')?.org).toBeNull()
    expect(ids).not.toContain('el-newline')
    expect(result.value.invalid.map((r) => [r.collection, r.id])).toEqual([
      ['links', 'link-broken'],
      ['elements', 'el-newline'],
    ])
  })

  it('in report mode, keeps the good records and lists the broken ones as invalid', () => {
    const file = exported(fixtureBoard())
    Object.assign(file.board.elements?.[0] as object, { type: 'widget' })
    const result = importObject(file, 'report')
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const board = result.value
    expect(board.elements.map((e) => e.id)).not.toContain('o-kommun')
    expect(board.elements).toHaveLength(fixtureBoard().elements.length - 1)
    // Links that touched the dropped element are dropped with it, and say why.
    const dropped = board.invalid.filter((r) => r.collection === 'links').map((r) => r.id)
    expect(dropped.length).toBeGreaterThan(0)
    expect(board.invalid[0]).toEqual({
      collection: 'elements',
      id: 'o-kommun',
      problems: [
        'element "o-kommun": type "widget" is not one of actor, resource, value, note, barrier, arena',
      ],
    })
  })
})

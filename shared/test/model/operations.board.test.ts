// Meta, meetings, people and comment threads.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addCommentThread,
  addElement,
  addMeeting,
  deleteCommentThread,
  endMeeting,
  isModelError,
  ModelErrorCode,
  readBoard,
  replyToThread,
  setBoardTitle,
  setPseudonymous,
  setThreadResolved,
  startMeeting,
  updateMeeting,
  upsertPerson,
} from '../../src/model/index.js'
import { newDoc, syncBoth, testContext } from './helpers.js'

function code(fn: () => unknown): string | null {
  try {
    fn()
    return null
  } catch (e) {
    return isModelError(e) ? e.code : 'not a ModelError'
  }
}

describe('meta', () => {
  it('sets the title and the pseudonymous flag', () => {
    const doc = newDoc()
    setBoardTitle(doc, 'Unga vuxna', testContext())
    setPseudonymous(doc, true, testContext())
    expect(readBoard(doc).meta).toMatchObject({ title: 'Unga vuxna', pseudonymous: true, schema: 1 })
    expect(code(() => setBoardTitle(doc, 'x'.repeat(301), testContext()))).toBe(ModelErrorCode.invalidInput)
  })
})

describe('meetings', () => {
  it('plans, starts, updates and ends meetings, numbering them', () => {
    const doc = newDoc()
    const ctx = testContext()
    const first = startMeeting(doc, null, ctx)
    expect(first.number).toBe(1)
    expect(code(() => startMeeting(doc, null, ctx))).toBe(ModelErrorCode.meetingRunning)
    updateMeeting(doc, first.id, { title: 'Who are we?', agenda: ['Round', 'Map'], attendees: ['P1'] }, ctx)
    endMeeting(doc, first.id, ctx)
    expect(code(() => endMeeting(doc, first.id, ctx))).toBe(ModelErrorCode.meetingState)
    const planned = addMeeting(doc, { title: 'Resources', date: '2026-02-01' }, ctx)
    expect(planned.number).toBe(2)
    startMeeting(doc, planned.id, ctx)
    const [m1, m2] = readBoard(doc).meetings
    expect(m1).toMatchObject({
      number: 1,
      title: 'Who are we?',
      agenda: ['Round', 'Map'],
      attendees: ['P1'],
      date: '2023-11-14',
      startedAt: 1_700_000_001_000,
      endedAt: 1_700_000_002_000,
    })
    expect(m2).toMatchObject({ number: 2, date: '2026-02-01', startedAt: 1_700_000_003_000, endedAt: null })
    expect(code(() => startMeeting(doc, first.id, ctx))).toBe(ModelErrorCode.meetingRunning)
  })

  it('refuses bad dates and unknown meetings', () => {
    const doc = newDoc()
    expect(code(() => addMeeting(doc, { date: '2026-13-01' }, testContext()))).toBe(
      ModelErrorCode.invalidInput,
    )
    expect(code(() => endMeeting(doc, 'nope', testContext()))).toBe(ModelErrorCode.notFound)
  })
})

describe('people', () => {
  it('adds and updates a person, keeping what is not given and unknown fields', () => {
    const doc = newDoc()
    upsertPerson(doc, { id: 'p1', name: 'Anna', role: 'practitioner', org: 'Kommunen' }, testContext())
    ;(doc.getMap('people').get('p1') as Y.Map<unknown>).set('future', 1)
    upsertPerson(doc, { id: 'p1', name: 'Deltagare 1' }, testContext())
    expect(readBoard(doc).people).toEqual([
      { id: 'p1', name: 'Deltagare 1', role: 'practitioner', org: 'Kommunen', extra: { future: 1 } },
    ])
    expect(code(() => upsertPerson(doc, { id: 'p2', name: ' ' }, testContext()))).toBe(
      ModelErrorCode.invalidInput,
    )
  })
})

describe('comment threads', () => {
  it('opens, replies, resolves and deletes', () => {
    const doc = newDoc()
    const ctx = testContext('alice')
    const el = addElement(doc, { type: 'resource', x: 0, y: 0 }, ctx)
    const thread = addCommentThread(doc, el, 'Who funds this?', ctx)
    replyToThread(doc, thread, 'The association.', testContext('bob'))
    setThreadResolved(doc, thread, true, ctx)
    expect(readBoard(doc).comments).toEqual([
      {
        id: thread,
        element: el,
        messages: [
          { id: 'alice-3', author: 'alice', text: 'Who funds this?', at: 1_700_000_002_000 },
          { id: 'bob-1', author: 'bob', text: 'The association.', at: 1_700_000_001_000 },
        ],
        resolved: true,
        extra: {},
      },
    ])
    expect(deleteCommentThread(doc, thread, ctx)).toBe(true)
    expect(deleteCommentThread(doc, thread, ctx)).toBe(false)
    expect(code(() => addCommentThread(doc, 'ghost', 'x', ctx))).toBe(ModelErrorCode.notFound)
    expect(code(() => addCommentThread(doc, el, '  ', ctx))).toBe(ModelErrorCode.invalidInput)
  })

  it('keeps replies posted at the same time by two people', () => {
    const a = newDoc()
    const el = addElement(a, { type: 'note', x: 0, y: 0 }, testContext('alice'))
    const thread = addCommentThread(a, el, 'Start', testContext('alice'))
    const b = new Y.Doc()
    syncBoth(a, b)
    replyToThread(a, thread, 'From A', testContext('alice'))
    replyToThread(b, thread, 'From B', testContext('bob'))
    syncBoth(a, b)
    const texts = readBoard(a).comments?.[0]?.messages.map((m) => m.text)
    expect(texts?.slice(0, 1)).toEqual(['Start'])
    expect(texts?.slice(1).sort()).toEqual(['From A', 'From B'])
    expect(readBoard(b).comments).toEqual(readBoard(a).comments)
  })
})

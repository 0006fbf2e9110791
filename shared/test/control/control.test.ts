import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  EMPTY_CONTROL,
  addDraftNote,
  addTimerMinute,
  castVote,
  closeVoting,
  isDelegate,
  openVoting,
  pauseTimer,
  readControl,
  readDraftNotes,
  readSession,
  readTimer,
  readVotes,
  readVoting,
  requestBrainstormReveal,
  requestVoteReveal,
  resetTimer,
  setAgenda,
  setAgendaStep,
  setDelegates,
  setFollow,
  setLocked,
  setTimer,
  startBrainstorm,
  startTimer,
  tallyVotes,
  timerRemaining,
  votesUsed,
} from '../../src/control/index.js'

const O = 'test'

describe('timer', () => {
  it('counts down on the server clock, pauses, resumes, takes an extra minute, resets', () => {
    const doc = new Y.Doc()
    setTimer(doc, 10 * 60_000, O)
    expect(readTimer(doc)).toMatchObject({ durationMs: 600_000, running: false, remainingMs: 600_000 })
    startTimer(doc, 1_000_000, O)
    expect(timerRemaining(readTimer(doc), 1_000_000 + 90_000)).toBe(510_000)
    pauseTimer(doc, 1_000_000 + 90_000, O)
    const paused = readTimer(doc)
    expect(paused).toMatchObject({ running: false, remainingMs: 510_000, endsAt: null })
    // Time passing while paused changes nothing.
    expect(timerRemaining(paused, 9_999_999)).toBe(510_000)
    addTimerMinute(doc, 2_000_000, O)
    expect(readTimer(doc).remainingMs).toBe(570_000)
    startTimer(doc, 3_000_000, O)
    addTimerMinute(doc, 3_000_000, O)
    expect(timerRemaining(readTimer(doc), 3_000_000)).toBe(630_000)
    expect(timerRemaining(readTimer(doc), 99_000_000)).toBe(0)
    resetTimer(doc, O)
    expect(readTimer(doc)).toMatchObject({ running: false, remainingMs: 600_000 })
  })

  it('clamps nonsense durations and refuses NaN', () => {
    const doc = new Y.Doc()
    setTimer(doc, -5, O)
    expect(readTimer(doc).durationMs).toBe(0)
    setTimer(doc, 1e12, O)
    expect(readTimer(doc).durationMs).toBe(8 * 3600_000)
    expect(() => setTimer(doc, Number.NaN, O)).toThrow(RangeError)
  })
})

describe('session', () => {
  it('lock, follow, agenda steps in range, delegates', () => {
    const doc = new Y.Doc()
    setLocked(doc, true, O)
    setFollow(doc, 'p-facilitator', 42, O)
    setAgenda(doc, ['  Check-in ', '', 'Map the resources', 'Vote'], O)
    setAgendaStep(doc, 7, O)
    setDelegates(doc, ['p1', 'p1', 'p2'], O)
    const s = readSession(doc)
    expect(s.locked).toBe(true)
    expect(s.follow).toEqual({ active: true, leader: 'p-facilitator', since: 42 })
    expect(readControl(doc).agenda).toEqual(['Check-in', 'Map the resources', 'Vote'])
    expect(s.agendaStep).toBe(2)
    expect(s.delegates).toEqual(['p1', 'p2'])
    expect(isDelegate(s, 'p2')).toBe(true)
    expect(isDelegate(s, null)).toBe(false)
    setAgenda(doc, ['Only one'], O)
    expect(readSession(doc).agendaStep).toBe(0)
    setFollow(doc, null, 50, O)
    expect(readSession(doc).follow.active).toBe(false)
  })

  it('reads a foreign or damaged control document as the defaults', () => {
    const doc = new Y.Doc()
    doc.getMap('timer').set('durationMs', 'soon')
    doc.getMap('timer').set('running', true)
    doc.getMap('session').set('delegates', 'everyone')
    doc.getMap('session').set('follow', 7)
    doc.getMap('session').set('brainstorm', { status: 'revealed' })
    doc.getMap('voting').set('id', 5)
    doc.getArray('agenda').insert(0, [1, 'ok', null])
    const c = readControl(doc)
    expect(c.timer).toMatchObject({ durationMs: EMPTY_CONTROL.timer.durationMs, running: false })
    expect(c.session.delegates).toEqual([])
    expect(c.session.follow.active).toBe(false)
    expect(c.session.brainstorm).toBeNull()
    expect(c.voting).toBeNull()
    expect(c.agenda).toEqual(['ok'])
  })
})

describe('voting', () => {
  it('a round opens, votes are cast privately within the allowance, the count caps each person', () => {
    const control = new Y.Doc()
    const id = openVoting(control, { title: 'What matters most?', scope: 'value', votesPerPerson: 3 }, 100, O)
    expect(readVoting(control)).toMatchObject({
      id,
      status: 'open',
      votesPerPerson: 3,
      scope: 'value',
      results: null,
    })
    const anna = new Y.Doc()
    const bo = new Y.Doc()
    expect(castVote(anna, id, 'v1', 1, 3, O)).toBe(true)
    expect(castVote(anna, id, 'v1', 1, 3, O)).toBe(true)
    expect(castVote(anna, id, 'v2', 1, 3, O)).toBe(true)
    expect(castVote(anna, id, 'v3', 1, 3, O)).toBe(false)
    expect(votesUsed(anna, id)).toBe(3)
    expect(castVote(anna, id, 'v2', -1, 3, O)).toBe(true)
    expect(castVote(anna, id, 'v2', -1, 3, O)).toBe(false)
    expect(readVotes(anna, id)).toEqual({ v1: 2 })
    castVote(bo, id, 'v2', 1, 3, O)
    // A tampered drafts document (someone wrote 50 votes by hand) is capped when counted.
    const tampered = { v1: 50, 'not-a-value': 2 }
    const tally = tallyVotes([readVotes(anna, id), readVotes(bo, id), tampered, {}], 3, (e) =>
      e.startsWith('v'),
    )
    expect(tally).toEqual({ results: { v1: 5, v2: 1 }, voters: 3 })
    requestVoteReveal(control, O)
    expect(readVoting(control)?.status).toBe('reveal-requested')
    closeVoting(control, O)
    expect(readVoting(control)?.status).toBe('closed')
    expect(() => openVoting(control, { title: 'x', scope: 'all', votesPerPerson: 0 }, 1, O)).toThrow(
      RangeError,
    )
  })
})

describe('silent brainstorm drafts', () => {
  it('keeps draft notes per brainstorm and skips malformed ones', () => {
    const control = new Y.Doc()
    const round = startBrainstorm(control, true, 10, O)
    const drafts = new Y.Doc()
    addDraftNote(
      drafts,
      { label: 'Gemensam kompetensutveckling', x: 1, y: 2, brainstorm: round, createdAt: 5 },
      O,
    )
    addDraftNote(drafts, { label: 'Older idea', x: 0, y: 0, brainstorm: 'earlier', createdAt: 1 }, O)
    const junk = new Y.Map<unknown>()
    junk.set('label', 42)
    drafts.getMap('notes').set('junk', junk)
    expect(readDraftNotes(drafts, round).map((n) => n.label)).toEqual(['Gemensam kompetensutveckling'])
    expect(readDraftNotes(drafts)).toHaveLength(2)
    expect(() =>
      addDraftNote(drafts, { label: 'x', x: Number.NaN, y: 0, brainstorm: round, createdAt: 1 }, O),
    ).toThrow(RangeError)
    requestBrainstormReveal(control, false, O)
    expect(readSession(control).brainstorm).toMatchObject({
      id: round,
      status: 'reveal-requested',
      anonymous: false,
    })
  })
})

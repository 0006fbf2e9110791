import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import QRCode from 'qrcode'
import {
  ControlName,
  EMPTY_CONTROL,
  addElement,
  connect,
  readSession,
  type EditContext,
  type VotingRound,
} from '@circleboard/shared'
import {
  breakAway,
  decideFollow,
  followCamera,
  screenLeaderOf,
  viewportOf,
  type FollowInputs,
} from '../src/facilitation/follow.js'
import { decideVoteClick, isEligible, rankResults, voteBadges, votesLeft } from '../src/facilitation/votes.js'
import {
  beginMeeting,
  finishMeeting,
  meetingActivity,
  mergeNames,
  parseLines,
  readMeetings,
} from '../src/facilitation/meetings.js'
import { darkModules, qrPath } from '../src/facilitation/qr.js'
import { readJoinPath, writeJoinPath } from '../src/facilitation/joinLink.js'
import { cleanProfile, initials } from '../src/facilitation/profile.js'

describe('following a view', () => {
  it("shows the leader's visible area on a screen of another size, centred on the same point", () => {
    // The leader sees 1600 x 900 board units on a 1920 x 1080 screen at zoom 1.2.
    const leader = viewportOf({ x: -1200, y: -600, scale: 1.2 }, 1920, 1080)
    expect(leader.w).toBeCloseTo(1600)
    expect(leader.h).toBeCloseTo(900)
    expect(leader.x).toBeCloseTo(1000 + 800)
    // A 1280 x 800 laptop fits the same width: zoom 0.8, same centre.
    const cam = followCamera(leader, 1280, 800)
    expect(cam.scale).toBeCloseTo(0.8)
    const centre = viewportOf(cam, 1280, 800)
    expect(centre.x).toBeCloseTo(leader.x)
    expect(centre.y).toBeCloseTo(leader.y)
    // On a tall phone the width is the limit.
    expect(followCamera(leader, 400, 900).scale).toBeCloseTo(0.25)
    // The shared screen's bias zooms in around the same centre.
    const screen = followCamera(leader, 1920, 1080, 1.3)
    expect(screen.scale).toBeCloseTo(1.2 * 1.3)
    expect(viewportOf(screen, 1920, 1080).x).toBeCloseTo(leader.x)
  })

  it('keeps the zoom of a viewport without a size (an older client)', () => {
    expect(followCamera({ x: 0, y: 0, scale: 0.5, w: 0, h: 0 }, 800, 600).scale).toBe(0.5)
  })

  const base: FollowInputs = {
    chosen: null,
    bring: { active: false, leader: null, since: 0 },
    brokeAwayFrom: null,
    screenLeader: null,
    screenPaused: false,
    self: 'me',
  }

  it('a chosen person beats "bring everyone here", which beats the screen default', () => {
    const bring = { active: true, leader: 'fac', since: 10 }
    expect(decideFollow({ ...base, bring, chosen: 'ann', screenLeader: 'fac' })).toEqual({
      personId: 'ann',
      reason: 'person',
    })
    expect(decideFollow({ ...base, bring, screenLeader: 'del' })).toEqual({
      personId: 'fac',
      reason: 'bring',
    })
    expect(decideFollow({ ...base, screenLeader: 'del' })).toEqual({ personId: 'del', reason: 'screen' })
    // Nobody follows themselves: the facilitator who brought everyone stays free.
    expect(decideFollow({ ...base, self: 'fac', bring })).toBeNull()
  })

  it('an own pan breaks away from this round of "bring everyone here" only; a new round pulls again', () => {
    const bring = { active: true, leader: 'fac', since: 10 }
    const inputs = { ...base, bring }
    const target = decideFollow(inputs)
    const broken = breakAway(inputs, target)
    expect(decideFollow(broken)).toBeNull()
    expect(decideFollow({ ...broken, bring: { ...bring, since: 20 } })).toEqual({
      personId: 'fac',
      reason: 'bring',
    })
    // Breaking away from a chosen person or the screen default works the same way.
    const chosen = { ...base, chosen: 'ann' }
    expect(decideFollow(breakAway(chosen, decideFollow(chosen)))).toBeNull()
    const screen = { ...base, screenLeader: 'fac' }
    expect(decideFollow(breakAway(screen, decideFollow(screen)))).toBeNull()
  })

  it('the shared screen follows a delegate who is here, else the first facilitator', () => {
    const people = [
      { id: 'screen', role: 'viewer', since: 0, screen: true, self: true },
      { id: 'f2', role: 'facilitator', since: 5, screen: false, self: false },
      { id: 'f1', role: 'facilitator', since: 3, screen: false, self: false },
      { id: 'p', role: 'participant', since: 1, screen: false, self: false },
    ]
    expect(screenLeaderOf(people, [])).toBe('f1')
    expect(screenLeaderOf(people, ['p'])).toBe('p')
    expect(screenLeaderOf(people, ['gone'])).toBe('f1')
    expect(screenLeaderOf(people.slice(0, 1), [])).toBeNull()
  })
})

const round = (r: Partial<VotingRound>): VotingRound => ({
  id: 'r1',
  title: '',
  scope: 'all',
  votesPerPerson: 3,
  status: 'open',
  openedAt: 0,
  voters: 0,
  results: null,
  ...r,
})

describe('voting on the board', () => {
  it('decides what a click does', () => {
    const note = { id: 'n', type: 'note' as const }
    expect(decideVoteClick(null, note, {}, false).kind).toBe('pass')
    expect(decideVoteClick(round({ status: 'revealed' }), note, {}, false).kind).toBe('pass')
    expect(decideVoteClick(round({}), note, {}, false).kind).toBe('add')
    expect(decideVoteClick(round({}), note, { a: 2, n: 1 }, false).kind).toBe('none-left')
    expect(decideVoteClick(round({}), note, { n: 1 }, true).kind).toBe('remove')
    expect(decideVoteClick(round({}), note, {}, true).kind).toBe('ineligible')
    expect(decideVoteClick(round({ scope: 'actor' }), note, {}, false).kind).toBe('ineligible')
    expect(decideVoteClick(round({}), { id: 'a', type: 'arena' }, {}, false).kind).toBe('ineligible')
    expect(isEligible(undefined, 'all')).toBe(false)
  })

  it("shows only my votes while the round is open, and everyone's counts once revealed", () => {
    const mine = { a: 2 }
    expect(voteBadges(round({}), mine)).toEqual([{ elementId: 'a', count: 2, kind: 'mine' }])
    const revealed = round({ status: 'revealed', results: { a: 5, b: 2, c: 0 } })
    expect(voteBadges(revealed, mine)).toEqual([
      { elementId: 'a', count: 5, kind: 'result' },
      { elementId: 'b', count: 2, kind: 'result' },
    ])
    expect(voteBadges(round({ status: 'closed' }), mine)).toEqual([])
    expect(votesLeft(round({}), mine)).toBe(1)
  })

  it('ranks results with shared ranks for ties and marks deleted elements', () => {
    const labels: Record<string, string> = { a: 'Tid', b: 'Arbetsförmedlingen', c: 'Kunskap' }
    const lines = rankResults({ a: 3, b: 5, c: 3, gone: 1 }, (id) => labels[id] ?? null)
    expect(lines.map((l) => [l.rank, l.elementId])).toEqual([
      [1, 'b'],
      [2, 'c'],
      [2, 'a'],
      [4, 'gone'],
    ])
    expect(lines[3]?.exists).toBe(false)
  })
})

describe('meetings', () => {
  const ctx: EditContext = { personId: 'f', meeting: null, now: () => Date.UTC(2026, 2, 5, 9) }

  it('starting writes the record and the control document; ending clears the control document', () => {
    const board = new Y.Doc()
    const control = new Y.Doc()
    const started = beginMeeting(
      board,
      control,
      { title: 'Resurser', date: '', agenda: ['Check-in', 'Resurser'], attendees: ['Anna', 'Bo'] },
      ctx,
      123,
      'local',
    )
    expect(started.number).toBe(1)
    expect(readSession(control).meeting).toEqual({ number: 1, id: started.id, startedAt: 123 })
    expect(control.getArray(ControlName.agenda).toArray()).toEqual(['Check-in', 'Resurser'])
    const m = readMeetings(board)[0]!
    expect(m).toMatchObject({
      title: 'Resurser',
      date: '2026-03-05',
      attendees: ['Anna', 'Bo'],
      endedAt: null,
    })
    // Provenance of what is added while it runs names the meeting.
    const inMeeting = { ...ctx, meeting: 1 }
    const a = addElement(board, { type: 'actor', x: 0, y: 0, label: 'Kommunen' }, inMeeting)
    const b = addElement(board, { type: 'resource', x: 0, y: 0, label: 'Tid' }, inMeeting)
    connect(board, { from: a, to: b, kind: 'provides' }, inMeeting)
    addElement(board, { type: 'note', x: 0, y: 0, label: 'before' }, ctx)
    finishMeeting(board, control, started.id, ['Anna', 'Bo', 'Cecilia'], ctx, 'local')
    expect(readSession(control).meeting).toBeNull()
    const [activity] = meetingActivity(readMeetings(board), [], [])
    expect(activity?.meeting.attendees).toEqual(['Anna', 'Bo', 'Cecilia'])
    expect(activity?.meeting.endedAt).not.toBeNull()
    expect(() => finishMeeting(board, control, started.id, [], ctx, 'local')).toThrow()
  })

  it('counts what was added and changed in each meeting', () => {
    const m = { ...EMPTY_MEETING, number: 2 }
    const el = (id: string, meeting: number | null, updatedMeeting: number | null) =>
      ({ id, meeting, updatedMeeting, createdAt: 0 }) as never
    const [a] = meetingActivity([m], [el('x', 2, 2), el('y', 1, 2), el('z', 1, 1)], [{ meeting: 2 } as never])
    expect(a?.added.map((e) => e.id)).toEqual(['x'])
    expect(a?.changed).toBe(1)
    expect(a?.linksAdded).toBe(1)
  })

  it('parses attendee lines and merges names without repeats', () => {
    expect(parseLines(' Anna \n\nanna\nBo ')).toEqual(['Anna', 'Bo'])
    expect(mergeNames(['Anna'], ['ANNA', 'Cecilia'])).toEqual(['Anna', 'Cecilia'])
  })
})

const EMPTY_MEETING = {
  id: 'm',
  number: 1,
  title: '',
  date: '',
  agenda: [],
  attendees: [],
  startedAt: null,
  endedAt: null,
  extra: {},
}

describe('join link, QR code and profile', () => {
  it('the QR path reproduces the code the qrcode package makes', () => {
    const text = 'http://192.168.1.20:8080/j/abcdefghijkl/abcdefghij'
    const path = qrPath(text)
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
    expect(path.size).toBe(modules.size + 8)
    const dark = darkModules(path)
    let count = 0
    for (let r = 0; r < modules.size; r++)
      for (let c = 0; c < modules.size; c++) {
        if (modules.get(r, c)) {
          count++
          expect(dark.has(`${r},${c}`)).toBe(true)
        }
      }
    expect(dark.size).toBe(count)
  })

  it("the join path goes into the control document's session map and nothing else", () => {
    const control = new Y.Doc()
    expect(readJoinPath(control)).toBeNull()
    writeJoinPath(control, '/j/abcdefghijkl/abcdefghij', 'local')
    expect(readJoinPath(control)).toBe('/j/abcdefghijkl/abcdefghij')
    expect(readSession(control)).toEqual({ ...EMPTY_CONTROL.session })
    writeJoinPath(control, null, 'local')
    expect(readJoinPath(control)).toBeNull()
    expect(() => writeJoinPath(control, 'https://evil.example/', 'local')).toThrow()
    control.getMap(ControlName.session).set('joinPath', 'javascript:alert(1)')
    expect(readJoinPath(control)).toBeNull()
  })

  it('cleans names and makes initials', () => {
    expect(cleanProfile('  Anna   Berg ', ' ')).toEqual({ name: 'Anna Berg', org: null })
    expect(cleanProfile(' ', 'X')).toBeNull()
    expect(initials('anna berg lind')).toBe('AB')
    expect(initials('Östen')).toBe('Ö')
  })
})

import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { participation } from '../../src/analysis/participation.js'
import type { ParticipationEvent, ParticipationGroup } from '../../src/analysis/participation.js'
import { PARTICIPATION_CSV_COLUMNS, participationCsv } from '../../src/analysis/participationCsv.js'
import type { PersonData } from '../../src/model/types.js'
import { board, element, link, meeting, resource } from './boards.js'

const person = (id: string, name: string, role: string | null, org: string | null): PersonData => ({
  id,
  name,
  role,
  org,
})

const people = [
  person('p1', 'Anna', 'facilitator', 'Universitetet'),
  person('p2', 'Bo', 'Practitioner', 'Kommunen'),
  person('p3', 'Cecilia', 'practitioner', ' kommunen '),
  person('p4', 'Östen', 'academic', 'Universitetet'),
  person('p5', 'Åsa', 'service-user', null),
  person('p6', 'Dag', null, 'Arbetsförmedlingen'),
  person('p7', 'Eva', 'Team leader', 'Åre kommun'),
  person('p8', 'Zlatan', 'viewer', 'Ängelholms kommun'),
]

const T0 = 1_700_000_000_000
const circle = board({
  people: [...people].reverse(),
  meetings: [meeting(1), meeting(2), meeting(3)],
  elements: [
    resource('e1', { createdBy: 'p2', meeting: 1, createdAt: T0 }),
    resource('e2', {
      createdBy: 'p3',
      meeting: 1,
      createdAt: T0,
      updatedBy: 'p1',
      updatedAt: T0 + 5000,
      updatedMeeting: 2,
    }),
    element('e3', 'note', 'other', { createdBy: null, meeting: 2 }),
    // Written once: updatedBy/updatedAt equal to creation is not a change.
    resource('e4', {
      createdBy: 'p4',
      meeting: 2,
      createdAt: T0,
      updatedBy: 'p4',
      updatedAt: T0,
      updatedMeeting: 2,
    }),
    resource('e5', { createdBy: 'p5', meeting: null }),
    resource('e6', { createdBy: 'ghost', meeting: 1 }),
    resource('e7', {
      createdBy: 'p6',
      meeting: 2,
      createdAt: T0,
      updatedBy: null,
      updatedAt: T0 + 1,
      updatedMeeting: 2,
    }),
  ],
  links: [
    link('e1', 'integrates', 'e2', { createdBy: 'p7', meeting: 1 }),
    link('e2', 'integrates', 'e4', {
      createdBy: 'p2',
      meeting: 2,
      createdAt: T0,
      updatedBy: 'p2',
      updatedAt: T0 + 9,
      updatedMeeting: 2,
    }),
  ],
})

const events: ParticipationEvent[] = [
  { personId: 'p1', kind: 'label-edit', meeting: 1 },
  { personId: 'p3', kind: 'vote', meeting: 2 },
  { personId: null, kind: 'vote', meeting: 2 },
  { personId: 'p2', kind: 'vote', meeting: 2 },
  { personId: 'p2', kind: 'comment' as 'vote', meeting: 2 },
]

const counts = (g: ParticipationGroup | undefined): number[] =>
  g === undefined ? [] : [g.elementsCreated, g.linksCreated, g.changes, g.labelEdits, g.votes]
const byKey = (groups: readonly ParticipationGroup[]): Record<string, number[]> =>
  Object.fromEntries(groups.map((g) => [g.key, counts(g)]))

describe('participation', () => {
  const result = participation(circle, { events })

  it('groups contributions by role in a fixed role order, other roles alphabetically, then unspecified and anonymous', () => {
    const groups = result.overall.byRole
    expect(groups.map((g) => g.label)).toEqual([
      'facilitator',
      'academic',
      'Practitioner',
      'service-user',
      'viewer',
      'Team leader',
      '(unspecified)',
      '(anonymous)',
    ])
    //                        created  links  changes  label edits  votes
    expect(byKey(groups)).toEqual({
      facilitator: [0, 0, 1, 1, 0],
      academic: [1, 0, 0, 0, 0],
      practitioner: [2, 1, 1, 0, 2],
      'service user': [1, 0, 0, 0, 0],
      viewer: [0, 0, 0, 0, 0],
      'team leader': [0, 1, 0, 0, 0],
      // Dag gave no role; "ghost" is not among the board's people.
      '(unspecified)': [2, 0, 0, 0, 0],
      '(anonymous)': [1, 0, 1, 0, 1],
    })
    const practitioner = groups.find((g) => g.key === 'practitioner')!
    expect(practitioner).toMatchObject({ members: 2, contributors: 2 })
    expect(groups.find((g) => g.key === '(unspecified)')).toMatchObject({ members: 1, contributors: 1 })
    expect(groups.find((g) => g.key === 'viewer')).toMatchObject({ members: 1, contributors: 0 })
    expect(result.overall.total).toEqual({
      elementsCreated: 7,
      linksCreated: 2,
      changes: 3,
      labelEdits: 1,
      votes: 3,
    })
  })

  it('groups by organisation alphabetically in Swedish order, case and spacing aside', () => {
    const groups = result.overall.byOrganisation
    expect(groups.map((g) => g.label)).toEqual([
      'Arbetsförmedlingen',
      'Kommunen',
      'Universitetet',
      'Åre kommun',
      'Ängelholms kommun',
      '(unspecified)',
      '(anonymous)',
    ])
    expect(byKey(groups)).toMatchObject({
      kommunen: [2, 1, 1, 0, 2],
      universitetet: [1, 0, 1, 1, 0],
      // Åsa (no organisation) and the unknown "ghost".
      '(unspecified)': [2, 0, 0, 0, 0],
    })
  })

  it('slices by meeting, keeps meetings without contributions, and puts work outside meetings last', () => {
    expect(result.meetings.map((m) => m.meeting)).toEqual([1, 2, 3, null])
    const [m1, m2, m3, outside] = result.meetings
    expect(m1!.total).toEqual({ elementsCreated: 3, linksCreated: 1, changes: 0, labelEdits: 1, votes: 0 })
    expect(m2!.total).toEqual({ elementsCreated: 3, linksCreated: 1, changes: 3, labelEdits: 0, votes: 3 })
    expect(m3!.total).toEqual({ elementsCreated: 0, linksCreated: 0, changes: 0, labelEdits: 0, votes: 0 })
    expect(outside!.total.elementsCreated).toBe(1)
    // Every slice lists the same groups, in the same order.
    for (const m of result.meetings) {
      expect(m.byRole.map((g) => g.key)).toEqual(result.overall.byRole.map((g) => g.key))
    }
    expect(byKey(m2!.byRole).facilitator).toEqual([0, 0, 1, 0, 0])
    expect(m2!.byRole.find((g) => g.key === 'practitioner')).toMatchObject({ contributors: 2 })
    expect(m1!.byRole.find((g) => g.key === 'practitioner')).toMatchObject({ contributors: 2 })
    expect(m3!.byRole.find((g) => g.key === 'practitioner')).toMatchObject({ contributors: 0, members: 2 })
  })

  it('names nobody and ranks nobody by default', () => {
    expect('byPerson' in result.overall).toBe(false)
    const text = JSON.stringify(result)
    for (const p of people) {
      expect(text).not.toContain(p.name)
      expect(text).not.toContain(`"${p.id}"`)
    }
    // Order does not follow volume: give the academic far more and nothing moves.
    const busy = participation(
      {
        ...circle,
        elements: [
          ...circle.elements,
          ...Array.from({ length: 20 }, (_, i) => resource(`x${i}`, { createdBy: 'p4', meeting: 1 })),
        ],
      },
      { events },
    )
    expect(busy.overall.byRole.map((g) => g.key)).toEqual(result.overall.byRole.map((g) => g.key))
  })

  it('gives the facilitator a per-person view on request, alphabetical by name', () => {
    const view = participation(circle, { events, perPerson: true })
    const persons = view.overall.byPerson!
    expect(persons.map((g) => g.label)).toEqual([
      'Anna',
      'Bo',
      'Cecilia',
      'Dag',
      'Eva',
      'ghost',
      'Zlatan',
      'Åsa',
      'Östen',
      '(anonymous)',
    ])
    expect(byKey(persons).p2).toEqual([1, 1, 1, 0, 1])
    expect(persons.find((g) => g.key === 'ghost')).toMatchObject({ members: 0, contributors: 0 })
    expect(view.meetings[2]!.byPerson).toHaveLength(10)
  })

  it('handles an empty board and junk input without throwing', () => {
    expect(participation(board({}))).toEqual({
      meetings: [],
      overall: {
        total: { elementsCreated: 0, linksCreated: 0, changes: 0, labelEdits: 0, votes: 0 },
        byRole: [],
        byOrganisation: [],
      },
    })
    const junk = {
      ...board({}),
      people: [
        null,
        { id: 'p', name: 'P', role: '(Anonymous)', org: 7 },
        { id: 'anonymous', name: 'Anon Ymous', role: 'anonymous', org: null },
      ],
      elements: [4, resource('r', { createdBy: 'anonymous' }), resource('s', { createdBy: null })],
    }
    const r = participation(junk as never, {
      events: [null, { personId: 'p', kind: 'vote', meeting: 'x' }] as never,
      perPerson: true,
    })
    // Typed text that reads like the reserved key is unspecified; the role "anonymous" is just a role;
    // the person whose id is "anonymous" is not the anonymous contributions.
    expect(r.overall.byRole.map((g) => [g.key, g.label, g.elementsCreated, g.votes])).toEqual([
      ['anonymous', 'anonymous', 1, 0],
      ['(unspecified)', '(unspecified)', 0, 1],
      ['(anonymous)', '(anonymous)', 1, 0],
    ])
    expect(r.overall.byPerson!.map((g) => [g.key, g.label, g.elementsCreated])).toEqual([
      ['anonymous', 'Anon Ymous', 1],
      ['p', 'P', 0],
      ['(anonymous)', '(anonymous)', 1],
    ])
    expect(r.meetings.map((m) => m.meeting)).toEqual([null])
  })
})

describe('participationCsv', () => {
  it('writes RFC 4180 CSV with a BOM, CRLF line ends and the agreed columns', () => {
    const csv = participationCsv(circle, { events })
    expect(csv.startsWith('\uFEFFmeeting,group_by,group,')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    const [header, ...rows] = parsed.data
    expect(header).toEqual([...PARTICIPATION_CSV_COLUMNS])
    // 4 meeting slices + all, each with 8 role groups and 7 organisation groups.
    expect(rows).toHaveLength(5 * (8 + 7))
    expect(rows[0]).toEqual(['1', 'role', 'facilitator', '0', '0', '0', '1', '0'])
    expect(rows.find((r) => r[0] === 'all' && r[1] === 'organisation' && r[2] === 'Kommunen')).toEqual([
      'all',
      'organisation',
      'Kommunen',
      '2',
      '1',
      '1',
      '0',
      '2',
    ])
    expect(rows.filter((r) => r[0] === 'outside')).toHaveLength(15)
    expect(rows.some((r) => r[1] === 'person')).toBe(false)
  })

  it('adds person rows only when asked', () => {
    const csv = participationCsv(circle, { events, perPerson: true })
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data
    expect(rows.filter((r) => r[0] === 'all' && r[1] === 'person').map((r) => r[2])).toContain('Östen')
  })

  it('quotes commas, quotes and line breaks, keeps UTF-8, and defuses formulas', () => {
    const b = board({
      people: [
        person('a', 'A', 'practitioner', 'Kommunen, "socialtjänsten"'),
        person('b', 'B', 'practitioner', '=HYPERLINK("http://x")'),
        person('c', 'C', 'practitioner', 'Rad ett\nrad två'),
      ],
      elements: [resource('r', { createdBy: 'a', meeting: 1 })],
    })
    const csv = participationCsv(b)
    expect(csv).toContain('"Kommunen, ""socialtjänsten"""')
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`)
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data
    expect(rows.map((r) => r[2])).toContain('Rad ett\nrad två')
    expect(rows.map((r) => r[2])).toContain('Kommunen, "socialtjänsten"')
  })

  it('writes semicolons for Swedish Excel on request', () => {
    const csv = participationCsv(circle, { events, delimiter: ';' })
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFmeeting;group_by;group;elements_created;links_created;changes;label_edits;votes',
    )
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data
    expect(rows).toHaveLength(1 + 5 * (8 + 7))
  })
})

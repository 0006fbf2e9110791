/**
 * BoardData for the export, compare and import tests: the example board of the fixtures folder laid out
 * on a deterministic grid, with generated link ids, three people and four meetings, plus hand-made boards
 * for the edge cases (empty, hostile labels). Every board here passes the model's own validation.
 */
import { readFileSync } from 'node:fs'
import { generateNKeysBetween } from 'fractional-indexing'
import type {
  BoardData,
  ElementData,
  ElementType,
  LinkData,
  LinkKind,
  MeetingData,
  PersonData,
} from '../../src/model/types.js'

interface FixtureText {
  sv: string
  en: string
}
interface FixtureFile {
  title: FixtureText
  meetings: { number: number; date: string; title: FixtureText }[]
  elements: {
    id: string
    type: ElementType
    kind: string
    label: FixtureText
    meeting: number
    org?: string
    tags?: string[]
  }[]
  links: { from: string; to: string; kind: LinkKind; meeting: number; label?: FixtureText }[]
  expected: { counts: { elements: number; links: number; by_type: Record<ElementType, number> } }
}

/** The example board as its file holds it. */
export const fixtureFile: FixtureFile = JSON.parse(
  readFileSync(new URL('../../fixtures/samordningsforbund.json', import.meta.url), 'utf8'),
) as FixtureFile

/** People of the example board (provenance ids resolve here). */
export const PEOPLE: readonly PersonData[] = [
  { id: 'person-anna', name: 'Anna Lindqvist', role: 'facilitator', org: 'Malmö universitet' },
  { id: 'person-bjorn', name: 'Björn Åkesson', role: 'academic', org: null },
  { id: 'person-saga', name: 'Saga Öhman', role: 'practitioner', org: 'Försäkringskassan' },
]

const COLUMN_OF: Record<ElementType, number> = {
  actor: 0,
  resource: 1,
  value: 2,
  barrier: 3,
  note: 4,
  arena: 5,
}
const OPERANT = new Set(['knowledge', 'competence', 'mandate', 'network'])

/** 09:00 UTC on a meeting's day, in Unix ms. */
export function meetingStart(date: string): number {
  return Date.parse(`${date}T09:00:00.000Z`)
}

/** A provenance block: created in `meeting` by the n-th person, `n` minutes into the meeting. */
function provenance(n: number, meeting: number, date: string) {
  const person = PEOPLE[n % PEOPLE.length] as PersonData
  const at = meetingStart(date) + n * 60_000
  return {
    createdBy: person.id,
    createdAt: at,
    updatedBy: person.id,
    updatedAt: at,
    meeting,
    updatedMeeting: meeting,
  }
}

/** The example board in one language, laid out in columns by type (actors left, arenas right). */
export function fixtureBoard(lang: 'en' | 'sv' = 'en'): BoardData {
  const f = fixtureFile
  const dateOf = (n: number): string => f.meetings.find((m) => m.number === n)?.date ?? '2021-09-14'
  const rows: Record<string, number> = {}
  const keys = generateNKeysBetween(null, null, f.elements.length)
  const elements: ElementData[] = f.elements.map((e, i) => {
    const row = (rows[e.type] = (rows[e.type] ?? -1) + 1)
    const arena = e.id === 'p-samordnare' || e.id === 'p-socialsekreterare' ? 'a-natverksmote' : null
    const tags = e.tags ?? (e.type === 'resource' ? [OPERANT.has(e.kind) ? 'operant' : 'operand'] : [])
    return {
      id: e.id,
      type: e.type,
      kind: e.kind,
      x: COLUMN_OF[e.type] * 280,
      y: row * 120,
      w: e.type === 'arena' ? 400 : 200,
      h: e.type === 'arena' ? 300 : 80,
      label: e.label[lang],
      org: e.org ?? null,
      arena,
      color: e.type === 'barrier' ? '#e03131' : null,
      z: keys[i] as string,
      tags: e.id === 'u-brukaren' ? ['brukarperspektiv', 'unga vuxna'] : tags,
      ...provenance(i, e.meeting, dateOf(e.meeting)),
      extra: {},
    }
  })
  const links: LinkData[] = f.links.map((l, i) => ({
    id: `l-${String(i + 1).padStart(2, '0')}`,
    from: l.from,
    to: l.to,
    kind: l.kind,
    label: l.label?.[lang] ?? '',
    ...provenance(i + 1, l.meeting, dateOf(l.meeting)),
    extra: {},
  }))
  const meetings: MeetingData[] = f.meetings.map((m) => ({
    id: `meeting-${m.number}`,
    number: m.number,
    title: m.title[lang],
    date: m.date,
    agenda:
      lang === 'sv'
        ? ['Inledning', `Tema: ${m.title.sv}`, 'Sammanfattning']
        : ['Opening', `Theme: ${m.title.en}`, 'Summing up'],
    attendees: PEOPLE.slice(0, m.number === 4 ? 2 : 3).map((p) => p.name),
    startedAt: meetingStart(m.date),
    endedAt: meetingStart(m.date) + 3 * 3_600_000,
    extra: {},
  }))
  return {
    meta: {
      schema: 1,
      title: f.title[lang],
      template: 'research-circle',
      createdAt: '2021-09-01T08:00:00.000Z',
      pseudonymous: false,
    },
    elements,
    links,
    meetings,
    people: [...PEOPLE],
    invalid: [],
    comments: [],
  }
}

/** The board as it stood at the end of meeting `n`: what was added by then (a "snapshot"). */
export function boardAtMeeting(board: BoardData, n: number): BoardData {
  const elements = board.elements.filter((e) => (e.meeting ?? 0) <= n)
  const ids = new Set(elements.map((e) => e.id))
  const links = board.links.filter((l) => (l.meeting ?? 0) <= n && ids.has(l.from) && ids.has(l.to))
  return { ...board, elements, links, meetings: board.meetings.filter((m) => m.number <= n) }
}

/** A board with nothing on it. */
export function emptyBoard(): BoardData {
  return {
    meta: { schema: 1, title: 'Empty', template: null, createdAt: null, pseudonymous: false },
    elements: [],
    links: [],
    meetings: [],
    people: [],
    invalid: [],
    comments: [],
  }
}

/** Labels that break naive CSV, XML and Markdown writers. */
export const HOSTILE_LABELS = {
  quote: 'He said "yes", then "no"',
  comma: 'Time, money, rooms',
  newline: 'First line\nsecond line\r\nthird line',
  markup: '<b>Fish & chips</b> "quoted" \'single\'',
  formula: '=HYPERLINK("http://evil.example","click")',
  plus: '+46 40 123 45',
  minus: '-2 staff',
  at: '@SUM(A1:A2)',
  tab: '\tindented',
  emoji: 'Välfärd för alla 👩‍👩‍👧 🚀',
  swedish: 'Åsa Öberg: ärendehantering på Försäkringskassan',
  markdown: '*bold* _it_ [link](http://x) `code` # hash | pipe \\ back',
  list: '1. not a list',
} as const

/** One element per hostile label (all resources), a link with a hostile label, unknown fields kept. */
export function hostileBoard(): BoardData {
  const base = {
    w: 200,
    h: 80,
    org: null,
    arena: null,
    color: null,
    tags: [] as string[],
    createdBy: 'person-x',
    createdAt: 1_700_000_000_000,
    updatedBy: null,
    updatedAt: null,
    meeting: 1,
    updatedMeeting: null,
    extra: {},
  }
  const names = Object.keys(HOSTILE_LABELS) as (keyof typeof HOSTILE_LABELS)[]
  const keys = generateNKeysBetween(null, null, names.length + 1)
  const elements: ElementData[] = [
    {
      ...base,
      id: 'org-1',
      type: 'actor',
      kind: 'organization',
      label: 'Kommunen, "socialtjänsten"',
      x: -120.5,
      y: 0,
      z: keys[0] as string,
      tags: ['tag;with;semicolons', '=tag'],
      extra: { priority: 3, note: { nested: ['a', 1, null] } },
    },
    ...names.map((name, i): ElementData => ({
      ...base,
      id: `el-${name}`,
      type: 'resource',
      kind: 'knowledge',
      label: HOSTILE_LABELS[name],
      org: i % 2 === 0 ? 'org-1' : null,
      x: i * 10,
      // `0 - i * 10`, not `-i * 10`: -0 survives neither JSON nor Yjs, so no stored board has it.
      y: 0 - i * 10,
      z: keys[i + 1] as string,
    })),
  ]
  const links: LinkData[] = [
    {
      id: 'link-1',
      from: 'org-1',
      to: 'el-emoji',
      kind: 'provides',
      label: 'a "label", with\nnewline & <tag>',
      createdBy: 'person-x',
      createdAt: 1_700_000_000_000,
      updatedBy: null,
      updatedAt: null,
      meeting: 1,
      updatedMeeting: null,
      extra: { weight: 0.5 },
    },
    {
      id: 'link-2',
      from: 'org-1',
      to: 'el-swedish',
      kind: 'collaborates',
      label: '',
      createdBy: null,
      createdAt: null,
      updatedBy: null,
      updatedAt: null,
      meeting: null,
      updatedMeeting: null,
      extra: {},
    },
  ]
  return {
    meta: {
      schema: 1,
      title: 'Tricky <board> & "friends"',
      template: null,
      createdAt: '2023-11-14T22:13:20.000Z',
      pseudonymous: true,
      extra: { futureFlag: true },
    },
    elements,
    links,
    meetings: [
      {
        id: 'm1',
        number: 1,
        title: 'Möte 1: "start"',
        date: '2023-11-14',
        agenda: ['Punkt, ett', '*Punkt* två'],
        attendees: ['Deltagare A', '=Deltagare B'],
        startedAt: 1_700_000_000_000,
        endedAt: null,
        extra: { room: 'B 214' },
      },
    ],
    people: [
      { id: 'person-x', name: '=Pseudonym "X"', role: 'participant', org: null, extra: { colour: 'red' } },
    ],
    invalid: [
      { collection: 'links', id: 'link-broken', problems: ["dangling: to element 'gone' is missing"] },
    ],
    comments: [
      {
        id: 'thread-1',
        element: 'el-emoji',
        messages: [{ id: 'msg-1', author: 'person-x', text: 'Bra! 👍', at: 1_700_000_100_000 }],
        resolved: false,
        extra: {},
      },
    ],
  }
}

/**
 * The example board `shared/fixtures/samordningsforbund.json` as `BoardData`, for analysis tests: labels
 * in one language, positions on a deterministic grid, link ids generated from their position in the file,
 * `org` kept. The fixture's `expected` answers are returned beside it.
 */
import { readFileSync } from 'node:fs'
import type { BoardData, ElementData, ElementType, LinkData, LinkKind } from '../../src/model/types.js'

interface FixtureElement {
  id: string
  type: ElementType
  kind: string
  label: { sv: string; en: string }
  meeting: number
  org?: string
  tags?: string[]
}

interface FixtureLink {
  from: string
  to: string
  kind: LinkKind
  meeting: number
  label?: { sv: string; en: string }
}

/** The fixture's known answers (README: "`expected` holds known answers for the analysis"). */
export interface FixtureExpected {
  resources_contributing_to_no_value: string[]
  values_no_resource_contributes_to: string[]
  actors_providing_nothing: string[]
  organisations_feeding_each_value: Record<string, string[]>
  counts: { elements: number; links: number; by_type: Record<string, number> }
}

interface Fixture {
  title: { sv: string; en: string }
  meetings: { number: number; date: string; title: { sv: string; en: string } }[]
  elements: FixtureElement[]
  links: FixtureLink[]
  expected: FixtureExpected
}

/** Reads the fixture and maps it to a board. */
export function fixtureBoard(lang: 'sv' | 'en' = 'en'): { board: BoardData; expected: FixtureExpected } {
  const url = new URL('../../fixtures/samordningsforbund.json', import.meta.url)
  const fixture = JSON.parse(readFileSync(url, 'utf8')) as Fixture
  const provenance = (meeting: number) => ({
    createdBy: null,
    createdAt: null,
    updatedBy: null,
    updatedAt: null,
    meeting,
    updatedMeeting: null,
  })
  const elements = fixture.elements.map((e, i): ElementData => ({
    id: e.id,
    type: e.type,
    kind: e.kind,
    x: (i % 8) * 200,
    y: Math.floor(i / 8) * 120,
    w: 160,
    h: 80,
    label: e.label[lang],
    org: e.org ?? null,
    arena: null,
    color: null,
    z: `a${i}`,
    tags: e.tags ?? [],
    extra: {},
    ...provenance(e.meeting),
  }))
  const links = fixture.links.map((l, i): LinkData => ({
    id: `l${String(i).padStart(3, '0')}`,
    from: l.from,
    to: l.to,
    kind: l.kind,
    label: l.label?.[lang] ?? '',
    extra: {},
    ...provenance(l.meeting),
  }))
  const board: BoardData = {
    meta: { schema: 1, title: fixture.title[lang], template: null, createdAt: null, pseudonymous: false },
    elements,
    links,
    meetings: fixture.meetings.map((m) => ({
      id: `m${m.number}`,
      number: m.number,
      title: m.title[lang],
      date: m.date,
      agenda: [],
      attendees: [],
      startedAt: null,
      endedAt: null,
      extra: {},
    })),
    people: [],
    invalid: [],
  }
  return { board, expected: fixture.expected }
}

/**
 * Boards for the drawn-export and visual tests: the example fixture (`fixtures/samordningsforbund.json`)
 * laid out on a deterministic grid in either language, plus builders for hand-made edge cases.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { generateNKeysBetween } from 'fractional-indexing'
import type { BoardData, ElementData, ElementType, LinkData, LinkKind } from '../../src/model/types.js'

interface FixtureText {
  readonly sv: string
  readonly en: string
}

interface Fixture {
  readonly title: FixtureText
  readonly meetings: readonly { number: number; date: string; title: FixtureText }[]
  readonly elements: readonly {
    id: string
    type: ElementType
    kind: string
    label: FixtureText
    meeting: number
    org?: string
    tags?: string[]
  }[]
  readonly links: readonly {
    from: string
    to: string
    kind: LinkKind
    meeting: number
    label?: FixtureText
  }[]
}

/** The parsed fixture file. */
export function readFixture(): Fixture {
  const path = fileURLToPath(new URL('../../fixtures/samordningsforbund.json', import.meta.url))
  return JSON.parse(readFileSync(path, 'utf8')) as Fixture
}

/** Size of an element of each type in the grid layout. */
export const FIXTURE_SIZES: Readonly<Record<ElementType, { w: number; h: number }>> = {
  actor: { w: 190, h: 80 },
  resource: { w: 190, h: 80 },
  value: { w: 200, h: 100 },
  note: { w: 150, h: 110 },
  barrier: { w: 170, h: 100 },
  arena: { w: 0, h: 0 },
}

const COLUMNS = 8
const CELL_W = 240
const ROW_H = 190

/** An element with every field filled in; `over` decides what matters to a test. */
export function makeElement(over: Partial<ElementData> & Pick<ElementData, 'id'>): ElementData {
  return {
    type: 'note',
    kind: 'other',
    x: 0,
    y: 0,
    w: 160,
    h: 80,
    label: '',
    org: null,
    arena: null,
    color: null,
    z: 'a0',
    tags: [],
    extra: {},
    createdBy: null,
    createdAt: null,
    updatedBy: null,
    updatedAt: null,
    meeting: null,
    updatedMeeting: null,
    ...over,
  }
}

/** A link with every field filled in. */
export function makeLink(over: Partial<LinkData> & Pick<LinkData, 'id' | 'from' | 'to'>): LinkData {
  return {
    kind: 'relates',
    label: '',
    extra: {},
    createdBy: null,
    createdAt: null,
    updatedBy: null,
    updatedAt: null,
    meeting: null,
    updatedMeeting: null,
    ...over,
  }
}

/** A board of the given records (no meetings, no people, nothing invalid unless given). */
export function makeBoard(
  elements: readonly ElementData[],
  links: readonly LinkData[] = [],
  over: Partial<BoardData> = {},
): BoardData {
  return {
    meta: { schema: 1, title: 'Test board', template: null, createdAt: null, pseudonymous: false },
    elements,
    links,
    meetings: [],
    people: [],
    invalid: [],
    ...over,
  }
}

/**
 * The fixture as a board in `lang`: the non-arena elements on an 8-column grid in fixture order, each of
 * the three arenas framing one row (rows 0, 2 and 4) with its title bar in the gap above the row; links
 * get ids `l1`, `l2`, ... in fixture order; `z` follows fixture order.
 */
export function fixtureBoard(lang: 'en' | 'sv'): BoardData {
  const fixture = readFixture()
  const zs = generateNKeysBetween(null, null, fixture.elements.length)
  const placed = fixture.elements.filter((e) => e.type !== 'arena')
  const arenas = fixture.elements.filter((e) => e.type === 'arena')
  const position = new Map<string, { x: number; y: number; w: number; h: number }>()
  placed.forEach((e, i) => {
    const size = FIXTURE_SIZES[e.type]
    const col = i % COLUMNS
    const row = Math.floor(i / COLUMNS)
    position.set(e.id, { x: col * CELL_W + (CELL_W - size.w) / 2, y: row * ROW_H + 50, ...size })
  })
  arenas.forEach((e, i) => {
    position.set(e.id, { x: -20, y: i * 2 * ROW_H + 6, w: COLUMNS * CELL_W + 40, h: ROW_H - 12 })
  })
  const elements = fixture.elements.map((e, i) =>
    makeElement({
      id: e.id,
      type: e.type,
      kind: e.kind,
      ...(position.get(e.id) as { x: number; y: number; w: number; h: number }),
      label: e.label[lang],
      org: e.org ?? null,
      z: zs[i] as string,
      tags: e.tags ?? [],
      meeting: e.meeting,
      createdAt: Date.UTC(2021, 8, 14),
    }),
  )
  const links = fixture.links.map((l, i) =>
    makeLink({
      id: `l${i + 1}`,
      from: l.from,
      to: l.to,
      kind: l.kind,
      label: l.label?.[lang] ?? '',
      meeting: l.meeting,
    }),
  )
  const meetings = fixture.meetings.map((m) => ({
    id: `m${m.number}`,
    number: m.number,
    title: m.title[lang],
    date: m.date,
    agenda: [],
    attendees: [],
    startedAt: null,
    endedAt: null,
    extra: {},
  }))
  return makeBoard(elements, links, {
    meta: {
      schema: 1,
      title: fixture.title[lang],
      template: null,
      createdAt: '2021-09-14T08:00:00Z',
      pseudonymous: false,
    },
    meetings,
  })
}

/** A board of `n` elements of every type on a square grid, with a link from each element to the next. */
export function bigBoard(n: number): BoardData {
  const types: ElementType[] = ['actor', 'resource', 'value', 'note', 'barrier']
  const kinds: Record<ElementType, string[]> = {
    actor: ['organization', 'role', 'person', 'group', 'service-user'],
    resource: ['knowledge', 'funding', 'time', 'data', 'other'],
    value: ['service-user', 'organization', 'society'],
    note: ['other'],
    barrier: ['other'],
    arena: ['other'],
  }
  const side = Math.ceil(Math.sqrt(n))
  const zs = generateNKeysBetween(null, null, n)
  const linkKinds: LinkKind[] = [
    'provides',
    'integrates',
    'contributes',
    'collaborates',
    'coordinates',
    'hinders',
    'relates',
  ]
  const elements = Array.from({ length: n }, (_, i) => {
    const type = types[i % types.length] as ElementType
    const ks = kinds[type]
    return makeElement({
      id: `e${i}`,
      type,
      kind: ks[i % ks.length] as string,
      x: (i % side) * 220,
      y: Math.floor(i / side) * 140,
      w: 180,
      h: 90,
      label: `Element ${i}: samverkan över gränser nr ${i}`,
      z: zs[i] as string,
      meeting: (i % 10) + 1,
    })
  })
  const links = elements
    .slice(1)
    .map((e, i) =>
      makeLink({ id: `k${i}`, from: `e${i}`, to: e.id, kind: linkKinds[i % linkKinds.length] as LinkKind }),
    )
  return makeBoard(elements, links)
}

// Test helpers for the board model: fixed clocks and ids, documents, and a valid board using every feature.
import * as Y from 'yjs'
import {
  initBoardDoc,
  localOrigin,
  type BoardData,
  type EditContext,
  type ElementData,
  type LinkData,
  type LayoutBox,
  type LayoutElement,
} from '../../src/model/index.js'

/** A context with a clock that ticks 1000 ms per call and ids `<prefix>1`, `<prefix>2`, ... */
export function testContext(personId: string | null = 'alice', over: Partial<EditContext> = {}): EditContext {
  let time = 1_700_000_000_000
  let next = 0
  const prefix = personId ?? 'anon'
  return {
    personId,
    meeting: null,
    now: () => (time += 1000),
    newId: () => `${prefix}-${++next}`,
    origin: localOrigin(personId, `${prefix}-session`),
    ...over,
  }
}

/** A new board document, as the server creates it. */
export function newDoc(title = 'Test board'): Y.Doc {
  const doc = new Y.Doc()
  initBoardDoc(doc, { title, template: null, createdAt: '2026-01-01T00:00:00.000Z' })
  return doc
}

/** Copies every update `from` has that `to` lacks. */
export function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote')
}

/** Syncs two documents both ways. */
export function syncBoth(a: Y.Doc, b: Y.Doc): void {
  sync(a, b)
  sync(b, a)
}

const provenance = {
  createdBy: 'alice',
  createdAt: 1_700_000_000_000,
  updatedBy: 'bob',
  updatedAt: 1_700_000_100_000,
  meeting: 1,
  updatedMeeting: 2,
}

/** A valid element with overrides. */
export function element(over: Partial<ElementData> & { id: string }): ElementData {
  return {
    type: 'note',
    kind: 'other',
    x: 0,
    y: 0,
    w: 160,
    h: 160,
    label: '',
    org: null,
    arena: null,
    color: null,
    z: 'a0',
    tags: [],
    ...provenance,
    extra: {},
    ...over,
  }
}

/** A valid link with overrides. */
export function link(over: Partial<LinkData> & { id: string; from: string; to: string }): LinkData {
  return { kind: 'relates', label: '', ...provenance, extra: {}, ...over }
}

/** A valid board in canonical order using every feature the schema has. */
export function sampleBoard(): BoardData {
  return {
    meta: {
      schema: 1,
      title: 'Samverkan',
      template: 'blank',
      createdAt: '2026-01-01T00:00:00.000Z',
      pseudonymous: true,
      extra: { locale: 'sv' },
    },
    elements: [
      element({ id: 'arena', type: 'arena', w: 600, h: 400, z: 'Zz', label: 'Nätverksmöte' }),
      element({
        id: 'kommun',
        type: 'actor',
        kind: 'organization',
        label: 'Kommunen',
        z: 'a0',
        tags: ['core'],
      }),
      element({
        id: 'coord',
        type: 'actor',
        kind: 'role',
        label: 'Samordnare',
        org: 'kommun',
        arena: 'arena',
        x: 10.5,
        y: -20,
        z: 'a1',
        color: '#ff8800',
        extra: { future: { nested: [1, 'two', null] } },
      }),
      element({ id: 'funding', type: 'resource', kind: 'funding', label: 'Medel', z: 'a2', createdBy: null }),
      element({ id: 'value', type: 'value', kind: 'society', label: 'Bättre 🌍 användning', z: 'a3' }),
      element({
        id: 'barrier',
        type: 'barrier',
        label: 'Sekretess',
        z: 'a4',
        meeting: null,
        updatedMeeting: null,
      }),
    ],
    links: [
      link({ id: 'l1', from: 'kommun', to: 'funding', kind: 'provides' }),
      link({
        id: 'l2',
        from: 'funding',
        to: 'value',
        kind: 'contributes',
        label: 'mostly',
        extra: { weight: 2 },
      }),
      link({ id: 'l3', from: 'barrier', to: 'funding', kind: 'hinders' }),
    ],
    meetings: [
      {
        id: 'm1',
        number: 1,
        title: 'Start',
        date: '2026-01-10',
        agenda: ['Who are we?'],
        attendees: ['P1', 'P2'],
        startedAt: 1_700_000_000_000,
        endedAt: 1_700_003_600_000,
        extra: {},
      },
      {
        id: 'm2',
        number: 2,
        title: 'Resources',
        date: '',
        agenda: [],
        attendees: [],
        startedAt: null,
        endedAt: null,
        extra: { room: 'B12' },
      },
    ],
    people: [
      { id: 'alice', name: 'P1', role: 'facilitator', org: null },
      { id: 'bob', name: 'P2', role: null, org: 'Region', extra: { color: '#00f' } },
    ],
    invalid: [],
    comments: [
      {
        id: 't1',
        element: 'funding',
        messages: [
          { id: 'c1', author: 'alice', text: 'Whose money?', at: 1_700_000_000_000 },
          { id: 'c2', author: null, text: 'Shared.', at: 1_700_000_001_000 },
        ],
        resolved: false,
        extra: {},
      },
    ],
  }
}

function overlaps(a: LayoutBox, b: LayoutBox): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/** Pairs of overlapping boxes, except an arena with its own members. */
export function overlapping(
  boxes: ReadonlyMap<string, LayoutBox>,
  elements: readonly LayoutElement[],
): string[] {
  const byId = new Map(elements.map((el) => [el.id, el]))
  const list = [...boxes]
  const out: string[] = []
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const [ia, a] = list[i]!
      const [ib, b] = list[j]!
      if (byId.get(ia)?.arena === ib || byId.get(ib)?.arena === ia) continue
      if (overlaps(a, b)) out.push(`${ia} / ${ib}`)
    }
  }
  return out
}

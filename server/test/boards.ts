/**
 * Board content for server tests, made with shared's operations (so it is what clients write): people
 * with real names, a held meeting and a running one, elements and links added by different people, a
 * comment thread and a voting round's record. Written straight into the store of a board created through
 * the API, while no room of it is loaded.
 */
import * as Y from 'yjs'
import {
  addCommentThread,
  addElement,
  addMeeting,
  connect as connectElements,
  endMeeting,
  recordVoteRound,
  setPseudonymous,
  startMeeting,
  writeBoard,
  upsertPerson,
  type EditContext,
  type ElementType,
} from '@circleboard/shared'
import type { TestServer } from './helpers.js'

/** People on the test boards; their names (and ids) must never be in a pseudonymous export. */
export const PEOPLE = [
  { id: 'anna-lindqvist', name: 'Anna Lindqvist', role: 'practitioner', org: 'Kommunen' },
  { id: 'omar-haddad', name: 'Omar Haddad', role: 'academic', org: 'Universitetet' },
  { id: 'karin-berg', name: 'Karin Berg', role: 'facilitator', org: 'Samordningsförbundet' },
] as const

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** The i-th of 3,844 ascending fractional-index keys above the model's first keys (`b00`, `b01`, ...). */
function orderKey(i: number): string {
  return `b${BASE62[Math.floor(i / 62) % 62]}${BASE62[i % 62]}`
}

/** What to put on a board. */
export interface Content {
  /** Elements beyond the few named ones (a big board for timing). */
  readonly extraElements?: number
  readonly extraLinks?: number
  readonly pseudonymous?: boolean
}

/** Adds the test content to `doc` (a board document with its meta). Returns the ids of the named elements. */
export function fillBoard(doc: Y.Doc, content: Content = {}): { kommun: string; halsa: string } {
  let clock = Date.UTC(2024, 2, 1, 9)
  const ctx = (personIndex: number, meeting: number | null): EditContext => ({
    personId: PEOPLE[personIndex]?.id ?? null,
    meeting,
    now: () => (clock += 1000),
    origin: 'server',
  })
  for (const p of PEOPLE) upsertPerson(doc, p, ctx(2, null))
  if (content.pseudonymous) setPseudonymous(doc, true, ctx(2, null))
  const one = addMeeting(
    doc,
    { title: 'Kickoff', agenda: ['Vilka är vi?'], attendees: ['Anna Lindqvist', 'Omar Haddad', 'Eva Ek'] },
    ctx(2, null),
  )
  startMeeting(doc, one.id, ctx(2, null))
  const kommun = addElement(
    doc,
    { type: 'actor', kind: 'organization', x: 0, y: 0, label: 'Kommunen' },
    ctx(0, 1),
  )
  const halsa = addElement(
    doc,
    { type: 'value', kind: 'service-user', x: 400, y: 0, label: 'Bättre hälsa för unga vuxna' },
    ctx(1, 1),
  )
  const res = addElement(
    doc,
    { type: 'resource', kind: 'funding', x: 200, y: 200, label: 'Finansiering' },
    ctx(0, 1),
  )
  connectElements(doc, { from: kommun, to: res, kind: 'provides' }, ctx(0, 1))
  connectElements(doc, { from: res, to: halsa, kind: 'contributes' }, ctx(1, 1))
  addCommentThread(doc, halsa, 'Hur mäter vi det?', ctx(1, 1))
  recordVoteRound(
    doc,
    {
      id: 'round-1',
      title: 'Viktigast',
      scope: 'all',
      votesPerPerson: 3,
      openedAt: clock,
      revealedAt: clock + 1,
      meeting: 1,
      voters: 2,
      results: { [halsa]: 3, [kommun]: 1 },
    },
    'server',
  )
  endMeeting(doc, one.id, ctx(2, null))
  const two = addMeeting(doc, { title: 'Resurser', attendees: ['Karin Berg'] }, ctx(2, null))
  startMeeting(doc, two.id, ctx(2, null))
  const extra = content.extraElements ?? 0
  if (extra > 0 || (content.extraLinks ?? 0) > 0) {
    // Written as data in one go: adding thousands one by one is slow in the model (each add reads every
    // element's stacking key).
    const meta = { schema: 1, title: '', template: null, createdAt: null, pseudonymous: false }
    const stamp = (i: number) => {
      const by = PEOPLE[i % 3]?.id ?? null
      const at = (clock += 10)
      return { createdBy: by, createdAt: at, updatedBy: by, updatedAt: at, meeting: 2, updatedMeeting: 2 }
    }
    const elements = Array.from({ length: extra }, (_, i) => ({
      id: `x${i}`,
      type: (['actor', 'resource', 'value', 'note'] as const)[i % 4] as ElementType,
      kind: ['role', 'knowledge', 'society', 'other'][i % 4] as string,
      x: (i % 60) * 220,
      y: 400 + Math.floor(i / 60) * 160,
      w: 160,
      h: 80,
      label: `Element ${i} åäö`,
      org: null,
      arena: null,
      color: null,
      z: orderKey(i),
      tags: [],
      extra: {},
      ...stamp(i),
    }))
    const links = Array.from({ length: content.extraLinks ?? 0 }, (_, i) => ({
      id: `y${i}`,
      from: `x${(i * 7) % extra}`,
      to: `x${(i * 7 + 1 + (i % 5)) % extra}`,
      kind: 'relates' as const,
      label: '',
      extra: {},
      ...stamp(i),
    }))
    writeBoard(doc, { meta, elements, links, meetings: [], people: [], invalid: [] }, 'server', {
      meta: false,
    })
  }
  return { kommun, halsa }
}

/** Writes `fill`'s changes onto a board's stored document (no room of it may be loaded). */
export async function writeStored(
  server: TestServer,
  boardId: string,
  fill: (doc: Y.Doc) => void,
): Promise<Y.Doc> {
  const store = server.app.circleboard.store
  if (server.app.circleboard.sync.rooms.get(boardId))
    throw new Error('the board is loaded: write through a client')
  const stored = await store.load(boardId)
  const doc = new Y.Doc()
  for (const u of stored.state ? [stored.state, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u)
  const before = Y.encodeStateVector(doc)
  fill(doc)
  await store.append(boardId, [Y.encodeStateAsUpdate(doc, before)])
  return doc
}

/** The stored document of a room, as a Y.Doc. */
export async function storedDoc(server: TestServer, room: string): Promise<Y.Doc> {
  await server.app.circleboard.sync.rooms.get(room)?.settle()
  const s = await server.app.circleboard.store.load(room)
  const doc = new Y.Doc()
  for (const u of s.state ? [s.state, ...s.updates] : s.updates) Y.applyUpdate(doc, u)
  return doc
}

/** Every byte the store holds for a room (state and log), for searching. */
export async function storedBytes(server: TestServer, room: string): Promise<Buffer> {
  await server.app.circleboard.sync.rooms.get(room)?.settle()
  const s = await server.app.circleboard.store.load(room)
  return Buffer.concat([...(s.state ? [s.state] : []), ...s.updates].map((u) => Buffer.from(u)))
}

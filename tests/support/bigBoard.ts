/**
 * A large board as plain data (elements in a grid, every other pair linked), for tests of how the client
 * copes with thousands of elements. Written in one transaction with `writeBoard`, which is far quicker than
 * thousands of `addElement` calls.
 */
import type * as Y from 'yjs'
import {
  Origin,
  SCHEMA_VERSION,
  writeBoard,
  type BoardData,
  type ElementData,
  type LinkData,
} from '@circleboard/shared'

const TYPES = [
  ['actor', 'organization'],
  ['resource', 'knowledge'],
  ['value', 'service-user'],
  ['note', 'other'],
] as const

const stamp = {
  createdBy: null,
  createdAt: 0,
  updatedBy: null,
  updatedAt: 0,
  meeting: null,
  updatedMeeting: null,
}

/** A board of `n` elements and `n / 2` links. */
export function bigBoard(n: number, title = 'Big board'): BoardData {
  const elements: ElementData[] = Array.from({ length: n }, (_, i) => {
    const [type, kind] = TYPES[i % TYPES.length]!
    return {
      id: `e${String(i).padStart(5, '0')}`,
      type,
      kind,
      x: (i % 60) * 220,
      y: Math.floor(i / 60) * 140,
      w: 180,
      h: 80,
      label: `Element ${i}`,
      org: null,
      arena: null,
      color: null,
      // Fractional indices in order: 'a0' then digits, never ending in 0.
      z: `a0${String(i).padStart(5, '0')}1`,
      tags: [],
      ...stamp,
      extra: {},
    }
  })
  const links: LinkData[] = Array.from({ length: Math.floor(n / 2) }, (_, i) => ({
    id: `l${String(i).padStart(5, '0')}`,
    from: elements[i * 2]!.id,
    to: elements[i * 2 + 1]!.id,
    kind: 'relates',
    label: '',
    ...stamp,
    extra: {},
  }))
  return {
    meta: { schema: SCHEMA_VERSION, title, template: null, createdAt: null, pseudonymous: false },
    elements,
    links,
    meetings: [],
    people: [],
    invalid: [],
  }
}

/** Writes a big board into `doc` (one transaction). */
export function fillBigBoard(doc: Y.Doc, n: number): void {
  writeBoard(doc, bigBoard(n), Origin.server)
}

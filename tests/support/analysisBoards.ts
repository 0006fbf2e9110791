/**
 * Seeded boards for timing the analysis (tests/bench/suites/analysis.ts): `grammarBoard` follows the map's
 * grammar in the proportions of the example board (a third actors, many of them organisations or roles
 * of one, links of the kinds the model expects between the types they join), which is the hard case for
 * betweenness; `messyBoard` links random elements with random kinds and adds dangling and self-links.
 * The same seed always gives the same board. (shared/test/analysis/generateBoard.ts is the unit tests'
 * twin; packages do not import each other's tests.)
 */
import {
  ACTOR_KINDS,
  LINK_KINDS,
  RESOURCE_KINDS,
  VALUE_KINDS,
  type BoardData,
  type ElementData,
  type ElementType,
  type LinkData,
  type LinkKind,
} from '@circleboard/shared'

/** mulberry32: a small deterministic PRNG. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!

const PROVENANCE = {
  createdBy: null,
  createdAt: null,
  updatedBy: null,
  updatedAt: null,
  meeting: null,
  updatedMeeting: null,
} as const

function element(id: string, type: ElementType, kind: string, org: string | null, i: number): ElementData {
  return {
    id,
    type,
    kind,
    x: (i % 60) * 200,
    y: Math.floor(i / 60) * 120,
    w: 160,
    h: 80,
    label: id,
    org,
    arena: null,
    color: null,
    z: 'a0',
    tags: [],
    extra: {},
    ...PROVENANCE,
  }
}

function link(id: string, from: string, kind: LinkKind, to: string): LinkData {
  return { id, from, to, kind, label: '', extra: {}, ...PROVENANCE }
}

function board(elements: ElementData[], links: LinkData[]): BoardData {
  return {
    meta: { schema: 1, title: 'bench', template: null, createdAt: null, pseudonymous: false },
    elements,
    links,
    meetings: [],
    people: [],
    invalid: [],
  }
}

/** A board of `elements` elements and exactly `links` links that follows the map's grammar. */
export function grammarBoard(elements: number, links: number, seed = 1): BoardData {
  const rnd = random(seed)
  const byType: Record<ElementType, string[]> = {
    actor: [],
    resource: [],
    value: [],
    barrier: [],
    note: [],
    arena: [],
  }
  const organisations: string[] = []
  const shares: [ElementType, number][] = [
    ['actor', 0.33],
    ['resource', 0.29],
    ['value', 0.15],
    ['barrier', 0.1],
    ['note', 0.07],
    ['arena', 0.06],
  ]
  const out: ElementData[] = []
  for (let i = 0; i < elements; i++) {
    let r = rnd()
    let type: ElementType = 'note'
    for (const [t, share] of shares) {
      if (r < share) {
        type = t
        break
      }
      r -= share
    }
    const id = `e${i}`
    let kind = 'other'
    let org: string | null = null
    if (type === 'actor') {
      kind = organisations.length === 0 || rnd() < 0.4 ? 'organization' : pick(rnd, ACTOR_KINDS)
      if (kind === 'organization') organisations.push(id)
      else if (kind !== 'service-user') org = pick(rnd, organisations)
    } else if (type === 'resource') kind = pick(rnd, RESOURCE_KINDS)
    else if (type === 'value') kind = pick(rnd, VALUE_KINDS)
    byType[type].push(id)
    out.push(element(id, type, kind, org, i))
  }
  const grammar: [LinkKind, ElementType, ElementType, number][] = [
    ['provides', 'actor', 'resource', 0.31],
    ['contributes', 'resource', 'value', 0.33],
    ['integrates', 'resource', 'resource', 0.07],
    ['collaborates', 'actor', 'actor', 0.09],
    ['coordinates', 'actor', 'actor', 0.09],
    ['hinders', 'barrier', 'resource', 0.11],
  ]
  const outLinks: LinkData[] = []
  while (outLinks.length < links) {
    let r = rnd()
    let rule = grammar[grammar.length - 1]!
    for (const g of grammar) {
      if (r < g[3]) {
        rule = g
        break
      }
      r -= g[3]
    }
    const [kind, fromType, toType] = rule
    if (byType[fromType].length === 0 || byType[toType].length === 0) continue
    const from = pick(rnd, byType[fromType])
    const to = pick(rnd, byType[toType])
    if (from !== to) outLinks.push(link(`l${outLinks.length}`, from, kind, to))
  }
  return board(out, outLinks)
}

/** Random types, kinds and endpoints; about 2% dangling and 1% self-links. */
export function messyBoard(elements: number, links: number, seed = 1): BoardData {
  const rnd = random(seed)
  const types: ElementType[] = ['actor', 'resource', 'value', 'barrier', 'note', 'arena']
  const out: ElementData[] = []
  for (let i = 0; i < elements; i++) {
    const type = pick(rnd, types)
    const kind =
      type === 'actor'
        ? pick(rnd, ACTOR_KINDS)
        : type === 'resource'
          ? pick(rnd, RESOURCE_KINDS)
          : type === 'value'
            ? pick(rnd, VALUE_KINDS)
            : 'other'
    const org = type === 'actor' && rnd() < 0.5 ? `e${Math.floor(rnd() * elements)}` : null
    out.push(element(`e${i}`, type, kind, org, i))
  }
  const outLinks: LinkData[] = []
  for (let k = 0; k < links; k++) {
    const r = rnd()
    const from = `e${Math.floor(rnd() * elements)}`
    const to = r < 0.02 ? `missing${k}` : r < 0.03 ? from : `e${Math.floor(rnd() * elements)}`
    outLinks.push(link(`l${k}`, from, pick(rnd, LINK_KINDS), to))
  }
  return board(out, outLinks)
}

/**
 * Seeded generators of large boards for analysis tests and timing: `domainBoard` follows the map's grammar
 * in the fixture's proportions (a third actors, many of them connected, which is the hard case for
 * betweenness); `messyBoard` links random elements with random kinds and adds dangling and self-links.
 */
import type { BoardData, ElementData, ElementType, LinkData, LinkKind } from '../../src/model/types.js'
import { ACTOR_KINDS, LINK_KINDS, RESOURCE_KINDS, VALUE_KINDS } from '../../src/model/types.js'
import { board, element, link } from './boards.js'

/** A small deterministic PRNG (mulberry32), so a seed always gives the same board. */
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

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!
}

/** A grammar-shaped board of `elements` elements and exactly `links` links. */
export function domainBoard(elements: number, links: number, seed = 1): BoardData {
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
  const out: ElementData[] = []
  const shares: [ElementType, number][] = [
    ['actor', 0.33],
    ['resource', 0.29],
    ['value', 0.15],
    ['barrier', 0.1],
    ['note', 0.07],
    ['arena', 0.06],
  ]
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
    out.push(element(id, type, kind, { org, meeting: 1 + Math.floor(rnd() * 10) }))
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
    if (from === to) continue
    outLinks.push(link(from, kind, to, { id: `l${outLinks.length}` }))
  }
  return board({ elements: out, links: outLinks })
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
    out.push(element(`e${i}`, type, kind, { org }))
  }
  const outLinks: LinkData[] = []
  for (let k = 0; k < links; k++) {
    const r = rnd()
    const from = `e${Math.floor(rnd() * elements)}`
    const to = r < 0.02 ? `missing${k}` : r < 0.03 ? from : `e${Math.floor(rnd() * elements)}`
    outLinks.push(link(from, pick(rnd, LINK_KINDS), to, { id: `l${k}` }))
  }
  return board({ elements: out, links: outLinks })
}

import { describe, expect, it } from 'vitest'
import { integrationIndicators } from '../../src/analysis/indicators.js'
import type { BoardData, ElementData, LinkData } from '../../src/model/types.js'
import { board, element, link, org, resource, user, value } from './boards.js'
import { domainBoard, messyBoard } from './generateBoard.js'

describe('integration indicators: gaps in the map', () => {
  it('finds nothing on an empty board, and all counts are zero', () => {
    const r = integrationIndicators(board({}))
    expect(r.resourcesContributingToNoValue).toEqual([])
    expect(r.valuesNoResourceContributesTo).toEqual([])
    expect(r.actorsProvidingNothing).toEqual([])
    expect(r.organisationsWithoutLinks).toEqual([])
    expect(r.organisationsFeedingEachValue).toEqual([])
    expect(r.organisationMatrix).toEqual({ organisationIds: [], pairs: [], internal: [] })
    expect(r.components).toEqual([])
    expect(r.centrality).toEqual({
      actors: [],
      betweennessExact: true,
      betweennessMethod: 'graphology',
      actorNetwork: { actors: 0, adjacencies: 0 },
    })
    expect(r.counts.elements).toBe(0)
    expect(r.counts.links).toBe(0)
    expect(Object.values(r.counts.byType)).toEqual([0, 0, 0, 0, 0, 0])
    expect(Object.values(r.counts.linksByKind).every((c) => c === 0)).toBe(true)
  })

  it('reads a board with missing or broken collections as empty instead of throwing', () => {
    for (const broken of [
      {},
      null,
      { elements: 'x', links: 7 },
      { elements: [null, 3, 'a'], links: [undefined] },
    ]) {
      const r = integrationIndicators(broken as unknown as BoardData)
      expect(r.counts.elements).toBe(0)
      expect(r.counts.invalidRecords).toBe(0)
    }
  })

  it('finds resources without an outgoing contributes link, values without one from a resource, actors providing nothing', () => {
    const b = board({
      elements: [
        org('A'),
        org('B'),
        user('U'),
        resource('r1'),
        resource('r2'),
        resource('r3'),
        value('v1'),
        value('v2'),
        value('v3'),
      ],
      links: [
        link('A', 'provides', 'r1'),
        link('r1', 'contributes', 'v1'),
        // r2 only receives a contributes link: it contributes to nothing itself.
        link('r3', 'contributes', 'r2'),
        // An actor contributing directly does not count as a resource contributing.
        link('B', 'contributes', 'v2'),
        // v3 is linked, but by relates only.
        link('r2', 'relates', 'v3'),
      ],
    })
    const r = integrationIndicators(b)
    expect(r.resourcesContributingToNoValue).toEqual(['r2'])
    expect(r.valuesNoResourceContributesTo).toEqual(['v2', 'v3'])
    // The service user is an actor like the others: providing nothing, it is listed.
    expect(r.actorsProvidingNothing).toEqual(['B', 'U'])
  })

  it('lists ids in id order whatever the order of the board', () => {
    const elements = [resource('r-b'), resource('r-a'), resource('R-c'), resource('r-10'), resource('r-9')]
    const r = integrationIndicators(board({ elements }))
    expect(r.resourcesContributingToNoValue).toEqual(['R-c', 'r-10', 'r-9', 'r-a', 'r-b'])
  })
})

describe('integration indicators: records that are not counted', () => {
  const elements = [org('A'), resource('r'), value('v')]

  it('ignores self-links and dangling links, and lists them', () => {
    const links = [
      link('A', 'provides', 'A', { id: 'self' }),
      link('r', 'contributes', 'r', { id: 'self2' }),
      link('A', 'provides', 'gone', { id: 'dangling-to' }),
      link('gone', 'contributes', 'v', { id: 'dangling-from' }),
    ]
    const r = integrationIndicators(board({ elements, links }))
    expect(r.counts.links).toBe(0)
    expect(r.ignored.selfLinks).toEqual(['self', 'self2'])
    expect(r.ignored.danglingLinks).toEqual(['dangling-to', 'dangling-from'])
    // None of them closes a gap.
    expect(r.actorsProvidingNothing).toEqual(['A'])
    expect(r.resourcesContributingToNoValue).toEqual(['r'])
    expect(r.valuesNoResourceContributesTo).toEqual(['v'])
    expect(r.components.map((c) => c.size)).toEqual([1, 1, 1])
    expect(r.centrality!.actors[0]!.degree).toBe(0)
  })

  it('ignores invalid elements and links, keeps the first of a repeated id, counts the validator report', () => {
    const bad = [
      { ...resource('x'), type: 'widget' },
      { ...resource(''), id: '' },
      { id: 42, type: 'actor' },
      org('A', { label: 'second A' }),
    ] as unknown as ElementData[]
    const badLinks = [
      { ...link('A', 'provides', 'r'), kind: 'owns', id: 'weird' },
      { from: 'A', to: 'r', kind: 'provides' },
      link('A', 'provides', 'r', { id: 'ok' }),
      link('A', 'relates', 'v', { id: 'ok' }),
    ] as unknown as LinkData[]
    const b = board({
      elements: [...elements, ...bad],
      links: badLinks,
      invalid: [{ collection: 'elements', id: 'q', problems: ['no type'] }],
    })
    const r = integrationIndicators(b)
    expect(r.counts.elements).toBe(3)
    expect(r.ignored.elements).toEqual(['x', '', '', 'A'])
    expect(r.ignored.invalidLinks).toEqual(['weird', '', 'ok'])
    expect(r.counts.links).toBe(1)
    expect(r.counts.linksByKind.provides).toBe(1)
    expect(r.counts.invalidRecords).toBe(1)
    expect(r.actorsProvidingNothing).toEqual([])
  })

  it('counts kinds it does not know under their own name', () => {
    const r = integrationIndicators(
      board({ elements: [element('r', 'resource', 'patience'), resource('k')] }),
    )
    expect(r.counts.byKind.resource).toMatchObject({ patience: 1, knowledge: 1, funding: 0, other: 0 })
  })
})

describe('integration indicators: islands', () => {
  it('lists connected parts largest first, ties by first id, unlinked arenas left out', () => {
    const b = board({
      elements: [
        resource('b1'),
        resource('b2'),
        resource('a1'),
        resource('a2'),
        resource('c1'),
        resource('c2'),
        resource('c3'),
        element('note', 'note', 'other'),
        element('frame', 'arena', 'other'),
        element('meeting-place', 'arena', 'other'),
        org('O'),
      ],
      links: [
        link('b1', 'integrates', 'b2'),
        link('a2', 'integrates', 'a1'),
        link('c1', 'integrates', 'c2'),
        link('c3', 'integrates', 'c2'),
        link('O', 'relates', 'meeting-place'),
      ],
    })
    const r = integrationIndicators(b)
    expect(r.components).toEqual([
      { size: 3, elementIds: ['c1', 'c2', 'c3'] },
      { size: 2, elementIds: ['O', 'meeting-place'] },
      { size: 2, elementIds: ['a1', 'a2'] },
      { size: 2, elementIds: ['b1', 'b2'] },
      { size: 1, elementIds: ['note'] },
    ])
  })
})

describe('integration indicators on boards of thousands of elements (smoke)', () => {
  for (const [name, b] of [
    ['grammar-shaped', domainBoard(3000, 3000, 11)],
    ['messy', messyBoard(3000, 3000, 11)],
  ] as const) {
    it(`computes every indicator on a ${name} board of 3,000 elements and 3,000 links`, () => {
      const r = integrationIndicators(b)
      const ids = new Set(b.elements.map((e) => e.id))
      const ignored =
        r.ignored.danglingLinks.length + r.ignored.selfLinks.length + r.ignored.invalidLinks.length
      expect(r.counts.elements).toBe(3000)
      expect(r.counts.links + ignored).toBe(3000)
      const unlinkedArenas =
        r.components.length === 0 ? 0 : 3000 - r.components.reduce((s, c) => s + c.size, 0)
      expect(unlinkedArenas).toBeLessThanOrEqual(r.counts.byType.arena)
      for (const list of [
        r.resourcesContributingToNoValue,
        r.valuesNoResourceContributesTo,
        r.actorsProvidingNothing,
        r.organisationsWithoutLinks,
      ]) {
        for (const id of list) expect(ids.has(id)).toBe(true)
      }
      expect(r.organisationsFeedingEachValue).toHaveLength(r.counts.byType.value)
      expect(r.centrality!.actors).toHaveLength(r.counts.byType.actor)
      for (const a of r.centrality!.actors) {
        expect(a.betweenness).toBeGreaterThanOrEqual(0)
        expect(a.betweenness).toBeLessThanOrEqual(1)
      }
    })
  }

  it('gives the same result whatever the order of elements and links', () => {
    const b = domainBoard(600, 700, 4)
    const shuffled = { ...b, elements: [...b.elements].reverse(), links: [...b.links].reverse() }
    expect(integrationIndicators(shuffled)).toEqual(integrationIndicators(b))
  })
})

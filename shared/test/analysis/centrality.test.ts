import { describe, expect, it } from 'vitest'
import { betweennessCentrality } from '../../src/analysis/betweenness.js'
import { actorCentrality, actorNetwork } from '../../src/analysis/centrality.js'
import { connectedComponents } from '../../src/analysis/components.js'
import { integrationIndicators } from '../../src/analysis/indicators.js'
import { buildAdjacency, indexMap } from '../../src/analysis/mapIndex.js'
import { attribute } from '../../src/analysis/organisations.js'
import type { BoardData } from '../../src/model/types.js'
import { board, element, link, org, resource, role, user, value } from './boards.js'
import { fixtureBoard } from './fixtureBoard.js'
import { domainBoard, messyBoard, random } from './generateBoard.js'
import { graphologyBetweenness } from './oracle.js'

function csr(n: number, edges: [number, number][]): { start: Int32Array; adjacency: Int32Array } {
  return buildAdjacency(n, Int32Array.from(edges.map((e) => e[0])), Int32Array.from(edges.map((e) => e[1])))
}

function centralityOf(
  b: BoardData,
): Record<string, { degree: number; neighbours: number; betweenness: number }> {
  const c = integrationIndicators(b).centrality!
  return Object.fromEntries(
    c.actors.map((a) => [
      a.actorId,
      { degree: a.degree, neighbours: a.actorNeighbours, betweenness: a.betweenness },
    ]),
  )
}

describe('betweenness (Brandes over CSR)', () => {
  it('scores the middle of a path and the centre of a star 1, the ends 0', () => {
    const path = csr(3, [
      [0, 1],
      [1, 2],
    ])
    expect(Array.from(betweennessCentrality(3, path.start, path.adjacency).values)).toEqual([0, 1, 0])
    const star = csr(5, [
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 4],
    ])
    expect(Array.from(betweennessCentrality(5, star.start, star.adjacency).values)).toEqual([1, 0, 0, 0, 0])
  })

  it('splits credit between equally short paths (a square: each corner 1/6)', () => {
    // In the 4-cycle 0-1-2-3, the pair (0, 2) has two shortest paths, via 1 and via 3.
    const square = csr(4, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 0],
    ])
    const values = Array.from(betweennessCentrality(4, square.start, square.adjacency).values)
    for (const v of values) expect(v).toBeCloseTo(1 / 6, 12)
  })

  it('gives 0 on graphs of fewer than three nodes and on an empty graph', () => {
    const pair = csr(2, [[0, 1]])
    expect(Array.from(betweennessCentrality(2, pair.start, pair.adjacency).values)).toEqual([0, 0])
    const none = betweennessCentrality(0, new Int32Array(1), new Int32Array(0))
    expect(none).toEqual({ values: new Float64Array(0), exact: true, sources: 0 })
  })

  it('equals graphology-metrics on random graphs, connected or in pieces', () => {
    const rnd = random(7)
    for (const [n, m] of [
      [12, 11],
      [40, 60],
      [120, 100],
      [200, 500],
    ] as const) {
      const edges: [number, number][] = []
      for (let k = 0; k < m; k++) edges.push([Math.floor(rnd() * n), Math.floor(rnd() * n)])
      const g = csr(n, edges)
      const mine = betweennessCentrality(n, g.start, g.adjacency, Number.POSITIVE_INFINITY)
      expect(mine.exact).toBe(true)
      const reference = graphologyBetweenness(n, g.start, g.adjacency)
      for (let i = 0; i < n; i++) expect(mine.values[i]).toBeCloseTo(reference[i]!, 12)
    }
  })

  it('samples pivots deterministically past the budget and flags the result', () => {
    const rnd = random(3)
    const edges: [number, number][] = []
    for (let k = 0; k < 900; k++) edges.push([Math.floor(rnd() * 600), Math.floor(rnd() * 600)])
    const g = csr(600, edges)
    const a = betweennessCentrality(600, g.start, g.adjacency, 50_000)
    const b = betweennessCentrality(600, g.start, g.adjacency, 50_000)
    expect(a.exact).toBe(false)
    expect(a.sources).toBeLessThan(600)
    expect(Array.from(a.values)).toEqual(Array.from(b.values))
  })
})

describe('actor centrality on the map', () => {
  it('treats links as undirected and counts distinct neighbours for degree', () => {
    const b = board({
      elements: [org('A'), org('B'), org('C'), resource('r')],
      links: [
        link('A', 'collaborates', 'B'),
        link('C', 'collaborates', 'B'),
        link('A', 'provides', 'r'),
        link('A', 'relates', 'r'),
      ],
    })
    const c = centralityOf(b)
    expect(c.A).toEqual({ degree: 2, neighbours: 1, betweenness: 0 })
    expect(c.B).toEqual({ degree: 2, neighbours: 2, betweenness: 1 })
    const full = integrationIndicators(b).centrality!
    expect(full.actors.find((a) => a.actorId === 'A')!.degreeCentrality).toBeCloseTo(2 / 3, 12)
    expect(full.actors.find((a) => a.actorId === 'A')!.elementIds).toEqual(['A'])
  })

  it('connects actors through the resources they integrate', () => {
    // A provides r, r integrates s, B provides s, B collaborates C: B brokers between A and C.
    const b = board({
      elements: [org('A'), org('B'), org('C'), resource('r'), resource('s'), value('v')],
      links: [
        link('A', 'provides', 'r'),
        link('B', 'provides', 's'),
        link('r', 'integrates', 's'),
        link('B', 'collaborates', 'C'),
        link('r', 'contributes', 'v'),
        link('s', 'contributes', 'v'),
      ],
    })
    const c = centralityOf(b)
    expect(c.B!.betweenness).toBe(1)
    expect(c.A!.neighbours).toBe(1)
    expect(c.C!.betweenness).toBe(0)
  })

  it('does not connect actors whose resources only contribute to the same value outcome', () => {
    const b = board({
      elements: [org('A'), org('B'), resource('r'), resource('s'), value('v')],
      links: [
        link('A', 'provides', 'r'),
        link('B', 'provides', 's'),
        link('r', 'contributes', 'v'),
        link('s', 'contributes', 'v'),
      ],
    })
    expect(centralityOf(b).A!.neighbours).toBe(0)
  })

  it('joins co-providers of a resource and a role to its organisation', () => {
    // O1 - R1 (member) - R2 (coordinated) - O2 (R2's organisation): a path of four.
    const b = board({
      elements: [org('O1'), org('O2'), role('R1', 'O1'), role('R2', 'O2'), org('O3'), resource('shared')],
      links: [
        link('R1', 'coordinates', 'R2'),
        link('O2', 'provides', 'shared'),
        link('O3', 'provides', 'shared'),
      ],
    })
    const c = centralityOf(b)
    expect(c.R1!.betweenness).toBeCloseTo(
      // Ordered pairs through R1 among 5 actors: (O1,R2), (O1,O2), (O1,O3) both ways = 6, / (4 * 3).
      6 / 12,
      12,
    )
    expect(c.O2!.neighbours).toBe(2) // R2 by membership, O3 as co-provider
    expect(c.O3!.neighbours).toBe(1)
  })

  it('gives the service user no organisation but a place in the actor network', () => {
    const b = board({
      elements: [user('U', { org: 'O' }), org('O'), role('R', 'O'), resource('r'), resource('s')],
      links: [link('U', 'provides', 'r'), link('R', 'provides', 's'), link('r', 'integrates', 's')],
    })
    const c = centralityOf(b)
    expect(c.U!.neighbours).toBe(1)
    expect(c.R!.betweenness).toBe(1)
  })

  it('matches graphology-metrics on the actor network of the fixture and of a messy board', () => {
    for (const b of [fixtureBoard().board, messyBoard(400, 600, 5)]) {
      const index = indexMap(b)
      const attribution = attribute(index)
      const local = new Int32Array(index.elements.length).fill(-1)
      let count = 0
      index.elements.forEach((e, i) => {
        if (e.type === 'actor') local[i] = count++
      })
      const net = actorNetwork(index, attribution, local, count)
      const reference = graphologyBetweenness(count, net.start, net.adjacency)
      const mine = actorCentrality(index, attribution)
      expect(mine.betweennessExact).toBe(true)
      mine.actors.forEach((a, i) => expect(a.betweenness).toBeCloseTo(reference[i]!, 12))
    }
  })

  it('on a board of thousands estimates only the giant part and still finds its main broker', () => {
    const index = indexMap(domainBoard(3000, 3000, 1))
    const attribution = attribute(index)
    const estimate = actorCentrality(index, attribution)
    const exact = actorCentrality(index, attribution, Number.POSITIVE_INFINITY)
    expect(estimate.betweennessExact).toBe(false)
    expect(exact.betweennessExact).toBe(true)
    const local = new Int32Array(index.elements.length).fill(-1)
    let count = 0
    index.elements.forEach((e, i) => {
      if (e.type === 'actor') local[i] = count++
    })
    const net = actorNetwork(index, attribution, local, count)
    const { members, of } = connectedComponents(count, net.start, net.adjacency)
    const giant = members.reduce((best, c) => (c.length > best.length ? c : best)).length
    expect(giant).toBeGreaterThan(500)
    // Outside the largest piece every score is exact.
    estimate.actors.forEach((a, i) => {
      if (members[of[i]!]!.length !== giant)
        expect(a.betweenness).toBeCloseTo(exact.actors[i]!.betweenness, 12)
    })
    const rank = (r: typeof exact): string[] =>
      [...r.actors].sort((x, y) => y.betweenness - x.betweenness).map((a) => a.actorId)
    expect(rank(exact).slice(0, 3)).toContain(rank(estimate)[0])
  })

  it('ignores elements that are not actors', () => {
    const b = board({
      elements: [element('n', 'note', 'other'), resource('r')],
      links: [link('n', 'relates', 'r')],
    })
    expect(integrationIndicators(b).centrality!.actors).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { betweennessCentrality } from '../../src/analysis/betweenness.js'
import { GRAPHOLOGY_BETWEENNESS_LIMIT, actorCentrality, actorNetwork } from '../../src/analysis/centrality.js'
import { integrationIndicators } from '../../src/analysis/indicators.js'
import { exactBetweenness, graphOfRows, mapGraph } from '../../src/analysis/mapGraph.js'
import { indexMap } from '../../src/analysis/mapIndex.js'
import { attribute } from '../../src/analysis/organisations.js'
import { board, link, org, resource, value } from './boards.js'
import { fixtureBoard } from './fixtureBoard.js'
import { domainBoard, messyBoard } from './generateBoard.js'

/** The actor network of a board in compressed rows, as `actorCentrality` builds it. */
function networkOf(b: Parameters<typeof indexMap>[0]) {
  const index = indexMap(b)
  const attribution = attribute(index)
  const local = new Int32Array(index.elements.length).fill(-1)
  let count = 0
  index.elements.forEach((e, i) => {
    if (e.type === 'actor') local[i] = count++
  })
  return { index, attribution, count, ...actorNetwork(index, attribution, local, count) }
}

describe('the map as a graphology graph', () => {
  it('has a node per element and one edge per linked pair, without self, dangling or invalid links', () => {
    const b = board({
      elements: [org('A'), org('B'), resource('r'), value('v')],
      links: [
        link('A', 'provides', 'r'),
        link('A', 'relates', 'r'),
        link('r', 'provides', 'A', { id: 'backwards' }),
        link('r', 'contributes', 'v'),
        link('B', 'collaborates', 'B'),
        link('B', 'collaborates', 'gone'),
      ],
    })
    const graph = mapGraph(indexMap(b))
    expect(graph.type).toBe('undirected')
    expect(graph.order).toBe(4)
    expect(graph.size).toBe(2)
    expect(graph.degree('A')).toBe(1)
    expect(graph.degree('r')).toBe(2)
    expect(graph.degree('B')).toBe(0)
  })

  it('is built once per index', () => {
    const index = indexMap(domainBoard(200, 200, 3))
    expect(mapGraph(index)).toBe(mapGraph(index))
  })

  it('gives every actor the degree of its distinct neighbours, as the index does', () => {
    for (const b of [fixtureBoard().board, messyBoard(500, 900, 9), domainBoard(800, 900, 2)]) {
      const index = indexMap(b)
      const c = actorCentrality(index, attribute(index))
      for (const a of c.actors) {
        const i = index.indexOf.get(a.actorId)!
        const degree = index.start[i + 1]! - index.start[i]!
        expect(a.degree).toBe(degree)
        expect(a.degreeCentrality).toBeCloseTo(degree / (index.elements.length - 1), 12)
      }
    }
  })

  it('gives a board of one actor degree centrality 0 (graphology-metrics would divide by zero)', () => {
    const c = integrationIndicators(board({ elements: [org('A')] })).centrality!
    expect(c.actors).toEqual([
      {
        actorId: 'A',
        degree: 0,
        degreeCentrality: 0,
        actorNeighbours: 0,
        betweenness: 0,
        elementIds: ['A'],
      },
    ])
  })
})

describe('betweenness: graphology-metrics when exact fits the budget, budgeted Brandes beyond', () => {
  it('uses graphology-metrics on a research circle board, and agrees with Brandes to 1e-12', () => {
    for (const b of [fixtureBoard().board, messyBoard(300, 400, 5), domainBoard(400, 500, 6)]) {
      const net = networkOf(b)
      expect(net.count * (net.count + net.adjacency.length)).toBeLessThanOrEqual(GRAPHOLOGY_BETWEENNESS_LIMIT)
      const c = actorCentrality(net.index, net.attribution)
      expect(c.betweennessMethod).toBe('graphology')
      expect(c.betweennessExact).toBe(true)
      const brandes = betweennessCentrality(net.count, net.start, net.adjacency, Number.POSITIVE_INFINITY)
      c.actors.forEach((a, i) => expect(a.betweenness).toBeCloseTo(brandes.values[i]!, 12))
    }
  })

  it('uses the budgeted Brandes past the limit (3,000 elements), estimated and flagged', () => {
    const net = networkOf(domainBoard(3000, 3000, 1))
    expect(net.count * (net.count + net.adjacency.length)).toBeGreaterThan(GRAPHOLOGY_BETWEENNESS_LIMIT)
    const c = actorCentrality(net.index, net.attribution)
    expect(c.betweennessMethod).toBe('budgeted')
    expect(c.betweennessExact).toBe(false)
  })

  it('gives 0 to graphs of fewer than three nodes', () => {
    const none = exactBetweenness(0, new Int32Array(1), new Int32Array(0))
    expect(Array.from(none)).toEqual([])
    const pair = exactBetweenness(2, Int32Array.from([0, 1, 2]), Int32Array.from([1, 0]))
    expect(Array.from(pair)).toEqual([0, 0])
  })

  it('builds the actor network graph from compressed rows with one edge per adjacency', () => {
    const net = networkOf(fixtureBoard().board)
    const graph = graphOfRows(net.count, net.start, net.adjacency)
    expect(graph.order).toBe(net.count)
    expect(graph.size).toBe(net.adjacency.length / 2)
  })
})

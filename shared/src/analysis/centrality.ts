/**
 * Centrality of actors. Two graphs, each chosen for what the number is meant to say:
 *
 * - **Degree** is counted on the whole map, undirected: how many distinct elements an actor is linked to
 *   (resources it provides, actors it collaborates with, barriers that hinder it...). Normalised by the
 *   number of other elements, as graphology-metrics' `degreeCentrality` does.
 * - **Betweenness** is computed on the *actor network*, undirected: who brokers between actors. On the whole
 *   map an organisation that provides five otherwise unlinked resources would score high merely for being
 *   their only way out, which is not brokerage; and exact betweenness on a 3,000-element map costs ~0.5 s.
 *   Two actors are adjacent in the actor network when
 *   1. a link (any kind, either direction) joins the actors behind its two ends, where the actors behind an
 *      actor are itself and the actors behind a resource are those that provide it. This covers direct
 *      actor-actor links, resource integration (A provides r, r integrates s, B provides s), jointly
 *      provided resources, and an actor linked to another actor's resource; or
 *   2. one is a role/person/group whose `org` is the other (membership).
 *   Value outcomes, barriers, notes and arenas put no actors behind a link's end, so two resources merely
 *   contributing to the same value do not make their providers adjacent.
 *
 * Who computes what: the map is a graphology graph (`mapGraph.ts`) and graphology-metrics'
 * `degreeCentrality` gives degree centrality. Betweenness is exact through graphology-metrics while the
 * actor network is small enough for that to fit the time budget (`GRAPHOLOGY_BETWEENNESS_LIMIT`: every
 * research circle's board); past it, the budgeted Brandes of `betweenness.ts` (exact per component while
 * the budget lasts, sampled beyond) keeps all indicators of a 3,000-element board well under 50 ms.
 */
import { degreeCentrality } from 'graphology-metrics/centrality/degree.js'
import { betweennessCentrality } from './betweenness.js'
import { buildAdjacency } from './mapIndex.js'
import type { MapIndex } from './mapIndex.js'
import { exactBetweenness, mapGraph } from './mapGraph.js'
import type { Attribution } from './organisations.js'

/**
 * Largest actor network, in work units `n × (n + arcs)`, whose betweenness graphology-metrics computes.
 * Its cost per source is a pass over all n nodes (it allocates per node) plus a search of the source's
 * component, so n × (n + arcs) bounds it. Measured on the 2-core development machine at 7-10 ns a unit:
 * 200 actors with 1,100 adjacencies (490,000 units) take 6-7 ms, 500 actors with 2,600 take 35 ms. The
 * limit keeps it under ~10 ms, a fifth of the budget for all indicators.
 */
export const GRAPHOLOGY_BETWEENNESS_LIMIT = 1_000_000

/** How betweenness was computed: exactly by graphology-metrics, or by the budgeted Brandes. */
export type BetweennessMethod = 'graphology' | 'budgeted'

/** Centrality of one actor. */
export interface ActorCentrality {
  readonly actorId: string
  /** Distinct elements linked to the actor on the map. */
  readonly degree: number
  /** `degree / (elements - 1)`, 0 on a board of one element. */
  readonly degreeCentrality: number
  /** Distinct actors adjacent to it in the actor network. */
  readonly actorNeighbours: number
  /** Normalised betweenness in the actor network (0..1). */
  readonly betweenness: number
  /** The actor, for highlighting. */
  readonly elementIds: readonly string[]
}

/** Centrality of all actors, in id order, and whether betweenness is exact (see `betweenness.ts`). */
export interface CentralityResult {
  readonly actors: readonly ActorCentrality[]
  readonly betweennessExact: boolean
  /** `graphology` for networks within `GRAPHOLOGY_BETWEENNESS_LIMIT`, else `budgeted` (`betweenness.ts`). */
  readonly betweennessMethod: BetweennessMethod
  /** Number of actors in the actor network and of its distinct adjacencies. */
  readonly actorNetwork: { readonly actors: number; readonly adjacencies: number }
}

/** Map degree and actor-network betweenness of every actor. */
export function actorCentrality(
  index: MapIndex,
  attribution: Attribution,
  budget?: number,
): CentralityResult {
  const { elements } = index
  const n = elements.length
  const actorIndices: number[] = []
  const local = new Int32Array(n).fill(-1)
  for (let i = 0; i < n; i++) {
    if (elements[i]!.type !== 'actor') continue
    local[i] = actorIndices.length
    actorIndices.push(i)
  }
  const count = actorIndices.length
  const network = actorNetwork(index, attribution, local, count)
  const useGraphology = count * (count + network.adjacency.length) <= GRAPHOLOGY_BETWEENNESS_LIMIT
  const between = useGraphology
    ? { values: exactBetweenness(count, network.start, network.adjacency), exact: true }
    : betweennessCentrality(count, network.start, network.adjacency, budget)

  const graph = mapGraph(index)
  // On a board of one element graphology-metrics would divide by zero; nobody has a neighbour there.
  const centralities = n > 1 ? degreeCentrality(graph) : {}
  const actors = actorIndices.map((i, a): ActorCentrality => {
    const id = elements[i]!.id
    return {
      actorId: id,
      degree: graph.degree(id),
      degreeCentrality: centralities[id] ?? 0,
      actorNeighbours: network.start[a + 1]! - network.start[a]!,
      betweenness: between.values[a]!,
      elementIds: [id],
    }
  })
  return {
    actors,
    betweennessExact: between.exact,
    betweennessMethod: useGraphology ? 'graphology' : 'budgeted',
    actorNetwork: { actors: count, adjacencies: network.adjacency.length / 2 },
  }
}

/** The actor network in CSR form over local actor indices (see the module comment for its edges). */
export function actorNetwork(
  index: MapIndex,
  attribution: Attribution,
  local: Int32Array,
  actorCount: number,
): { start: Int32Array; adjacency: Int32Array } {
  const from: number[] = []
  const to: number[] = []
  const { linkFrom, linkTo } = index
  for (let k = 0; k < linkFrom.length; k++) {
    const xs = attribution.actorsBehind[linkFrom[k]!]!
    if (xs.length === 0) continue
    const ys = attribution.actorsBehind[linkTo[k]!]!
    for (const x of xs) {
      for (const y of ys) {
        if (x === y) continue
        from.push(local[x]!)
        to.push(local[y]!)
      }
    }
  }
  const { organisationOfActor } = attribution
  for (let i = 0; i < organisationOfActor.length; i++) {
    const o = organisationOfActor[i]!
    if (o >= 0 && o !== i) {
      from.push(local[i]!)
      to.push(local[o]!)
    }
  }
  return buildAdjacency(actorCount, Int32Array.from(from), Int32Array.from(to))
}

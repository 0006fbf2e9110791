/**
 * Betweenness centrality of an unweighted, undirected graph in CSR form: Brandes' algorithm (2001), with
 * the same normalisation as graphology-metrics 2.4 (`normalized: true`: the sum over ordered pairs divided
 * by (n-1)(n-2), which for an undirected graph equals networkx's normalised value). Tests check it against
 * graphology-metrics.
 *
 * Used for actor networks too large for graphology-metrics within the time budget (`centrality.ts` asks
 * graphology-metrics for smaller ones): its implementation allocates an array per node for every source
 * (Θ(n²) allocations even when the graph falls apart in small pieces) and cannot sample sources. Measured
 * on a 2-core development machine (unweighted mode): 31 ms for 500 actors / 1,100 links, 50-180 ms for
 * 1,000 / 1,000, ~110 ms for the actor network of a 3,000-element map; the budget for all indicators is
 * 50 ms.
 *
 * Exact betweenness is O(n·m) whoever computes it, so the work is budgeted: components are computed one
 * at a time (paths never cross components, so raw scores are per component), small components exactly,
 * and a component whose exact cost exceeds its share of the budget is estimated from evenly spaced pivot
 * sources (Brandes and Pich 2007), scaled by n_c / k. Pivots are chosen deterministically, so the same
 * board always gets the same numbers. A research circle's board (tens to a few hundred actors) is always
 * within budget and exact; `exact` says whether it was.
 */
import { connectedComponents } from './components.js'

/**
 * Work units (per source: nodes + 2 × arcs of its component) allowed before sources are sampled. Measured
 * at ~10 ns a unit, so ~6 ms; 200 actors with 400 adjacencies in one piece cost 360,000 and stay exact.
 */
export const BETWEENNESS_BUDGET = 600_000

/** Fewest pivots a sampled component gets, however large, so estimates keep some signal. */
const MIN_PIVOTS = 16

/** Normalised betweenness per node, and how it was computed. */
export interface BetweennessResult {
  readonly values: Float64Array
  /** Every source was used (no sampling). */
  readonly exact: boolean
  /** Number of sources the scores were accumulated from. */
  readonly sources: number
}

/** Betweenness centrality of every node of the graph over `0..n-1`, normalised like graphology-metrics. */
export function betweennessCentrality(
  n: number,
  start: Int32Array,
  adjacency: Int32Array,
  budget: number = BETWEENNESS_BUDGET,
): BetweennessResult {
  const raw = new Float64Array(n)
  const { members } = connectedComponents(n, start, adjacency)
  // Components of one or two nodes have no node between two others: nothing to compute.
  const plan = members
    .filter((c) => c.length > 2)
    .map((c) => {
      let arcs = 0
      for (const v of c) arcs += start[v + 1]! - start[v]!
      const unit = c.length + 2 * arcs
      return { nodes: c, unit, cost: c.length * unit }
    })
    .sort((a, b) => a.cost - b.cost)

  const state = {
    dist: new Int32Array(n).fill(-1),
    sigma: new Float64Array(n),
    delta: new Float64Array(n),
    order: new Int32Array(n),
  }
  let remaining = budget
  let exact = true
  let sources = 0
  for (let c = 0; c < plan.length; c++) {
    const { nodes, unit, cost } = plan[c]!
    // Cheapest first; each component may use a fair share of what is left.
    const share = remaining / (plan.length - c)
    let pivots = nodes
    if (cost > share) {
      const k = Math.min(nodes.length, Math.max(MIN_PIVOTS, Math.floor(share / unit)))
      if (k < nodes.length) {
        pivots = Array.from({ length: k }, (_, j) => nodes[Math.floor((j * nodes.length) / k)]!)
        exact = false
      }
    }
    const scale = nodes.length / pivots.length
    for (const s of pivots) accumulate(s, start, adjacency, state, raw, scale)
    sources += pivots.length
    remaining -= pivots.length * unit
  }

  if (n > 2) {
    const norm = 1 / ((n - 1) * (n - 2))
    for (let i = 0; i < n; i++) raw[i]! *= norm
  }
  return { values: raw, exact, sources }
}

interface BrandesState {
  readonly dist: Int32Array
  readonly sigma: Float64Array
  readonly delta: Float64Array
  readonly order: Int32Array
}

/**
 * One source of Brandes' algorithm: BFS counting shortest paths, then dependencies accumulated in reverse
 * BFS order. Predecessors are not stored: in an unweighted graph they are the neighbours one step closer,
 * which avoids allocating a list per node per source.
 */
function accumulate(
  s: number,
  start: Int32Array,
  adjacency: Int32Array,
  { dist, sigma, delta, order }: BrandesState,
  raw: Float64Array,
  scale: number,
): void {
  let head = 0
  let tail = 0
  order[tail++] = s
  dist[s] = 0
  sigma[s] = 1
  while (head < tail) {
    const v = order[head++]!
    const next = dist[v]! + 1
    const sv = sigma[v]!
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      const w = adjacency[k]!
      if (dist[w] === -1) {
        dist[w] = next
        order[tail++] = w
        sigma[w] = sv
      } else if (dist[w] === next) {
        sigma[w]! += sv
      }
    }
  }
  for (let i = tail - 1; i > 0; i--) {
    const w = order[i]!
    const previous = dist[w]! - 1
    const coefficient = (1 + delta[w]!) / sigma[w]!
    for (let k = start[w]!; k < start[w + 1]!; k++) {
      const v = adjacency[k]!
      if (dist[v] === previous) delta[v]! += sigma[v]! * coefficient
    }
    raw[w]! += delta[w]! * scale
  }
  // Reset only what this source touched, so a source costs its component, not the whole graph.
  for (let i = 0; i < tail; i++) {
    const v = order[i]!
    dist[v] = -1
    sigma[v] = 0
    delta[v] = 0
  }
}

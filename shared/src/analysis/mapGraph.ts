/**
 * The map and the actor network as graphology graphs, so that a maintained graph library computes what it
 * can compute within the analysis' time budget (degree centrality always, betweenness on actor networks
 * small enough to be exact; see `centrality.ts`).
 *
 * Both graphs are simple and undirected: a node per element (keyed by element id) or per actor, one edge
 * per pair of linked nodes however many links join them, no self-loops; which is what the indicators'
 * definitions count. Nodes carry no attributes: the indicators read types and kinds from the index, and
 * attribute objects would only cost time on a 3,000-element board.
 *
 * What stays outside graphology, and why:
 * - connected components: graphology-components is not a dependency of shared, and a breadth-first search
 *   over the index's compressed rows is linear and a dozen lines (`components.ts`);
 * - betweenness of large actor networks: graphology-metrics allocates per node for every source and cannot
 *   sample sources, so past a measured cost the budgeted Brandes of `betweenness.ts` takes over.
 */
import { UndirectedGraph } from 'graphology'
import betweennessModule from 'graphology-metrics/centrality/betweenness.js'
import type { MapIndex } from './mapIndex.js'

/** The part of graphology-metrics' betweenness function used here. */
type BetweennessFunction = (
  graph: UndirectedGraph,
  options: { readonly getEdgeWeight: null; readonly normalized: boolean },
) => Record<string, number>

/**
 * graphology-metrics is CommonJS whose typings declare `export default`: Node and bundlers hand over
 * `module.exports` (the function itself) as the default import, while TypeScript under NodeNext expects a
 * `.default` property on it (and under bundler resolution does not). Accept both at run time and type it
 * here, so the same code compiles for the server and the client and runs in Node, Vite and Vitest.
 */
function cjsDefault<T>(value: T | { readonly default: T }): T {
  return typeof value === 'function' ? value : (value as { readonly default: T }).default
}

const graphologyBetweenness = cjsDefault(
  betweennessModule as unknown as BetweennessFunction | { readonly default: BetweennessFunction },
)

/** The map as a simple undirected graphology graph over element ids (built once per index, on demand). */
export function mapGraph(index: MapIndex): UndirectedGraph {
  let graph = built.get(index)
  if (graph !== undefined) return graph
  graph = new UndirectedGraph({ allowSelfLoops: false, multi: false })
  const { elements, adjacency, start } = index
  for (const e of elements) graph.addNode(e.id)
  // The index's adjacency already holds each distinct neighbour once; add each pair from its lower end.
  // Edges are keyed by a counter: graphology's own key generator costs ~1 ms on a 3,000-link board.
  let key = 0
  for (let i = 0; i < elements.length; i++) {
    const id = elements[i]!.id
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const j = adjacency[k]!
      if (j > i) graph.addEdgeWithKey(key++, id, elements[j]!.id)
    }
  }
  built.set(index, graph)
  return graph
}

const built = new WeakMap<MapIndex, UndirectedGraph>()

/** A simple undirected graphology graph over nodes `0..n-1` (as strings) from compressed rows. */
export function graphOfRows(n: number, start: Int32Array, adjacency: Int32Array): UndirectedGraph {
  const graph = new UndirectedGraph({ allowSelfLoops: false, multi: false })
  for (let i = 0; i < n; i++) graph.addNode(String(i))
  let key = 0
  for (let i = 0; i < n; i++) {
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const j = adjacency[k]!
      if (j > i) graph.addEdgeWithKey(key++, String(i), String(j))
    }
  }
  return graph
}

/**
 * Exact normalised betweenness by graphology-metrics (unweighted; the sum over ordered pairs divided by
 * (n-1)(n-2), as `betweenness.ts` documents), for nodes `0..n-1`. 0 for every node of a graph of fewer
 * than three nodes, where graphology-metrics would divide by zero.
 */
export function exactBetweenness(n: number, start: Int32Array, adjacency: Int32Array): Float64Array {
  const values = new Float64Array(n)
  if (n < 3) return values
  const scores = graphologyBetweenness(graphOfRows(n, start, adjacency), {
    getEdgeWeight: null,
    normalized: true,
  })
  for (let i = 0; i < n; i++) values[i] = scores[String(i)] ?? 0
  return values
}

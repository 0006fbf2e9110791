/**
 * graphology-metrics as the reference implementation that `betweenness.ts` is checked against. Loaded
 * with `require`: both packages are CommonJS whose typings say `export default`, which TypeScript's
 * NodeNext resolution reads as a `.default` property that does not exist at runtime.
 */
import { createRequire } from 'node:module'
import type GraphClass from 'graphology'
import type betweennessFunction from 'graphology-metrics/centrality/betweenness.js'

const require = createRequire(import.meta.url)
const Graph = require('graphology') as typeof GraphClass.default
const betweenness = require('graphology-metrics/centrality/betweenness') as typeof betweennessFunction.default

/** Normalised betweenness by graphology-metrics, unweighted, of the CSR graph over `0..n-1`. */
export function graphologyBetweenness(n: number, start: Int32Array, adjacency: Int32Array): number[] {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false })
  for (let i = 0; i < n; i++) graph.addNode(String(i))
  for (let i = 0; i < n; i++) {
    for (let k = start[i]!; k < start[i + 1]!; k++) graph.mergeEdge(String(i), String(adjacency[k]!))
  }
  const scores = betweenness(graph, { getEdgeWeight: null, normalized: true })
  return Array.from({ length: n }, (_, i) => scores[String(i)] ?? 0)
}

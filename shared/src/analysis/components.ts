/**
 * Connected components of an undirected graph in CSR form (see `mapIndex.ts`), by breadth-first search.
 * graphology-components is not a dependency of shared, and on the index we already hold this is a dozen
 * lines and linear in the size of the graph.
 */

/** The components of a graph: each as its node indices in ascending order; `of[i]` is node i's component. */
export interface Components {
  readonly members: readonly (readonly number[])[]
  readonly of: Int32Array
}

/**
 * Components of the graph over nodes `0..n-1`, in order of their smallest node. Nodes for which `include`
 * returns false are left out (their `of` is -1) and are not traversed.
 */
export function connectedComponents(
  n: number,
  start: Int32Array,
  adjacency: Int32Array,
  include?: (node: number) => boolean,
): Components {
  const of = new Int32Array(n).fill(-1)
  const members: number[][] = []
  const queue = new Int32Array(n)
  for (let s = 0; s < n; s++) {
    if (of[s] !== -1 || (include !== undefined && !include(s))) continue
    const label = members.length
    let head = 0
    let tail = 0
    queue[tail++] = s
    of[s] = label
    while (head < tail) {
      const v = queue[head++]!
      for (let k = start[v]!; k < start[v + 1]!; k++) {
        const w = adjacency[k]!
        if (of[w] !== -1 || (include !== undefined && !include(w))) continue
        of[w] = label
        queue[tail++] = w
      }
    }
    // BFS order is not index order; sort so ids come out in id order (nodes are indexed in id order).
    members.push(Array.from(queue.subarray(0, tail)).sort((a, b) => a - b))
  }
  return { members, of }
}

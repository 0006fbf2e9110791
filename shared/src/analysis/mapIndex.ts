/**
 * The map as an indexed graph: one pass over the board's elements and links that every indicator then
 * reads, so no indicator scans the board again. Elements get dense integer indices in id order (so every
 * result is deterministic and independent of the order the document happened to list them in); valid
 * links become index pairs; the undirected adjacency is stored as compressed rows (CSR) of typed arrays,
 * one entry per distinct neighbour.
 *
 * Robustness: the analysis never throws on a board. A record that is not an object, has no string id or
 * an unknown type/kind, repeats an id already seen, or a link that points at a missing element or at
 * itself, is left out of the map and listed in `ignored` so the UI can say why it is not counted.
 */
import type { BoardData, ElementData, LinkData } from '../model/types.js'
import { ELEMENT_TYPES, LINK_KINDS } from '../model/types.js'

const ELEMENT_TYPE_SET: ReadonlySet<string> = new Set(ELEMENT_TYPES)
const LINK_KIND_SET: ReadonlySet<string> = new Set(LINK_KINDS)

/** Records the analysis left out, by reason; ids only. */
export interface IgnoredRecords {
  /** Element records without a string id or with an unknown type, or repeating an earlier id. */
  readonly elements: readonly string[]
  /** Links with an unknown kind, no id, or an id repeated. */
  readonly invalidLinks: readonly string[]
  /** Links whose `from` or `to` is not an element of the board. */
  readonly danglingLinks: readonly string[]
  /** Links from an element to itself. */
  readonly selfLinks: readonly string[]
}

/** The indexed map that the indicators read. Internal to analysis. */
export interface MapIndex {
  /** Valid elements, sorted by id; an element's index is its position here. */
  readonly elements: readonly ElementData[]
  readonly indexOf: ReadonlyMap<string, number>
  /** Valid links (both ends present, not a self-link), sorted by id. */
  readonly links: readonly LinkData[]
  /** Element index of each valid link's `from` / `to`. */
  readonly linkFrom: Int32Array
  readonly linkTo: Int32Array
  /** Undirected adjacency: the distinct neighbours of element `i` are `adjacency[start[i]..start[i+1])`. */
  readonly start: Int32Array
  readonly adjacency: Int32Array
  readonly ignored: IgnoredRecords
}

/** Code-unit order: locale-independent, so results are identical on every machine. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function isValidElement(value: unknown): value is ElementData {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    value.id !== '' &&
    typeof value.type === 'string' &&
    ELEMENT_TYPE_SET.has(value.type)
  )
}

function isValidLink(value: unknown): value is LinkData {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    value.id !== '' &&
    typeof value.from === 'string' &&
    typeof value.to === 'string' &&
    typeof value.kind === 'string' &&
    LINK_KIND_SET.has(value.kind)
  )
}

function idOf(value: unknown): string {
  return isRecord(value) && typeof value.id === 'string' ? value.id : ''
}

/** A board that is missing its arrays (or is not an object at all) reads as empty. */
function arrayOf(board: unknown, key: 'elements' | 'links'): readonly unknown[] {
  if (!isRecord(board)) return []
  const value = board[key]
  return Array.isArray(value) ? value : []
}

/** Builds the index of `board` in one pass over elements and one over links. Never throws. */
export function indexMap(board: BoardData): MapIndex {
  const ignoredElements: string[] = []
  const seen = new Set<string>()
  const elements: ElementData[] = []
  for (const raw of arrayOf(board, 'elements')) {
    if (!isValidElement(raw) || seen.has(raw.id)) {
      ignoredElements.push(idOf(raw))
      continue
    }
    seen.add(raw.id)
    elements.push(raw)
  }
  elements.sort((a, b) => compareIds(a.id, b.id))
  const indexOf = new Map<string, number>()
  for (let i = 0; i < elements.length; i++) indexOf.set(elements[i]!.id, i)

  const invalidLinks: string[] = []
  const danglingLinks: string[] = []
  const selfLinks: string[] = []
  const seenLinks = new Set<string>()
  const links: LinkData[] = []
  for (const raw of arrayOf(board, 'links')) {
    if (!isValidLink(raw) || seenLinks.has(raw.id)) {
      invalidLinks.push(idOf(raw))
      continue
    }
    seenLinks.add(raw.id)
    if (!indexOf.has(raw.from) || !indexOf.has(raw.to)) danglingLinks.push(raw.id)
    else if (raw.from === raw.to) selfLinks.push(raw.id)
    else links.push(raw)
  }
  links.sort((a, b) => compareIds(a.id, b.id))

  const n = elements.length
  const m = links.length
  const linkFrom = new Int32Array(m)
  const linkTo = new Int32Array(m)
  const rawDegree = new Int32Array(n + 1)
  for (let k = 0; k < m; k++) {
    const f = indexOf.get(links[k]!.from)!
    const t = indexOf.get(links[k]!.to)!
    linkFrom[k] = f
    linkTo[k] = t
    rawDegree[f]!++
    rawDegree[t]!++
  }
  const { start, adjacency } = buildAdjacency(n, linkFrom, linkTo, rawDegree)
  return {
    elements,
    indexOf,
    links,
    linkFrom,
    linkTo,
    start,
    adjacency,
    ignored: { elements: ignoredElements, invalidLinks, danglingLinks, selfLinks },
  }
}

/**
 * Undirected CSR with one entry per distinct neighbour: two links between the same pair of elements
 * (say `provides` and `relates`) make them neighbours once, as in a simple graph.
 */
export function buildAdjacency(
  n: number,
  from: Int32Array,
  to: Int32Array,
  rawDegree?: Int32Array,
): { start: Int32Array; adjacency: Int32Array } {
  let degree = rawDegree
  if (degree === undefined) {
    degree = new Int32Array(n + 1)
    for (let k = 0; k < from.length; k++) {
      degree[from[k]!]!++
      degree[to[k]!]!++
    }
  }
  const rawStart = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) rawStart[i + 1] = rawStart[i]! + degree[i]!
  const raw = new Int32Array(rawStart[n]!)
  const fill = rawStart.slice(0, n)
  for (let k = 0; k < from.length; k++) {
    const f = from[k]!
    const t = to[k]!
    raw[fill[f]!++] = t
    raw[fill[t]!++] = f
  }
  // Compact each row in place, dropping repeats with a stamp per neighbour (O(n + m), no sorting).
  const stamp = new Int32Array(n).fill(-1)
  const start = new Int32Array(n + 1)
  let write = 0
  for (let i = 0; i < n; i++) {
    start[i] = write
    for (let k = rawStart[i]!; k < rawStart[i + 1]!; k++) {
      const w = raw[k]!
      if (w === i || stamp[w] === i) continue
      stamp[w] = i
      raw[write++] = w
    }
  }
  start[n] = write
  return { start, adjacency: raw.subarray(0, write) }
}

/**
 * What the filter panel offers and counts: the types, kinds, organisations and tags present on the board,
 * each with how many elements have it, and how many elements match the current filter ("3 of 12 match").
 * The dimming itself is the canvas's (`board/Filter.ts`, `filterPredicate`); these are the same rules.
 */
import {
  ELEMENT_TYPES,
  KINDS_BY_TYPE,
  ORGANISATION_KIND,
  type ElementData,
  type ElementType,
} from '@circleboard/shared'
import { isEmptyFilter, matchesFilter, type FilterState } from '../board/Filter.js'

/** One choice of the filter panel. */
export interface FilterChoice<T> {
  readonly value: T
  readonly count: number
}

/** An organisation to filter by. */
export interface OrgChoice extends FilterChoice<string> {
  readonly label: string
}

/** Everything the filter panel lists, with counts. */
export interface FilterOptions {
  readonly types: readonly FilterChoice<ElementType>[]
  /** Kinds present, by type, for types that have kinds. */
  readonly kinds: readonly { readonly type: ElementType; readonly kinds: readonly FilterChoice<string>[] }[]
  readonly orgs: readonly OrgChoice[]
  readonly tags: readonly FilterChoice<string>[]
}

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}

/** The filter's choices for a board (only what occurs, in the vocabulary's order; tags alphabetical). */
export function filterOptions(
  elements: readonly ElementData[],
  collate: (a: string, b: string) => number,
): FilterOptions {
  const types = new Map<ElementType, number>()
  const kinds = new Map<string, number>()
  const orgMembers = new Map<string, number>()
  const tags = new Map<string, number>()
  const orgs: ElementData[] = []
  for (const e of elements) {
    increment(types, e.type)
    increment(kinds, `${e.type}:${e.kind}`)
    if (e.org !== null) increment(orgMembers, e.org)
    for (const tag of e.tags) increment(tags, tag)
    if (e.type === 'actor' && e.kind === ORGANISATION_KIND) orgs.push(e)
  }
  return {
    types: ELEMENT_TYPES.filter((t) => types.has(t)).map((t) => ({ value: t, count: types.get(t)! })),
    kinds: ELEMENT_TYPES.filter((t) => (KINDS_BY_TYPE[t]?.length ?? 0) > 1)
      .map((type) => ({
        type,
        kinds: (KINDS_BY_TYPE[type] ?? [])
          .filter((k) => kinds.has(`${type}:${k}`))
          .map((k) => ({ value: k, count: kinds.get(`${type}:${k}`)! })),
      }))
      .filter((g) => g.kinds.length > 0),
    // An organisation counts itself and what belongs to it (what the filter keeps bright).
    orgs: orgs
      .map((o) => ({ value: o.id, label: o.label, count: 1 + (orgMembers.get(o.id) ?? 0) }))
      .sort((a, b) => collate(a.label, b.label)),
    tags: [...tags].map(([value, count]) => ({ value, count })).sort((a, b) => collate(a.value, b.value)),
  }
}

/** How many of `elements` match `filter` (all of them when no filter is set). */
export function matchCount(
  elements: readonly ElementData[],
  filter: FilterState,
): { matching: number; total: number } {
  if (isEmptyFilter(filter)) return { matching: elements.length, total: elements.length }
  let matching = 0
  for (const e of elements) if (matchesFilter(e, filter)) matching++
  return { matching, total: elements.length }
}

/** `set` with `value` added or removed. */
export function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set)
  if (next.has(value)) next.delete(value)
  else next.add(value)
  return next
}

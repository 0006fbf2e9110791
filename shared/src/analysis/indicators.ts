/**
 * Integration indicators of a board: where the map of actors, resources and value outcomes has gaps, who
 * integrates with whom, who is central, and which parts of the map are islands. Pure functions of
 * `BoardData`; every id list is in id order (code units), so results are stable across machines and
 * snapshots. Definitions follow `shared/fixtures/README.md`, made precise in the comments of each module.
 */
import type { BoardData, ElementType, LinkKind } from '../model/types.js'
import { ELEMENT_TYPES, KINDS_BY_TYPE, LINK_KINDS } from '../model/types.js'
import { actorCentrality } from './centrality.js'
import type { CentralityResult } from './centrality.js'
import { connectedComponents } from './components.js'
import { indexMap } from './mapIndex.js'
import type { IgnoredRecords, MapIndex } from './mapIndex.js'
import {
  attribute,
  organisationMatrix,
  organisationsFeedingEachValue,
  organisationsWithoutLinks,
} from './organisations.js'
import type { OrganisationMatrix, ValueFeed } from './organisations.js'

/** How many of what the map holds. */
export interface BoardCounts {
  /** Elements in the map (valid, distinct ids). */
  readonly elements: number
  /** Links in the map: valid kind, both ends present, not a self-link. */
  readonly links: number
  readonly byType: Readonly<Record<ElementType, number>>
  /** Every kind the type allows (0 when absent), plus any other kind found. */
  readonly byKind: Readonly<Record<ElementType, Readonly<Record<string, number>>>>
  readonly linksByKind: Readonly<Record<LinkKind, number>>
  /** Records the board's validator reported as invalid (`board.invalid`). */
  readonly invalidRecords: number
}

/** A connected part of the map (links taken undirected). */
export interface Island {
  readonly size: number
  /** In id order. */
  readonly elementIds: readonly string[]
}

/** Everything `integrationIndicators` computes. */
export interface IntegrationIndicators {
  readonly counts: BoardCounts
  /** Resources with no outgoing `contributes` link. */
  readonly resourcesContributingToNoValue: readonly string[]
  /** Value outcomes with no incoming `contributes` link from a resource. */
  readonly valuesNoResourceContributesTo: readonly string[]
  /** Actors (the service user included) with no outgoing `provides` link. */
  readonly actorsProvidingNothing: readonly string[]
  /** Organisations linked to no other organisation (no off-diagonal cell in `organisationMatrix`). */
  readonly organisationsWithoutLinks: readonly string[]
  /** One entry per value outcome, in id order. */
  readonly organisationsFeedingEachValue: readonly ValueFeed[]
  readonly organisationMatrix: OrganisationMatrix
  /** `null` when not asked for (`centrality: false`). */
  readonly centrality: CentralityResult | null
  /**
   * Connected components of the map, largest first (ties: smallest first id). Single elements without
   * links are islands of one, except arenas: an unlinked arena is a frame around elements, not an island.
   */
  readonly components: readonly Island[]
  /** What was left out of the analysis and why (never thrown). */
  readonly ignored: IgnoredRecords
}

/** Options of `integrationIndicators`. */
export interface IndicatorOptions {
  /** Compute actor centrality (the costliest part); default true. */
  readonly centrality?: boolean
  /** Work budget for betweenness before sources are sampled (see `betweenness.ts`); `Infinity` = exact. */
  readonly betweennessBudget?: number
}

/** All integration indicators of `board`. Never throws; ignores dangling, self- and invalid links. */
export function integrationIndicators(
  board: BoardData,
  options: IndicatorOptions = {},
): IntegrationIndicators {
  return indicatorsOfIndex(indexMap(board), board, options)
}

/** As `integrationIndicators`, on an index already built (the overlay reuses it). */
export function indicatorsOfIndex(
  index: MapIndex,
  board: BoardData,
  options: IndicatorOptions = {},
): IntegrationIndicators {
  const attribution = attribute(index)
  const matrix = organisationMatrix(index, attribution)
  return {
    counts: countBoard(index, board),
    ...gaps(index),
    organisationsWithoutLinks: organisationsWithoutLinks(matrix),
    organisationsFeedingEachValue: organisationsFeedingEachValue(index, attribution),
    organisationMatrix: matrix,
    centrality:
      options.centrality === false ? null : actorCentrality(index, attribution, options.betweennessBudget),
    components: islands(index),
    ignored: index.ignored,
  }
}

function countBoard(index: MapIndex, board: BoardData): BoardCounts {
  const byType = Object.fromEntries(ELEMENT_TYPES.map((t) => [t, 0])) as Record<ElementType, number>
  const byKind = Object.fromEntries(
    ELEMENT_TYPES.map((t) => [t, Object.fromEntries(KINDS_BY_TYPE[t].map((k) => [k, 0]))]),
  ) as Record<ElementType, Record<string, number>>
  for (const e of index.elements) {
    byType[e.type]++
    const kinds = byKind[e.type]
    const kind = typeof e.kind === 'string' ? e.kind : String(e.kind)
    kinds[kind] = (kinds[kind] ?? 0) + 1
  }
  const linksByKind = Object.fromEntries(LINK_KINDS.map((k) => [k, 0])) as Record<LinkKind, number>
  for (const l of index.links) linksByKind[l.kind]++
  const invalid = (board as { invalid?: unknown } | null)?.invalid
  return {
    elements: index.elements.length,
    links: index.links.length,
    byType,
    byKind,
    linksByKind,
    invalidRecords: Array.isArray(invalid) ? invalid.length : 0,
  }
}

/** The three gap lists, from one pass over the links. */
function gaps(
  index: MapIndex,
): Pick<
  IntegrationIndicators,
  'resourcesContributingToNoValue' | 'valuesNoResourceContributesTo' | 'actorsProvidingNothing'
> {
  const { elements, links, linkFrom, linkTo } = index
  const n = elements.length
  const contributesOut = new Uint8Array(n)
  const contributedIn = new Uint8Array(n)
  const providesOut = new Uint8Array(n)
  for (let k = 0; k < links.length; k++) {
    const kind = links[k]!.kind
    const f = linkFrom[k]!
    if (kind === 'provides') providesOut[f] = 1
    else if (kind === 'contributes') {
      contributesOut[f] = 1
      if (elements[f]!.type === 'resource') contributedIn[linkTo[k]!] = 1
    }
  }
  const resources: string[] = []
  const values: string[] = []
  const actors: string[] = []
  for (let i = 0; i < n; i++) {
    const { type, id } = elements[i]!
    if (type === 'resource' && contributesOut[i] === 0) resources.push(id)
    else if (type === 'value' && contributedIn[i] === 0) values.push(id)
    else if (type === 'actor' && providesOut[i] === 0) actors.push(id)
  }
  return {
    resourcesContributingToNoValue: resources,
    valuesNoResourceContributesTo: values,
    actorsProvidingNothing: actors,
  }
}

function islands(index: MapIndex): Island[] {
  const { elements, start, adjacency } = index
  const { members } = connectedComponents(
    elements.length,
    start,
    adjacency,
    (i) => elements[i]!.type !== 'arena' || start[i + 1]! > start[i]!,
  )
  // `members` is already in order of smallest index = smallest id, so a stable sort by size breaks ties.
  return members
    .map((c) => ({ size: c.length, elementIds: c.map((i) => elements[i]!.id) }))
    .sort((a, b) => b.size - a.size)
}

/** The few numbers a chart over the meetings shows (see `indicatorSeries`). */
export interface HeadlineIndicators {
  readonly elements: number
  readonly links: number
  readonly actors: number
  readonly organisations: number
  readonly resources: number
  readonly values: number
  readonly resourcesContributingToNoValue: number
  readonly valuesNoResourceContributesTo: number
  readonly actorsProvidingNothing: number
  readonly organisationsWithoutLinks: number
  /** Pairs of different organisations with at least one link between them. */
  readonly organisationPairs: number
  /** Distinct links that join two different organisations. */
  readonly crossOrganisationLinks: number
  /** Number of islands, and how many of them are single unlinked elements. */
  readonly components: number
  readonly isolatedElements: number
  readonly largestComponent: number
}

/** The headline numbers of a full indicator result. */
export function headlineIndicators(indicators: IntegrationIndicators): HeadlineIndicators {
  const { counts, organisationMatrix: matrix, components } = indicators
  const crossLinks = new Set<string>()
  for (const pair of matrix.pairs) for (const id of pair.linkIds) crossLinks.add(id)
  return {
    elements: counts.elements,
    links: counts.links,
    actors: counts.byType.actor,
    organisations: matrix.organisationIds.length,
    resources: counts.byType.resource,
    values: counts.byType.value,
    resourcesContributingToNoValue: indicators.resourcesContributingToNoValue.length,
    valuesNoResourceContributesTo: indicators.valuesNoResourceContributesTo.length,
    actorsProvidingNothing: indicators.actorsProvidingNothing.length,
    organisationsWithoutLinks: indicators.organisationsWithoutLinks.length,
    organisationPairs: matrix.pairs.length,
    crossOrganisationLinks: crossLinks.size,
    components: components.length,
    isolatedElements: components.filter((c) => c.size === 1).length,
    largestComponent: components[0]?.size ?? 0,
  }
}

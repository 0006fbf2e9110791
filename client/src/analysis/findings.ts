/**
 * The analysis panel's findings as data: each finding knows the elements (and links) it is about, which
 * a click selects and reveals; the organisation matrix as table rows; actors ranked by centrality. Pure
 * functions of shared's `IntegrationIndicators` and a way to read labels, so they are tested without a
 * browser.
 */
import type {
  ActorCentrality,
  CentralityResult,
  Island,
  IntegrationIndicators,
  OrganisationInternalLinks,
  OrganisationMatrix,
  OrganisationPair,
  ValueFeed,
} from '@circleboard/shared'

/** One finding of the panel. */
export type Finding =
  | { readonly kind: 'element'; readonly id: string }
  | { readonly kind: 'feed'; readonly feed: ValueFeed }
  | { readonly kind: 'pair'; readonly pair: OrganisationPair }
  | { readonly kind: 'internal'; readonly cell: OrganisationInternalLinks }
  | { readonly kind: 'actor'; readonly actor: ActorCentrality }
  | { readonly kind: 'island'; readonly island: Island }

/** What a click on a finding selects. */
export interface FindingSelection {
  readonly elements: readonly string[]
  readonly links: readonly string[]
}

/** The elements and links a finding is about. */
export function findingSelection(finding: Finding): FindingSelection {
  switch (finding.kind) {
    case 'element':
      return { elements: [finding.id], links: [] }
    case 'feed':
      return { elements: finding.feed.elementIds, links: finding.feed.linkIds }
    case 'pair':
      return { elements: finding.pair.elementIds, links: finding.pair.linkIds }
    case 'internal':
      return { elements: finding.cell.elementIds, links: finding.cell.linkIds }
    case 'actor':
      return { elements: finding.actor.elementIds, links: [] }
    case 'island':
      return { elements: finding.island.elementIds, links: [] }
  }
}

/** The gap lists, in the order the panel shows them. */
export const GAP_LISTS = [
  'resourcesContributingToNoValue',
  'valuesNoResourceContributesTo',
  'actorsProvidingNothing',
  'organisationsWithoutLinks',
] as const

/** One of `GAP_LISTS`. */
export type GapList = (typeof GAP_LISTS)[number]

/** The findings of one gap list. */
export function gapFindings(indicators: IntegrationIndicators, list: GapList): Finding[] {
  return indicators[list].map((id) => ({ kind: 'element' as const, id }))
}

/** A cell of the organisation matrix table. */
export interface MatrixCell {
  /** Links between the row's and the column's organisation (inside it, on the diagonal). */
  readonly count: number
  readonly finding: Finding | null
}

/** The organisation matrix as table rows, organisations in label order. */
export interface MatrixTable {
  readonly organisations: readonly { readonly id: string; readonly label: string }[]
  readonly rows: readonly (readonly MatrixCell[])[]
}

// Swedish collation sorts å, ä, ö after z, as the people of a Swedish circle expect; English is unaffected.
// Made on first use (a collator loads the locale's collation data).
let svCollator: Intl.Collator | null = null
const collator = (): Intl.Collator =>
  (svCollator ??= new Intl.Collator('sv', { sensitivity: 'base', numeric: true }))

/** The matrix as rows and columns in the order of `label` (then id). */
export function matrixTable(matrix: OrganisationMatrix, label: (id: string) => string): MatrixTable {
  const organisations = matrix.organisationIds
    .map((id) => ({ id, label: label(id) }))
    .sort((a, b) => collator().compare(a.label, b.label) || (a.id < b.id ? -1 : 1))
  const position = new Map(organisations.map((o, i) => [o.id, i]))
  const rows: MatrixCell[][] = organisations.map(() => organisations.map(() => ({ count: 0, finding: null })))
  for (const pair of matrix.pairs) {
    const a = position.get(pair.organisationIds[0])
    const b = position.get(pair.organisationIds[1])
    if (a === undefined || b === undefined) continue
    const cell: MatrixCell = { count: pair.count, finding: { kind: 'pair', pair } }
    rows[a]![b] = cell
    rows[b]![a] = cell
  }
  for (const internal of matrix.internal) {
    const a = position.get(internal.organisationId)
    if (a !== undefined)
      rows[a]![a] = { count: internal.count, finding: { kind: 'internal', cell: internal } }
  }
  return { organisations, rows }
}

/** How actors are ranked. */
export type ActorRanking = 'betweenness' | 'degree'

/** Actors, most central first; ties by the other measure, then by label. */
export function rankActors(
  centrality: CentralityResult,
  by: ActorRanking,
  label: (id: string) => string,
): ActorCentrality[] {
  const primary = (a: ActorCentrality): number => (by === 'betweenness' ? a.betweenness : a.degree)
  const secondary = (a: ActorCentrality): number => (by === 'betweenness' ? a.degree : a.betweenness)
  return [...centrality.actors].sort(
    (a, b) =>
      primary(b) - primary(a) ||
      secondary(b) - secondary(a) ||
      collator().compare(label(a.actorId), label(b.actorId)) ||
      (a.actorId < b.actorId ? -1 : 1),
  )
}

/** Value outcomes, those fed by the fewest organisations first (the gaps first), then by label. */
export function feedsByReach(feeds: readonly ValueFeed[], label: (id: string) => string): ValueFeed[] {
  return [...feeds].sort(
    (a, b) =>
      a.count - b.count ||
      collator().compare(label(a.valueId), label(b.valueId)) ||
      (a.valueId < b.valueId ? -1 : 1),
  )
}

/** The islands (connected parts of the map), largest first, as findings. */
export function islandFindings(indicators: IntegrationIndicators): Finding[] {
  return indicators.components.map((island) => ({ kind: 'island' as const, island }))
}

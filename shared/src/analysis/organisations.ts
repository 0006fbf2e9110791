/**
 * Who stands behind each element of the map, and what that says about integration between organisations.
 *
 * Attribution (the fixture README's rule, made general):
 * - an organisation actor stands for itself;
 * - a role, person or group actor belongs to the organisation its `org` names, when `org` is the id of an
 *   organisation actor on the board (a missing or non-organisation `org` attributes it to none);
 * - the service user belongs to no organisation, whatever its `org` says;
 * - a resource belongs to the organisations of the actors that `provide` it (several when it is provided
 *   jointly); its own `org` field is not used, as in the README's definition;
 * - value outcomes, barriers, notes and arenas belong to no organisation.
 */
import type { MapIndex } from './mapIndex.js'

const EMPTY: readonly number[] = Object.freeze([])

/** Actors and organisations behind each element, by element index. Internal to analysis. */
export interface Attribution {
  /** An actor itself; for a resource, the actors that provide it (ascending); otherwise empty. */
  readonly actorsBehind: readonly (readonly number[])[]
  /** The organisation actors an element is attributed to (ascending), by the rules above. */
  readonly organisationsBehind: readonly (readonly number[])[]
  /** Element indices of all organisation actors, ascending (= id order). */
  readonly organisations: readonly number[]
  /** For an actor: its organisation's element index, or -1 (service user, no or unknown `org`). */
  readonly organisationOfActor: Int32Array
}

/** Works out who stands behind every element, from `org` fields and `provides` links. */
export function attribute(index: MapIndex): Attribution {
  const { elements, indexOf, links, linkFrom, linkTo } = index
  const n = elements.length
  const organisationOfActor = new Int32Array(n).fill(-1)
  const organisations: number[] = []
  for (let i = 0; i < n; i++) {
    const e = elements[i]!
    if (e.type === 'actor' && e.kind === 'organization') {
      organisationOfActor[i] = i
      organisations.push(i)
    }
  }
  for (let i = 0; i < n; i++) {
    const e = elements[i]!
    if (e.type !== 'actor' || e.kind === 'organization' || e.kind === 'service-user') continue
    const j = typeof e.org === 'string' ? indexOf.get(e.org) : undefined
    if (j !== undefined && organisationOfActor[j] === j) organisationOfActor[i] = j
  }

  const providers = new Map<number, number[]>()
  for (let k = 0; k < links.length; k++) {
    if (links[k]!.kind !== 'provides') continue
    const a = linkFrom[k]!
    const r = linkTo[k]!
    if (elements[a]!.type !== 'actor' || elements[r]!.type !== 'resource') continue
    const list = providers.get(r)
    if (list === undefined) providers.set(r, [a])
    else if (!list.includes(a)) list.push(a)
  }

  const actorsBehind: (readonly number[])[] = new Array<readonly number[]>(n)
  const organisationsBehind: (readonly number[])[] = new Array<readonly number[]>(n)
  for (let i = 0; i < n; i++) {
    const e = elements[i]!
    if (e.type === 'actor') {
      actorsBehind[i] = [i]
      const o = organisationOfActor[i]!
      organisationsBehind[i] = o >= 0 ? [o] : EMPTY
    } else if (e.type === 'resource' && providers.has(i)) {
      const list = providers.get(i)!.sort((a, b) => a - b)
      actorsBehind[i] = list
      const orgs: number[] = []
      for (const a of list) {
        const o = organisationOfActor[a]!
        if (o >= 0 && !orgs.includes(o)) orgs.push(o)
      }
      organisationsBehind[i] = orgs.length > 0 ? orgs.sort((a, b) => a - b) : EMPTY
    } else {
      actorsBehind[i] = EMPTY
      organisationsBehind[i] = EMPTY
    }
  }
  return { actorsBehind, organisationsBehind, organisations, organisationOfActor }
}

/** Links between the elements of two organisations: one cell of the organisation matrix. */
export interface OrganisationPair {
  /** The two organisations, in id order. */
  readonly organisationIds: readonly [string, string]
  /** Number of links, each counted once for the pair. */
  readonly count: number
  readonly linkIds: readonly string[]
  /** The two organisations and the elements at both ends of the links, for highlighting. */
  readonly elementIds: readonly string[]
}

/** Links inside one organisation (both ends attributed to it): the matrix's diagonal. */
export interface OrganisationInternalLinks {
  readonly organisationId: string
  readonly count: number
  readonly linkIds: readonly string[]
  readonly elementIds: readonly string[]
}

/**
 * Who integrates with whom. A link counts for the pair of organisations {A, B} (A ≠ B) when one end is
 * attributed to A and the other to B; any link kind counts, in either direction, and a link counts at most
 * once per pair (a jointly provided resource can put one link in several cells). Both ends attributed to
 * the same organisation make it internal. Role membership (`org`) is attribution, not a link.
 */
export interface OrganisationMatrix {
  /** All organisation actors, in id order: the rows and columns. */
  readonly organisationIds: readonly string[]
  /** Non-empty cells between two different organisations, in id order of the pair. */
  readonly pairs: readonly OrganisationPair[]
  /** Non-empty diagonal cells, in id order. */
  readonly internal: readonly OrganisationInternalLinks[]
}

function sortedIds(index: MapIndex, indices: Iterable<number>): string[] {
  // Element indices are in id order, so sorting indices sorts ids.
  return Array.from(new Set(indices))
    .sort((a, b) => a - b)
    .map((i) => index.elements[i]!.id)
}

/** The organisation x organisation matrix of links (see `OrganisationMatrix`). */
export function organisationMatrix(index: MapIndex, attribution: Attribution): OrganisationMatrix {
  const { links, linkFrom, linkTo, elements } = index
  const n = elements.length
  const cells = new Map<number, number[]>()
  for (let k = 0; k < links.length; k++) {
    const f = attribution.organisationsBehind[linkFrom[k]!]!
    const t = attribution.organisationsBehind[linkTo[k]!]!
    if (f.length === 0 || t.length === 0) continue
    for (const a of f) {
      for (const b of t) {
        const key = a < b ? a * n + b : b * n + a
        const list = cells.get(key)
        if (list === undefined) cells.set(key, [k])
        else if (list[list.length - 1] !== k) list.push(k)
      }
    }
  }
  const pairs: OrganisationPair[] = []
  const internal: OrganisationInternalLinks[] = []
  for (const key of Array.from(cells.keys()).sort((x, y) => x - y)) {
    const a = Math.floor(key / n)
    const b = key % n
    const linkIndices = cells.get(key)!
    const ends: number[] = [a, b]
    for (const k of linkIndices) ends.push(linkFrom[k]!, linkTo[k]!)
    const linkIds = linkIndices.map((k) => links[k]!.id)
    const elementIds = sortedIds(index, ends)
    if (a === b) {
      internal.push({ organisationId: elements[a]!.id, count: linkIds.length, linkIds, elementIds })
    } else {
      const organisationIds: [string, string] = [elements[a]!.id, elements[b]!.id]
      pairs.push({ organisationIds, count: linkIds.length, linkIds, elementIds })
    }
  }
  return {
    organisationIds: attribution.organisations.map((i) => elements[i]!.id),
    pairs,
    internal,
  }
}

/** The matrix as dense symmetric rows in `organisationIds` order, internal links on the diagonal. */
export function organisationMatrixRows(matrix: OrganisationMatrix): number[][] {
  const position = new Map(matrix.organisationIds.map((id, i) => [id, i]))
  const rows = matrix.organisationIds.map(() => new Array<number>(matrix.organisationIds.length).fill(0))
  for (const { organisationIds, count } of matrix.pairs) {
    const a = position.get(organisationIds[0])
    const b = position.get(organisationIds[1])
    if (a === undefined || b === undefined) continue
    rows[a]![b] = count
    rows[b]![a] = count
  }
  for (const { organisationId, count } of matrix.internal) {
    const a = position.get(organisationId)
    if (a !== undefined) rows[a]![a] = count
  }
  return rows
}

/** Organisations with no cell in the matrix other than their own diagonal, in id order. */
export function organisationsWithoutLinks(matrix: OrganisationMatrix): string[] {
  const linked = new Set<string>()
  for (const { organisationIds } of matrix.pairs) {
    linked.add(organisationIds[0])
    linked.add(organisationIds[1])
  }
  return matrix.organisationIds.filter((id) => !linked.has(id))
}

/** The organisations whose resources contribute to one value outcome. */
export interface ValueFeed {
  readonly valueId: string
  /** In id order. */
  readonly organisationIds: readonly string[]
  /** Number of organisations. */
  readonly count: number
  /** Resources with a `contributes` link to the value, in id order (with or without an organisation). */
  readonly resourceIds: readonly string[]
  /** Those `contributes` links. */
  readonly linkIds: readonly string[]
  /** The value outcome, its contributing resources and their organisations, for highlighting. */
  readonly elementIds: readonly string[]
}

/** For each value outcome (in id order), the organisations whose resources contribute to it. */
export function organisationsFeedingEachValue(index: MapIndex, attribution: Attribution): ValueFeed[] {
  const { elements, links, linkFrom, linkTo } = index
  const incoming = new Map<number, number[]>()
  for (let k = 0; k < links.length; k++) {
    if (links[k]!.kind !== 'contributes') continue
    const r = linkFrom[k]!
    const v = linkTo[k]!
    if (elements[r]!.type !== 'resource' || elements[v]!.type !== 'value') continue
    const list = incoming.get(v)
    if (list === undefined) incoming.set(v, [k])
    else list.push(k)
  }
  const feeds: ValueFeed[] = []
  for (let v = 0; v < elements.length; v++) {
    if (elements[v]!.type !== 'value') continue
    const linkIndices = incoming.get(v) ?? []
    const resources = linkIndices.map((k) => linkFrom[k]!)
    const organisations = resources.flatMap((r) => attribution.organisationsBehind[r]!)
    const organisationIds = sortedIds(index, organisations)
    feeds.push({
      valueId: elements[v]!.id,
      organisationIds,
      count: organisationIds.length,
      resourceIds: sortedIds(index, resources),
      linkIds: linkIndices.map((k) => links[k]!.id),
      elementIds: sortedIds(index, [v, ...resources, ...organisations]),
    })
  }
  return feeds
}

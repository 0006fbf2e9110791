import { describe, expect, it } from 'vitest'
import { headlineIndicators, integrationIndicators } from '../../src/analysis/indicators.js'
import { organisationMatrixRows } from '../../src/analysis/organisations.js'
import { fixtureBoard } from './fixtureBoard.js'

describe('the example board (shared/fixtures/samordningsforbund.json)', () => {
  const { board, expected } = fixtureBoard()
  const result = integrationIndicators(board)

  it('reproduces the fixture expected gap lists exactly', () => {
    expect(result.resourcesContributingToNoValue).toEqual(expected.resources_contributing_to_no_value)
    expect(result.valuesNoResourceContributesTo).toEqual(expected.values_no_resource_contributes_to)
    expect(result.actorsProvidingNothing).toEqual(expected.actors_providing_nothing)
  })

  it('reproduces the organisations feeding each value outcome exactly, with their counts', () => {
    const byValue = Object.fromEntries(
      result.organisationsFeedingEachValue.map((f) => [f.valueId, f.organisationIds]),
    )
    expect(byValue).toEqual(expected.organisations_feeding_each_value)
    for (const feed of result.organisationsFeedingEachValue) {
      expect(feed.count).toBe(expected.organisations_feeding_each_value[feed.valueId]!.length)
    }
  })

  it('reproduces the counts exactly', () => {
    expect(result.counts.elements).toBe(expected.counts.elements)
    expect(result.counts.links).toBe(expected.counts.links)
    expect(result.counts.byType).toEqual(expected.counts.by_type)
    expect(result.counts.byKind.actor).toEqual({
      organization: 8,
      role: 7,
      person: 0,
      group: 0,
      'service-user': 1,
    })
    expect(result.counts.linksByKind).toEqual({
      provides: 14,
      integrates: 3,
      contributes: 15,
      collaborates: 4,
      coordinates: 4,
      hinders: 5,
      relates: 0,
    })
    expect(result.ignored).toEqual({ elements: [], invalidLinks: [], danglingLinks: [], selfLinks: [] })
  })

  it('carries the elements behind each value feed', () => {
    const tillit = result.organisationsFeedingEachValue.find((f) => f.valueId === 'v-tillit')!
    expect(tillit.resourceIds).toEqual(['r-forskning', 'r-mandat'])
    // r-forskning is provided by the researcher role, whose organisation is the university.
    expect(tillit.elementIds).toEqual(['o-forbund', 'o-universitet', 'r-forskning', 'r-mandat', 'v-tillit'])
    expect(tillit.linkIds).toHaveLength(2)
    const larande = result.organisationsFeedingEachValue.find((f) => f.valueId === 'v-larande')!
    expect(larande).toMatchObject({ count: 0, resourceIds: [], linkIds: [], elementIds: ['v-larande'] })
  })

  it('finds the one organisation linked to no other: the service-user association', () => {
    // The adult-education school has no direct link, but its resource r-studier integrates with the
    // employment service's r-arbetsmarknad: that is integration between the two organisations.
    expect(result.organisationsWithoutLinks).toEqual(['o-brukarorg'])
    const pair = result.organisationMatrix.pairs.find(
      (p) => p.organisationIds[0] === 'o-af' && p.organisationIds[1] === 'o-skola',
    )
    expect(pair?.count).toBe(1)
  })

  it('counts links between organisations through their roles and resources', () => {
    const m = result.organisationMatrix
    expect(m.organisationIds).toEqual([
      'o-af',
      'o-brukarorg',
      'o-fk',
      'o-forbund',
      'o-kommun',
      'o-region',
      'o-skola',
      'o-universitet',
    ])
    const cell = (a: string, b: string): number =>
      m.pairs.find((p) => p.organisationIds[0] === a && p.organisationIds[1] === b)?.count ?? 0
    // The coordinator (förbundet) coordinates one role of each of the four authorities.
    expect(cell('o-forbund', 'o-kommun')).toBe(1)
    expect(cell('o-af', 'o-forbund')).toBe(1)
    expect(cell('o-fk', 'o-forbund')).toBe(1)
    expect(cell('o-forbund', 'o-region')).toBe(1)
    // Direct collaborations.
    expect(cell('o-kommun', 'o-region')).toBe(1)
    expect(cell('o-af', 'o-kommun')).toBe(1)
    // collaborates o-af/o-fk, and r-bedomning (region) integrates r-ersattning (fk) is region/fk.
    expect(cell('o-af', 'o-fk')).toBe(1)
    expect(cell('o-fk', 'o-region')).toBe(1)
    expect(cell('o-forbund', 'o-universitet')).toBe(1)
    expect(m.pairs).toHaveLength(10)
    // Internal: every provides link of an organisation or of its role, and nothing else here.
    const internal = Object.fromEntries(m.internal.map((i) => [i.organisationId, i.count]))
    expect(internal).toEqual({
      'o-af': 2,
      'o-fk': 1,
      'o-forbund': 4,
      'o-kommun': 2,
      'o-region': 2,
      'o-skola': 1,
      'o-universitet': 1,
    })
    const rows = organisationMatrixRows(m)
    expect(rows).toHaveLength(8)
    expect(rows[3]![4]).toBe(1)
    expect(rows[4]![3]).toBe(1)
    expect(rows[3]![3]).toBe(4)
  })

  it('makes the coordinator the broker of the actor network', () => {
    const c = result.centrality!
    expect(c.betweennessExact).toBe(true)
    const top = [...c.actors].sort((a, b) => b.betweenness - a.betweenness)[0]!
    expect(top.actorId).toBe('p-samordnare')
    const brukarorg = c.actors.find((a) => a.actorId === 'o-brukarorg')!
    expect(brukarorg).toMatchObject({ degree: 0, degreeCentrality: 0, actorNeighbours: 0, betweenness: 0 })
    const samordnare = c.actors.find((a) => a.actorId === 'p-samordnare')!
    // Links: r-samordnartid and four coordinated roles (membership in förbundet is not a map link).
    expect(samordnare.degree).toBe(5)
    expect(samordnare.degreeCentrality).toBeCloseTo(5 / 47, 12)
    // Four coordinated roles, its organisation, and u-brukaren (r-livssituation integrates r-samordnartid).
    expect(samordnare.actorNeighbours).toBe(6)
  })

  it('lists islands largest first', () => {
    const sizes = result.components.map((c) => c.size)
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a))
    // Three notes, o-brukarorg, v-larande and the project manager (a role with no link: membership is
    // attribution, not a link) stand alone; the three unlinked arenas are frames, not islands.
    const singles = result.components.filter((c) => c.size === 1).flatMap((c) => c.elementIds)
    expect(singles.sort()).toEqual([
      'n-ledarskap',
      'n-manualer',
      'n-vemager',
      'o-brukarorg',
      'p-projektledare',
      'v-larande',
    ])
    const inComponents = result.components.reduce((s, c) => s + c.size, 0)
    expect(inComponents).toBe(48 - 3)
    expect(headlineIndicators(result)).toMatchObject({
      elements: 48,
      links: 45,
      organisations: 8,
      organisationsWithoutLinks: 1,
      organisationPairs: 10,
      isolatedElements: 6,
    })
  })
})

import { describe, expect, it } from 'vitest'
import { integrationIndicators } from '../../src/analysis/indicators.js'
import { organisationMatrixRows } from '../../src/analysis/organisations.js'
import { board, element, link, org, resource, role, user, value } from './boards.js'

describe('organisations feeding each value outcome', () => {
  it('attributes a resource to the organisation that provides it, or to the organisation of the role that does', () => {
    const b = board({
      elements: [
        org('Kommun'),
        org('Region'),
        role('Socialsekreterare', 'Kommun'),
        element('Team', 'actor', 'group', { org: 'Region' }),
        element('Anna', 'actor', 'person', { org: 'Region' }),
        resource('r1'),
        resource('r2'),
        resource('r3'),
        value('v'),
      ],
      links: [
        link('Socialsekreterare', 'provides', 'r1'),
        link('Team', 'provides', 'r2'),
        link('Anna', 'provides', 'r3'),
        link('r1', 'contributes', 'v'),
        link('r2', 'contributes', 'v'),
        link('r3', 'contributes', 'v'),
      ],
    })
    const [feed] = integrationIndicators(b).organisationsFeedingEachValue
    expect(feed).toEqual({
      valueId: 'v',
      organisationIds: ['Kommun', 'Region'],
      count: 2,
      resourceIds: ['r1', 'r2', 'r3'],
      linkIds: ['r1-contributes-v', 'r2-contributes-v', 'r3-contributes-v'],
      elementIds: ['Kommun', 'Region', 'r1', 'r2', 'r3', 'v'],
    })
  })

  it('gives the service user no organisation, even with an org field, and ignores unknown orgs', () => {
    const b = board({
      elements: [
        org('O'),
        user('U', { org: 'O' }),
        role('R', 'nowhere'),
        role('S', 'r2'),
        resource('r1'),
        resource('r2'),
        resource('r3'),
        resource('orphan', { org: 'O' }),
        value('v'),
      ],
      links: [
        link('U', 'provides', 'r1'),
        link('R', 'provides', 'r2'),
        link('S', 'provides', 'r3'),
        link('r1', 'contributes', 'v'),
        link('r2', 'contributes', 'v'),
        link('r3', 'contributes', 'v'),
        // A resource's own org is not how it is attributed (the README's rule): only who provides it.
        link('orphan', 'contributes', 'v'),
      ],
    })
    const [feed] = integrationIndicators(b).organisationsFeedingEachValue
    expect(feed).toMatchObject({ organisationIds: [], count: 0, resourceIds: ['orphan', 'r1', 'r2', 'r3'] })
  })

  it('lists each organisation once, however many of its resources contribute, and counts jointly provided resources for both', () => {
    const b = board({
      elements: [
        org('A'),
        org('B'),
        role('A1', 'A'),
        resource('r1'),
        resource('r2'),
        resource('joint'),
        value('v'),
      ],
      links: [
        link('A', 'provides', 'r1'),
        link('A1', 'provides', 'r2'),
        link('A', 'provides', 'joint'),
        link('B', 'provides', 'joint'),
        link('r1', 'contributes', 'v'),
        link('r2', 'contributes', 'v'),
        link('joint', 'contributes', 'v'),
        // A second contributes link from the same resource changes nothing.
        link('r1', 'contributes', 'v', { id: 'again' }),
      ],
    })
    const [feed] = integrationIndicators(b).organisationsFeedingEachValue
    expect(feed).toMatchObject({ organisationIds: ['A', 'B'], count: 2, resourceIds: ['joint', 'r1', 'r2'] })
    expect(feed!.linkIds).toHaveLength(4)
  })

  it('only counts contributes links from a resource to a value outcome', () => {
    const b = board({
      elements: [org('A'), resource('r'), value('v')],
      links: [link('A', 'provides', 'r'), link('A', 'contributes', 'v'), link('r', 'relates', 'v')],
    })
    expect(integrationIndicators(b).organisationsFeedingEachValue[0]).toMatchObject({
      count: 0,
      resourceIds: [],
    })
  })
})

describe('the organisation matrix and organisations without links', () => {
  it('counts every link between two organisations once, in either direction, through roles and resources', () => {
    const b = board({
      elements: [org('A'), org('B'), role('a', 'A'), role('b', 'B'), resource('ra'), resource('rb')],
      links: [
        link('A', 'collaborates', 'B'),
        link('b', 'coordinates', 'a'),
        link('A', 'provides', 'ra'),
        link('b', 'provides', 'rb'),
        link('rb', 'integrates', 'ra'),
        link('a', 'hinders', 'rb'),
      ],
    })
    const m = integrationIndicators(b).organisationMatrix
    expect(m.pairs).toEqual([
      {
        organisationIds: ['A', 'B'],
        count: 4,
        linkIds: ['A-collaborates-B', 'a-hinders-rb', 'b-coordinates-a', 'rb-integrates-ra'],
        elementIds: ['A', 'B', 'a', 'b', 'ra', 'rb'],
      },
    ])
    expect(m.internal).toEqual([
      { organisationId: 'A', count: 1, linkIds: ['A-provides-ra'], elementIds: ['A', 'ra'] },
      { organisationId: 'B', count: 1, linkIds: ['b-provides-rb'], elementIds: ['B', 'b', 'rb'] },
    ])
    expect(organisationMatrixRows(m)).toEqual([
      [1, 4],
      [4, 1],
    ])
  })

  it('puts the provides link of a jointly provided resource between its co-providers', () => {
    const b = board({
      elements: [org('A'), org('B'), org('C'), resource('premises')],
      links: [link('A', 'provides', 'premises'), link('B', 'provides', 'premises')],
    })
    const r = integrationIndicators(b)
    // Each provides link has A (or B) at one end and the resource of {A, B} at the other.
    expect(r.organisationMatrix.pairs).toEqual([
      expect.objectContaining({ organisationIds: ['A', 'B'], count: 2 }),
    ])
    expect(r.organisationsWithoutLinks).toEqual(['C'])
  })

  it('does not link organisations through value outcomes, barriers, notes or the service user', () => {
    const b = board({
      elements: [
        org('A'),
        org('B'),
        resource('ra'),
        resource('rb'),
        value('v'),
        element('silo', 'barrier', 'other'),
        element('note', 'note', 'other'),
        user('U'),
      ],
      links: [
        link('A', 'provides', 'ra'),
        link('B', 'provides', 'rb'),
        link('ra', 'contributes', 'v'),
        link('rb', 'contributes', 'v'),
        link('silo', 'hinders', 'A'),
        link('silo', 'hinders', 'B'),
        link('note', 'relates', 'A'),
        link('note', 'relates', 'B'),
        link('U', 'collaborates', 'A'),
        link('U', 'collaborates', 'B'),
      ],
    })
    const r = integrationIndicators(b)
    expect(r.organisationMatrix.pairs).toEqual([])
    expect(r.organisationsWithoutLinks).toEqual(['A', 'B'])
  })

  it('keeps only organisation actors as rows, and lists organisations linked only internally', () => {
    const b = board({
      elements: [
        org('A'),
        org('B'),
        role('a1', 'A'),
        role('a2', 'A'),
        org('Solo'),
        element('p', 'actor', 'person'),
      ],
      links: [link('a1', 'collaborates', 'a2'), link('p', 'collaborates', 'Solo')],
    })
    const r = integrationIndicators(b)
    expect(r.organisationMatrix.organisationIds).toEqual(['A', 'B', 'Solo'])
    expect(r.organisationMatrix.internal).toEqual([
      { organisationId: 'A', count: 1, linkIds: ['a1-collaborates-a2'], elementIds: ['A', 'a1', 'a2'] },
    ])
    expect(r.organisationsWithoutLinks).toEqual(['A', 'B', 'Solo'])
  })

  it('does not count membership as a link, nor roles whose org is missing or not an organisation', () => {
    const b = board({
      elements: [org('O'), role('R1', 'missing'), role('R2', 'r'), resource('r'), role('R3', 'O')],
      links: [link('R1', 'provides', 'r'), link('R3', 'collaborates', 'R2')],
    })
    const m = integrationIndicators(b).organisationMatrix
    expect(m.internal).toEqual([])
    expect(m.pairs).toEqual([])
  })
})

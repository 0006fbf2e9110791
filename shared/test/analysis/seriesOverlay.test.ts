import { describe, expect, it } from 'vitest'
import { OVERLAY_INDICATORS, overlayValues } from '../../src/analysis/overlay.js'
import type { OverlayIndicator } from '../../src/analysis/overlay.js'
import { indicatorSeries } from '../../src/analysis/series.js'
import { board, element, link, org, resource, value } from './boards.js'
import { domainBoard } from './generateBoard.js'

const meeting1 = board({ elements: [org('A'), resource('r')], links: [link('A', 'provides', 'r')] })
const meeting2 = board({
  elements: [org('A'), org('B'), resource('r'), value('v')],
  links: [link('A', 'provides', 'r'), link('r', 'contributes', 'v')],
})
const meeting3 = board({
  elements: [org('A'), org('B'), resource('r'), value('v')],
  links: [link('A', 'provides', 'r'), link('r', 'contributes', 'v'), link('A', 'collaborates', 'B')],
})

describe('indicatorSeries', () => {
  it('gives the headline indicators per snapshot in time order', () => {
    const series = indicatorSeries([
      { label: 'after meeting 3', meeting: 3, takenAt: 3000, board: meeting3 },
      { label: 'after meeting 1', meeting: 1, takenAt: 1000, board: meeting1 },
      { label: 'after meeting 2', meeting: 2, takenAt: 2000, board: meeting2 },
    ])
    expect(series.map((p) => p.label)).toEqual(['after meeting 1', 'after meeting 2', 'after meeting 3'])
    expect(series.map((p) => p.resourcesContributingToNoValue)).toEqual([1, 0, 0])
    expect(series.map((p) => p.actorsProvidingNothing)).toEqual([0, 1, 1])
    expect(series.map((p) => p.organisationsWithoutLinks)).toEqual([1, 2, 0])
    expect(series.map((p) => p.crossOrganisationLinks)).toEqual([0, 0, 1])
    expect(series[2]).toEqual({
      label: 'after meeting 3',
      meeting: 3,
      takenAt: 3000,
      elements: 4,
      links: 3,
      actors: 2,
      organisations: 2,
      resources: 1,
      values: 1,
      resourcesContributingToNoValue: 0,
      valuesNoResourceContributesTo: 0,
      actorsProvidingNothing: 1,
      organisationsWithoutLinks: 0,
      organisationPairs: 1,
      crossOrganisationLinks: 1,
      components: 1,
      isolatedElements: 0,
      largestComponent: 4,
    })
  })

  it('breaks ties in time by meeting number, then keeps the given order; bad times sort last', () => {
    const series = indicatorSeries([
      { label: 'x', meeting: null, takenAt: Number.NaN, board: meeting1 },
      { label: 'b', meeting: 2, takenAt: 5, board: meeting1 },
      { label: 'c', meeting: null, takenAt: 5, board: meeting1 },
      { label: 'a', meeting: 1, takenAt: 5, board: meeting1 },
      { label: 'd', meeting: null, takenAt: 5, board: meeting1 },
    ])
    expect(series.map((p) => p.label)).toEqual(['a', 'b', 'c', 'd', 'x'])
    expect(indicatorSeries([])).toEqual([])
  })
})

describe('overlayValues', () => {
  const b = board({
    elements: [org('A'), org('B'), org('C'), resource('r'), value('v'), element('frame', 'arena', 'other')],
    links: [link('A', 'collaborates', 'B'), link('B', 'collaborates', 'C'), link('A', 'provides', 'r')],
  })

  it('scales degree to the largest degree', () => {
    const o = overlayValues(b, 'degree')
    expect(o.max).toBe(2)
    expect(o.values.get('A')).toEqual({ raw: 2, weight: 1 })
    expect(o.values.get('C')).toEqual({ raw: 1, weight: 0.5 })
    expect(o.values.get('v')).toEqual({ raw: 0, weight: 0 })
    expect(o.values.size).toBe(6)
  })

  it('gives betweenness for actors only', () => {
    const o = overlayValues(b, 'betweenness')
    expect([...o.values.keys()]).toEqual(['A', 'B', 'C'])
    expect(o.values.get('B')).toEqual({ raw: 1, weight: 1 })
    expect(o.values.get('A')).toEqual({ raw: 0, weight: 0 })
    expect(o.exact).toBe(true)
  })

  it('marks unlinked elements as isolated, but not an unlinked arena', () => {
    const o = overlayValues(b, 'isolated')
    expect(o.values.get('v')).toEqual({ raw: 1, weight: 1 })
    expect(o.values.get('A')).toEqual({ raw: 0, weight: 0 })
    expect(o.values.has('frame')).toBe(false)
  })

  it('marks every element a gap finding concerns', () => {
    const o = overlayValues(b, 'gaps')
    // r contributes to nothing; v receives nothing; B and C provide nothing; no organisation is unlinked.
    const marked = [...o.values].filter(([, v]) => v.weight === 1).map(([id]) => id)
    expect(marked).toEqual(['B', 'C', 'r', 'v'])
    const lonely = overlayValues(board({ elements: [org('O')] }), 'gaps')
    // Provides nothing and linked to no other organisation: two findings.
    expect(lonely.values.get('O')).toEqual({ raw: 2, weight: 1 })
  })

  it('is empty on an empty board and for an indicator it does not know', () => {
    for (const indicator of OVERLAY_INDICATORS) {
      expect(overlayValues(board({}), indicator)).toEqual({
        indicator,
        values: new Map(),
        max: 0,
        exact: true,
      })
    }
    expect(overlayValues(b, 'colour' as OverlayIndicator).values.size).toBe(0)
  })

  it('runs on a board of thousands of elements', () => {
    const big = domainBoard(3000, 3000, 2)
    for (const indicator of OVERLAY_INDICATORS) {
      const o = overlayValues(big, indicator)
      for (const v of o.values.values()) {
        expect(v.weight).toBeGreaterThanOrEqual(0)
        expect(v.weight).toBeLessThanOrEqual(1)
      }
    }
  })
})

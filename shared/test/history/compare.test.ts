import { describe, expect, it } from 'vitest'
import { compareBoards, isEmptyDiff } from '../../src/history/compare.js'
import {
  describeElementChange,
  describeElementFieldChange,
  describeLink,
  describeLinkChange,
} from '../../src/history/describe.js'
import type { BoardData, ElementData, LinkData } from '../../src/model/types.js'
import { boardAtMeeting, emptyBoard, fixtureBoard } from '../export/fixtureData.js'

/** `board` with one element replaced by `patch` applied to it. */
function withElement(board: BoardData, id: string, patch: Partial<ElementData>): BoardData {
  return { ...board, elements: board.elements.map((e) => (e.id === id ? { ...e, ...patch } : e)) }
}

function withLink(board: BoardData, id: string, patch: Partial<LinkData>): BoardData {
  return { ...board, links: board.links.map((l) => (l.id === id ? { ...l, ...patch } : l)) }
}

const board = fixtureBoard('en')

describe('compareBoards', () => {
  it('finds nothing between a board and a copy of it', () => {
    const diff = compareBoards(board, structuredClone(board))
    expect(isEmptyDiff(diff)).toBe(true)
    expect(diff.elements).toEqual({ added: [], removed: [], changed: [] })
    expect(diff.links).toEqual({ added: [], removed: [], changed: [] })
    expect(compareBoards(emptyBoard(), emptyBoard()).summary.total).toBe(0)
  })

  it('lists what meeting 4 added, in a stable order by type (ELEMENT_TYPES order) then label', () => {
    const diff = compareBoards(boardAtMeeting(board, 3), board)
    expect(diff.elements.added.map((e) => e.id)).toEqual([
      'o-brukarorg',
      'v-larande',
      'n-ledarskap',
      'b-omsattning',
    ])
    expect(diff.links.added.map((l) => [l.from, l.kind, l.to])).toEqual([
      ['b-omsattning', 'hinders', 'r-handledning'],
    ])
    expect(diff.summary).toEqual({
      elementsAdded: 4,
      elementsRemoved: 0,
      elementsChanged: 0,
      linksAdded: 1,
      linksRemoved: 0,
      linksChanged: 0,
      total: 5,
    })
  })

  it('lists removed records when compared the other way', () => {
    const diff = compareBoards(board, boardAtMeeting(board, 3))
    expect(diff.elements.removed.map((e) => e.id)).toEqual([
      'o-brukarorg',
      'v-larande',
      'n-ledarskap',
      'b-omsattning',
    ])
    expect(diff.links.removed).toHaveLength(1)
    expect(diff.elements.added).toEqual([])
  })

  it('sees a moved, relabelled, retyped element as one changed element', () => {
    const moved = withElement(board, 'r-bistand', { x: 900, y: 40 })
    const after = withElement(moved, 'r-samordningsmedel', {
      type: 'actor',
      kind: 'organization',
      label: 'Coordination association funds',
    })
    const diff = compareBoards(board, after)
    expect(diff.summary).toMatchObject({ elementsChanged: 2, total: 2 })
    const [retyped, relocated] = diff.elements.changed
    expect(retyped?.id).toBe('r-samordningsmedel')
    expect(retyped?.changes).toEqual([
      { field: 'type', before: 'resource', after: 'actor' },
      { field: 'kind', before: 'funding', after: 'organization' },
      { field: 'label', before: 'Coordination funding', after: 'Coordination association funds' },
    ])
    expect(relocated?.changes).toEqual([
      { field: 'position', before: { x: 280, y: 360 }, after: { x: 900, y: 40 } },
    ])
  })

  it('sees link changes: kind, a reconnected end, a label', () => {
    const after = withLink(withLink(board, 'l-01', { kind: 'coordinates', label: 'each month' }), 'l-02', {
      to: 'r-handledning',
    })
    const diff = compareBoards(board, after)
    expect(diff.links.changed.map((c) => [c.id, c.changes])).toEqual([
      ['l-02', [{ field: 'to', before: 'r-bedomning', after: 'r-handledning' }]],
      [
        'l-01',
        [
          { field: 'kind', before: 'provides', after: 'coordinates' },
          { field: 'label', before: '', after: 'each month' },
        ],
      ],
    ])
  })

  it('ignores provenance, stacking, unknown fields and tag order unless asked', () => {
    const touched = withElement(board, 'u-brukaren', {
      updatedBy: 'person-saga',
      updatedAt: 1,
      updatedMeeting: 4,
      z: 'zz',
      tags: ['unga vuxna', 'brukarperspektiv'],
      extra: { mood: 'hopeful' },
    })
    expect(isEmptyDiff(compareBoards(board, touched))).toBe(true)
    const all = compareBoards(board, touched, {
      includeProvenance: true,
      includeStacking: true,
      includeExtra: true,
    })
    expect(all.elements.changed[0]?.changes.map((c) => c.field)).toEqual([
      'z',
      'extra',
      'updatedBy',
      'updatedAt',
      'updatedMeeting',
    ])
  })

  it('records tags added and removed, organisation and arena changes', () => {
    const after = withElement(board, 'p-samordnare', {
      tags: ['nyckelperson'],
      org: 'o-kommun',
      arena: null,
      color: '#1c7ed6',
      w: 260,
    })
    const changes = compareBoards(board, after).elements.changed[0]?.changes
    expect(changes).toEqual([
      { field: 'size', before: { w: 200, h: 80 }, after: { w: 260, h: 80 } },
      { field: 'org', before: 'o-forbund', after: 'o-kommun' },
      { field: 'arena', before: 'a-natverksmote', after: null },
      { field: 'color', before: null, after: '#1c7ed6' },
      { field: 'tags', before: [], after: ['nyckelperson'], added: ['nyckelperson'], removed: [] },
    ])
  })
})

describe('describing changes', () => {
  const after = withElement(
    withElement(board, 'r-samordningsmedel', { type: 'actor', kind: 'organization', label: 'Association' }),
    'r-bistand',
    { x: 1, label: 'Income support' },
  )
  const diff = compareBoards(board, after)

  it('in English', () => {
    const options = { lang: 'en' as const, before: board, after }
    expect(diff.elements.changed.map((c) => describeElementChange(c, options))).toEqual([
      'Actor “Association”: retyped from resource to actor, kind changed from funding to organisation, relabelled from “Coordination funding” to “Association”',
      'Resource “Income support”: relabelled from “Social assistance” to “Income support”, moved',
    ])
  })

  it('in Swedish', () => {
    const options = { lang: 'sv' as const, before: board, after }
    expect(diff.elements.changed.map((c) => describeElementChange(c, options))).toEqual([
      'Aktör ”Association”: typ ändrad från resurs till aktör, slag ändrat från finansiering till organisation, etiketten ändrad från ”Coordination funding” till ”Association”',
      'Resurs ”Income support”: etiketten ändrad från ”Social assistance” till ”Income support”, flyttad',
    ])
  })

  it('names organisations and link ends by label, with a custom quote', () => {
    const moved = withElement(board, 'p-samordnare', { org: null })
    const change = compareBoards(board, moved).elements.changed[0]
    const options = { lang: 'en' as const, before: board, after: moved, quote: (s: string) => `**${s}**` }
    expect(describeElementFieldChange(change!.changes[0]!, options)).toBe(
      'no longer belongs to **Financial coordination association**',
    )
    const relinked = withLink(board, 'l-01', { to: 'r-lokal', kind: 'contributes' })
    const linkChange = compareBoards(board, relinked).links.changed[0]!
    expect(describeLinkChange(linkChange, { lang: 'en', before: board, after: relinked })).toBe(
      '“Municipality (social services)” contributes to “Shared premises: one way in”: end reconnected from “Social assistance” to “Shared premises: one way in”, changed from “provides” to “contributes to”',
    )
    expect(describeLink(board.links[0]!, board, { lang: 'sv' })).toBe(
      '”Municipality (social services)” bidrar med ”Social assistance”',
    )
  })
})

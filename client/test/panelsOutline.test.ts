import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  DocName,
  addElement,
  connect,
  moveElements,
  relabelElement,
  type EditContext,
} from '@circleboard/shared'
import { BoardStore } from '../src/board/BoardStore.js'
import { FilterStore } from '../src/board/Filter.js'
import {
  OutlineModel,
  buildOutline,
  findStop,
  outlineStops,
  stopKey,
  type OutlineElementItem,
  type OutlineItem,
} from '../src/panels/outlineModel.js'
import {
  ITEM_HEAD_PX,
  LINK_LINE_PX,
  layoutItems,
  stopTop,
  visibleRange,
} from '../src/panels/outlineLayout.js'
import { linkLineText, typeText } from '../src/panels/words.js'

const ctx: EditContext = { personId: 'p1', meeting: null }

function smallBoard() {
  const doc = new Y.Doc()
  const value = addElement(doc, { type: 'value', x: 600, y: 0, label: 'Better everyday life' }, ctx)
  const resource = addElement(doc, { type: 'resource', x: 300, y: 0, label: 'Financial support' }, ctx)
  const actor = addElement(doc, { type: 'actor', x: 0, y: 0, label: 'Kommunen' }, ctx)
  const actor2 = addElement(doc, { type: 'actor', x: 0, y: 200, label: 'arbetsförmedlingen' }, ctx)
  const provides = connect(doc, { from: actor, to: resource, kind: 'provides' }, ctx)
  const contributes = connect(doc, { from: resource, to: value, kind: 'contributes' }, ctx)
  return { doc, value, resource, actor, actor2, provides, contributes }
}

function lines(items: readonly OutlineItem[], lang: 'en' | 'sv' = 'en'): string[] {
  return items.flatMap((i) =>
    i.item === 'element'
      ? [
          `${typeText(lang, i.type, i.kind)}: ${i.label}`,
          ...i.links.map((l) => `  ${linkLineText(lang, l, '(no label)')}`),
        ]
      : [`invalid ${i.collection} ${i.id}: ${i.problems.length} problem(s)`],
  )
}

describe('outline model', () => {
  it('lists elements by type then label, with their links beneath in words', () => {
    const { doc } = smallBoard()
    const store = new BoardStore(doc, 'en')
    expect(lines(buildOutline(store, null, 'en'))).toEqual([
      'Actor (Organisation): arbetsförmedlingen',
      'Actor (Organisation): Kommunen',
      '  provides → Financial support',
      'Resource (Knowledge): Financial support',
      '  contributes to → Better everyday life',
      '  ← Kommunen provides',
      'Value outcome (For the service user): Better everyday life',
      '  ← Financial support contributes to',
    ])
    expect(lines(buildOutline(store, null, 'sv'), 'sv')[2]).toBe('  bidrar med → Financial support')
  })

  it('lists invalid records at the end with their problems, and follows the filter', () => {
    const { doc } = smallBoard()
    const broken = new Y.Map<unknown>()
    doc.transact(() => {
      doc.getMap(DocName.elements).set('broken1', broken)
      broken.set('type', 'spaceship')
    })
    const store = new BoardStore(doc, 'en')
    const items = buildOutline(store, null, 'en')
    const last = items[items.length - 1]!
    expect(last).toMatchObject({ item: 'invalid', id: 'broken1', collection: 'elements' })
    expect(last.item === 'invalid' && last.problems.length).toBeGreaterThan(0)

    const filter = new FilterStore()
    filter.set({ types: new Set(['actor'] as const) })
    const filtered = buildOutline(store, filter.get(), 'en').filter((i) => i.item === 'element')
    expect(filtered.map((i) => (i as OutlineElementItem).label)).toEqual(['arbetsförmedlingen', 'Kommunen'])
    filter.set({ types: new Set(), text: 'FORSAKR' })
    relabelElement(doc, store.allElements()[0]!.id, 'Försäkringskassan', ctx)
    expect(buildOutline(store, filter.get(), 'en').filter((i) => i.item === 'element')).toHaveLength(1)
  })

  it('rebuilds only when something it shows changed, and only while subscribed', () => {
    const { doc, actor, resource } = smallBoard()
    const store = new BoardStore(doc, 'en')
    const filter = new FilterStore()
    const outline = new OutlineModel(store, filter)
    let notified = 0
    const off = outline.subscribe(() => notified++)
    const first = outline.get('en')
    expect(outline.builds).toBe(1)
    // A move (what a drag writes) changes nothing in the outline.
    moveElements(doc, [actor], { dx: 10, dy: 10 }, ctx)
    expect(notified).toBe(0)
    expect(outline.get('en')).toBe(first)
    expect(outline.builds).toBe(1)
    // A label does.
    relabelElement(doc, resource, 'Funding from the association', ctx)
    expect(notified).toBe(1)
    const second = outline.get('en')
    expect(second).not.toBe(first)
    expect(lines(second)[2]).toBe('  provides → Funding from the association')
    // The filter and the language too.
    filter.set({ text: 'komm' })
    expect(notified).toBe(2)
    expect(outline.get('en').length).toBe(1)
    expect(outline.get('sv')).not.toBe(outline.get('en'))
    // Unsubscribed, it does not listen, but a later read is fresh.
    off()
    filter.clear()
    relabelElement(doc, actor, 'Kommunen (socialtjänsten)', ctx)
    expect(notified).toBe(2)
    expect(lines(outline.get('en'))).toContain('Actor (Organisation): Kommunen (socialtjänsten)')
  })

  it('stops: every item and link line, in reading order, with keys that survive rebuilds', () => {
    const { doc, actor, provides } = smallBoard()
    const store = new BoardStore(doc, 'en')
    const items = buildOutline(store, null, 'en')
    const stops = outlineStops(items)
    expect(stops).toHaveLength(8)
    expect(stopKey(items, stops[1]!)).toBe(`e:${actor}`)
    expect(stopKey(items, stops[2]!)).toBe(`l:${actor}:${provides}`)
    relabelElement(doc, actor, 'Aaa first', ctx)
    const rebuilt = buildOutline(store, null, 'en')
    expect(findStop(rebuilt, `l:${actor}:${provides}`)).toEqual({ index: 0, link: 0 })
    expect(findStop(rebuilt, 'e:gone')).toBeNull()
  })

  it('lays items out by fixed heights and finds the ones in view', () => {
    const items: OutlineElementItem[] = Array.from({ length: 3000 }, (_, i) => ({
      item: 'element',
      id: `n${i}`,
      type: 'note',
      kind: 'other',
      label: `n${i}`,
      links: [],
    }))
    const layout = layoutItems(items)
    expect(layout.total).toBe(3000 * ITEM_HEAD_PX)
    const [from, to] = visibleRange(layout, 48_000, 600)
    expect(to - from).toBeLessThan(40)
    expect(layout.tops[from]!).toBeLessThanOrEqual(48_000)
    expect(layout.tops[to - 1]! + ITEM_HEAD_PX).toBeGreaterThanOrEqual(48_600)
    expect(visibleRange(layout, 0, 600)[0]).toBe(0)
  })

  it('puts link lines under their item head', () => {
    const { doc } = smallBoard()
    const items = buildOutline(new BoardStore(doc, 'en'), null, 'en')
    const layout = layoutItems(items)
    expect(stopTop(items, layout, { index: 2, link: 1 })).toBe(layout.tops[2]! + ITEM_HEAD_PX + LINK_LINE_PX)
  })
})

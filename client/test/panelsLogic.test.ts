import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addElement, readBoard, type EditContext } from '@circleboard/shared'
import { BoardStore } from '../src/board/BoardStore.js'
import { BoardModel } from '../src/board/BoardModel.js'
import { FilterStore, NO_FILTER } from '../src/board/Filter.js'
import { filterOptions, matchCount, toggled } from '../src/panels/filterModel.js'
import {
  PALETTE,
  addTags,
  addedParts,
  arenaChoices,
  changedParts,
  commonType,
  organisationChoices,
  paletteEntry,
  parseCustomColor,
  provenanceSentence,
  toColorInput,
} from '../src/panels/propertiesModel.js'
import { pickerMatches } from '../src/panels/pickerModel.js'
import { connectElements, deleteRecords, editLabel, retype, setArena } from '../src/panels/editing.js'
import { swatchPrimitives } from '../src/panels/legendSwatch.js'
import { legendEntries } from '@circleboard/shared'

const ctx: EditContext = { personId: 'p1', meeting: null }

function board() {
  const doc = new Y.Doc()
  const kommun = addElement(doc, { type: 'actor', kind: 'organization', x: 0, y: 0, label: 'Kommunen' }, ctx)
  const af = addElement(
    doc,
    { type: 'actor', kind: 'organization', x: 0, y: 100, label: 'Arbetsförmedlingen' },
    ctx,
  )
  const coordinator = addElement(
    doc,
    { type: 'actor', kind: 'role', x: 0, y: 200, label: 'Samordnare', org: kommun, tags: ['pilot'] },
    ctx,
  )
  const time = addElement(
    doc,
    { type: 'resource', kind: 'time', x: 300, y: 0, label: 'Tid', tags: ['pilot', 'x'] },
    ctx,
  )
  const arena = addElement(doc, { type: 'arena', x: -50, y: -50, w: 800, h: 600, label: 'Nätverksmöte' }, ctx)
  return { doc, kommun, af, coordinator, time, arena }
}

const collate = (a: string, b: string): number => a.localeCompare(b, 'sv')

describe('filter panel model', () => {
  it('offers only what occurs, with counts; organisations count themselves and their members', () => {
    const { doc, kommun, af } = board()
    const store = new BoardStore(doc, 'en')
    const options = filterOptions(store.allElements(), collate)
    expect(options.types).toEqual([
      { value: 'actor', count: 3 },
      { value: 'resource', count: 1 },
      { value: 'arena', count: 1 },
    ])
    expect(options.kinds).toEqual([
      {
        type: 'actor',
        kinds: [
          { value: 'organization', count: 2 },
          { value: 'role', count: 1 },
        ],
      },
      { type: 'resource', kinds: [{ value: 'time', count: 1 }] },
    ])
    expect(options.orgs).toEqual([
      { value: af, label: 'Arbetsförmedlingen', count: 1 },
      { value: kommun, label: 'Kommunen', count: 2 },
    ])
    expect(options.tags).toEqual([
      { value: 'pilot', count: 2 },
      { value: 'x', count: 1 },
    ])
  })

  it('counts what matches ("n of m")', () => {
    const { doc, kommun } = board()
    const all = new BoardStore(doc, 'en').allElements()
    expect(matchCount(all, NO_FILTER)).toEqual({ matching: 5, total: 5 })
    const f = new FilterStore()
    f.set({ orgs: new Set([kommun]) })
    expect(matchCount(all, f.get())).toEqual({ matching: 2, total: 5 })
    f.set({ orgs: new Set(), tags: toggled(new Set<string>(), 'pilot') })
    expect(matchCount(all, f.get())).toEqual({ matching: 2, total: 5 })
    f.set({ tags: new Set(), text: 'arbetsformed' })
    expect(matchCount(all, f.get())).toEqual({ matching: 1, total: 5 })
    expect(toggled(new Set(['a']), 'a').size).toBe(0)
  })
})

describe('properties panel model', () => {
  it('palette, custom colours and the colour input', () => {
    expect(new Set(PALETTE.map((p) => p.name)).size).toBe(PALETTE.length)
    expect(paletteEntry('#d6e6f7')?.name).toBe('blue')
    expect(paletteEntry(null)).toBeNull()
    expect(parseCustomColor('abc')).toBe('#abc')
    expect(parseCustomColor(' #AABBCC ')).toBe('#AABBCC')
    expect(parseCustomColor('teal')).toBe('teal')
    expect(parseCustomColor('#12')).toBeNull()
    expect(parseCustomColor('red; x')).toBeNull()
    expect(toColorInput('#ABC')).toBe('#aabbcc')
    expect(toColorInput('teal')).toBe('#ffffff')
  })

  it('adds tags: comma-separated, trimmed, no duplicates', () => {
    expect(addTags(['pilot'], ' uppföljning , pilot,, 2021 ')).toEqual(['pilot', 'uppföljning', '2021'])
    expect(addTags([], 'x'.repeat(100))[0]).toHaveLength(64)
  })

  it('organisations and arenas to choose from', () => {
    const { doc, kommun, af, coordinator, arena } = board()
    const all = new BoardStore(doc, 'en').allElements()
    expect(organisationChoices(all, kommun).map((e) => e.id)).toEqual([af])
    expect(organisationChoices(all, coordinator).map((e) => e.id)).toEqual([af, kommun])
    expect(arenaChoices(all, 'actor').map((e) => e.id)).toEqual([arena])
    expect(arenaChoices(all, 'arena')).toEqual([])
    expect(commonType(all.filter((e) => e.type === 'actor'))).toBe('actor')
    expect(commonType(all)).toBeNull()
    expect(commonType([])).toBeNull()
  })

  it('words provenance: who, meeting, date; "changed" only after a later change', () => {
    const p = {
      createdBy: 'anna',
      createdAt: Date.UTC(2021, 9, 14),
      updatedBy: 'anna',
      updatedAt: Date.UTC(2021, 9, 14),
      meeting: 2,
      updatedMeeting: 2,
    }
    const nameOf = (id: string) => (id === 'anna' ? 'Anna' : null)
    const words = {
      lead: (who: string | null) => (who ? `Added by ${who}` : 'Added'),
      meeting: (n: number) => `meeting ${n}`,
      date: (at: number) =>
        new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(at),
    }
    expect(provenanceSentence(addedParts(p, nameOf), words)).toBe('Added by Anna, meeting 2, 14 Oct 2021')
    expect(changedParts(p, nameOf)).toBeNull()
    const later = { ...p, updatedBy: 'bo', updatedAt: p.createdAt + 1000, updatedMeeting: null }
    expect(changedParts(later, nameOf)).toEqual({ who: null, meeting: null, at: later.updatedAt })
    expect(provenanceSentence({ who: null, meeting: null, at: null }, words)).toBe('Added')
  })

  it('picks elements by folded label, prefix matches first', () => {
    const { doc, kommun } = board()
    const all = new BoardStore(doc, 'en').allElements()
    expect(pickerMatches(all, 'ARBETS', 'sv', undefined, 10).map((e) => e.label)).toEqual([
      'Arbetsförmedlingen',
    ])
    expect(pickerMatches(all, 'n', 'sv', new Set([kommun]), 10).map((e) => e.label)).toEqual([
      'Nätverksmöte',
      'Arbetsförmedlingen',
      'Samordnare',
    ])
    expect(pickerMatches(all, 'pilot', 'sv', undefined, 10)).toHaveLength(2)
    expect(pickerMatches(all, '', 'sv', undefined, 2)).toHaveLength(2)
  })
})

describe('panel edits', () => {
  function model(doc: Y.Doc, readOnly = false) {
    return new BoardModel(doc, { personId: 'p1', lang: 'en', meeting: () => 3, readOnly: () => readOnly })
  }

  it('retype changes type and kind in one undo step', () => {
    const { doc, time } = board()
    const m = model(doc)
    expect(retype(m, [time], 'value', 'society')).toBe(true)
    expect(m.store.element(time)).toMatchObject({
      type: 'value',
      kind: 'society',
      meeting: null,
      updatedMeeting: 3,
    })
    m.undo.undo()
    expect(m.store.element(time)).toMatchObject({ type: 'resource', kind: 'time' })
  })

  it('connects, edits labels as deltas, puts into an arena, deletes with links; refuses when read-only', () => {
    const { doc, kommun, time, arena } = board()
    const m = model(doc)
    const link = connectElements(m, kommun, time, 'provides')
    expect(link).not.toBeNull()
    expect(editLabel(m, 'link', link!, 'each week')).toBe(true)
    expect(editLabel(m, 'element', kommun, 'Kommunen (socialtjänsten)')).toBe(true)
    expect(setArena(m, [kommun], arena)).toBe(true)
    const data = readBoard(doc)
    expect(data.links[0]).toMatchObject({ from: kommun, to: time, kind: 'provides', label: 'each week' })
    expect(data.elements.find((e) => e.id === kommun)).toMatchObject({
      label: 'Kommunen (socialtjänsten)',
      arena,
    })
    m.selection.set([kommun])
    expect(deleteRecords(m, [kommun], [])).toBe(true)
    expect(readBoard(doc).links).toHaveLength(0)
    expect(m.selection.isEmpty).toBe(true)

    const viewer = model(doc, true)
    expect(connectElements(viewer, time, arena, 'relates')).toBeNull()
    expect(editLabel(viewer, 'element', time, 'nope')).toBe(false)
    expect(readBoard(doc).elements.find((e) => e.id === time)!.label).toBe('Tid')
  })
})

describe('legend swatches', () => {
  it('draws every entry of the legend with the visual language, in English and Swedish', () => {
    for (const lang of ['en', 'sv'] as const) {
      const sections = legendEntries(lang)
      expect(sections.length).toBeGreaterThanOrEqual(5)
      for (const s of sections)
        for (const e of s.entries) expect(swatchPrimitives(e).length).toBeGreaterThan(0)
    }
    const links = legendEntries('en').find((s) => s.title === 'Links')!
    const hinders = links.entries.find((e) => e.entry === 'link' && e.linkKind === 'hinders')!
    const relates = links.entries.find((e) => e.entry === 'link' && e.linkKind === 'relates')!
    expect(swatchPrimitives(hinders)).not.toEqual(swatchPrimitives(relates))
  })
})

describe('touch pinch on the canvas', () => {
  it('zooms around the midpoint of two fingers and pans with it; one finger is not a pinch', async () => {
    const { PinchTracker } = await import('../src/tools/pinch.js')
    const { Camera } = await import('../src/canvas/Camera.js')
    const camera = new Camera()
    const pinch = new PinchTracker(camera)
    expect(pinch.down(1, false, { x: 0, y: 0 })).toBe(false)
    expect(pinch.down(2, true, { x: 100, y: 100 })).toBe(false)
    expect(pinch.move(2, { x: 110, y: 100 })).toBe(false)
    expect(pinch.down(3, true, { x: 300, y: 100 })).toBe(true)
    expect(pinch.active).toBe(true)
    // The board point under the midpoint stays under it while the fingers spread.
    const before = camera.toBoard({ x: 205, y: 100 })
    expect(pinch.move(3, { x: 490, y: 100 })).toBe(true)
    expect(camera.get().scale).toBeCloseTo(2, 5)
    const after = camera.toScreen(before)
    expect(after.x).toBeCloseTo(300, 5)
    expect(after.y).toBeCloseTo(100, 5)
    expect(pinch.up(3)).toBe(true)
    expect(pinch.active).toBe(false)
    expect(pinch.up(2)).toBe(false)
  })
})

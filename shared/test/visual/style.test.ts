import { describe, expect, it } from 'vitest'
import { ELEMENT_TYPES, KINDS_BY_TYPE, LINK_KINDS } from '../../src/model/types.js'
import { ELEMENT_TYPE_NAMES, LINK_KIND_NAMES, RESOURCE_CLASS_NAMES } from '../../src/i18n/terms.js'
import {
  ARENA_TITLE_FILL,
  BACKGROUND_COLOR,
  ELEMENT_STYLES,
  HIGHLIGHT_STYLES,
  ICONS,
  LINK_STYLES,
  TEXT_COLOR,
  TEXT_COLOR_ON_DARK,
  blend,
  boardScene,
  contrastRatio,
  elementHighlight,
  elementDrawing,
  elementOutline,
  elementStyle,
  iconFor,
  legendDrawing,
  legendEntries,
  linkHighlight,
  parseColor,
} from '../../src/visual/index.js'
import { fixtureBoard, makeBoard, makeElement, makeLink } from '../export/fixtureBoard.js'

describe('palette (WCAG)', () => {
  it('gives label text 4.5:1 or more on every fill (translucent arena seen over the page)', () => {
    for (const type of ELEMENT_TYPES) {
      const s = ELEMENT_STYLES[type]
      const seen = blend(s.fill, BACKGROUND_COLOR, s.fillOpacity)
      expect(contrastRatio(s.text, seen), type).toBeGreaterThanOrEqual(4.5)
      expect(contrastRatio(s.ink, seen), `${type} icon`).toBeGreaterThanOrEqual(3)
      expect(contrastRatio(s.stroke, BACKGROUND_COLOR), `${type} border`).toBeGreaterThanOrEqual(3)
    }
    expect(contrastRatio(TEXT_COLOR, ARENA_TITLE_FILL)).toBeGreaterThanOrEqual(4.5)
  })

  it('draws every link kind and highlight at 3:1 or more against the page', () => {
    for (const kind of LINK_KINDS) {
      expect(contrastRatio(LINK_STYLES[kind].color, BACKGROUND_COLOR), kind).toBeGreaterThanOrEqual(3)
    }
    for (const style of Object.values(HIGHLIGHT_STYLES)) {
      expect(contrastRatio(style.color, BACKGROUND_COLOR)).toBeGreaterThanOrEqual(3)
    }
  })

  it('keeps custom fills readable: white text on dark colours, dark text on light ones', () => {
    expect(elementStyle('actor', 'organization', '#123456').text).toBe(TEXT_COLOR_ON_DARK)
    expect(elementStyle('actor', 'organization', '#fafad2').text).toBe(TEXT_COLOR)
    expect(elementStyle('note', 'other', 'rgb(0, 0, 0)').fill).toBe('#000000')
    expect(elementStyle('note', 'other', 'not a colour')).toBe(ELEMENT_STYLES.note)
    for (const color of ['#000', '#0f0', '#777777', '#ff00ff', 'navy?', 'purple', '#ffffff80']) {
      const s = elementStyle('resource', 'funding', color)
      expect(contrastRatio(s.text, s.fill), color).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('parses the CSS colour forms the board stores', () => {
    expect(parseColor('#abc')).toEqual({ r: 0xaa, g: 0xbb, b: 0xcc, a: 1 })
    expect(parseColor('#11223380')?.a).toBeCloseTo(0.5, 2)
    expect(parseColor('rgba(10, 20, 30, 0.5)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 })
    expect(parseColor('rgb(10 20 30 / 50%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 })
    expect(parseColor('Grey')).toEqual({ r: 128, g: 128, b: 128, a: 1 })
    expect(parseColor('hsl(0 0% 0%)')).toBeNull()
  })
})

describe('distinguishable without colour', () => {
  it('gives every element type its own outline', () => {
    const signature = (type: (typeof ELEMENT_TYPES)[number]): string => {
      const o = elementOutline(type, 200, 100)
      return o.kind === 'polygon'
        ? `polygon${o.points.length}`
        : o.kind === 'roundRect'
          ? `round${o.r}`
          : o.kind
    }
    expect(new Set(ELEMENT_TYPES.map(signature)).size).toBe(ELEMENT_TYPES.length)
  })

  it('gives every kind its own icon, and no two types share an icon', () => {
    const owner = new Map<string, string>()
    for (const type of ELEMENT_TYPES) {
      for (const kind of KINDS_BY_TYPE[type]) {
        const icon = iconFor(type, kind)
        const key = `${type}:${kind}`
        if (kind !== 'other' || type !== 'resource')
          expect(owner.has(icon), `${key} reuses ${icon}`).toBe(false)
        owner.set(icon, key)
      }
    }
    expect(iconFor('actor', 'no-such-kind')).toBe(iconFor('actor', 'organization'))
  })

  it('draws operant and operand resources with different borders', () => {
    expect(elementStyle('resource', 'knowledge').dash).toEqual([])
    expect(elementStyle('resource', 'funding').dash.length).toBeGreaterThan(0)
  })

  it('gives every link kind its own combination of dash, line end and width', () => {
    const key = (k: (typeof LINK_KINDS)[number]): string => {
      const s = LINK_STYLES[k]
      return `${s.dash.join(',')}|${s.head}|${s.width}`
    }
    expect(new Set(LINK_KINDS.map(key)).size).toBe(LINK_KINDS.length)
    expect(LINK_STYLES.collaborates.directed).toBe(false)
    expect(LINK_STYLES.relates.directed).toBe(false)
    expect(LINK_STYLES.collaborates.head).toBe('none')
    expect(LINK_STYLES.relates.head).toBe('none')
    expect(LINK_STYLES.hinders.head).toBe('bar')
    const red = parseColor(LINK_STYLES.hinders.color)
    expect(red !== null && red.r > 2 * red.g && red.r > 2 * red.b).toBe(true)
    for (const k of LINK_KINDS.filter((k) => k !== 'collaborates' && k !== 'relates')) {
      expect(LINK_STYLES[k].directed, k).toBe(true)
      expect(LINK_STYLES[k].head, k).not.toBe('none')
    }
  })

  it('marks the three compare states with different dashes and symbols', () => {
    const states = Object.values(HIGHLIGHT_STYLES)
    expect(new Set(states.map((s) => s.dash.join(','))).size).toBe(3)
    expect(new Set(states.map((s) => s.symbol)).size).toBe(3)
  })
})

describe('primitives', () => {
  it('never combine a stroke with a translucent fill (Konva has one opacity per node)', () => {
    const board = fixtureBoard('sv')
    const scene = boardScene(board, { lang: 'sv' })
    const all = [
      ...[...scene.arenas, ...scene.elements].flatMap((d) => [
        ...d.primitives,
        ...elementHighlight(d, 'added'),
        ...elementHighlight(d, 'removed'),
      ]),
      ...scene.links.flatMap((l) => [...l.primitives, ...linkHighlight(l, 'changed').under]),
      ...legendDrawing('sv').primitives,
    ]
    for (const p of all) {
      if (p.kind === 'path' && p.fillOpacity < 1) expect(p.stroke, p.d).toBeNull()
    }
  })
})

describe('icons', () => {
  it('are absolute M L H V C A Z paths inside the 24x24 grid', () => {
    for (const [name, d] of Object.entries(ICONS)) {
      expect(d, name).toMatch(/^M[\d.\- MLHVCAZ]+$/)
      // Arc flags aside, every number is a coordinate or radius on the grid.
      for (const n of d.match(/-?\d+(?:\.\d+)?/g) ?? []) {
        expect(Number(n), name).toBeGreaterThanOrEqual(0)
        expect(Number(n), name).toBeLessThanOrEqual(24)
      }
    }
  })

  it('are drawn inside every element, in the type ink', () => {
    const d = elementDrawing(makeElement({ id: 'a', type: 'actor', kind: 'group', label: 'Team' }), {
      lang: 'en',
    })
    const icon = d.primitives.find((p) => p.kind === 'icon')
    expect(icon?.kind === 'icon' && icon.icon).toBe('actor-group')
    expect(icon?.kind === 'icon' && icon.color).toBe(ELEMENT_STYLES.actor.ink)
  })
})

describe('legend', () => {
  it('names everything in the chosen language, through terms.ts', () => {
    for (const lang of ['en', 'sv'] as const) {
      const labels = legendEntries(lang).flatMap((s) => s.entries.map((e) => e.label))
      for (const type of ELEMENT_TYPES) expect(labels).toContain(ELEMENT_TYPE_NAMES[lang][type].one)
      for (const kind of LINK_KINDS) expect(labels).toContain(LINK_KIND_NAMES[lang][kind].noun)
      expect(labels).toContain(RESOURCE_CLASS_NAMES[lang].operant)
      expect(labels).toContain(RESOURCE_CLASS_NAMES[lang].operand)
    }
    expect(legendEntries('sv').map((s) => s.title)).toEqual([
      'Element',
      'Aktörer',
      'Resurser',
      'Värdeutfall',
      'Kopplingar',
    ])
  })

  it('lists only what a board uses when given the board', () => {
    const board = makeBoard(
      [
        makeElement({ id: 'a', type: 'actor', kind: 'person' }),
        makeElement({ id: 'r', type: 'resource', kind: 'time', x: 300 }),
      ],
      [makeLink({ id: 'l', from: 'a', to: 'r', kind: 'provides' })],
    )
    const entries = legendEntries('en', board).flatMap((s) => s.entries)
    expect(entries.map((e) => e.label)).toEqual([
      'Actor',
      'Resource',
      'Person',
      'Operand (money, rooms, systems)',
      'Time',
      'Provides',
    ])
    expect(legendEntries('en', makeBoard([]))).toEqual([])
  })

  it('flows into more columns when it may not grow taller', () => {
    const tall = legendDrawing('sv', { board: fixtureBoard('sv') })
    const short = legendDrawing('sv', { board: fixtureBoard('sv'), maxHeight: 300 })
    expect(short.h).toBeLessThanOrEqual(300)
    expect(short.w).toBeGreaterThan(tall.w)
    const texts = short.primitives.flatMap((p) => (p.kind === 'text' ? p.lines.map((l) => l.text) : []))
    expect(texts).toContain('Teckenförklaring')
    expect(texts).toContain('Hindrar')
  })
})

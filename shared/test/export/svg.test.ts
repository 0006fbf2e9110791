import { describe, expect, it } from 'vitest'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { BoardData } from '../../src/model/types.js'
import { LINK_KIND_NAMES } from '../../src/i18n/terms.js'
import { exportSvg } from '../../src/export/svg.js'
import { ELLIPSIS, compareZ, elementTitle } from '../../src/visual/index.js'
import { bigBoard, fixtureBoard, makeBoard, makeElement, makeLink } from './fixtureBoard.js'

/** A parsed XML element: tag, attributes (without prefix), children. */
interface Node {
  readonly tag: string
  readonly attrs: Readonly<Record<string, string>>
  readonly children: readonly Node[]
  readonly text: string
}

type Raw = Record<string, unknown>

function toNodes(raw: readonly Raw[]): Node[] {
  const out: Node[] = []
  for (const item of raw) {
    const tag = Object.keys(item).find((k) => k !== ':@')
    if (tag === undefined) continue
    if (tag === '#text') {
      out.push({ tag, attrs: {}, children: [], text: String(item[tag]) })
      continue
    }
    const attrs: Record<string, string> = {}
    for (const [k, v] of Object.entries((item[':@'] ?? {}) as Record<string, unknown>))
      attrs[k.slice(2)] = String(v)
    out.push({ tag, attrs, children: toNodes(item[tag] as Raw[]), text: '' })
  }
  return out
}

/** Parse an SVG after checking it is well-formed XML. */
function parseSvg(svg: string): Node {
  const valid = XMLValidator.validate(svg)
  expect(valid).toBe(true)
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    preserveOrder: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
  })
  const root = toNodes(parser.parse(svg) as Raw[]).find((n) => n.tag === 'svg')
  if (root === undefined) throw new Error('no <svg> root')
  return root
}

function all(node: Node, pred: (n: Node) => boolean): Node[] {
  const found: Node[] = []
  const visit = (n: Node): void => {
    if (pred(n)) found.push(n)
    n.children.forEach(visit)
  }
  visit(node)
  return found
}

function textOf(node: Node): string {
  return node.tag === '#text' ? node.text : node.children.map(textOf).join('')
}

/** The text lines (tspans) under a node, in order. */
function lines(node: Node): string[] {
  return all(node, (n) => n.tag === 'tspan').map(textOf)
}

const elementGroups = (root: Node): Node[] =>
  all(root, (n) => n.tag === 'g' && n.attrs['data-type'] !== undefined)
const linkGroups = (root: Node): Node[] =>
  all(root, (n) => n.tag === 'g' && n.attrs['data-from'] !== undefined)
const byClass = (root: Node, cls: string): Node | undefined => all(root, (n) => n.attrs.class === cls)[0]

describe('exportSvg of the example board', () => {
  for (const lang of ['sv', 'en'] as const) {
    const board = fixtureBoard(lang)
    const svg = exportSvg(board, { lang })
    const root = parseSvg(svg)

    it(`[${lang}] is a standalone SVG 1.1 document with a fitted viewBox and size`, () => {
      expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true)
      expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg')
      expect(root.attrs['xmlns:xlink']).toBe('http://www.w3.org/1999/xlink')
      expect(root.attrs.version).toBe('1.1')
      const [, , vw, vh] = (root.attrs.viewBox ?? '').split(' ').map(Number)
      expect(vw).toBeGreaterThan(0)
      expect(vh).toBeGreaterThan(0)
      expect(Number(root.attrs.width) / Number(root.attrs.height)).toBeCloseTo(
        (vw as number) / (vh as number),
        2,
      )
    })

    it(`[${lang}] draws one group per element, with data-id, data-type and an accessible title`, () => {
      const groups = elementGroups(root)
      expect(groups).toHaveLength(board.elements.length)
      const ids = new Set(groups.map((g) => g.attrs['data-id']))
      for (const e of board.elements) {
        expect(ids.has(e.id), e.id).toBe(true)
        const g = groups.find((x) => x.attrs['data-id'] === e.id) as Node
        expect(g.attrs['data-type']).toBe(e.type)
        const title = g.children.find((c) => c.tag === 'title')
        expect(title && textOf(title)).toBe(elementTitle(lang, e.type, e.kind, e.label))
      }
    })

    it(`[${lang}] draws every link with its kind and ends`, () => {
      const groups = linkGroups(root)
      expect(groups).toHaveLength(board.links.length)
      for (const l of board.links) {
        const g = groups.find((x) => x.attrs['data-id'] === l.id)
        expect(g?.attrs['data-kind'], l.id).toBe(l.kind)
        expect(g?.attrs['data-from']).toBe(l.from)
        expect(g?.attrs['data-to']).toBe(l.to)
        expect(all(g as Node, (n) => n.tag === 'path').length).toBeGreaterThanOrEqual(1)
      }
      const labelled = groups.find((g) => g.attrs['data-id'] === 'l41') as Node
      expect(lines(labelled)).toEqual([lang === 'sv' ? 'delas inte' : 'not shared'])
    })

    it(`[${lang}] writes every label, Swedish letters intact, wrapped into tspans`, () => {
      expect(svg).toContain(lang === 'sv' ? 'Försäkringskassan' : 'Social Insurance Agency')
      expect(svg).not.toMatch(/&#\d+;/)
      for (const e of board.elements) {
        const g = elementGroups(root).find((x) => x.attrs['data-id'] === e.id) as Node
        const drawn = lines(g).join('').replace(/\s/g, '')
        const label = e.label.replace(/\s/g, '')
        if (drawn.endsWith(ELLIPSIS)) expect(label.startsWith(drawn.slice(0, -1)), e.id).toBe(true)
        else expect(drawn, e.id).toBe(label)
      }
    })

    it(`[${lang}] stacks arenas first, then links, then elements by z`, () => {
      const board2 = byClass(root, 'cb-board') as Node
      const order = board2.children.filter((c) => c.tag !== '#text').map((c) => c.attrs.class)
      expect(order).toEqual(['cb-arenas', 'cb-links', 'cb-elements'])
      const drawn = elementGroups(byClass(root, 'cb-elements') as Node).map((g) => g.attrs['data-id'])
      const expected = board.elements
        .filter((e) => e.type !== 'arena')
        .sort(compareZ)
        .map((e) => e.id)
      expect(drawn).toEqual(expected)
    })

    it(`[${lang}] has a legend in ${lang} and a title block`, () => {
      const legend = lines(byClass(root, 'cb-legend') as Node)
      expect(legend).toContain(lang === 'sv' ? 'Teckenförklaring' : 'Legend')
      for (const kind of new Set(board.links.map((l) => l.kind))) {
        expect(legend).toContain(LINK_KIND_NAMES[lang][kind].noun)
      }
      const title = lines(byClass(root, 'cb-title') as Node)
      expect(title[0]).toBe(board.meta.title)
      expect(title[1]).toContain(lang === 'sv' ? 'Möte 4' : 'Meeting 4')
    })

    it(`[${lang}] defines every icon it uses`, () => {
      const symbols = new Set(all(root, (n) => n.tag === 'symbol').map((n) => n.attrs.id))
      const refs = all(root, (n) => n.tag === 'use').map((n) => n.attrs['xlink:href'])
      expect(refs.length).toBeGreaterThan(board.elements.length)
      for (const ref of refs) expect(symbols.has(ref?.slice(1)), ref).toBe(true)
      const urls = [...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1])
      const ids = new Set(all(root, (n) => n.attrs.id !== undefined).map((n) => n.attrs.id))
      for (const id of urls) expect(ids.has(id)).toBe(true)
    })
  }
})

describe('exportSvg edge cases', () => {
  it('draws an empty board as a valid document with a notice', () => {
    const root = parseSvg(exportSvg(makeBoard([]), { lang: 'sv' }))
    expect(elementGroups(root)).toHaveLength(0)
    expect(lines(byClass(root, 'cb-empty') as Node)).toEqual(['Tavlan är tom.'])
    expect(byClass(root, 'cb-legend')).toBeUndefined()
    expect(root.attrs.viewBox?.split(' ').map(Number).every(Number.isFinite)).toBe(true)
  })

  it('fits the view box around a single element', () => {
    const board = makeBoard([
      makeElement({ id: 'one', type: 'value', x: 1000, y: -500, w: 200, h: 100, label: 'Egen försörjning' }),
    ])
    const root = parseSvg(exportSvg(board, { lang: 'en', legend: false, title: false }))
    expect(elementGroups(root)).toHaveLength(1)
    expect(root.attrs.viewBox).toBe('960 -540 280 180')
    expect(byClass(root, 'cb-title')).toBeUndefined()
  })

  it('escapes markup characters, keeps emoji, and drops characters XML cannot hold', () => {
    const label = `<&>"' 😀 Brukarens röst \u0001\ud800`
    const board = makeBoard(
      [
        makeElement({ id: 'a&b', type: 'actor', kind: 'service-user', w: 400, h: 100, label }),
        makeElement({ id: 'c', type: 'note', x: 600, label: 'ok' }),
      ],
      [makeLink({ id: 'l"1', from: 'a&b', to: 'c', kind: 'relates', label: '</text><script>' })],
      {
        meta: {
          schema: 1,
          title: 'A <board> & "more"',
          template: null,
          createdAt: null,
          pseudonymous: false,
        },
      },
    )
    const svg = exportSvg(board, { lang: 'en' })
    expect(svg).not.toContain('<script')
    const root = parseSvg(svg)
    const g = elementGroups(root).find((n) => n.attrs['data-id'] === 'a&b') as Node
    expect(lines(g).join(' ')).toBe(`<&>"' 😀 Brukarens röst`)
    const link = linkGroups(root)[0] as Node
    expect(link.attrs['data-id']).toBe('l"1')
    expect(lines(link)).toEqual(['</text><script>'])
    expect(textOf(root.children.find((c) => c.tag === 'title') as Node)).toBe('A <board> & "more"')
  })

  it('cuts a very long label off with an ellipsis inside its element', () => {
    const label = 'Samverkan '.repeat(200)
    const root = parseSvg(
      exportSvg(makeBoard([makeElement({ id: 'long', type: 'resource', label })]), { lang: 'sv' }),
    )
    const drawn = lines(elementGroups(root)[0] as Node)
    expect(drawn.length).toBeGreaterThan(0)
    expect(drawn[drawn.length - 1]?.endsWith(ELLIPSIS)).toBe(true)
  })

  it('leaves invalid elements and links to missing elements out', () => {
    const board: BoardData = makeBoard(
      [makeElement({ id: 'a', label: 'A' }), makeElement({ id: 'broken', x: 300, label: 'Trasig' })],
      [
        makeLink({ id: 'dangling', from: 'a', to: 'missing' }),
        makeLink({ id: 'half', from: 'broken', to: 'a' }),
      ],
      {
        invalid: [
          { collection: 'elements', id: 'broken', problems: ['w is negative'] },
          { collection: 'links', id: 'dangling', problems: ['to: no such element'] },
        ],
      },
    )
    const svg = exportSvg(board, { lang: 'en' })
    const root = parseSvg(svg)
    expect(elementGroups(root).map((g) => g.attrs['data-id'])).toEqual(['a'])
    expect(linkGroups(root)).toHaveLength(0)
    expect(svg).not.toContain('Trasig')
    expect(lines(byClass(root, 'cb-title') as Node)[1]).toContain('2 invalid records not drawn')
  })

  it('marks added, removed and changed records for a comparison', () => {
    const board = fixtureBoard('en')
    const root = parseSvg(
      exportSvg(board, {
        lang: 'en',
        highlight: { added: ['o-kommun', 'l1'], removed: ['v-halsa'], changed: ['r-bistand'] },
      }),
    )
    const change = (id: string): string | undefined =>
      all(root, (n) => n.tag === 'g' && n.attrs['data-id'] === id)[0]?.attrs['data-change']
    expect(change('o-kommun')).toBe('added')
    expect(change('l1')).toBe('added')
    expect(change('v-halsa')).toBe('removed')
    expect(change('r-bistand')).toBe('changed')
    expect(change('o-af')).toBeUndefined()
  })

  it('honours a transparent background', () => {
    const board = makeBoard([makeElement({ id: 'a' })])
    const opaque = parseSvg(exportSvg(board, { lang: 'en' }))
    const clear = parseSvg(exportSvg(board, { lang: 'en', background: 'none' }))
    expect(opaque.children.filter((c) => c.tag === 'rect')).toHaveLength(1)
    expect(clear.children.filter((c) => c.tag === 'rect')).toHaveLength(0)
  })

  it('draws a 3,000-element board completely', () => {
    const board = bigBoard(3000)
    const svg = exportSvg(board, { lang: 'sv' })
    const root = parseSvg(svg)
    expect(elementGroups(root)).toHaveLength(3000)
    expect(linkGroups(root)).toHaveLength(2999)
  })
})

import { describe, expect, it } from 'vitest'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { BoardData } from '../../src/model/types.js'
import { LINK_KIND_NAMES } from '../../src/i18n/terms.js'
import { PAPER_SIZES, exportPdf } from '../../src/export/pdf.js'
import { toWinAnsi } from '../../src/export/pdfWinAnsi.js'
import { hasStandardGlyph } from '../../src/visual/index.js'
import { bigBoard, fixtureBoard, makeBoard, makeElement, makeLink } from './fixtureBoard.js'

interface ReadPdf {
  /** Text of each page, one item per line. */
  readonly pages: readonly string[]
  /** Width and height of each page in points. */
  readonly sizes: readonly (readonly [number, number])[]
  readonly info: Readonly<Record<string, unknown>>
}

/** Open a PDF with pdf.js, as a reader would, and take its text. */
async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  // pdf.js takes ownership of the buffer it is given; hand it a copy.
  const doc = await getDocument({
    data: bytes.slice(),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise
  const pages: string[] = []
  const sizes: [number, number][] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i)
    const [x0, y0, x1, y1] = page.view as [number, number, number, number]
    sizes.push([x1 - x0, y1 - y0])
    const content = await page.getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join('\n'))
  }
  const meta = await doc.getMetadata()
  await doc.destroy()
  return { pages, sizes, info: meta.info as Record<string, unknown> }
}

const squash = (s: string): string => s.replace(/\s+/g, '')
const AT = new Date(Date.UTC(2022, 0, 18, 14, 5, 0))

describe('exportPdf of the example board', () => {
  for (const lang of ['sv', 'en'] as const) {
    it(`[${lang}] has the board page, then element and link tables, in landscape A4 and A3`, async () => {
      const board = fixtureBoard(lang)
      // A4 holds about 29 one-line rows a page, A3 about 44: 48 elements and 45 links take 2 + 2 pages on
      // A4, and 1 + (a shared page) + 1 on A3, after the board page.
      for (const [paper, expectedPages] of [
        ['A4', 5],
        ['A3', 4],
      ] as const) {
        const pdf = await readPdf(await exportPdf(board, { paper, lang, generatedAt: AT }))
        expect(pdf.pages, paper).toHaveLength(expectedPages)
        for (const [w, h] of pdf.sizes) {
          expect(w).toBeCloseTo(PAPER_SIZES[paper][0], 1)
          expect(h).toBeCloseTo(PAPER_SIZES[paper][1], 1)
          expect(w).toBeGreaterThan(h)
        }
        pdf.pages.forEach((text, i) => expect(text).toContain(`${i + 1} / ${expectedPages}`))
      }
    })
  }

  it('prints the title, the meeting, the date, labels with å ä ö and link kinds', async () => {
    const board = fixtureBoard('sv')
    const meeting = { number: 3, title: 'Gemensamma resurser och mandat', date: '2021-11-23' }
    const pdf = await readPdf(await exportPdf(board, { paper: 'A4', lang: 'sv', meeting, generatedAt: AT }))
    const first = pdf.pages[0] as string
    expect(first).toContain(board.meta.title)
    expect(first).toContain('Möte 3: Gemensamma resurser och mandat (2021-11-23)')
    expect(first).toContain('Exporterad 2022-01-18 14:05 UTC')
    expect(first).toContain('Teckenförklaring')
    expect(first).toContain('Försäkringskassan')
    const all = squash(pdf.pages.join('\n'))
    for (const e of board.elements) expect(all, e.id).toContain(squash(e.label))
    for (const kind of new Set(board.links.map((l) => l.kind))) {
      expect(pdf.pages.slice(1).join('\n')).toContain(LINK_KIND_NAMES.sv[kind].verb)
    }
    expect(all).toContain(squash('Sekretess mellan myndigheterna'))
    expect(all).toContain('delasinte')
  })

  it('repeats the table title and header row on every page a table continues on', async () => {
    const pdf = await readPdf(
      await exportPdf(fixtureBoard('en'), { paper: 'A4', lang: 'en', generatedAt: AT }),
    )
    expect(pdf.pages[1]).toContain('Elements (48)')
    expect(pdf.pages[2]).toContain('Elements (continued)')
    expect(pdf.pages[3]).toContain('Links (45)')
    expect(pdf.pages[4]).toContain('Links (continued)')
    for (const page of pdf.pages.slice(1, 3))
      for (const h of ['Type', 'Kind', 'Label', 'Organisation', 'Tags', 'Meeting']) expect(page).toContain(h)
    for (const page of pdf.pages.slice(3))
      for (const h of ['From', 'Link', 'To', 'Label']) expect(page).toContain(h)
  })

  it('starts a table below the previous one when enough of it fits on that page', async () => {
    const pdf = await readPdf(
      await exportPdf(fixtureBoard('en'), { paper: 'A3', lang: 'en', generatedAt: AT }),
    )
    expect(pdf.pages[2]).toContain('Elements (continued)')
    expect(pdf.pages[2]).toContain('Links (45)')
    expect(pdf.pages[3]).toContain('Links (continued)')
    expect(pdf.pages[0]).not.toContain('Elements (')
  })

  it('defaults to the latest meeting, and prints none when told so', async () => {
    const board = fixtureBoard('en')
    const latest = await readPdf(await exportPdf(board, { paper: 'A4', lang: 'en', generatedAt: AT }))
    expect(latest.pages[0]).toContain('Meeting 4: What happens when the project ends? (2022-01-18)')
    const none = await readPdf(
      await exportPdf(board, { paper: 'A4', lang: 'en', meeting: null, generatedAt: AT }),
    )
    expect(none.pages[0]).not.toContain('Meeting 4')
  })

  it('is byte-for-byte the same for the same board and generatedAt, dated by it', async () => {
    const board = fixtureBoard('sv')
    const a = await exportPdf(board, { paper: 'A3', lang: 'sv', generatedAt: AT })
    const b = await exportPdf(board, { paper: 'A3', lang: 'sv', generatedAt: AT })
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    const pdf = await readPdf(a)
    expect(pdf.info.CreationDate).toMatch(/^D:20220118140500/)
    expect(pdf.info.ModDate).toMatch(/^D:20220118140500/)
    expect(pdf.info.Title).toBe(board.meta.title)
    expect(pdf.info.Language).toBe('sv-SE')
  })
})

describe('exportPdf edge cases', () => {
  it('exports an empty board as one page with a notice', async () => {
    const pdf = await readPdf(await exportPdf(makeBoard([]), { paper: 'A4', lang: 'sv', generatedAt: AT }))
    expect(pdf.pages).toHaveLength(1)
    expect(pdf.pages[0]).toContain('Tavlan är tom.')
    expect(pdf.pages[0]).toContain('1 / 1')
  })

  it('exports one element as the board page and an element table without a link table', async () => {
    const board = makeBoard([
      makeElement({ id: 'a', type: 'barrier', label: 'Sekretess', tags: ['juridik', 'GDPR'], meeting: 2 }),
    ])
    for (const paper of ['A4', 'A3'] as const) {
      const pdf = await readPdf(await exportPdf(board, { paper, lang: 'en', generatedAt: AT }))
      expect(pdf.pages).toHaveLength(2)
      expect(pdf.pages[1]).toContain('Barrier')
      expect(pdf.pages[1]).toContain('juridik, GDPR')
      expect(pdf.pages[1]).not.toContain('Links (')
    }
  })

  it('replaces what WinAnsi cannot encode instead of failing, keeping Swedish intact', async () => {
    const label = 'Åsa ÄÖ é ő ł → 😀👍🏽 漢字 <&>"\''
    const board = makeBoard(
      [
        makeElement({ id: 'a', type: 'actor', w: 400, h: 90, label }),
        makeElement({ id: 'b', x: 600, label: 'Öppen' }),
      ],
      [makeLink({ id: 'l', from: 'a', to: 'b', kind: 'hinders', label: '👨‍👩‍👧 familjen' })],
      {
        meta: {
          schema: 1,
          title: 'Tavla 🚀 för Örebro',
          template: null,
          createdAt: null,
          pseudonymous: false,
        },
      },
    )
    const pdf = await readPdf(await exportPdf(board, { paper: 'A4', lang: 'sv', generatedAt: AT }))
    const text = pdf.pages.join('\n')
    expect(text).toContain('Åsa ÄÖ é o l -> ?? ?? <&>"\'')
    expect(text).toContain('? familjen')
    expect(text).toContain('Tavla ? för Örebro')
    expect(pdf.info.Title).toBe('Tavla 🚀 för Örebro')
  })

  it('leaves out invalid elements and links to missing elements', async () => {
    const board: BoardData = makeBoard(
      [makeElement({ id: 'a', label: 'Giltig' }), makeElement({ id: 'bad', x: 300, label: 'Trasig' })],
      [makeLink({ id: 'l1', from: 'a', to: 'missing', kind: 'provides' })],
      {
        invalid: [
          { collection: 'elements', id: 'bad', problems: ['w is negative'] },
          { collection: 'links', id: 'l1', problems: ['to: no such element'] },
        ],
      },
    )
    const pdf = await readPdf(await exportPdf(board, { paper: 'A4', lang: 'sv', generatedAt: AT }))
    const text = pdf.pages.join('\n')
    expect(text).toContain('Giltig')
    expect(text).not.toContain('Trasig')
    expect(text).not.toContain('Kopplingar (')
    expect(pdf.pages[0]).toContain('2 ogiltiga poster visas inte')
  })

  it('cuts very long labels in table cells with an ellipsis', async () => {
    const board = makeBoard([makeElement({ id: 'a', label: 'Samverkan '.repeat(300) })])
    const pdf = await readPdf(await exportPdf(board, { paper: 'A4', lang: 'en', generatedAt: AT }))
    expect(pdf.pages).toHaveLength(2)
    expect(pdf.pages[1]).toContain('…')
  })

  it('exports a 3,000-element board with numbered pages, fewer on A3 than on A4', async () => {
    const board = bigBoard(3000)
    const a4 = await readPdf(await exportPdf(board, { paper: 'A4', lang: 'sv', generatedAt: AT }))
    const a3 = await readPdf(await exportPdf(board, { paper: 'A3', lang: 'sv', generatedAt: AT }))
    expect(a4.pages.length).toBeGreaterThan(20)
    expect(a3.pages.length).toBeLessThan(a4.pages.length)
    expect(a4.pages[a4.pages.length - 1]).toContain(`${a4.pages.length} / ${a4.pages.length}`)
    expect(squash(a4.pages.join(''))).toContain(squash('Element 2999: samverkan över gränser nr 2999'))
  }, 120_000)
})

describe('toWinAnsi', () => {
  it('keeps everything WinAnsi has and maps the rest to something it has', () => {
    expect(toWinAnsi('Försäkringskassan é € – “”')).toBe('Försäkringskassan é € – “”')
    expect(toWinAnsi('Łódź Őrs ﬁ Ａ')).toBe('Lódz Ors fi A')
    expect(toWinAnsi('a\u200bb\u0301c')).toBe('abc')
    expect(toWinAnsi('x\ty\nz')).toBe('x y\nz')
    expect(toWinAnsi('👨‍👩‍👧 👍🏽 😀')).toBe('? ? ?')
    expect(toWinAnsi('\ud800')).toBe('?')
  })

  it('only ever returns characters the standard fonts can draw', () => {
    for (let cp = 0; cp < 0x3000; cp += 1) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue
      for (const ch of toWinAnsi(String.fromCodePoint(cp))) {
        expect(ch === '\n' || hasStandardGlyph(ch), `U+${cp.toString(16)} -> ${ch}`).toBe(true)
      }
    }
  })
})

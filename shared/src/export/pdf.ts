/**
 * PDF export, for the record of a session: page 1 (landscape) carries the board's title, meeting and
 * export date, the board itself drawn as vectors with the visual language of `visual/` (the same shapes,
 * icons, lines and label breaks as the canvas and the SVG), fitted to the page, and the legend; the pages
 * after it list every drawn element and link as tables, for reading and for analysis. Every page is
 * numbered "i / N".
 *
 * pdf-lib with the standard Helvetica fonts (not embedded, WinAnsi): the file stays small and works in the
 * browser and in Node alike. Text goes through `toWinAnsi` first, so Swedish comes through as it is and an
 * emoji becomes '?' instead of failing the export. With `generatedAt` given the output is byte-for-byte
 * deterministic (no clock, no random ids).
 */
import type { PDFDocument, PDFPage } from 'pdf-lib'
import type { BoardData, ElementData } from '../model/types.js'
import { ELEMENT_TYPES, LINK_KINDS } from '../model/types.js'
import type { Language } from '../i18n/terms.js'
import { ELEMENT_TYPE_NAMES, LINK_KIND_NAMES, kindName } from '../i18n/terms.js'
import type { Box, Transform } from '../visual/index.js'
import {
  MUTED_COLOR,
  TEXT_COLOR,
  boardScene,
  drawableElements,
  drawableLinks,
  ellipsize,
  fitTransform,
  legendDrawing,
  pathPrimitive,
  roundRectPath,
  textBlock,
} from '../visual/index.js'
import { boardTitle, countsLine, latestMeeting, meetingLine } from './drawMeta.js'
import { DRAW_TERMS } from './drawTerms.js'
import type { PdfFonts } from './pdfDraw.js'
import { drawPrimitives } from './pdfDraw.js'
import type { PageFlow } from './pdfTables.js'
import { addPage, drawTable } from './pdfTables.js'
import { toWinAnsi } from './pdfWinAnsi.js'

/** Paper sizes, landscape, in points (ISO 216). */
export const PAPER_SIZES: Readonly<Record<'A4' | 'A3', readonly [number, number]>> = {
  A4: [841.89, 595.28],
  A3: [1190.55, 841.89],
}

/** The meeting a PDF records. */
export interface PdfMeeting {
  readonly number: number
  readonly title: string
  /** ISO date (YYYY-MM-DD). */
  readonly date: string
}

/** Options of `exportPdf`. */
export interface PdfExportOptions {
  readonly paper: 'A4' | 'A3'
  readonly lang: Language
  /** The meeting this snapshot records; `undefined` for the board's latest meeting, `null` for none. */
  readonly meeting?: PdfMeeting | null
  /** When the export was made: printed, and set as the file's creation and modification date. */
  readonly generatedAt?: Date
}

const MARGIN = 36
/** Baseline of the page footer, above the bottom edge (inside the bottom margin). */
const FOOTER_BASELINE = 20
const GAP = 12
/** The board is never drawn larger than 1 board unit per point (a small board stays at its real size). */
const MAX_BOARD_SCALE = 1
/** Labels below this size on the board page are left out: unreadable, and listed in the tables anyway. */
const MIN_TEXT_SIZE = 2

/** "2022-01-18 14:05 UTC": time zone explicit, so the same export reads the same everywhere. */
function formatTimestamp(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** Draw one line of header text; returns the height used. */
function headerLine(
  page: PDFPage,
  fonts: PdfFonts,
  text: string,
  y: number,
  size: number,
  bold: boolean,
  color: string,
) {
  const width = page.getWidth() - 2 * MARGIN
  const line = textBlock(
    toWinAnsi(text),
    { x: MARGIN, y, w: width, h: size * 1.4 },
    {
      size,
      bold,
      color,
      align: 'start',
      verticalAlign: 'top',
      maxLines: 1,
      minSize: size,
    },
  )
  if (line !== null) drawPrimitives(page, [line], fonts, { transform: { scale: 1, x: 0, y: 0 } })
  return size * 1.4
}

/** The legend's scale: as large as reads well, but never wider than about a quarter of the page. */
function placeLegend(board: BoardData, lang: Language, area: Box) {
  for (let scale = 0.8; ; scale -= 0.05) {
    const legend = legendDrawing(lang, { board, maxHeight: area.h / scale, textFilter: toWinAnsi })
    if (legend.w * scale <= area.w * 0.27 || scale <= 0.45) return { legend, scale }
  }
}

function drawBoardPage(page: PDFPage, fonts: PdfFonts, board: BoardData, options: PdfExportOptions): void {
  const { lang } = options
  const t = DRAW_TERMS[lang]
  const scene = boardScene(board, { lang, textFilter: toWinAnsi })
  const elementCount = scene.arenas.length + scene.elements.length
  let y = MARGIN
  y += headerLine(page, fonts, boardTitle(board, lang), y, 16, true, TEXT_COLOR)
  const meeting = options.meeting === undefined ? latestMeeting(board) : options.meeting
  if (meeting !== null) y += headerLine(page, fonts, meetingLine(lang, meeting), y, 11, false, TEXT_COLOR)
  const facts = [`${t.exported} ${formatTimestamp(options.generatedAt ?? new Date())}`]
  facts.push(countsLine(lang, elementCount, scene.links.length, board.invalid.length))
  y += headerLine(page, fonts, facts.join(' · '), y, 8.5, false, MUTED_COLOR) + 4

  const area: Box = {
    x: MARGIN,
    y,
    w: page.getWidth() - 2 * MARGIN,
    h: page.getHeight() - MARGIN - y,
  }
  const placed = elementCount === 0 ? null : placeLegend(board, lang, area)
  const legendWidth = placed === null ? 0 : placed.legend.w * placed.scale + GAP
  const boardArea: Box = { ...area, w: area.w - legendWidth }
  const identity: Transform = { scale: 1, x: 0, y: 0 }
  drawPrimitives(
    page,
    [pathPrimitive(roundRectPath(boardArea, 4), { stroke: '#D0D0D0', strokeWidth: 0.75 })],
    fonts,
    { transform: identity },
  )
  if (scene.bounds === null) {
    const notice = textBlock(toWinAnsi(t.emptyBoard), boardArea, {
      size: 14,
      bold: false,
      color: MUTED_COLOR,
      align: 'middle',
      verticalAlign: 'middle',
    })
    if (notice !== null) drawPrimitives(page, [notice], fonts, { transform: identity })
  } else {
    const fit = fitTransform(scene.bounds, boardArea.w, boardArea.h, 6, MAX_BOARD_SCALE)
    const transform: Transform = { scale: fit.scale, x: fit.x + boardArea.x, y: fit.y + boardArea.y }
    const draw = { transform, minTextSize: MIN_TEXT_SIZE }
    for (const d of scene.arenas) drawPrimitives(page, d.primitives, fonts, { ...draw, offset: d })
    for (const l of scene.links) drawPrimitives(page, l.primitives, fonts, draw)
    for (const d of scene.elements) drawPrimitives(page, d.primitives, fonts, { ...draw, offset: d })
  }
  if (placed !== null) {
    const x = area.x + area.w - placed.legend.w * placed.scale
    drawPrimitives(page, placed.legend.primitives, fonts, {
      transform: { scale: placed.scale, x, y: area.y },
    })
  }
}

function typeOrder(e: ElementData): number {
  return ELEMENT_TYPES.indexOf(e.type)
}

function drawTables(flow: PageFlow, board: BoardData, lang: Language): void {
  const t = DRAW_TERMS[lang]
  const c = t.columns
  const collator = new Intl.Collator(lang)
  const elements = drawableElements(board).sort(
    (a, b) => typeOrder(a) - typeOrder(b) || collator.compare(a.label, b.label) || (a.id < b.id ? -1 : 1),
  )
  const labels = new Map(elements.map((e) => [e.id, e.label]))
  drawTable(flow, {
    title: `${t.elementTable} (${elements.length})`,
    continuedTitle: `${t.elementTable} (${t.continued})`,
    columns: [
      { header: c.type, weight: 11 },
      { header: c.kind, weight: 14 },
      { header: c.label, weight: 36 },
      { header: c.org, weight: 18 },
      { header: c.tags, weight: 14 },
      { header: c.meeting, weight: 7 },
    ],
    rows: elements.map((e) => [
      ELEMENT_TYPE_NAMES[lang][e.type].one,
      e.kind === 'other' ? '' : kindName(lang, e.type, e.kind),
      e.label,
      e.org === null ? '' : (labels.get(e.org) ?? e.org),
      e.tags.join(', '),
      e.meeting === null ? '' : String(e.meeting),
    ]),
  })
  const links = drawableLinks(board).sort(
    (a, b) =>
      LINK_KINDS.indexOf(a.kind) - LINK_KINDS.indexOf(b.kind) ||
      collator.compare(labels.get(a.from) ?? '', labels.get(b.from) ?? '') ||
      (a.id < b.id ? -1 : 1),
  )
  if (links.length === 0) return
  drawTable(flow, {
    title: `${t.linkTable} (${links.length})`,
    continuedTitle: `${t.linkTable} (${t.continued})`,
    columns: [
      { header: c.from, weight: 30 },
      { header: c.link, weight: 15 },
      { header: c.to, weight: 30 },
      { header: c.label, weight: 25 },
    ],
    rows: links.map((l) => [
      labels.get(l.from) ?? l.from,
      LINK_KIND_NAMES[lang][l.kind].verb,
      labels.get(l.to) ?? l.to,
      l.label,
    ]),
  })
}

function drawFooters(doc: PDFDocument, fonts: PdfFonts, title: string): void {
  const pages = doc.getPages()
  const size = 8
  pages.forEach((page, i) => {
    const number = `${i + 1} / ${pages.length}`
    const width = fonts.regular.widthOfTextAtSize(number, size)
    const y = FOOTER_BASELINE
    page.drawText(number, { x: page.getWidth() - MARGIN - width, y, size, font: fonts.regular })
    const left = ellipsize(toWinAnsi(title), page.getWidth() / 2, size)
    if (left !== '') page.drawText(left, { x: MARGIN, y, size, font: fonts.regular })
  })
}

/** The board as a PDF: the board page, then tables of elements and links. */
export async function exportPdf(board: BoardData, options: PdfExportOptions): Promise<Uint8Array> {
  const generatedAt = options.generatedAt ?? new Date()
  // Metadata is set below from `generatedAt`; pdf-lib's own would stamp the current time.
  // Loaded on first use: pdf-lib is large, and most processes never make a PDF.
  const { PDFDocument, StandardFonts } = await import('pdf-lib')
  const doc = await PDFDocument.create({ updateMetadata: false })
  const fonts: PdfFonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  }
  const title = boardTitle(board, options.lang)
  doc.setTitle(title)
  doc.setLanguage(options.lang === 'sv' ? 'sv-SE' : 'en')
  doc.setCreator('circleboard')
  doc.setProducer('circleboard (pdf-lib)')
  doc.setCreationDate(generatedAt)
  doc.setModificationDate(generatedAt)

  const size = PAPER_SIZES[options.paper]
  const flow: PageFlow = { doc, fonts, size, margin: MARGIN, footer: 0, page: null, y: 0 }
  const first = addPage(flow)
  drawBoardPage(first, fonts, board, { ...options, generatedAt })
  // The tables start on a page of their own, never on the board page.
  flow.page = null
  if (drawableElements(board).length > 0) drawTables(flow, board, options.lang)
  drawFooters(doc, fonts, title)
  return doc.save()
}

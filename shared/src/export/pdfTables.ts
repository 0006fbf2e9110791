/**
 * Tables in the PDF (the lists of elements and links after the board page): cells wrapped with the same
 * text metrics as the board, a page break before any row that does not fit, and on every new page the
 * table's title ("continued") and its header row again, so that each printed page can be read alone.
 */
import type { PDFDocument, PDFPage } from 'pdf-lib'
import {
  BASELINE_OFFSET,
  LINE_HEIGHT,
  MUTED_COLOR,
  TEXT_COLOR,
  ellipsize,
  wrapText,
} from '../visual/index.js'
import type { PdfFonts } from './pdfDraw.js'
import { pdfColor } from './pdfDraw.js'
import { toWinAnsi } from './pdfWinAnsi.js'

/** Where the next thing goes: the document, its current page and the cursor on it (points from the top). */
export interface PageFlow {
  readonly doc: PDFDocument
  readonly fonts: PdfFonts
  /** Page width and height in points. */
  readonly size: readonly [number, number]
  readonly margin: number
  /** Space kept free at the bottom for the page number. */
  readonly footer: number
  page: PDFPage | null
  y: number
}

/** Start a new page in the flow. */
export function addPage(flow: PageFlow): PDFPage {
  flow.page = flow.doc.addPage([flow.size[0], flow.size[1]])
  flow.y = flow.margin
  return flow.page
}

/** One column: its header and its share of the width. */
export interface TableColumn {
  readonly header: string
  readonly weight: number
}

/** A table to lay out. */
export interface TableSpec {
  readonly title: string
  /** Title on the pages the table continues on. */
  readonly continuedTitle: string
  readonly columns: readonly TableColumn[]
  readonly rows: readonly (readonly string[])[]
}

/** Font size of table cells (points). */
export const TABLE_FONT_SIZE = 9
const TITLE_SIZE = 13
const PAD = 3
/** More lines than this in one cell are cut off with an ellipsis: a row must fit on a page. */
const MAX_CELL_LINES = 8
/** Space above a table that shares a page with the one before it. */
const SECTION_GAP = 24
/** A table shares the previous one's page only if at least this many of its rows fit there too. */
const MIN_ROWS_TO_SHARE = 3

function text(
  flow: PageFlow,
  s: string,
  x: number,
  baseline: number,
  size: number,
  bold: boolean,
  color: string,
) {
  const page = flow.page as PDFPage
  page.drawText(s, {
    x,
    y: page.getHeight() - baseline,
    size,
    font: bold ? flow.fonts.bold : flow.fonts.regular,
    color: pdfColor(color),
  })
}

function rect(flow: PageFlow, x: number, top: number, w: number, h: number, fill: string): void {
  const page = flow.page as PDFPage
  page.drawRectangle({ x, y: page.getHeight() - top - h, width: w, height: h, color: pdfColor(fill) })
}

function rule(flow: PageFlow, x: number, y: number, w: number): void {
  const page = flow.page as PDFPage
  const py = page.getHeight() - y
  page.drawLine({ start: { x, y: py }, end: { x: x + w, y: py }, thickness: 0.5, color: pdfColor('#C8C8C8') })
}

/**
 * Lay out `spec`, breaking pages as needed: below what is on the current page when enough of it fits there
 * (a board page is never shared: `flow.page` is `null` after it), else from a new page.
 */
export function drawTable(flow: PageFlow, spec: TableSpec): void {
  const width = flow.size[0] - 2 * flow.margin
  const total = spec.columns.reduce((s, c) => s + c.weight, 0)
  const widths = spec.columns.map((c) => (width * c.weight) / total)
  const lefts = widths.map((_, i) => flow.margin + widths.slice(0, i).reduce((s, w) => s + w, 0))
  const lineHeight = TABLE_FONT_SIZE * LINE_HEIGHT
  const bottom = (): number => flow.size[1] - flow.margin - flow.footer

  const cells = (row: readonly string[], bold: boolean): string[][] =>
    row.map(
      (cell, i) =>
        wrapText(toWinAnsi(cell), {
          maxWidth: (widths[i] ?? 0) - 2 * PAD,
          size: TABLE_FONT_SIZE,
          bold,
          maxLines: MAX_CELL_LINES,
        }).lines as string[],
    )
  const rowHeight = (lines: string[][]): number =>
    Math.max(1, ...lines.map((l) => l.length)) * lineHeight + 2 * PAD

  const drawRow = (lines: string[][], bold: boolean, color: string): void => {
    lines.forEach((cellLines, i) => {
      cellLines.forEach((line, j) => {
        const baseline = flow.y + PAD + j * lineHeight + BASELINE_OFFSET * TABLE_FONT_SIZE
        text(flow, line, (lefts[i] ?? 0) + PAD, baseline, TABLE_FONT_SIZE, bold, color)
      })
    })
  }

  const header = cells(
    spec.columns.map((c) => c.header),
    true,
  )
  const start = (title: string, sharePage: boolean): void => {
    if (sharePage) flow.y += SECTION_GAP
    else addPage(flow)
    const t = ellipsize(toWinAnsi(title), width, TITLE_SIZE, true)
    text(flow, t, flow.margin, flow.y + BASELINE_OFFSET * TITLE_SIZE, TITLE_SIZE, true, TEXT_COLOR)
    flow.y += TITLE_SIZE * LINE_HEIGHT + 6
    const h = rowHeight(header)
    rect(flow, flow.margin, flow.y, width, h, '#E6E6E6')
    drawRow(header, true, TEXT_COLOR)
    flow.y += h
  }

  // A table starts below the previous one when its title, header and a few rows still fit on the page.
  const firstRows = spec.rows.slice(0, MIN_ROWS_TO_SHARE).map((r) => rowHeight(cells(r, false)))
  const needed =
    SECTION_GAP + TITLE_SIZE * LINE_HEIGHT + 6 + rowHeight(header) + firstRows.reduce((a, b) => a + b, 0)
  start(spec.title, flow.page !== null && flow.y + needed <= bottom())
  spec.rows.forEach((row, index) => {
    const lines = cells(row, false)
    const h = rowHeight(lines)
    if (flow.y + h > bottom()) start(spec.continuedTitle, false)
    if (index % 2 === 1) rect(flow, flow.margin, flow.y, width, h, '#F5F5F5')
    drawRow(lines, false, TEXT_COLOR)
    flow.y += h
    rule(flow, flow.margin, flow.y, width)
  })
  if (spec.rows.length === 0) {
    text(
      flow,
      '-',
      flow.margin + PAD,
      flow.y + PAD + BASELINE_OFFSET * TABLE_FONT_SIZE,
      TABLE_FONT_SIZE,
      false,
      MUTED_COLOR,
    )
  }
}

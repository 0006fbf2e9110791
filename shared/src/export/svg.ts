/**
 * SVG export: a standalone SVG 1.1 document of the board, drawn with the visual language of `visual/` (the
 * same primitives the canvas draws), for the record and for papers. Layout of the document:
 *
 *   title block (board title, counts, latest meeting)   |
 *   board (arenas, links, elements by z)                 |  legend (what the board uses)
 *
 * Every element is a `<g data-id data-type data-kind>` with a `<title>` (its accessible name), every link a
 * `<g data-id data-kind data-from data-to>` with a `<title>`; icons are `<symbol>`s in `<defs>`, `<use>`d.
 * Arrowheads are explicit polygons, not markers, so that they match the PDF and the canvas exactly.
 * Invalid records are not drawn; an empty board yields a valid document with a notice.
 */
import type { BoardData } from '../model/types.js'
import type { Language } from '../i18n/terms.js'
import type { Box, ElementDrawing, HighlightState, IconName, Primitive } from '../visual/index.js'
import {
  BACKGROUND_COLOR,
  MUTED_COLOR,
  TEXT_COLOR,
  VISUAL_STYLE_VERSION,
  boardScene,
  elementHighlight,
  legendDrawing,
  linkHighlight,
  num,
  textBlock,
} from '../visual/index.js'
import { DRAW_TERMS } from './drawTerms.js'
import { boardTitle, countsLine, latestMeeting, meetingLine } from './drawMeta.js'
import { SVG_FONT_FAMILY, attrs, iconSymbols, svgPrimitives, xmlEscape } from './drawSvg.js'

/** Records to mark, for an exported comparison of two snapshots. */
export interface SvgHighlight {
  readonly added?: readonly string[]
  readonly removed?: readonly string[]
  readonly changed?: readonly string[]
}

/** Options of `exportSvg`. */
export interface SvgExportOptions {
  readonly lang: Language
  /** Draw the legend beside the board (default true). */
  readonly legend?: boolean
  /** Draw the title block above the board (default true). */
  readonly title?: boolean
  /** Page colour behind the board; `'none'` for transparent. Default white. */
  readonly background?: string
  /** Element and link ids to mark as added, removed or changed. */
  readonly highlight?: SvgHighlight
}

const GAP = 24
const TITLE_HEIGHT = 64
const EMPTY_BOX: Box = { x: 0, y: 0, w: 480, h: 200 }
/** The larger side of the `width`/`height` attributes, at most (the viewBox keeps every detail). */
const MAX_PIXELS = 8192

function highlightMap(h: SvgHighlight | undefined): Map<string, HighlightState> {
  const map = new Map<string, HighlightState>()
  for (const state of ['changed', 'removed', 'added'] as const)
    for (const id of h?.[state] ?? []) map.set(id, state)
  return map
}

function titleBlock(
  board: BoardData,
  lang: Language,
  x: number,
  y: number,
  w: number,
  counts: [number, number],
) {
  const title = boardTitle(board, lang)
  const meeting = latestMeeting(board)
  const facts = [countsLine(lang, counts[0], counts[1], board.invalid.length)]
  if (meeting !== null) facts.push(meetingLine(lang, meeting))
  const width = Math.max(200, w)
  const heading = textBlock(
    title,
    { x, y, w: width, h: 30 },
    {
      size: 20,
      bold: true,
      color: TEXT_COLOR,
      align: 'start',
      verticalAlign: 'top',
      maxLines: 1,
      minSize: 14,
    },
  )
  const meta = textBlock(
    facts.join(' · '),
    { x, y: y + 32, w: width, h: 18 },
    {
      size: 12,
      bold: false,
      color: MUTED_COLOR,
      align: 'start',
      verticalAlign: 'top',
      maxLines: 1,
      minSize: 10,
    },
  )
  return [heading, meta].filter((p): p is NonNullable<typeof p> => p !== null)
}

function elementGroup(d: ElementDrawing, state: HighlightState | undefined): string {
  const extra = state === undefined ? [] : elementHighlight(d, state)
  return (
    `<g${attrs({
      'data-id': d.id,
      'data-type': d.type,
      'data-kind': d.kind,
      'data-change': state,
      transform: `translate(${num(d.x)} ${num(d.y)})`,
    })}>` + `<title>${xmlEscape(d.title)}</title>${svgPrimitives([...d.primitives, ...extra])}</g>`
  )
}

/** The board as a standalone SVG 1.1 document (UTF-8). */
export function exportSvg(board: BoardData, options: SvgExportOptions): string {
  const { lang } = options
  const showLegend = options.legend ?? true
  const showTitle = options.title ?? true
  const background = options.background ?? BACKGROUND_COLOR
  const scene = boardScene(board, { lang })
  const marks = highlightMap(options.highlight)
  const area = scene.bounds ?? EMPTY_BOX
  const elementCount = scene.arenas.length + scene.elements.length
  const legend =
    showLegend && elementCount > 0 ? legendDrawing(lang, { board, maxHeight: Math.max(area.h, 360) }) : null
  const titleH = showTitle ? TITLE_HEIGHT : 0
  const view: Box = {
    x: area.x,
    y: area.y - titleH,
    w: area.w + (legend === null ? 0 : GAP + legend.w),
    h: titleH + Math.max(area.h, legend?.h ?? 0),
  }
  const px = Math.min(1, MAX_PIXELS / Math.max(view.w, view.h))
  const icons = new Set<IconName>()
  const collect = (ps: readonly Primitive[]): void => {
    for (const p of ps) if (p.kind === 'icon') icons.add(p.icon)
  }
  for (const d of [...scene.arenas, ...scene.elements]) collect(d.primitives)
  if (legend !== null) collect(legend.primitives)

  const out: string[] = []
  out.push('<?xml version="1.0" encoding="UTF-8" standalone="no"?>')
  out.push(
    `<svg${attrs({
      xmlns: 'http://www.w3.org/2000/svg',
      'xmlns:xlink': 'http://www.w3.org/1999/xlink',
      version: '1.1',
      width: Math.ceil(view.w * px),
      height: Math.ceil(view.h * px),
      viewBox: `${num(view.x)} ${num(view.y)} ${num(view.w)} ${num(view.h)}`,
      'xml:lang': lang,
      'font-family': SVG_FONT_FAMILY,
      'data-visual-style': VISUAL_STYLE_VERSION,
    })}>`,
  )
  out.push(`<title>${xmlEscape(boardTitle(board, lang))}</title>`)
  out.push(`<defs>${iconSymbols(icons)}</defs>`)
  if (background !== 'none') {
    out.push(`<rect${attrs({ x: view.x, y: view.y, width: view.w, height: view.h, fill: background })}/>`)
  }
  if (showTitle) {
    const counts: [number, number] = [elementCount, scene.links.length]
    out.push(
      `<g class="cb-title">${svgPrimitives(titleBlock(board, lang, area.x + 16, view.y + 12, view.w - 32, counts))}</g>`,
    )
  }
  out.push('<g class="cb-board">')
  if (elementCount === 0) {
    const notice = textBlock(DRAW_TERMS[lang].emptyBoard, area, {
      size: 18,
      bold: false,
      color: MUTED_COLOR,
      align: 'middle',
      verticalAlign: 'middle',
    })
    out.push(`<g class="cb-empty">${notice === null ? '' : svgPrimitives([notice])}</g>`)
  }
  out.push(`<g class="cb-arenas">${scene.arenas.map((d) => elementGroup(d, marks.get(d.id))).join('')}</g>`)
  out.push('<g class="cb-links">')
  for (const link of scene.links) {
    const state = marks.get(link.id)
    const mark = state === undefined ? null : linkHighlight(link, state)
    out.push(
      `<g${attrs({ 'data-id': link.id, 'data-kind': link.kind, 'data-from': link.from, 'data-to': link.to, 'data-change': state })}>` +
        `<title>${xmlEscape(link.title)}</title>` +
        svgPrimitives([...(mark?.under ?? []), ...link.primitives, ...(mark?.over ?? [])]) +
        '</g>',
    )
  }
  out.push('</g>')
  out.push(
    `<g class="cb-elements">${scene.elements.map((d) => elementGroup(d, marks.get(d.id))).join('')}</g>`,
  )
  out.push('</g>')
  if (legend !== null) {
    const lx = area.x + area.w + GAP
    out.push(
      `<g class="cb-legend" transform="translate(${num(lx)} ${num(area.y)})">${svgPrimitives(legend.primitives)}</g>`,
    )
  }
  out.push('</svg>')
  return out.join('\n') + '\n'
}

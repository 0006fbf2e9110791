/**
 * The legend: what each shape, icon, border and line means, in English or Swedish through `i18n/terms.ts`.
 * `legendEntries` is the model (the canvas can render it as an HTML list, a screen reader can read it);
 * `legendDrawing` lays it out as primitives in one or more columns for the exports.
 */
import type { BoardData, ElementType, LinkKind } from '../model/types.js'
import { ACTOR_KINDS, ELEMENT_TYPES, LINK_KINDS, RESOURCE_KINDS, VALUE_KINDS } from '../model/types.js'
import type { Language } from '../i18n/terms.js'
import { ELEMENT_TYPE_NAMES, LINK_KIND_NAMES, RESOURCE_CLASS_NAMES, kindName } from '../i18n/terms.js'
import { iconFor } from './icons.js'
import type { ResourceClass } from './palette.js'
import {
  ELEMENT_STYLES,
  MUTED_COLOR,
  RESOURCE_CLASS_DASH,
  TEXT_COLOR,
  BACKGROUND_COLOR,
  resourceClass,
  blend,
} from './palette.js'
import type { Primitive } from './primitives.js'
import { offsetPath, pathPrimitive } from './primitives.js'
import { elementOutline, outlinePath, roundRectPath } from './shapes.js'
import { LINK_STYLES, arrowheadPrimitive } from './links.js'
import { BASELINE_OFFSET, LINE_HEIGHT, ellipsize } from './text.js'
import { drawableElements, drawableLinks } from './scene.js'

/** One line of the legend. */
export type LegendEntry =
  | { readonly entry: 'type'; readonly type: ElementType; readonly label: string }
  | { readonly entry: 'resource-class'; readonly resourceClass: ResourceClass; readonly label: string }
  | { readonly entry: 'kind'; readonly type: ElementType; readonly kind: string; readonly label: string }
  | {
      readonly entry: 'link'
      readonly linkKind: LinkKind
      readonly directed: boolean
      readonly label: string
    }

/** A titled group of legend lines. */
export interface LegendSection {
  readonly title: string
  readonly entries: readonly LegendEntry[]
}

/** Titles of the legend and its sections that `terms.ts` does not name. */
export const LEGEND_TERMS: Readonly<
  Record<Language, { readonly legend: string; readonly elements: string; readonly links: string }>
> = {
  en: { legend: 'Legend', elements: 'Elements', links: 'Links' },
  sv: { legend: 'Teckenförklaring', elements: 'Element', links: 'Kopplingar' },
}

/**
 * The legend's sections in `lang`: element types, kinds of actor, resources (operant and operand, kinds),
 * kinds of value outcome, link kinds. Given a `board`, only what the board draws is listed.
 */
export function legendEntries(lang: Language, board?: BoardData): LegendSection[] {
  const elements = board === undefined ? null : drawableElements(board)
  const types = elements === null ? null : new Set(elements.map((e) => e.type))
  const kinds = elements === null ? null : new Set(elements.map((e) => `${e.type}:${e.kind}`))
  const linkKinds = board === undefined ? null : new Set(drawableLinks(board).map((l) => l.kind))
  const hasType = (t: ElementType): boolean => types === null || types.has(t)
  const hasKind = (t: ElementType, k: string): boolean => kinds === null || kinds.has(`${t}:${k}`)
  const names = ELEMENT_TYPE_NAMES[lang]
  const sections: LegendSection[] = [
    {
      title: LEGEND_TERMS[lang].elements,
      entries: ELEMENT_TYPES.filter(hasType).map((type) => ({ entry: 'type', type, label: names[type].one })),
    },
    {
      title: names.actor.many,
      entries: ACTOR_KINDS.filter((k) => hasKind('actor', k)).map((kind) => ({
        entry: 'kind',
        type: 'actor',
        kind,
        label: kindName(lang, 'actor', kind),
      })),
    },
    {
      title: names.resource.many,
      entries: [
        ...(['operant', 'operand'] as const)
          .filter((cls) => RESOURCE_KINDS.some((k) => resourceClass(k) === cls && hasKind('resource', k)))
          .map((cls): LegendEntry => ({
            entry: 'resource-class',
            resourceClass: cls,
            label: RESOURCE_CLASS_NAMES[lang][cls],
          })),
        ...RESOURCE_KINDS.filter((k) => hasKind('resource', k)).map((kind): LegendEntry => ({
          entry: 'kind',
          type: 'resource',
          kind,
          label: kindName(lang, 'resource', kind),
        })),
      ],
    },
    {
      title: names.value.many,
      entries: VALUE_KINDS.filter((k) => hasKind('value', k)).map((kind) => ({
        entry: 'kind',
        type: 'value',
        kind,
        label: kindName(lang, 'value', kind),
      })),
    },
    {
      title: LEGEND_TERMS[lang].links,
      entries: LINK_KINDS.filter((k) => linkKinds === null || linkKinds.has(k)).map((linkKind) => ({
        entry: 'link',
        linkKind,
        directed: LINK_STYLES[linkKind].directed,
        label: LINK_KIND_NAMES[lang][linkKind].noun,
      })),
    },
  ]
  return sections.filter((s) => s.entries.length > 0)
}

/** The legend as primitives, with its size; origin at its top-left corner. */
export interface LegendDrawing {
  readonly w: number
  readonly h: number
  readonly primitives: readonly Primitive[]
}

/** How to lay out the legend. */
export interface LegendOptions {
  /** Only what this board draws. */
  readonly board?: BoardData
  /** Start a new column rather than grow taller than this (board units). */
  readonly maxHeight?: number
  readonly textFilter?: (text: string) => string
}

const PAD = 10
const COLUMN_WIDTH = 230
const ROW = 22
const HEADING = 20
const TITLE = 24
const SWATCH_W = 36
const SWATCH_H = 16
const LABEL_X = SWATCH_W + 10
const LABEL_SIZE = 11

function text(
  t: string,
  x: number,
  top: number,
  h: number,
  size: number,
  bold: boolean,
  color: string,
): Primitive {
  const y = top + (h - size * LINE_HEIGHT) / 2 + BASELINE_OFFSET * size
  return { kind: 'text', lines: [{ text: t, x, y }], size, bold, color, anchor: 'start' }
}

/** Where a legend swatch is drawn: its box, how far inside its edges it keeps, its icon of a kind. */
export interface SwatchBox {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
  /** Space kept inside the box's edges by the shape and the line. */
  readonly pad: number
  /** Size of a kind's icon (a type's icon is 14). */
  readonly kindIconSize: number
}

/**
 * A legend entry's picture, in the visual language of the canvas and the exports: a link's line and end,
 * a kind's icon, a type's shape and icon, a resource class's dashed shape. The exported legend and the
 * legend panel (client `panels/legendSwatch.ts`) both draw these.
 */
export function legendSwatch(entry: LegendEntry, box: SwatchBox): Primitive[] {
  const { x, y, w, h, pad } = box
  const midY = y + h / 2
  if (entry.entry === 'link') {
    const style = LINK_STYLES[entry.linkKind]
    const x1 = x + w - pad
    const head = arrowheadPrimitive({ x: x1, y: midY }, { x: 1, y: 0 }, style)
    const inset = style.head === 'arrow' || style.head === 'diamond' ? 8 : 0
    return [
      pathPrimitive(`M${x + pad} ${midY} L${x1 - inset} ${midY}`, {
        stroke: style.color,
        strokeWidth: style.width,
        dash: style.dash,
        lineCap: style.lineCap,
      }),
      ...(head === null ? [] : [head]),
    ]
  }
  if (entry.entry === 'kind') {
    const size = box.kindIconSize
    return [
      {
        kind: 'icon',
        icon: iconFor(entry.type, entry.kind),
        x: x + (w - size) / 2,
        y: midY - size / 2,
        size,
        color: ELEMENT_STYLES[entry.type].ink,
      },
    ]
  }
  const type: ElementType = entry.entry === 'type' ? entry.type : 'resource'
  const style = ELEMENT_STYLES[type]
  const dash = entry.entry === 'resource-class' ? RESOURCE_CLASS_DASH[entry.resourceClass] : style.dash
  const outline = elementOutline(type, w - 2 * pad, h - 2 * pad)
  const out: Primitive[] = [
    pathPrimitive(offsetPath(outlinePath(outline), x + pad, y + pad), {
      // Opaque: a swatch has a stroke, and no primitive combines a stroke with fill opacity.
      fill: blend(style.fill, BACKGROUND_COLOR, type === 'arena' ? 0.25 : style.fillOpacity),
      stroke: style.stroke,
      strokeWidth: Math.min(style.strokeWidth, 2),
      dash,
    }),
  ]
  if (entry.entry === 'type') {
    const size = 14
    out.push({
      kind: 'icon',
      icon: iconFor(type, 'other'),
      x: x + (w - size) / 2,
      y: midY - size / 2,
      size,
      color: style.ink,
    })
  }
  return out
}

function swatch(entry: LegendEntry, x: number, y: number): Primitive[] {
  const box = { x, y: y + (ROW - SWATCH_H) / 2, w: SWATCH_W, h: SWATCH_H, pad: 0, kindIconSize: 16 }
  return legendSwatch(entry, box)
}

/** Lay out the legend for `lang` in columns no taller than `maxHeight`. */
export function legendDrawing(lang: Language, options: LegendOptions = {}): LegendDrawing {
  const filter = options.textFilter ?? ((s: string) => s)
  const sections = legendEntries(lang, options.board)
  const maxHeight = Math.max(options.maxHeight ?? Infinity, TITLE + HEADING + 4 * ROW + 2 * PAD)
  const body: Primitive[] = []
  const labelWidth = COLUMN_WIDTH - LABEL_X - PAD
  let column = 0
  let y = PAD + TITLE
  let tallest = y
  const columnX = (): number => PAD + column * COLUMN_WIDTH
  const room = (h: number): void => {
    if (y + h > maxHeight - PAD && y > PAD + TITLE) {
      column++
      y = PAD + TITLE
    }
  }
  for (const section of sections) {
    // A heading never ends a column alone: it moves with its first entry.
    room(HEADING + ROW)
    body.push(text(filter(section.title), columnX(), y, HEADING, 11.5, true, MUTED_COLOR))
    y += HEADING
    for (const entry of section.entries) {
      room(ROW)
      body.push(...swatch(entry, columnX(), y))
      const label = ellipsize(filter(entry.label), labelWidth, LABEL_SIZE)
      body.push(text(label, columnX() + LABEL_X, y, ROW, LABEL_SIZE, false, TEXT_COLOR))
      y += ROW
      tallest = Math.max(tallest, y)
    }
    y += 4
  }
  const w = PAD * 2 + (column + 1) * COLUMN_WIDTH - PAD
  const h = tallest + PAD
  return {
    w,
    h,
    primitives: [
      pathPrimitive(roundRectPath({ x: 0, y: 0, w, h }, 4), {
        fill: BACKGROUND_COLOR,
        stroke: '#BFBFBF',
        strokeWidth: 1,
      }),
      text(filter(LEGEND_TERMS[lang].legend), PAD, PAD, TITLE - 4, 14, true, TEXT_COLOR),
      ...body,
    ],
  }
}

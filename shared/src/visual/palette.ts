/**
 * The board's colours. Hues come from the Okabe-Ito palette (distinguishable with the common colour-vision
 * deficiencies), darkened where a border or line must reach 3:1 against white (WCAG 1.4.11, graphics) and
 * lightened where a fill must carry label text at 4.5:1 or better (WCAG 1.4.3, AA). Hue is never the only
 * cue: every element type also has its own outline and icon, every link kind its own dash and line end.
 *
 * | type     | fill     | border   | ink (icon) | cue besides hue                          |
 * | -------- | -------- | -------- | ---------- | ---------------------------------------- |
 * | actor    | pale blue   | #0072B2 | #005A8C | rounded rectangle, person/building icons |
 * | resource | pale orange | #B06A00 | #7F4C00 | folded corner; operant solid, operand dashed border |
 * | value    | pale green  | #00805C | #00613F | ellipse, star icons                      |
 * | note     | sticky yellow | #8F7C00 | #5E5200 | plain square, lines icon               |
 * | barrier  | pale red    | #C0392B | #9E2A1F | octagon, thick border, warning icon      |
 * | arena    | translucent purple | #A5537F | #7E3A60 | large frame with a title bar, drawn under all |
 */
import type { ElementType } from '../model/types.js'
import { OPERAND_RESOURCE_KINDS, OPERANT_RESOURCE_KINDS } from '../model/types.js'

/** Bumped whenever a colour, shape, icon or line style changes, so a stored export can say how it was drawn. */
export const VISUAL_STYLE_VERSION = 1

/** Label text on every default fill (contrast 12:1 or more on all of them). */
export const TEXT_COLOR = '#1A1A1A'
/** Label text on a dark custom fill. */
export const TEXT_COLOR_ON_DARK = '#FFFFFF'
/** Default page behind the board in exports. */
export const BACKGROUND_COLOR = '#FFFFFF'
/** Secondary text: meta lines, notices, table rules. */
export const MUTED_COLOR = '#595959'

/** How the outline of an element is drawn. */
export interface ShapeStyle {
  readonly fill: string
  /** 0..1; arenas are translucent so that what they hold stays visible. */
  readonly fillOpacity: number
  readonly stroke: string
  readonly strokeWidth: number
  /** Dash pattern in board units; empty for a solid border. */
  readonly dash: readonly number[]
  /** Icon colour (3:1 or more on the fill). */
  readonly ink: string
  /** Label colour (4.5:1 or more on the fill). */
  readonly text: string
}

/** The default look of each element type. */
export const ELEMENT_STYLES: Readonly<Record<ElementType, ShapeStyle>> = {
  actor: {
    fill: '#DCEAF7',
    fillOpacity: 1,
    stroke: '#0072B2',
    strokeWidth: 2,
    dash: [],
    ink: '#005A8C',
    text: TEXT_COLOR,
  },
  resource: {
    fill: '#FCEBCC',
    fillOpacity: 1,
    stroke: '#B06A00',
    strokeWidth: 2,
    dash: [],
    ink: '#7F4C00',
    text: TEXT_COLOR,
  },
  value: {
    fill: '#D5F1E5',
    fillOpacity: 1,
    stroke: '#00805C',
    strokeWidth: 2,
    dash: [],
    ink: '#00613F',
    text: TEXT_COLOR,
  },
  note: {
    fill: '#FFF3A6',
    fillOpacity: 1,
    stroke: '#8F7C00',
    strokeWidth: 1,
    dash: [],
    ink: '#5E5200',
    text: TEXT_COLOR,
  },
  barrier: {
    fill: '#FCE3DC',
    fillOpacity: 1,
    stroke: '#C0392B',
    strokeWidth: 3,
    dash: [],
    ink: '#9E2A1F',
    text: TEXT_COLOR,
  },
  arena: {
    fill: '#CC79A7',
    fillOpacity: 0.1,
    stroke: '#A5537F',
    strokeWidth: 2,
    dash: [],
    ink: '#7E3A60',
    text: TEXT_COLOR,
  },
}

/** The title bar of an arena (opaque, so the arena's name stays readable over what lies under it). */
export const ARENA_TITLE_FILL = '#F4DDEA'

/** Resource classes (DESIGN.md: operant acts on, operand is acted upon). */
export type ResourceClass = 'operant' | 'operand'

/** Border dash of each resource class: operant solid, operand dashed (a cue that survives greyscale). */
export const RESOURCE_CLASS_DASH: Readonly<Record<ResourceClass, readonly number[]>> = {
  operant: [],
  operand: [7, 4],
}

/** The class of a resource kind, or `null` for `other` and unknown kinds. */
export function resourceClass(kind: string): ResourceClass | null {
  if ((OPERANT_RESOURCE_KINDS as readonly string[]).includes(kind)) return 'operant'
  if ((OPERAND_RESOURCE_KINDS as readonly string[]).includes(kind)) return 'operand'
  return null
}

/**
 * The look of one element: its type's style, with the resource class's border and a custom fill when the
 * element has a `color` that parses (the border and icon keep the type's colour, so the type stays
 * recognisable; the label turns white on a dark fill).
 */
export function elementStyle(type: ElementType, kind: string, color: string | null = null): ShapeStyle {
  const base = ELEMENT_STYLES[type]
  const cls = type === 'resource' ? resourceClass(kind) : null
  const dash = cls === null ? base.dash : RESOURCE_CLASS_DASH[cls]
  const custom = color === null ? null : parseColor(color)
  if (custom === null) return dash === base.dash ? base : { ...base, dash }
  const fill = toHex(custom)
  return {
    ...base,
    dash,
    fill,
    fillOpacity: type === 'arena' ? base.fillOpacity : 1,
    text: type === 'arena' ? base.text : readableTextColor(fill),
    ink: type === 'arena' || contrastRatio(base.ink, fill) >= 3 ? base.ink : readableTextColor(fill),
  }
}

/** An sRGB colour with channels 0..255 and alpha 0..1. */
export interface Rgba {
  readonly r: number
  readonly g: number
  readonly b: number
  readonly a: number
}

const NAMED: Readonly<Record<string, string>> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  pink: '#ffc0cb',
}

/** Parse `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()` and a few colour names; `null` otherwise. */
export function parseColor(css: string): Rgba | null {
  const text = css.trim().toLowerCase()
  const named = NAMED[text]
  if (named !== undefined) return parseColor(named)
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(text)
  if (hex?.[1] !== undefined) {
    let digits = hex[1]
    if (digits.length <= 4) digits = [...digits].map((d) => d + d).join('')
    const n = (i: number): number => parseInt(digits.slice(i, i + 2), 16)
    return { r: n(0), g: n(2), b: n(4), a: digits.length === 8 ? n(6) / 255 : 1 }
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text)
  if (fn?.[1] !== undefined && fn[2] !== undefined && fn[3] !== undefined) {
    const channel = (s: string): number => Math.min(255, Math.max(0, Math.round(Number(s))))
    const alphaText = fn[4]
    const alpha =
      alphaText === undefined
        ? 1
        : alphaText.endsWith('%')
          ? Number(alphaText.slice(0, -1)) / 100
          : Number(alphaText)
    return { r: channel(fn[1]), g: channel(fn[2]), b: channel(fn[3]), a: Math.min(1, Math.max(0, alpha)) }
  }
  return null
}

/** `#RRGGBB` of a colour (alpha dropped: the board draws custom fills opaque). */
export function toHex(c: Rgba): string {
  const h = (n: number): string => Math.round(n).toString(16).padStart(2, '0')
  return `#${h(c.r)}${h(c.g)}${h(c.b)}`.toUpperCase()
}

/** WCAG relative luminance of a colour. */
export function relativeLuminance(css: string): number {
  const c = parseColor(css) ?? { r: 0, g: 0, b: 0, a: 1 }
  const lin = (v: number): number => {
    const s = v / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
}

/** WCAG contrast ratio (1..21) between two colours. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a)
  const lb = relativeLuminance(b)
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

/**
 * Dark or white label text, whichever reads better on `fill`; pure black on the mid-greys where neither
 * reaches 4.5:1 (black or white always does).
 */
export function readableTextColor(fill: string): string {
  const dark = contrastRatio(TEXT_COLOR, fill)
  const light = contrastRatio(TEXT_COLOR_ON_DARK, fill)
  if (Math.max(dark, light) >= 4.5) return dark >= light ? TEXT_COLOR : TEXT_COLOR_ON_DARK
  return contrastRatio('#000000', fill) >= light ? '#000000' : TEXT_COLOR_ON_DARK
}

/** Mix `color` over `under` with `opacity`: what a translucent fill looks like (for contrast checks). */
export function blend(color: string, under: string, opacity: number): string {
  const a = parseColor(color) ?? { r: 0, g: 0, b: 0, a: 1 }
  const b = parseColor(under) ?? { r: 255, g: 255, b: 255, a: 1 }
  const mix = (x: number, y: number): number => x * opacity + y * (1 - opacity)
  return toHex({ r: mix(a.r, b.r), g: mix(a.g, b.g), b: mix(a.b, b.b), a: 1 })
}

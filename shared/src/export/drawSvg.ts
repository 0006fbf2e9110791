/**
 * Primitives of the visual language as SVG 1.1 markup. This file only translates: every position, colour,
 * dash and line break was decided in `visual/`, so the SVG matches the canvas and the PDF.
 */
import type { IconName, Primitive } from '../visual/index.js'
import { ICONS, ICON_GRID, ICON_STROKE_WIDTH, num } from '../visual/index.js'

/** The font stack of every text: Helvetica's metrics are what `visual/text.ts` measures with. */
export const SVG_FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', 'Nimbus Sans', sans-serif"

/**
 * `text` without the characters XML 1.0 forbids (C0 controls other than tab, newline and return, lone
 * surrogates, U+FFFE, U+FFFF): a label pasted with one of them would otherwise make the whole document
 * unparseable.
 */
export function stripXmlInvalid(text: string): string {
  let out = ''
  // for..of walks code points: a valid pair arrives whole, a lone surrogate alone.
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    const valid =
      cp === 0x9 ||
      cp === 0xa ||
      cp === 0xd ||
      (cp >= 0x20 && cp <= 0xd7ff) ||
      (cp >= 0xe000 && cp <= 0xfffd) ||
      cp >= 0x10000
    if (valid) out += ch
  }
  return out
}

/** Text as XML character data or attribute value: escaped, characters XML cannot hold removed. */
export function xmlEscape(text: string): string {
  return stripXmlInvalid(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** `name="value"` pairs, skipping `undefined` values. */
export function attrs(pairs: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(pairs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : xmlEscape(v)}"`)
    .join('')
}

/** Id of an icon's `<symbol>`. */
export function iconSymbolId(icon: IconName): string {
  return `cb-icon-${icon}`
}

/** `<symbol>` definitions of `icons`, for `<defs>`: each icon is written once and `<use>`d everywhere. */
export function iconSymbols(icons: Iterable<IconName>): string {
  return [...new Set(icons)]
    .sort()
    .map(
      (icon) =>
        `<symbol${attrs({
          id: iconSymbolId(icon),
          viewBox: `0 0 ${ICON_GRID} ${ICON_GRID}`,
          fill: 'none',
          'stroke-width': ICON_STROKE_WIDTH,
          'stroke-linecap': 'round',
        })}><path d="${ICONS[icon]}"/></symbol>`,
    )
    .join('')
}

/** One primitive as SVG. */
export function svgPrimitive(p: Primitive): string {
  switch (p.kind) {
    case 'path':
      return `<path${attrs({
        d: p.d,
        fill: p.fill ?? 'none',
        'fill-opacity': p.fill !== null && p.fillOpacity !== 1 ? p.fillOpacity : undefined,
        stroke: p.stroke ?? undefined,
        'stroke-width': p.stroke !== null ? p.strokeWidth : undefined,
        'stroke-dasharray': p.stroke !== null && p.dash.length > 0 ? p.dash.map(num).join(' ') : undefined,
        'stroke-linecap': p.stroke !== null && p.lineCap !== 'butt' ? p.lineCap : undefined,
      })}/>`
    case 'icon':
      return `<use${attrs({
        'xlink:href': `#${iconSymbolId(p.icon)}`,
        x: p.x,
        y: p.y,
        width: p.size,
        height: p.size,
        stroke: p.color,
      })}/>`
    case 'text': {
      const lines = p.lines
        .map((l) => `<tspan${attrs({ x: l.x, y: l.y })}>${xmlEscape(l.text)}</tspan>`)
        .join('')
      return `<text${attrs({
        'font-size': p.size,
        'font-weight': p.bold ? 'bold' : undefined,
        fill: p.color,
        'text-anchor': p.anchor === 'start' ? undefined : p.anchor,
      })}>${lines}</text>`
    }
  }
}

/** Several primitives as SVG. */
export function svgPrimitives(ps: readonly Primitive[]): string {
  return ps.map(svgPrimitive).join('')
}

/**
 * Icons of element types and kinds: self-drawn line icons on a 24x24 grid, as SVG path data, so that one
 * string feeds Konva's `Path`, an SVG `<path>` and pdf-lib's `drawSvgPath` alike. They are drawn stroked
 * only (no fill, so no fill-rule differences between renderers), `ICON_STROKE_WIDTH` wide with round caps;
 * a dot is a zero-length line (`V y+0.01`) that the round cap turns into a dot. Only absolute `M L H V C A
 * Z` commands are used, the subset every renderer parses the same way.
 */
import type { ElementType } from '../model/types.js'

/** Icon line width in grid units (scales with the icon). */
export const ICON_STROKE_WIDTH = 2
/** The icons' grid size. */
export const ICON_GRID = 24

/** A circle as two arcs (one arc cannot draw a full circle). */
function circle(cx: number, cy: number, r: number): string {
  return `M${cx - r} ${cy} A${r} ${r} 0 1 0 ${cx + r} ${cy} A${r} ${r} 0 1 0 ${cx - r} ${cy} Z`
}

/** A star with `n` points around (cx, cy): the value outcome's sign. */
function star(cx: number, cy: number, outer: number, inner: number, n = 5): string {
  const points: string[] = []
  for (let i = 0; i < n * 2; i++) {
    const r = i % 2 === 0 ? outer : inner
    const a = -Math.PI / 2 + (i * Math.PI) / n
    points.push(`${round(cx + r * Math.cos(a))} ${round(cy + r * Math.sin(a))}`)
  }
  return `M${points.join(' L')} Z`
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

/** Sun rays around (12, 12): society's value. */
function rays(): string {
  const parts: string[] = []
  for (let i = 0; i < 8; i++) {
    const a = (i * Math.PI) / 4
    const [c, s] = [Math.cos(a), Math.sin(a)]
    parts.push(`M${round(12 + 6.5 * c)} ${round(12 + 6.5 * s)} L${round(12 + 10 * c)} ${round(12 + 10 * s)}`)
  }
  return parts.join(' ')
}

/** Path data of every icon, by icon name (`<type>-<kind>`, or the type alone for kind-less types). */
export const ICONS = {
  'actor-organization':
    'M4 21 V5 L12 3 V21 M12 9 H20 V21 M2 21 H22 M7 8 H9 M7 12 H9 M7 16 H9 M15 13 H17 M15 17 H17',
  'actor-role': `M5 4 H19 V21 H5 Z M9 4 V2 H15 V4 ${circle(12, 10.5, 2.5)} M8 18 C8 14.5 16 14.5 16 18`,
  'actor-person': `${circle(12, 7, 4)} M4 21 C4 13.5 20 13.5 20 21`,
  'actor-group': `${circle(6.5, 8.5, 3.5)} M1 20 C1 13.5 12 13.5 12 20 ${circle(17.5, 8.5, 3.5)} M14 14.2 C17 13 23 14 23 20`,
  'actor-service-user': `${circle(12, 5.5, 3)} M5 21 C5 12.5 19 12.5 19 21 M12 20 L9.8 17.8 C8.8 16.7 10.4 15 12 16.6 C13.6 15 15.2 16.7 14.2 17.8 Z`,
  'resource-knowledge':
    'M2 5 C5 4 9 4 12 6 C15 4 19 4 22 5 V19 C19 18 15 18 12 20 C9 18 5 18 2 19 Z M12 6 V20',
  'resource-competence':
    'M9 18 H15 M10 21 H14 M12 3 C7.5 3 5 6.5 6 10 C6.6 12.2 9 13.5 9 16 H15 C15 13.5 17.4 12.2 18 10 C19 6.5 16.5 3 12 3 Z',
  'resource-mandate':
    'M12 2 L20 5 V11 C20 16 16.5 19.5 12 22 C7.5 19.5 4 16 4 11 V5 Z M8.5 12 L11 14.5 L15.5 9.5',
  'resource-network': `${circle(12, 5, 2.5)} ${circle(5, 18, 2.5)} ${circle(19, 18, 2.5)} M10.6 7.1 L6.4 15.9 M13.4 7.1 L17.6 15.9 M7.5 18 H16.5`,
  'resource-funding': `M2 6 H22 V18 H2 Z ${circle(12, 12, 3)} M5.5 9 V9.01 M18.5 15 V15.01`,
  'resource-time': `${circle(12, 12, 9.5)} M12 6.5 V12 L15.5 14.5`,
  'resource-facilities': 'M3 11 L12 3 L21 11 M5 9.5 V21 H19 V9.5 M10 21 V15 H14 V21',
  'resource-data':
    'M4 6 C4 2.7 20 2.7 20 6 C20 9.3 4 9.3 4 6 Z M4 6 V18 C4 21.3 20 21.3 20 18 V6 M4 12 C4 15.3 20 15.3 20 12',
  'resource-systems': 'M2 4 H22 V16 H2 Z M8 21 H16 M12 16 V21',
  'resource-other': 'M12 2 L21 7 V17 L12 22 L3 17 V7 Z M3 7 L12 12 L21 7 M12 12 V22',
  'value-service-user': star(12, 12.8, 10.5, 4.4),
  'value-organization': `${circle(12, 8.5, 6)} M8.4 13.3 L6.5 22 L12 19.5 L17.5 22 L15.6 13.3 ${star(12, 8.7, 3.6, 1.5, 4)}`,
  'value-society': `${circle(12, 12, 4)} ${rays()}`,
  note: 'M5 3 H19 V21 H5 Z M8 8 H16 M8 12 H16 M8 16 H13',
  barrier: 'M12 3 L22.5 20.5 H1.5 Z M12 9.5 V14.5 M12 17.5 V17.51',
  arena: `M3 8 V3 H8 M16 3 H21 V8 M21 16 V21 H16 M8 21 H3 V16 ${circle(12, 12, 4)}`,
} as const

/** Name of an icon in `ICONS`. */
export type IconName = keyof typeof ICONS

const DEFAULT_ICON: Readonly<Record<ElementType, IconName>> = {
  actor: 'actor-organization',
  resource: 'resource-other',
  value: 'value-service-user',
  note: 'note',
  barrier: 'barrier',
  arena: 'arena',
}

/** The icon of an element: its kind's icon, or the type's default for `other` and unknown kinds. */
export function iconFor(type: ElementType, kind: string): IconName {
  const name = `${type}-${kind}`
  return name in ICONS ? (name as IconName) : DEFAULT_ICON[type]
}

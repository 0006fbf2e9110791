/**
 * Automatic layout for boards that come without positions (the example board, CSV imports). Lanes by type,
 * read left to right the way the research reads a service: actors (organisations, each followed by its
 * roles, indented), the resources they bring, the value outcomes those contribute to, then barriers and
 * notes. Within a lane, elements are ordered by the average height of what they are linked to in the lanes
 * before (the barycentre heuristic), which keeps most links short and few of them crossing. Arenas go in a
 * row beneath the lanes with their members in a grid inside them.
 *
 * Deterministic (a function of the input order only) and free of overlaps: lanes are separated
 * horizontally, elements in a lane vertically, arenas side by side.
 */
import type { BoardData, ElementData, ElementType } from './types.js'
import { ELEMENT_SPECS } from './elements/element.js'
import { ORGANISATION_KIND } from './elements/actor.js'

/** What layout needs to know about an element. */
export interface LayoutElement {
  readonly id: string
  readonly type: ElementType
  readonly kind: string
  readonly org: string | null
  readonly arena: string | null
  /** Default: the type's size. */
  readonly w?: number
  readonly h?: number
}

/** What layout needs to know about a link. */
export interface LayoutLink {
  readonly from: string
  readonly to: string
}

/** A placed element. */
export interface LayoutBox {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/** Spacing of the layout, in board units. */
export interface LayoutOptions {
  /** Between elements in a lane (default 24). */
  readonly gap?: number
  /** Between lanes, wide enough for links and their labels (default 160). */
  readonly laneGap?: number
  /** How far a role sits to the right of its organisation (default 32). */
  readonly indent?: number
  /** Top-left corner of the layout (default 0, 0). */
  readonly origin?: { readonly x: number; readonly y: number }
}

/** Room at the top of an arena for its label, and around its members. */
const ARENA_HEADER = 56
const ARENA_PADDING = 24

interface Placed {
  id: string
  x: number
  y: number
  w: number
  h: number
}

function sizeOf(el: LayoutElement): { w: number; h: number } {
  const size = ELEMENT_SPECS[el.type].defaultSize
  return { w: el.w ?? size.w, h: el.h ?? size.h }
}

/**
 * Orders `items` by the mean `y` centre of their placed neighbours (unlinked ones last, in input order),
 * each with the `y` centre it would like to sit at.
 */
function byBarycentre(
  items: readonly LayoutElement[],
  neighbours: ReadonlyMap<string, readonly string[]>,
  placed: ReadonlyMap<string, Placed>,
): LaneItem[] {
  const keyed = items.map((el, index) => {
    const centres = (neighbours.get(el.id) ?? [])
      .map((id) => placed.get(id))
      .filter((p): p is Placed => p !== undefined)
      .map((p) => p.y + p.h / 2)
    const bary = centres.length > 0 ? centres.reduce((a, b) => a + b, 0) / centres.length : Infinity
    return { el, bary, index }
  })
  keyed.sort((a, b) => a.bary - b.bary || a.index - b.index)
  return keyed.map((k) => ({ el: k.el, indented: false, centre: Number.isFinite(k.bary) ? k.bary : null }))
}

/** An element in a lane: indented (a role under its organisation), and where it would like to be centred. */
interface LaneItem {
  readonly el: LayoutElement
  readonly indented: boolean
  readonly centre: number | null
}

/** Orders the actor lane: service users first, then each organisation followed by its members, then the rest. */
function actorLane(actors: readonly LayoutElement[]): LaneItem[] {
  const orgs = actors.filter((a) => a.kind === ORGANISATION_KIND)
  const orgIds = new Set(orgs.map((o) => o.id))
  const belongs = (a: LayoutElement): boolean =>
    a.org !== null && orgIds.has(a.org) && a.kind !== ORGANISATION_KIND
  const out: LaneItem[] = []
  const add = (el: LayoutElement, indented: boolean): void => {
    out.push({ el, indented, centre: null })
  }
  for (const a of actors) if (a.kind === 'service-user' && !belongs(a)) add(a, false)
  for (const org of orgs) {
    add(org, false)
    for (const a of actors) if (belongs(a) && a.org === org.id) add(a, true)
  }
  for (const a of actors) {
    if (a.kind !== 'service-user' && a.kind !== ORGANISATION_KIND && !belongs(a)) add(a, false)
  }
  return out
}

/** Positions for every element (see the module comment). */
export function layoutBoard(
  elements: readonly LayoutElement[],
  links: readonly LayoutLink[],
  options: LayoutOptions = {},
): Map<string, LayoutBox> {
  const gap = options.gap ?? 24
  const laneGap = options.laneGap ?? 160
  const indent = options.indent ?? 32
  const origin = options.origin ?? { x: 0, y: 0 }
  const ids = new Set(elements.map((el) => el.id))
  const arenaIds = new Set(elements.filter((el) => el.type === 'arena').map((el) => el.id))
  const inArena = (el: LayoutElement): boolean =>
    el.type !== 'arena' && el.arena !== null && arenaIds.has(el.arena)

  const neighbours = new Map<string, string[]>()
  for (const link of links) {
    if (!ids.has(link.from) || !ids.has(link.to)) continue
    neighbours.set(link.from, [...(neighbours.get(link.from) ?? []), link.to])
    neighbours.set(link.to, [...(neighbours.get(link.to) ?? []), link.from])
  }

  const placed = new Map<string, Placed>()
  const free = elements.filter((el) => el.type !== 'arena' && !inArena(el))
  const ofType = (type: ElementType): LayoutElement[] => free.filter((el) => el.type === type)
  let x = origin.x
  let bottom = origin.y

  // Each element sits at the height it would like (level with what it links to) unless that would overlap
  // the one above, in which case it goes just below it: links stay short, and the order is kept.
  const stack = (lane: readonly LaneItem[]): void => {
    if (lane.length === 0) return
    let y = origin.y
    let width = 0
    for (const { el, indented, centre } of lane) {
      const { w, h } = sizeOf(el)
      const dx = indented ? indent : 0
      const top = centre === null ? y : Math.max(y, Math.round(centre - h / 2))
      placed.set(el.id, { id: el.id, x: x + dx, y: top, w, h })
      y = top + h + gap
      width = Math.max(width, dx + w)
    }
    bottom = Math.max(bottom, y - gap)
    x += width + laneGap
  }

  stack(actorLane(ofType('actor')))
  stack(byBarycentre(ofType('resource'), neighbours, placed))
  stack(byBarycentre(ofType('value'), neighbours, placed))
  stack(byBarycentre(ofType('barrier'), neighbours, placed))
  stack(byBarycentre(ofType('note'), neighbours, placed))

  // Arenas in a row beneath the lanes, each sized to hold its members in a grid.
  let arenaX = origin.x
  const arenaY = placed.size > 0 ? bottom + laneGap : origin.y
  for (const arena of elements.filter((el) => el.type === 'arena')) {
    const members = elements.filter((el) => inArena(el) && el.arena === arena.id)
    const cell = members.reduce(
      (acc, m) => {
        const s = sizeOf(m)
        return { w: Math.max(acc.w, s.w), h: Math.max(acc.h, s.h) }
      },
      { w: 0, h: 0 },
    )
    const columns = Math.max(1, Math.ceil(Math.sqrt(members.length)))
    const rows = Math.ceil(members.length / columns)
    const own = sizeOf(arena)
    const w = Math.max(own.w, 2 * ARENA_PADDING + columns * cell.w + (columns - 1) * gap)
    const h = Math.max(own.h, ARENA_HEADER + ARENA_PADDING + rows * cell.h + Math.max(0, rows - 1) * gap)
    placed.set(arena.id, { id: arena.id, x: arenaX, y: arenaY, w, h })
    members.forEach((m, i) => {
      const s = sizeOf(m)
      placed.set(m.id, {
        id: m.id,
        x: arenaX + ARENA_PADDING + (i % columns) * (cell.w + gap),
        y: arenaY + ARENA_HEADER + Math.floor(i / columns) * (cell.h + gap),
        w: s.w,
        h: s.h,
      })
    })
    arenaX += w + gap * 2
  }
  return new Map([...placed].map(([id, p]) => [id, { x: p.x, y: p.y, w: p.w, h: p.h }]))
}

/** `data` with every element placed by `layoutBoard` (sizes kept; arenas may grow to hold their members). */
export function applyLayout(data: BoardData, options: LayoutOptions = {}): BoardData {
  const boxes = layoutBoard(data.elements, data.links, options)
  return {
    ...data,
    elements: data.elements.map((el): ElementData => {
      const box = boxes.get(el.id)
      return box ? { ...el, ...box } : el
    }),
  }
}

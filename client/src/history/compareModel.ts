/**
 * The comparison of two boards as something to draw: one merged board that holds everything of the later
 * board plus what was removed since the earlier one (drawn as ghosts), and the highlight state of every
 * record that differs. Drawing the merged board with the ordinary canvas keeps the comparison on the same
 * visual language as the live board; the highlights (shared `HIGHLIGHT_STYLES`) mark added, removed and
 * changed records, and a moved element also shows where it was.
 */
import {
  compareBoards,
  type BoardData,
  type BoardDiff,
  type Box,
  type ElementData,
  type HighlightState,
  type LinkData,
} from '@circleboard/shared'

/** A moved or resized element: where it was and where it is. */
export interface ElementMove {
  readonly id: string
  readonly before: Box
  readonly after: Box
}

/** What the compare view draws. */
export interface CompareScene {
  /** The later board plus the removed records of the earlier one. */
  readonly board: BoardData
  readonly elementStates: ReadonlyMap<string, HighlightState>
  readonly linkStates: ReadonlyMap<string, HighlightState>
  /** Removed records, drawn faded. */
  readonly ghosts: ReadonlySet<string>
  readonly moves: readonly ElementMove[]
  readonly diff: BoardDiff
}

/**
 * Relations of merged records that no longer hold (a ghost's organisation was retyped meanwhile): cleared,
 * so that the merged board is a valid board to write and draw.
 */
function settleRelations(elements: readonly ElementData[]): ElementData[] {
  const byId = new Map(elements.map((e) => [e.id, e]))
  return elements.map((e) => {
    const org = e.org === null ? null : byId.get(e.org)
    const arena = e.arena === null ? null : byId.get(e.arena)
    const orgOk = e.org === null || (org?.type === 'actor' && org.kind === 'organization' && org.id !== e.id)
    const arenaOk = e.arena === null || (arena?.type === 'arena' && e.type !== 'arena')
    return orgOk && arenaOk ? e : { ...e, org: orgOk ? e.org : null, arena: arenaOk ? e.arena : null }
  })
}

const box = (e: ElementData): Box => ({ x: e.x, y: e.y, w: e.w, h: e.h })

/** The merged board and highlight states for `before` -> `after` (`before` is the earlier board). */
export function compareScene(before: BoardData, after: BoardData, diff?: BoardDiff): CompareScene {
  const d = diff ?? compareBoards(before, after)
  const elementStates = new Map<string, HighlightState>()
  const linkStates = new Map<string, HighlightState>()
  for (const e of d.elements.added) elementStates.set(e.id, 'added')
  for (const e of d.elements.removed) elementStates.set(e.id, 'removed')
  for (const c of d.elements.changed) elementStates.set(c.id, 'changed')
  for (const l of d.links.added) linkStates.set(l.id, 'added')
  for (const l of d.links.removed) linkStates.set(l.id, 'removed')
  for (const c of d.links.changed) linkStates.set(c.id, 'changed')

  const elements = settleRelations([...after.elements, ...d.elements.removed])
  const ids = new Set(elements.map((e) => e.id))
  // A removed link is drawn when both its ends are (they are: an end is either still there or a ghost).
  const links: LinkData[] = [
    ...after.links,
    ...d.links.removed.filter((l) => ids.has(l.from) && ids.has(l.to)),
  ]
  const moves: ElementMove[] = d.elements.changed
    .filter((c) => c.changes.some((f) => f.field === 'position' || f.field === 'size'))
    .map((c) => ({ id: c.id, before: box(c.before), after: box(c.after) }))
  const board: BoardData = {
    ...after,
    elements,
    links,
    // Threads and broken records play no part in the drawing.
    comments: [],
    invalid: [],
  }
  const ghosts = new Set<string>([
    ...d.elements.removed.map((e) => e.id),
    ...d.links.removed.map((l) => l.id),
  ])
  return { board, elementStates, linkStates, ghosts, moves, diff: d }
}

/** How many records of each state the scene marks. */
export function highlightCounts(scene: CompareScene): Readonly<Record<HighlightState, number>> {
  const counts: Record<HighlightState, number> = { added: 0, removed: 0, changed: 0 }
  for (const s of scene.elementStates.values()) counts[s]++
  for (const s of scene.linkStates.values()) counts[s]++
  return counts
}

/**
 * Comparing two snapshots of a board (DESIGN.md: "snapshot ... kept for the record, exported, compared"):
 * which elements and links were added, removed or changed between them, and for a changed record, which
 * fields changed, from what to what. Records are matched by id, so a relabelled actor is one changed
 * actor, not one removed and one added.
 *
 * By default only what a person did to the content counts: type, kind, label, position, size,
 * organisation, arena, colour, tags, a link's ends, kind and label. Provenance (who/when/which meeting
 * touched it), stacking order and unknown fields change as a side effect of that work, so they are left
 * out unless asked for. Results come in a stable order (by type or kind, then label, then id), the same
 * for the same two boards, so minutes and tests can rely on it.
 */
import {
  ELEMENT_TYPES,
  LINK_KINDS,
  type BoardData,
  type ElementData,
  type ElementType,
  type LinkData,
  type LinkKind,
} from '../model/types.js'
import type { Size } from '../model/index.js'

/** A point on the board. */
export interface Point {
  readonly x: number
  readonly y: number
}

type Change<F extends string, V> = { readonly field: F; readonly before: V; readonly after: V }

/** Provenance fields shared by elements and links (ignored unless `includeProvenance`). */
export type ProvenanceFieldChange =
  | Change<'createdBy' | 'updatedBy', string | null>
  | Change<'createdAt' | 'updatedAt' | 'meeting' | 'updatedMeeting', number | null>

/** One changed field of an element. */
export type ElementFieldChange =
  | Change<'type', ElementType>
  | Change<'kind' | 'label' | 'z', string>
  | Change<'position', Point>
  | Change<'size', Size>
  | Change<'org' | 'arena' | 'color', string | null>
  | (Change<'tags', readonly string[]> & {
      readonly added: readonly string[]
      readonly removed: readonly string[]
    })
  | Change<'extra', Readonly<Record<string, unknown>>>
  | ProvenanceFieldChange

/** One changed field of a link. */
export type LinkFieldChange =
  | Change<'from' | 'to' | 'label', string>
  | Change<'kind', LinkKind>
  | Change<'extra', Readonly<Record<string, unknown>>>
  | ProvenanceFieldChange

/** An element present in both boards with at least one changed field. */
export interface ElementChange {
  readonly id: string
  readonly before: ElementData
  readonly after: ElementData
  readonly changes: readonly ElementFieldChange[]
}

/** A link present in both boards with at least one changed field. */
export interface LinkChange {
  readonly id: string
  readonly before: LinkData
  readonly after: LinkData
  readonly changes: readonly LinkFieldChange[]
}

/** Counts of a diff. */
export interface DiffSummary {
  readonly elementsAdded: number
  readonly elementsRemoved: number
  readonly elementsChanged: number
  readonly linksAdded: number
  readonly linksRemoved: number
  readonly linksChanged: number
  /** Sum of the six counts; 0 for boards that are the same. */
  readonly total: number
}

/** What changed from one board to another. */
export interface BoardDiff {
  readonly elements: {
    readonly added: readonly ElementData[]
    readonly removed: readonly ElementData[]
    readonly changed: readonly ElementChange[]
  }
  readonly links: {
    readonly added: readonly LinkData[]
    readonly removed: readonly LinkData[]
    readonly changed: readonly LinkChange[]
  }
  readonly summary: DiffSummary
}

/** What else counts as a change. */
export interface CompareOptions {
  /** createdBy/At, updatedBy/At, meeting, updatedMeeting. */
  readonly includeProvenance?: boolean
  /** The stacking order `z` (bring to front / send to back). */
  readonly includeStacking?: boolean
  /** Fields this version does not know (`extra`). */
  readonly includeExtra?: boolean
}

/** The differences between two boards, `before` being the earlier snapshot. */
export function compareBoards(before: BoardData, after: BoardData, options: CompareOptions = {}): BoardDiff {
  const elements = diffById(before.elements, after.elements, (a, b) => elementChanges(a, b, options))
  const links = diffById(before.links, after.links, (a, b) => linkChanges(a, b, options))
  const elementOrder = elementComparator()
  const linkOrder = linkComparator(before, after)
  const diff = {
    elements: {
      added: elements.added.sort(elementOrder),
      removed: elements.removed.sort(elementOrder),
      changed: elements.changed.sort((a, b) => elementOrder(a.after, b.after)),
    },
    links: {
      added: links.added.sort(linkOrder),
      removed: links.removed.sort(linkOrder),
      changed: links.changed.sort((a, b) => linkOrder(a.after, b.after)),
    },
  }
  const counts = [
    diff.elements.added.length,
    diff.elements.removed.length,
    diff.elements.changed.length,
    diff.links.added.length,
    diff.links.removed.length,
    diff.links.changed.length,
  ] as const
  const summary: DiffSummary = {
    elementsAdded: counts[0],
    elementsRemoved: counts[1],
    elementsChanged: counts[2],
    linksAdded: counts[3],
    linksRemoved: counts[4],
    linksChanged: counts[5],
    total: counts.reduce((a, b) => a + b, 0),
  }
  return { ...diff, summary }
}

/** True when the diff holds no change. */
export function isEmptyDiff(diff: BoardDiff): boolean {
  return diff.summary.total === 0
}

function diffById<T extends { id: string }, C>(
  before: readonly T[],
  after: readonly T[],
  changes: (a: T, b: T) => C[],
): { added: T[]; removed: T[]; changed: { id: string; before: T; after: T; changes: C[] }[] } {
  const old = new Map(before.map((r) => [r.id, r]))
  const now = new Set(after.map((r) => r.id))
  const added: T[] = []
  const changed: { id: string; before: T; after: T; changes: C[] }[] = []
  for (const record of after) {
    const was = old.get(record.id)
    if (was === undefined) added.push(record)
    else {
      const fields = changes(was, record)
      if (fields.length > 0) changed.push({ id: record.id, before: was, after: record, changes: fields })
    }
  }
  return { added, removed: before.filter((r) => !now.has(r.id)), changed }
}

/** Deep equality of JSON-like values (unknown fields), independent of key order. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(rb, k) && sameJson(ra[k], rb[k]))
}

function provenanceChanges(a: ElementData | LinkData, b: ElementData | LinkData): ProvenanceFieldChange[] {
  const out: ProvenanceFieldChange[] = []
  for (const field of ['createdBy', 'updatedBy'] as const) {
    if (a[field] !== b[field]) out.push({ field, before: a[field], after: b[field] })
  }
  for (const field of ['createdAt', 'updatedAt', 'meeting', 'updatedMeeting'] as const) {
    if (a[field] !== b[field]) out.push({ field, before: a[field], after: b[field] })
  }
  return out
}

function elementChanges(a: ElementData, b: ElementData, options: CompareOptions): ElementFieldChange[] {
  const out: ElementFieldChange[] = []
  if (a.type !== b.type) out.push({ field: 'type', before: a.type, after: b.type })
  for (const field of ['kind', 'label'] as const) {
    if (a[field] !== b[field]) out.push({ field, before: a[field], after: b[field] })
  }
  if (a.x !== b.x || a.y !== b.y)
    out.push({ field: 'position', before: { x: a.x, y: a.y }, after: { x: b.x, y: b.y } })
  if (a.w !== b.w || a.h !== b.h)
    out.push({ field: 'size', before: { w: a.w, h: a.h }, after: { w: b.w, h: b.h } })
  for (const field of ['org', 'arena', 'color'] as const) {
    if (a[field] !== b[field]) out.push({ field, before: a[field], after: b[field] })
  }
  // Tags are a set to the people using them: a new order is not a change.
  const added = b.tags.filter((t) => !a.tags.includes(t))
  const removed = a.tags.filter((t) => !b.tags.includes(t))
  if (added.length > 0 || removed.length > 0) {
    out.push({ field: 'tags', before: a.tags, after: b.tags, added, removed })
  }
  if (options.includeStacking === true && a.z !== b.z) out.push({ field: 'z', before: a.z, after: b.z })
  if (options.includeExtra === true && !sameJson(a.extra, b.extra)) {
    out.push({ field: 'extra', before: a.extra, after: b.extra })
  }
  if (options.includeProvenance === true) out.push(...provenanceChanges(a, b))
  return out
}

function linkChanges(a: LinkData, b: LinkData, options: CompareOptions): LinkFieldChange[] {
  const out: LinkFieldChange[] = []
  for (const field of ['from', 'to'] as const) {
    if (a[field] !== b[field]) out.push({ field, before: a[field], after: b[field] })
  }
  if (a.kind !== b.kind) out.push({ field: 'kind', before: a.kind, after: b.kind })
  if (a.label !== b.label) out.push({ field: 'label', before: a.label, after: b.label })
  if (options.includeExtra === true && !sameJson(a.extra, b.extra)) {
    out.push({ field: 'extra', before: a.extra, after: b.extra })
  }
  if (options.includeProvenance === true) out.push(...provenanceChanges(a, b))
  return out
}

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function elementComparator(): (a: ElementData, b: ElementData) => number {
  return (a, b) =>
    ELEMENT_TYPES.indexOf(a.type) - ELEMENT_TYPES.indexOf(b.type) ||
    compareText(a.label, b.label) ||
    compareText(a.id, b.id)
}

/** Links by kind, then by the labels of their ends (as the later board names them), then id. */
function linkComparator(before: BoardData, after: BoardData): (a: LinkData, b: LinkData) => number {
  const labels = new Map<string, string>()
  for (const e of [...before.elements, ...after.elements]) labels.set(e.id, e.label)
  const label = (id: string): string => labels.get(id) ?? id
  return (a, b) =>
    LINK_KINDS.indexOf(a.kind) - LINK_KINDS.indexOf(b.kind) ||
    compareText(label(a.from), label(b.from)) ||
    compareText(label(a.to), label(b.to)) ||
    compareText(a.id, b.id)
}

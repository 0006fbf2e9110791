/**
 * Where imported rows go and how they are written: the model's layout (`layoutBoard`) arranges them in its
 * lanes, to the right of what is on the board already, and they are added through the ordinary operations
 * in one transaction with this person's origin, so they reach everyone through the board's sync and one
 * Ctrl+Z takes the whole import back.
 */
import * as Y from 'yjs'
import {
  addElement,
  boxesBounds,
  layoutBoard,
  type Box,
  type ElementData,
  type EditContext,
  type ElementDraft,
  type LayoutBox,
} from '@circleboard/shared'
import type { BoardModel } from '../board/BoardModel.js'

/** Space between the board and the imported rows, in board units (a lane gap of the layout). */
export const IMPORT_GAP = 160

/** An imported element with its place. */
export type PlacedDraft = ElementDraft & LayoutBox

/** Lays `drafts` out beside `existing` (to their right, top-aligned), or at the origin on an empty board. */
export function placeDrafts(drafts: readonly ElementDraft[], existing: readonly Box[]): PlacedDraft[] {
  const bounds = boxesBounds(existing)
  const origin = bounds === null ? { x: 0, y: 0 } : { x: bounds.x + bounds.w + IMPORT_GAP, y: bounds.y }
  const boxes = layoutBoard(drafts, [], { origin })
  return drafts.map((d) => {
    const b = boxes.get(d.id) ?? { x: origin.x, y: origin.y, w: 200, h: 100 }
    return { ...d, x: Math.round(b.x), y: Math.round(b.y), w: b.w, h: b.h }
  })
}

/**
 * `drafts` in an order they can be added in: an element after the organisation and arena it names when
 * those are among the drafts too (an organisation can itself belong to another).
 */
export function insertionOrder<T extends Pick<ElementData, 'id' | 'org' | 'arena'>>(
  drafts: readonly T[],
): T[] {
  const pending = new Map(drafts.map((d) => [d.id, d]))
  const out: T[] = []
  const ready = (d: T): boolean =>
    (d.org === null || !pending.has(d.org) || d.org === d.id) &&
    (d.arena === null || !pending.has(d.arena) || d.arena === d.id)
  while (pending.size > 0) {
    const next = [...pending.values()].filter(ready)
    // A cycle (which the CSV import does not make) is broken in input order rather than looping forever.
    const batch = next.length > 0 ? next : [pending.values().next().value as T]
    for (const d of batch) {
      pending.delete(d.id)
      out.push(d)
    }
  }
  return out
}

function addAll(doc: Y.Doc, placed: readonly PlacedDraft[], ctx: EditContext, origin: unknown): string[] {
  const ids: string[] = []
  doc.transact(() => {
    for (const d of insertionOrder(placed)) {
      ids.push(
        addElement(
          doc,
          {
            id: d.id,
            type: d.type,
            kind: d.kind,
            x: d.x,
            y: d.y,
            w: d.w,
            h: d.h,
            label: d.label,
            org: d.org,
            arena: d.arena,
            color: d.color,
            tags: d.tags,
          },
          // The row's meeting ("added in meeting 3") when the table gives one, else the running meeting.
          { ...ctx, meeting: d.meeting ?? ctx.meeting },
        ),
      )
    }
  }, origin)
  return ids
}

/**
 * Adds the placed drafts to the live board as one undoable step; returns their ids. A Yjs transaction
 * cannot be rolled back, so the same additions are first tried on a copy of the board: when the model
 * refuses one, this throws and the live board is untouched.
 */
export function writeDrafts(model: BoardModel, placed: readonly PlacedDraft[]): string[] {
  const ctx = model.editContext()
  const trial = new Y.Doc()
  try {
    Y.applyUpdate(trial, Y.encodeStateAsUpdate(model.doc))
    addAll(trial, placed, ctx, 'trial')
  } finally {
    trial.destroy()
  }
  model.undo.stopCapturing()
  const ids = addAll(model.doc, placed, ctx, model.origin)
  model.undo.stopCapturing()
  return ids
}

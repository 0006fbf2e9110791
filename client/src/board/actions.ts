/**
 * The board's commands, shared by the toolbar, the keyboard, the outline and the properties panel: each
 * is one model operation (one transaction, this person's origin, so it is one undo step) on the current
 * selection or on given ids. A refused operation (the element was deleted meanwhile, the board is
 * read-only) returns `false` and changes nothing.
 */
import {
  ELEMENT_SPECS,
  addElement,
  bringToFront,
  deleteElements,
  deleteLinks,
  duplicateElements,
  sendToBack,
  setElementPositions,
  type ElementData,
  type ElementType,
  type Point,
} from '@circleboard/shared'
import type { BoardModel } from './BoardModel.js'

/** Runs an edit; false when the model refused it or the board is read-only. */
export function attempt(model: BoardModel, fn: () => void): boolean {
  if (model.readOnly) return false
  try {
    fn()
    model.undo.stopCapturing()
    return true
  } catch (err) {
    console.warn('edit refused:', err instanceof Error ? err.message : err)
    return false
  }
}

/** Adds an element of `type` centred on `at` (default: the middle of the view) and selects it. */
export function createElement(model: BoardModel, type: ElementType, at?: Point): string | null {
  const centre = at ?? model.camera.toBoard({ x: model.camera.width / 2, y: model.camera.height / 2 })
  // A feature may create it elsewhere (a silent brainstorm keeps new notes in the person's drafts).
  for (const intercept of model.createInterceptors.all()) {
    const handled = intercept(type, centre)
    if (handled !== undefined) return handled
  }
  const { w, h } = ELEMENT_SPECS[type].defaultSize
  // New elements in the same spot would hide each other: step aside from anything already there.
  let x = Math.round(centre.x - w / 2)
  let y = Math.round(centre.y - h / 2)
  for (
    let i = 0;
    i < 20 && model.store.query({ x: x + 4, y: y + 4, w: w - 8, h: h - 8 }).size > 0 && !at;
    i++
  ) {
    x += 24
    y += 24
  }
  let id: string | null = null
  const ok = attempt(model, () => {
    id = addElement(model.doc, { type, x, y }, model.editContext())
  })
  if (!ok || id === null) return null
  model.selection.set([id])
  return id
}

/** Deletes the selection (elements with their links, and selected links). */
export function deleteSelection(model: BoardModel): boolean {
  const { elements, links } = model.selection.get()
  if (elements.size === 0 && links.size === 0) return false
  const ok = attempt(model, () => {
    model.doc.transact(() => {
      if (links.size > 0) deleteLinks(model.doc, [...links], model.editContext())
      if (elements.size > 0) deleteElements(model.doc, [...elements], model.editContext())
    }, model.origin)
  })
  if (ok) model.selection.clear()
  return ok
}

/** Duplicates the selected elements (with the links between them) and selects the copies. */
export function duplicateSelection(model: BoardModel): boolean {
  const ids = [...model.selection.get().elements]
  if (ids.length === 0) return false
  let copies = new Map<string, string>()
  const ok = attempt(model, () => {
    copies = duplicateElements(model.doc, ids, model.editContext())
  })
  if (ok) model.selection.set([...copies.values()])
  return ok
}

/** Moves the selection by a board-unit offset (arrow keys). */
export function nudgeSelection(model: BoardModel, dx: number, dy: number): boolean {
  const list = selectedElements(model).map((e) => ({ id: e.id, x: e.x + dx, y: e.y + dy }))
  if (list.length === 0) return false
  return attempt(model, () => setElementPositions(model.doc, list, model.editContext()))
}

/** The selected elements that exist. */
export function selectedElements(model: BoardModel): ElementData[] {
  return [...model.selection.get().elements]
    .map((id) => model.store.element(id))
    .filter((e): e is ElementData => e !== undefined)
}

/** Alignment of several elements. */
export type Alignment = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom'

/** Aligns the selected elements on their common box's edge or centre line. */
export function alignSelection(model: BoardModel, how: Alignment): boolean {
  const els = selectedElements(model)
  if (els.length < 2) return false
  const left = Math.min(...els.map((e) => e.x))
  const right = Math.max(...els.map((e) => e.x + e.w))
  const top = Math.min(...els.map((e) => e.y))
  const bottom = Math.max(...els.map((e) => e.y + e.h))
  const list = els.map((e) => {
    switch (how) {
      case 'left':
        return { id: e.id, x: left, y: e.y }
      case 'right':
        return { id: e.id, x: right - e.w, y: e.y }
      case 'center':
        return { id: e.id, x: Math.round((left + right) / 2 - e.w / 2), y: e.y }
      case 'top':
        return { id: e.id, x: e.x, y: top }
      case 'bottom':
        return { id: e.id, x: e.x, y: bottom - e.h }
      case 'middle':
        return { id: e.id, x: e.x, y: Math.round((top + bottom) / 2 - e.h / 2) }
    }
  })
  return attempt(model, () =>
    setElementPositions(model.doc, list, model.editContext(), { carryMembers: false }),
  )
}

/** Spreads the selected elements evenly between the outermost two, horizontally or vertically. */
export function distributeSelection(model: BoardModel, axis: 'horizontal' | 'vertical'): boolean {
  const els = selectedElements(model)
  if (els.length < 3) return false
  const pos = (e: ElementData): number => (axis === 'horizontal' ? e.x : e.y)
  const size = (e: ElementData): number => (axis === 'horizontal' ? e.w : e.h)
  const sorted = [...els].sort((a, b) => pos(a) - pos(b))
  const first = sorted[0]!
  const last = sorted[sorted.length - 1]!
  const span = pos(last) + size(last) - pos(first)
  const gap = (span - sorted.reduce((n, e) => n + size(e), 0)) / (sorted.length - 1)
  let cursor = pos(first)
  const list = sorted.map((e) => {
    const at = Math.round(cursor)
    cursor += size(e) + gap
    return axis === 'horizontal' ? { id: e.id, x: at, y: e.y } : { id: e.id, x: e.x, y: at }
  })
  return attempt(model, () =>
    setElementPositions(model.doc, list, model.editContext(), { carryMembers: false }),
  )
}

/** Brings the selection to the front or sends it to the back. */
export function restack(model: BoardModel, where: 'front' | 'back'): boolean {
  const ids = [...model.selection.get().elements]
  if (ids.length === 0) return false
  return attempt(model, () =>
    (where === 'front' ? bringToFront : sendToBack)(model.doc, ids, model.editContext()),
  )
}

/** Undo and redo of this person's own edits. */
export function undo(model: BoardModel): boolean {
  if (model.readOnly || model.undo.undoStack.length === 0) return false
  model.undo.undo()
  return true
}

export function redo(model: BoardModel): boolean {
  if (model.readOnly || model.undo.redoStack.length === 0) return false
  model.undo.redo()
  return true
}

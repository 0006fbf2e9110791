/**
 * The panels' edits beyond those in `board/actions.ts`: each is one model operation (one transaction with
 * this person's origin, so one undo step), refused quietly (returns `false`) when the board is read-only
 * or the record went away meanwhile.
 */
import {
  addToArena,
  applyLabelDelta,
  applyLinkLabelDelta,
  assignOrganisation,
  bringForward,
  changeElementKind,
  changeElementType,
  connect,
  deleteElements,
  deleteLinks,
  isKindOf,
  reconnectLink,
  removeFromArena,
  sendBackward,
  setElementColor,
  setElementTags,
  setLinkKind,
  type ElementType,
  type LinkKind,
} from '@circleboard/shared'
import type { BoardModel } from '../board/BoardModel.js'
import { attempt } from '../board/actions.js'
import { textDelta } from '../canvas/LabelEditor.js'

/** Changes type and kind of elements together (one undo step); kinds the type lacks become its default. */
export function retype(model: BoardModel, ids: readonly string[], type: ElementType, kind?: string): boolean {
  return attempt(model, () =>
    model.doc.transact(() => {
      const ctx = model.editContext()
      for (const id of ids) {
        const e = model.store.element(id)
        if (!e) continue
        if (e.type !== type) changeElementType(model.doc, id, type, ctx)
        if (kind !== undefined && isKindOf(type, kind)) changeElementKind(model.doc, id, kind, ctx)
      }
    }, model.origin),
  )
}

/** Replaces an element's or a link's label by the smallest text edit (others' typing elsewhere is kept). */
export function editLabel(model: BoardModel, target: 'element' | 'link', id: string, next: string): boolean {
  const current = target === 'element' ? model.store.element(id)?.label : model.store.link(id)?.label
  if (current === undefined) return false
  // A text guard may hold the change back (personal data); it then writes it itself when the person chooses.
  if (!model.readOnly && model.guardText({ target, id, before: current, after: next })) return true
  const delta = textDelta(current, next)
  if (delta.length === 0) return true
  // Typing is captured into one undo step by the undo manager's capture timeout; no stopCapturing here.
  if (model.readOnly) return false
  try {
    if (target === 'element') applyLabelDelta(model.doc, id, delta, model.editContext())
    else applyLinkLabelDelta(model.doc, id, delta, model.editContext())
    return true
  } catch (err) {
    console.warn('label edit refused:', err instanceof Error ? err.message : err)
    return false
  }
}

/** Links two elements; returns the new link's id. */
export function connectElements(model: BoardModel, from: string, to: string, kind: LinkKind): string | null {
  let id: string | null = null
  const ok = attempt(model, () => {
    id = connect(model.doc, { from, to, kind }, model.editContext())
  })
  return ok ? id : null
}

/** Deletes elements (with their links) and links, in one step. */
export function deleteRecords(
  model: BoardModel,
  elements: readonly string[],
  links: readonly string[],
): boolean {
  const ok = attempt(model, () =>
    model.doc.transact(() => {
      if (links.length > 0) deleteLinks(model.doc, links, model.editContext())
      if (elements.length > 0) deleteElements(model.doc, elements, model.editContext())
    }, model.origin),
  )
  if (ok) model.selection.prune(model.store)
  return ok
}

/** Sets (or clears, with `null`) the colour of elements. */
export function setColor(model: BoardModel, ids: readonly string[], color: string | null): boolean {
  return attempt(model, () => setElementColor(model.doc, ids, color, model.editContext()))
}

/** Replaces an element's tags. */
export function setTags(model: BoardModel, id: string, tags: readonly string[]): boolean {
  return attempt(model, () => setElementTags(model.doc, id, tags, model.editContext()))
}

/** Assigns elements to an organisation actor, or to none. */
export function setOrganisation(model: BoardModel, ids: readonly string[], org: string | null): boolean {
  return attempt(model, () => assignOrganisation(model.doc, ids, org, model.editContext()))
}

/** Puts elements into an arena, or takes them out (`null`). */
export function setArena(model: BoardModel, ids: readonly string[], arena: string | null): boolean {
  return attempt(model, () =>
    arena === null
      ? removeFromArena(model.doc, ids, model.editContext())
      : addToArena(model.doc, ids, arena, model.editContext()),
  )
}

/** One step up or down in the stacking order. */
export function restackStep(
  model: BoardModel,
  ids: readonly string[],
  where: 'forward' | 'backward',
): boolean {
  return attempt(model, () =>
    (where === 'forward' ? bringForward : sendBackward)(model.doc, ids, model.editContext()),
  )
}

/** Changes a link's kind. */
export function setKindOfLink(model: BoardModel, id: string, kind: LinkKind): boolean {
  return attempt(model, () => setLinkKind(model.doc, id, kind, model.editContext()))
}

/** Moves one end of a link to another element. */
export function reconnect(model: BoardModel, id: string, end: 'from' | 'to', element: string): boolean {
  return attempt(model, () => reconnectLink(model.doc, id, end, element, model.editContext()))
}

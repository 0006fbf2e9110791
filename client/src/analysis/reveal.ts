/**
 * A click on a finding: select what it is about and bring it into view. One element is revealed like the
 * outline reveals one (centred if it is not fully visible, zoomed in if tiny); several are fitted into the
 * view unless they are all visible already, so a click never moves a view that shows them.
 */
import { BOUNDS_MARGIN, boxesBounds, type ElementData } from '@circleboard/shared'
import type { BoardModel } from '../board/BoardModel.js'
import { revealElement } from '../canvas/cameraActions.js'
import type { FindingSelection } from './findings.js'

/** Whether every box lies inside `view`. */
export function allInside(
  boxes: readonly { x: number; y: number; w: number; h: number }[],
  view: { x: number; y: number; w: number; h: number },
): boolean {
  return boxes.every(
    (b) => b.x >= view.x && b.y >= view.y && b.x + b.w <= view.x + view.w && b.y + b.h <= view.y + view.h,
  )
}

/** Selects the finding's elements and links that still exist and reveals the elements. */
export function revealFinding(model: BoardModel, selection: FindingSelection): void {
  const elements = selection.elements
    .map((id) => model.store.element(id))
    .filter((e): e is ElementData => e !== undefined)
  const links = selection.links.filter((id) => model.store.link(id) !== undefined)
  model.selection.set(
    elements.map((e) => e.id),
    links,
  )
  if (elements.length === 0) return
  if (elements.length === 1) return revealElement(model, elements[0]!.id)
  if (allInside(elements, model.camera.viewBox())) return
  model.camera.fit(boxesBounds(elements, BOUNDS_MARGIN), 64, 1)
}

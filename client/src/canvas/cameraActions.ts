/** Camera actions of the toolbar and the keyboard: zoom to fit, to the selection, in and out, reveal. */
import { BOUNDS_MARGIN, boxesBounds, type ElementData } from '@circleboard/shared'
import type { BoardModel } from '../board/BoardModel.js'

/** Shows the whole board. */
export function zoomToFit(model: BoardModel): void {
  model.camera.fit(boxesBounds(model.store.allElements(), BOUNDS_MARGIN))
}

/** Shows the selected elements (the whole board when nothing is selected). */
export function zoomToSelection(model: BoardModel): void {
  const selected = [...model.selection.get().elements]
    .map((id) => model.store.element(id))
    .filter((e): e is ElementData => e !== undefined)
  if (selected.length === 0) return zoomToFit(model)
  model.camera.fit(boxesBounds(selected, BOUNDS_MARGIN), 64, 2)
}

/** Zooms in or out around the middle of the view. */
export function zoomStep(model: BoardModel, direction: 1 | -1): void {
  const { camera } = model
  camera.zoomAt({ x: camera.width / 2, y: camera.height / 2 }, direction > 0 ? 1.25 : 0.8)
}

/** Brings an element into view (centring it) if it is not fully visible, zooming in if it is tiny. */
export function revealElement(model: BoardModel, id: string): void {
  const e = model.store.element(id)
  if (!e) return
  const { camera } = model
  const view = camera.viewBox()
  const inside =
    e.x >= view.x && e.y >= view.y && e.x + e.w <= view.x + view.w && e.y + e.h <= view.y + view.h
  if (camera.get().scale * Math.max(e.w, e.h) < 40) {
    camera.set({ ...camera.get(), scale: Math.min(1, 120 / Math.max(e.w, e.h)) })
  }
  if (!inside || camera.get().scale * Math.max(e.w, e.h) < 40)
    camera.centerOn({ x: e.x + e.w / 2, y: e.y + e.h / 2 })
}

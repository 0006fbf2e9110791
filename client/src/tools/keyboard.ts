/**
 * Keyboard shortcuts of the canvas (shown in the toolbar's tooltips and the help panel). Every canvas
 * action has a path without a pointer: creating (a r v n b f), connecting (c, then the outline or the
 * properties panel), editing (Enter, F2), moving (arrows, shift for 10x), deleting, undo/redo, zoom.
 */
import type { ElementType } from '@circleboard/shared'
import type { BoardModel } from '../board/BoardModel.js'
import { deleteSelection, duplicateSelection, nudgeSelection, redo, undo } from '../board/actions.js'
import { zoomStep, zoomToFit, zoomToSelection } from '../canvas/cameraActions.js'
import type { CanvasController } from './CanvasController.js'

/** Keys that create an element of a type. */
export const CREATE_KEYS: Readonly<Record<string, ElementType>> = {
  a: 'actor',
  r: 'resource',
  v: 'value',
  n: 'note',
  b: 'barrier',
  f: 'arena',
}

/** What the keyboard can ask of the board view beyond the model. */
export interface KeyboardHooks {
  create(type: ElementType): void
  editLabel(id: string): void
  copy(): void
  paste(): void
  toggleConnect(): void
}

/** Handles a key press on the canvas; true when it was a shortcut (and the event is consumed). */
export function handleCanvasKey(
  e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  model: BoardModel,
  controller: CanvasController,
  hooks: KeyboardHooks,
): boolean {
  const mod = e.ctrlKey || e.metaKey
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key
  if (mod) {
    switch (key) {
      case 'z':
        return e.shiftKey ? redo(model) || true : undo(model) || true
      case 'y':
        return redo(model) || true
      case 'd':
        return duplicateSelection(model) || true
      case 'c':
        hooks.copy()
        return true
      case 'v':
        hooks.paste()
        return true
      case 'a':
        model.selection.set(model.store.allElements().map((el) => el.id))
        return true
      case '0':
        zoomToFit(model)
        return true
      default:
        return false
    }
  }
  if (e.altKey) return false
  switch (key) {
    case 'Escape':
      controller.cancel()
      // A second Escape, with nothing selected, clears the filters (what dims the board).
      if (model.selection.isEmpty) model.filter.clear()
      else model.selection.clear()
      return true
    case 'Delete':
    case 'Backspace':
      return deleteSelection(model) || true
    case 'Enter':
    case 'F2': {
      const [first] = model.selection.get().elements
      if (first) hooks.editLabel(first)
      return first !== undefined
    }
    case 'ArrowLeft':
    case 'ArrowRight':
    case 'ArrowUp':
    case 'ArrowDown': {
      const step = e.shiftKey ? 50 : 5
      const dx = key === 'ArrowLeft' ? -step : key === 'ArrowRight' ? step : 0
      const dy = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : 0
      if (model.selection.get().elements.size > 0) nudgeSelection(model, dx, dy)
      else model.camera.panBy(-dx * 4, -dy * 4)
      return true
    }
    case '+':
    case '=':
      zoomStep(model, 1)
      return true
    case '-':
      zoomStep(model, -1)
      return true
    case '!':
    case '1':
      if (e.shiftKey || key === '!') {
        zoomToFit(model)
        return true
      }
      return false
    case '@':
    case '2':
      if (e.shiftKey || key === '@') {
        zoomToSelection(model)
        return true
      }
      return false
    case 'c':
      hooks.toggleConnect()
      return true
    default: {
      const type = CREATE_KEYS[key]
      if (type && !e.shiftKey) {
        hooks.create(type)
        return true
      }
      return false
    }
  }
}

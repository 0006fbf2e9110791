/**
 * A deliberate test hook for the browser tests (tests/e2e/board.test.ts): with `?test` in the page's
 * address, `window.__circleboard` answers what a test cannot see through the DOM of a canvas: where an
 * element is on screen, which elements the canvas dims, and the board as plain data. Without `?test` it
 * is never installed. It reads only; every change in the tests goes through the UI.
 */
import type * as Y from 'yjs'
import { canonicalBoard, readBoard } from '@circleboard/shared'
import type { BoardModel } from '../board/BoardModel.js'
import { filterPredicate } from '../canvas/SceneShapes.js'

/** What `window.__circleboard` offers. */
export interface CircleboardTestHook {
  /** The element's box in page (CSS pixel) coordinates, or `null`. */
  screenBox(id: string): { x: number; y: number; w: number; h: number } | null
  /** Ids of the elements whose label is exactly `label`. */
  idsByLabel(label: string): string[]
  /** Ids of the elements the canvas draws dimmed now. */
  dimmed(): string[]
  /** The board document as canonical plain data (what two browsers compare). */
  board(): unknown
  /** The camera's scale. */
  scale(): number
}

declare global {
  interface Window {
    __circleboard?: CircleboardTestHook
  }
}

/** Installs the hook when the address asks for it; returns its removal. */
export function installTestHook(model: BoardModel, doc: Y.Doc): () => void {
  if (!new URLSearchParams(window.location.search).has('test')) return () => {}
  const hook: CircleboardTestHook = {
    screenBox(id) {
      const e = model.store.element(id)
      const canvas = document.querySelector('.board-canvas')
      if (!e || !canvas) return null
      const r = canvas.getBoundingClientRect()
      const p = model.camera.toScreen({ x: e.x, y: e.y })
      const s = model.camera.get().scale
      return { x: r.left + p.x, y: r.top + p.y, w: e.w * s, h: e.h * s }
    },
    idsByLabel: (label) =>
      model.store
        .allElements()
        .filter((e) => e.label === label)
        .map((e) => e.id),
    dimmed() {
      const dim = filterPredicate(model)
      return model.store
        .allElements()
        .filter((e) => dim(e.id) || model.tints.all().some((tint) => tint(e.id)?.dim === true))
        .map((e) => e.id)
    },
    board: () => canonicalBoard(readBoard(doc)),
    scale: () => model.camera.get().scale,
  }
  window.__circleboard = hook
  return () => {
    if (window.__circleboard === hook) delete window.__circleboard
  }
}

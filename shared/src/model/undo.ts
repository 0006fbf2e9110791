/**
 * Per-person undo. Each session creates its own undo manager tracking only its own `LocalOrigin`, so when
 * two people edit at once, each one's Ctrl+Z takes back their own change and nobody else's; Yjs's undo never
 * overwrites a field that someone else changed since.
 *
 * Scope: elements, links, comments and meta (the board title). Meetings and people are left out on purpose:
 * starting a meeting or joining the board is not an edit to take back with Ctrl+Z.
 */
import * as Y from 'yjs'
import { DocName } from './document.js'
import { boardMaps } from './writeBoard.js'
import type { BoardOrigin } from './origins.js'

/**
 * Edits closer together than this (ms) become one undo step: a drag is many moves but one step, and a word
 * typed in a label is one step rather than one per key. Yjs's own default, kept on purpose: shorter splits a
 * slow drag, longer merges separate actions.
 */
export const UNDO_CAPTURE_TIMEOUT = 500

/** Names of the top-level types that undo covers. */
export const UNDO_SCOPE: readonly string[] = [DocName.elements, DocName.links, DocName.comments, DocName.meta]

/** Options of `createUndoManager`. */
export interface UndoOptions {
  /** Default `UNDO_CAPTURE_TIMEOUT`; 0 makes every transaction its own step (tests). */
  readonly captureTimeout?: number
}

/** An undo manager over the board that tracks only edits made with `origin`. */
export function createUndoManager(doc: Y.Doc, origin: BoardOrigin, options: UndoOptions = {}): Y.UndoManager {
  const maps = boardMaps(doc)
  return new Y.UndoManager([maps.elements, maps.links, maps.comments, maps.meta], {
    captureTimeout: options.captureTimeout ?? UNDO_CAPTURE_TIMEOUT,
    trackedOrigins: new Set<unknown>([origin]),
  })
}

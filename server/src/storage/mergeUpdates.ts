/**
 * Folding a stored state and its log into one state update. Done through a Y.Doc rather than
 * `Y.mergeUpdates`, so that deleted content is garbage-collected the way a live document does it.
 */
import * as Y from 'yjs'

/** The merged state and how many log entries could not be applied (they are dropped and reported). */
export interface MergeResult {
  readonly state: Uint8Array
  readonly skipped: number
}

/** Applies `state` and then `updates` to a fresh document and encodes the result. */
export function mergeStored(state: Uint8Array | null, updates: readonly Uint8Array[]): MergeResult {
  const doc = new Y.Doc()
  let skipped = 0
  try {
    for (const update of state ? [state, ...updates] : updates) {
      try {
        Y.applyUpdate(doc, update)
      } catch {
        skipped++
      }
    }
    return { state: Y.encodeStateAsUpdate(doc), skipped }
  } finally {
    doc.destroy()
  }
}

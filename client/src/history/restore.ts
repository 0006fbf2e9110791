/**
 * Restoring a snapshot as a new change on top of the present (issue 5): the board's map (elements, links
 * and the comment threads on them) becomes the snapshot's, in one transaction with this person's origin,
 * so Ctrl+Z takes it back and the stored history is never rewritten.
 *
 * What is not the map stays as it is now: the board's meta (title, pseudonymity: restoring must never
 * turn a pseudonymous board back into one with names), the meetings (the record of the circle's sessions,
 * which undo does not cover either) and the people (provenance of records made since). People named only
 * by the snapshot's provenance are added, so every restored record resolves its author.
 */
import { readBoard, replaceBoard, type BoardData } from '@circleboard/shared'
import type { BoardModel } from '../board/BoardModel.js'

/** The board data a restore writes: the snapshot's map, the present's meta, meetings and people. */
export function restoreData(present: BoardData, snapshot: BoardData): BoardData {
  const elementIds = new Set(snapshot.elements.map((e) => e.id))
  const knownPeople = new Set(present.people.map((p) => p.id))
  const snapshotThreads = snapshot.comments ?? []
  const threadIds = new Set(snapshotThreads.map((t) => t.id))
  // Threads started since the snapshot stay when their element comes back; the snapshot's own come back.
  const comments = [
    ...snapshotThreads,
    ...(present.comments ?? []).filter((t) => !threadIds.has(t.id) && elementIds.has(t.element)),
  ]
  return {
    meta: present.meta,
    elements: snapshot.elements,
    links: snapshot.links,
    meetings: present.meetings,
    people: [...present.people, ...snapshot.people.filter((p) => !knownPeople.has(p.id))],
    comments,
    invalid: [],
  }
}

/**
 * Restores `snapshot` on the live board as one undoable step of this person. Throws (writing nothing) when
 * the model refuses the data; returns false when the board is read-only for this person now.
 */
export function restoreSnapshot(model: BoardModel, snapshot: BoardData): boolean {
  if (model.readOnly) return false
  const data = restoreData(readBoard(model.doc), snapshot)
  // Its own undo step: not merged with an edit made just before, nor with one made just after.
  model.undo.stopCapturing()
  replaceBoard(model.doc, data, model.origin)
  model.undo.stopCapturing()
  return true
}

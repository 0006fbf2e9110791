/**
 * Facilitator actions on the control document: each is one shared operation (shared/src/control) with
 * this session's origin and the server clock's time. The server refuses them from anyone who is not a
 * facilitator or delegate; the interface only offers them to those who are.
 */
import type * as Y from 'yjs'
import type { FacilitationSession } from './FacilitationSession.js'

/** Runs `fn` on the control document; false (and a notice) when it is not there or refuses. */
export function onControl(
  session: FacilitationSession,
  fn: (doc: Y.Doc, now: number, origin: unknown) => void,
): boolean {
  const doc = session.controlDoc
  if (!doc) {
    session.tell('control.failed')
    return false
  }
  try {
    fn(doc, Math.round(session.clock.now()), session.feature.model.origin)
    return true
  } catch (err) {
    console.warn('control change refused:', err instanceof Error ? err.message : err)
    session.tell('control.failed')
    return false
  }
}

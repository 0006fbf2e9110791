/**
 * A board's documents written from Node, as a facilitator's client would write them: the board document
 * through the model's operations, and the control document (`<boardId>/control`) for what only a
 * facilitator may change (the running meeting). For browser tests that need a board prepared, or a
 * meeting ended, without going through another feature's UI.
 */
import * as Y from 'yjs'
import {
  endMeeting,
  localOrigin,
  roomName,
  setCurrentMeeting,
  startMeeting,
  updateMeeting,
  type EditContext,
} from '@circleboard/shared'
import { eventually, provider, synced, type AnyProvider } from './providers.js'

/** A board document (and its control document) open from Node. */
export interface BoardWriter {
  readonly doc: Y.Doc
  readonly control: Y.Doc
  readonly ctx: EditContext
  /** Starts meeting `number` (a new record) and marks it running in the control document. */
  startMeeting(title?: string): { id: string; number: number }
  /** Ends the running meeting in both documents: the server then takes its automatic snapshot. */
  endMeeting(id: string): void
  /** Waits until the server has everything written so far. */
  flushed(): Promise<void>
  close(): void
}

/** Opens a board's documents with `token` (a facilitator token to write the control document). */
export async function openBoardWriter(ws: string, boardId: string, token: string): Promise<BoardWriter> {
  const board = provider('y-websocket 3.1', ws, boardId, token)
  const controlProvider = provider('y-websocket 3.1', ws, roomName({ boardId, kind: 'control' }), token)
  await Promise.all([synced(board), synced(controlProvider)])
  const origin = localOrigin('node-writer')
  const ctx: EditContext = { personId: null, meeting: null, origin }
  const doc = board.doc
  const control = controlProvider.doc
  return {
    doc,
    control,
    ctx,
    startMeeting(title = '') {
      const started = startMeeting(doc, null, ctx)
      if (title !== '') updateMeeting(doc, started.id, { title }, ctx)
      setCurrentMeeting(control, { number: started.number, id: started.id, startedAt: Date.now() }, origin)
      return started
    },
    endMeeting(id) {
      endMeeting(doc, id, ctx)
      setCurrentMeeting(control, null, origin)
    },
    flushed: () =>
      Promise.all([drained(ws, board, token), drained(ws, controlProvider, token)]).then(() => undefined),
    close() {
      board.destroy()
      controlProvider.destroy()
    },
  }
}

/** Resolves once the server has stored everything `p` wrote: a fresh client of the room sees all of it. */
async function drained(ws: string, p: AnyProvider, token: string): Promise<void> {
  const probe = provider('y-websocket 3.1', ws, p.roomname, token)
  try {
    await synced(probe)
    await eventually(() => {
      const theirs = Y.decodeStateVector(Y.encodeStateVector(probe.doc))
      for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(p.doc))) {
        if ((theirs.get(client) ?? 0) < clock) throw new Error('not yet stored')
      }
    })
  } finally {
    probe.destroy()
  }
}

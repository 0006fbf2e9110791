/**
 * Opening a board's connection: the personal token (personalToken.ts), then its websocket at once
 * (earlySocket.ts), then a `BoardConnection` that takes that socket once its chunk has loaded. The entry
 * starts this for a `/b/<id>` page while the page's chunks are still loading (`openBoardEarly`), so that
 * the server's copy of the board is on its way by the time the page renders, instead of being asked for
 * only after the first render; the page then takes that connection (`openBoard`).
 */
import type { BoardConnection } from './BoardConnection.js'
import { EMPTY_SYNC_STEP1, EarlySocket, boardSocketUrl, hasCachedCopy, websocketBase } from './earlySocket.js'
import { personalToken } from './personalToken.js'

let early: { readonly key: string; readonly conn: Promise<BoardConnection> } | null = null

const keyOf = (boardId: string, linkToken: string): string => `${boardId}\n${linkToken}`

function connect(boardId: string, linkToken: string): Promise<BoardConnection> {
  const token = personalToken(boardId, linkToken)
  const socket = token.then(
    (personal) =>
      new EarlySocket(
        boardSocketUrl(websocketBase(), boardId, personal),
        hasCachedCopy(boardId) ? null : EMPTY_SYNC_STEP1,
      ),
  )
  return Promise.all([import('./BoardConnection.js'), token, socket]).then(
    ([{ BoardConnection }, personal, early]) => new BoardConnection(boardId, personal, { early }),
    (error: unknown) => {
      // The chunk did not load: nobody will take the socket.
      void socket.then(
        (early) => early.discard(),
        () => undefined,
      )
      throw error
    },
  )
}

/** Starts opening board `boardId` with `linkToken`, for the page about to render it. */
export function openBoardEarly(boardId: string, linkToken: string): void {
  const conn = connect(boardId, linkToken)
  // A failure (the chunk could not load) is met again by the page's own attempt.
  conn.catch(() => undefined)
  early = { key: keyOf(boardId, linkToken), conn }
}

/**
 * Opens board `boardId` with `linkToken`: the connection started early for it, if any (once: the caller
 * owns and destroys what it gets), or a new one.
 */
export function openBoard(boardId: string, linkToken: string): Promise<BoardConnection> {
  const started = early
  early = null
  if (started?.key === keyOf(boardId, linkToken)) return started.conn.catch(() => connect(boardId, linkToken))
  // An early connection for another board or link is not wanted.
  void started?.conn.then(
    (c) => c.destroy(),
    () => undefined,
  )
  return connect(boardId, linkToken)
}

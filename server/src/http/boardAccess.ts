/**
 * Who may do what with a board over REST (server/SPEC.md H2): reading history is for everyone with a link
 * of the board; what a facilitator steers (snapshots, exports, merging an import) is for the facilitator
 * link and for participants facilitation was handed to (delegates, F3); what decides the board's life
 * (settings, deletion, the audit log) is for the facilitator link only.
 */
import type { FastifyRequest } from 'fastify'
import { isBoardId, type TokenClaims } from '@circleboard/shared'
import type { BoardRecord } from '../storage/DocStore.js'
import type { Services } from './services.js'
import { requireBoardToken } from './auth.js'
import { forbidden, notFound } from './errors.js'

/** How much a request needs: any link, facilitation (facilitator or delegate), or the facilitator link. */
export type BoardAccess = 'read' | 'facilitate' | 'own'

/** The request's verified claims and the board's record, or the HTTP error that says why not. */
export async function boardFor(
  services: Services,
  req: FastifyRequest,
  boardId: string,
  access: BoardAccess,
): Promise<{ claims: TokenClaims; board: BoardRecord }> {
  if (!isBoardId(boardId)) throw notFound('no such board')
  const claims = requireBoardToken(services.signer, req, boardId)
  if (access === 'own' && claims.role !== 'facilitator') throw forbidden('this needs the facilitator link')
  if (access === 'facilitate' && claims.role !== 'facilitator') {
    const session = await services.sync.sessions.peek(boardId)
    if (!services.sync.policy.canFacilitate(claims, session))
      throw forbidden('this needs the facilitator link, or facilitation handed to you')
  }
  const board = await services.store.getBoard(boardId)
  if (!board) throw notFound('this board does not exist (it may have been deleted)')
  return { claims, board }
}

/** The board document as stored, after the live room (if any) has stored everything it has queued. */
export async function storedBoard(
  services: Services,
  boardId: string,
): Promise<{ state: Uint8Array | null; updates: readonly Uint8Array[] }> {
  const live = services.sync.rooms.get(boardId)
  if (live) await live.settle()
  return services.store.load(boardId)
}

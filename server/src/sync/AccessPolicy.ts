/**
 * Who may read and who may change which document of a board (DESIGN.md, "Access" and "Permission
 * boundaries follow document boundaries"). Reading is decided once, when a connection opens; writing is
 * asked on every update, from the board's current facilitation state, so locking the board or handing
 * facilitation over changes what open connections may do at once.
 *
 * - board document: facilitators write; participants write unless the board is locked (delegates still
 *   may); viewers never.
 * - control document: facilitators and the participants facilitation was handed to.
 * - drafts: only their owner opens them, and the owner writes them.
 */
import {
  DeniedReason,
  EMPTY_CONTROL,
  isDelegate,
  type RoomRef,
  type SessionState,
  type TokenClaims,
} from '@circleboard/shared'

/** Gives the current facilitation state of a board (the defaults when it is not known). */
export type SessionLookup = (boardId: string) => SessionState | undefined

/** Decides access to the documents of boards. */
export class AccessPolicy {
  constructor(private readonly sessionOf: SessionLookup = () => undefined) {}

  /** `null` when `claims` may open `ref`, else the reason it may not (sent in a 4403 close). */
  denyRead(claims: TokenClaims, ref: RoomRef): string | null {
    if (claims.boardId !== ref.boardId) return 'this link is for another board'
    if (ref.kind === 'drafts' && claims.personId !== ref.personId)
      return 'these drafts belong to someone else'
    return null
  }

  /** `null` when `claims` may change `ref` now, else the reason (sent as an auth permission-denied message). */
  denyWrite(claims: TokenClaims, ref: RoomRef): string | null {
    if (claims.role === 'facilitator' || ref.kind === 'drafts') return null
    if (claims.role === 'viewer') return DeniedReason.viewOnly
    const session = this.sessionOf(ref.boardId) ?? EMPTY_CONTROL.session
    const delegate = isDelegate(session, claims.personId)
    if (ref.kind === 'control') return delegate ? null : DeniedReason.facilitatorOnly
    if (session.locked && !delegate) return DeniedReason.locked
    return null
  }

  /**
   * True when `claims` may do what a facilitator does in a meeting (REST: snapshots, exports, merging an
   * import; server/SPEC.md H1-H8). What decides the board's life (settings, deletion, the audit log) stays
   * with the facilitator link itself.
   */
  canFacilitate(claims: TokenClaims, session: SessionState): boolean {
    return (
      claims.role === 'facilitator' || (claims.role === 'participant' && isDelegate(session, claims.personId))
    )
  }
}

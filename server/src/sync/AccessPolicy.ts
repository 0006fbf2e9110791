/**
 * Who may read and who may change which document of a board (DESIGN.md, "Access" and "Permission
 * boundaries follow document boundaries"). Reading is decided once, when a connection opens; writing is
 * asked on every update, so a decision can change while a connection stays open.
 */
import type { RoomRef, TokenClaims } from '@circleboard/shared'

/** Decides access to the documents of boards. */
export class AccessPolicy {
  /** `null` when `claims` may open `ref`, else the reason it may not (sent in a 4403 close). */
  denyRead(claims: TokenClaims, ref: RoomRef): string | null {
    if (claims.boardId !== ref.boardId) return 'this link is for another board'
    if (ref.kind === 'drafts' && claims.personId !== ref.personId)
      return 'these drafts belong to someone else'
    return null
  }

  /** `null` when `claims` may change `ref` now, else the reason (sent as an auth permission-denied message). */
  denyWrite(claims: TokenClaims, ref: RoomRef): string | null {
    switch (ref.kind) {
      case 'board':
        return claims.role === 'viewer' ? 'this is a view-only link: changes are not saved' : null
      case 'control':
        return claims.role === 'facilitator' ? null : 'only the facilitator can change meeting controls'
      case 'drafts':
        return null
    }
  }
}

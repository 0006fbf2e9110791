/**
 * The reasons the server gives in auth permission-denied messages (y-protocols auth). The stock client only
 * logs them; our client tells a *refusal* (the change was not applied anywhere: the person's own copy now
 * differs from the board) from a *repair* (the change was applied after the server removed something from
 * it: everyone, the sender included, has the repaired version). Each reason starts with its kind.
 */

/** Prefix of a refusal: the change was not applied. */
export const REFUSED_PREFIX = 'refused: '
/** Prefix of a repair: the change was applied with something removed. */
export const REPAIRED_PREFIX = 'removed: '

/** The reasons the server sends. */
export const DeniedReason = {
  viewOnly: `${REFUSED_PREFIX}this is a view-only link, changes are not saved`,
  locked: `${REFUSED_PREFIX}the facilitator has locked the board for now, changes are not saved`,
  facilitatorOnly: `${REFUSED_PREFIX}only the facilitator can change meeting controls`,
  identityNumber: `${REPAIRED_PREFIX}a Swedish personal identity number (personnummer) was removed from the board: please do not put personal data on the board`,
} as const

/** What kind of notice a permission-denied reason is. */
export function deniedKind(reason: string): 'refused' | 'repaired' {
  return reason.startsWith(REPAIRED_PREFIX) ? 'repaired' : 'refused'
}

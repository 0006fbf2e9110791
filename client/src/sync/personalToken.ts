/**
 * A personal token per board and browser (the server issues it from the shared link token; see server
 * SPEC F1): it carries a pseudonymous person id, which presence, provenance, private drafts and
 * facilitation handover use. Kept in localStorage, so the same browser stays the same person on a board.
 * Offline on the very first visit, the link token is used as it is until the server can be reached.
 */
import { peekToken } from '@circleboard/shared'

const key = (boardId: string): string => `circleboard.identity.${boardId}`

interface Stored {
  readonly linkToken: string
  readonly token: string
  readonly personId: string
}

/** The personal token for `linkToken`, asking the server when this browser has none yet. */
export async function personalToken(boardId: string, linkToken: string): Promise<string> {
  const linkClaims = peekToken(linkToken)
  if (linkClaims?.personId) return linkToken
  try {
    const stored = JSON.parse(localStorage.getItem(key(boardId)) ?? 'null') as Stored | null
    // A different link (say, a facilitator link after a participant one) gets its own identity token,
    // keeping the person id only if the server agrees (it keeps the id of a personal token it is shown).
    if (stored && stored.linkToken === linkToken) return stored.token
  } catch {
    // unreadable: ask again
  }
  try {
    const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/identity`, {
      method: 'POST',
      headers: { authorization: `Bearer ${linkToken}` },
    })
    if (!res.ok) return linkToken
    const body = (await res.json()) as { personId: string; token: string }
    try {
      localStorage.setItem(
        key(boardId),
        JSON.stringify({ linkToken, token: body.token, personId: body.personId }),
      )
    } catch {
      // not remembered: a new identity next time
    }
    return body.token
  } catch {
    return linkToken
  }
}

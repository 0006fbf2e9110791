/**
 * A personal token per board and browser (the server issues it from the shared link token; see server
 * SPEC F1): it carries a pseudonymous person id, which presence, provenance, private drafts and
 * facilitation handover use. Kept in localStorage, so the same browser stays the same person on a board.
 * Offline on the very first visit, the link token is used as it is until the server can be reached.
 */
import { isValidId, peekToken } from '@circleboard/shared'

const key = (boardId: string): string => `circleboard.identity.${boardId}`

interface Stored {
  readonly linkToken: string
  readonly token: string
  readonly personId: string
}

/** The personal token for `linkToken`, asking the server when this browser has none yet. */
export async function personalToken(boardId: string, linkToken: string): Promise<string> {
  // A person id the board's model refuses (servers before 2026-11-29 gave one in 32 of them) could never
  // be registered in `people`: such a token is not used, and the server gives a valid id for it.
  const linkClaims = peekToken(linkToken)
  if (linkClaims?.personId && isValidId(linkClaims.personId)) return linkToken
  try {
    const stored = JSON.parse(localStorage.getItem(key(boardId)) ?? 'null') as Stored | null
    // A different link (say, a facilitator link after a participant one) gets its own identity token,
    // keeping the person id only if the server agrees (it keeps the id of a personal token it is shown).
    if (stored && stored.linkToken === linkToken && isValidId(stored.personId)) return stored.token
  } catch {
    // unreadable: ask again
  }
  const body = await askForIdentity(boardId, linkToken)
  if (!body) return linkToken
  try {
    localStorage.setItem(
      key(boardId),
      JSON.stringify({ linkToken, token: body.token, personId: body.personId }),
    )
  } catch {
    // not remembered: a new identity next time
  }
  return body.token
}

/** Attempts at asking for an identity, and the pause before the second (doubled before each next one). */
const ATTEMPTS = 3
const FIRST_PAUSE_MS = 250

/**
 * Asks the server for a personal token; `null` when it cannot give one. A request that got no answer (the
 * connection failed) or that the server could not answer then (429, 5xx) is tried again; a refusal (401,
 * 403, 404) is final. Without a personal token the person has no id: nothing they add or change could name
 * them, so one lost request is worth two more.
 */
async function askForIdentity(
  boardId: string,
  linkToken: string,
): Promise<{ personId: string; token: string } | null> {
  for (let attempt = 1; ; attempt++) {
    let retry = true
    try {
      const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/identity`, {
        method: 'POST',
        headers: { authorization: `Bearer ${linkToken}` },
      })
      if (res.ok) return (await res.json()) as { personId: string; token: string }
      retry = res.status === 429 || res.status >= 500
    } catch {
      // no answer: try again
    }
    if (!retry || attempt >= ATTEMPTS) return null
    await new Promise((resolve) => setTimeout(resolve, FIRST_PAUSE_MS * 2 ** (attempt - 1)))
  }
}

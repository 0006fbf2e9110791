/**
 * Board ids and the names of the documents (rooms) of a board. A board has three kinds of document
 * (DESIGN.md, "Permission boundaries follow document boundaries"):
 *   `<boardId>`                    the board itself: elements, links, meetings, comments
 *   `<boardId>/control`            what only a facilitator may change (timer, voting, lock, ...)
 *   `<boardId>/drafts/<personId>`  one person's private drafts, readable only by that person
 * The room name is the path after `/ws/` in the websocket URL.
 */

/** Board ids: 12 characters of lowercase letters and digits (about 62 bits of randomness). */
export const BOARD_ID_PATTERN = /^[a-z0-9]{12}$/
/** Person ids (pseudonymous, issued by the server): 1-40 URL-safe characters. */
export const PERSON_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/

/** Which document of a board a room name points at. */
export type RoomRef =
  | { readonly kind: 'board'; readonly boardId: string }
  | { readonly kind: 'control'; readonly boardId: string }
  | { readonly kind: 'drafts'; readonly boardId: string; readonly personId: string }

/** True for a syntactically valid board id. */
export function isBoardId(id: string): boolean {
  return BOARD_ID_PATTERN.test(id)
}

/** The room name of a board document. */
export function roomName(ref: RoomRef): string {
  switch (ref.kind) {
    case 'board':
      return ref.boardId
    case 'control':
      return `${ref.boardId}/control`
    case 'drafts':
      return `${ref.boardId}/drafts/${ref.personId}`
  }
}

/** Parses a room name; `null` when it names no document of any board. */
export function parseRoomName(name: string): RoomRef | null {
  const parts = name.split('/')
  const boardId = parts[0] ?? ''
  if (!isBoardId(boardId)) return null
  if (parts.length === 1) return { kind: 'board', boardId }
  if (parts.length === 2 && parts[1] === 'control') return { kind: 'control', boardId }
  if (parts.length === 3 && parts[1] === 'drafts' && PERSON_ID_PATTERN.test(parts[2] ?? '')) {
    return { kind: 'drafts', boardId, personId: parts[2] as string }
  }
  return null
}

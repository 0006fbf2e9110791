/** Boards opened in this browser, newest first (for the start page). Links stay in this browser only. */
import type { Role } from '@circleboard/shared'

/** A remembered board. */
export interface RecentBoard {
  readonly id: string
  readonly title: string
  readonly role: Role
  readonly link: string
  readonly openedAt: number
}

const KEY = 'circleboard.recent'
const MAX = 20

/** The remembered boards. */
export function recentBoards(): RecentBoard[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown
    return Array.isArray(parsed) ? (parsed as RecentBoard[]).filter((b) => typeof b?.id === 'string') : []
  } catch {
    return []
  }
}

/** Remembers a board (replacing an older entry of the same board and role). */
export function rememberBoard(board: RecentBoard): void {
  try {
    const rest = recentBoards().filter((b) => !(b.id === board.id && b.role === board.role))
    localStorage.setItem(KEY, JSON.stringify([board, ...rest].slice(0, MAX)))
  } catch {
    // not remembered; nothing else depends on it
  }
}

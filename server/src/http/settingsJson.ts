/**
 * A board's settings as the REST API shows them (`GET /api/boards/:id`, `PATCH .../settings`). Whether the
 * board is pseudonymous is not among them: it is the board document's `meta.pseudonymous`, which every
 * client reads there (PATCH can still set it, for scripts).
 */
import type { BoardRecord } from '../storage/DocStore.js'

/** The settings part of a board's REST answers. */
export interface BoardSettingsJson {
  /** The server removes Swedish personal identity numbers from the board (server/SPEC.md P1). */
  readonly identityNumberCheck: boolean
  /** When the retention sweep deletes the board (ISO 8601), or `null` (server/SPEC.md R1). */
  readonly expiresAt: string | null
  /** The language the board was made in, if known. */
  readonly language: 'en' | 'sv' | null
}

/** The settings of a board record, for REST. */
export function settingsJson(board: BoardRecord): BoardSettingsJson {
  return {
    identityNumberCheck: board.settings.identityNumberCheck,
    expiresAt: board.expiresAt === null ? null : new Date(board.expiresAt).toISOString(),
    language: board.settings.language,
  }
}

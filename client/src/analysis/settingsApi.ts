/**
 * The board's settings as the client knows them (`GET /api/boards/:id`, server/src/http/settingsJson.ts),
 * read at start for the personal-data warning (may an identity number be shared anyway?). The calls that
 * change the board are in `adminApi.ts`, loaded with the settings panel. Answers are read tolerantly: a
 * field the server does not send yet reads as unknown, never as a crash.
 */
import type { ApiError } from '@circleboard/shared'
import { ApiFailure } from '../api/api.js'

/** What the settings panel shows and the personal-data warning needs. */
export interface BoardSettings {
  /** The server removes verified personal identity numbers; `null` while unknown (offline, older server). */
  readonly identityNumberCheck: boolean | null
  /** When the server deletes the board (ISO 8601), or `null` for never. */
  readonly expiresAt: string | null
}

/** Settings not read yet. */
export const UNKNOWN_SETTINGS: BoardSettings = { identityNumberCheck: null, expiresAt: null }

/** The REST path of a board, or of something of it. */
export const boardPath = (boardId: string, rest = ''): string =>
  `/api/boards/${encodeURIComponent(boardId)}${rest}`

/** A failed response as an `ApiFailure` with the server's stable code and message. */
export async function failure(res: Response): Promise<ApiFailure> {
  let body: Partial<ApiError> = {}
  try {
    body = (await res.json()) as ApiError
  } catch {
    // not JSON: keep the status text
  }
  return new ApiFailure(
    body.error?.code ?? `http_${res.status}`,
    body.error?.message ?? res.statusText,
    res.status,
  )
}

/** `fetch`, with an unreachable server as an `ApiFailure` of code `network`. */
export async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch (err) {
    throw new ApiFailure('network', err instanceof Error ? err.message : String(err), 0)
  }
}

/** The settings in a board answer (`GET /api/boards/:id` has them under `settings`; PATCH answers them). */
export function parseSettings(body: unknown): BoardSettings {
  const root = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  const raw =
    typeof root.settings === 'object' && root.settings !== null
      ? (root.settings as Record<string, unknown>)
      : root
  const check = raw.identityNumberCheck
  const expires = raw.expiresAt
  return {
    identityNumberCheck: typeof check === 'boolean' ? check : null,
    expiresAt: typeof expires === 'string' && !Number.isNaN(Date.parse(expires)) ? expires : null,
  }
}

/** `GET /api/boards/:id`: the board's settings. */
export async function fetchSettings(boardId: string, token: string): Promise<BoardSettings> {
  const res = await send(boardPath(boardId), { headers: { authorization: `Bearer ${token}` } })
  if (!res.ok) throw await failure(res)
  return parseSettings(await res.json())
}

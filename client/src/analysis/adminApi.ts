/**
 * What the facilitator link alone may do to a board (server/src/http/boardAdminRoutes.ts): change its
 * settings, delete it, read its audit log, and download everything first. Loaded with the settings panel.
 * The server refuses these to other links with 403.
 */
import { download, fileBaseName, saveBlob } from '../history/download.js'
import { boardPath, failure, parseSettings, send, type BoardSettings } from './settingsApi.js'

/** One entry of the audit log: who (role, pseudonymous person id) did what, when; never content. */
export interface AuditEntry {
  /** Unix ms. */
  readonly at: number
  readonly event: string
  readonly role: string | null
  readonly person: string | null
  readonly detail: Readonly<Record<string, unknown>> | null
}

/** What `PATCH /api/boards/:id/settings` may change. */
export interface SettingsPatch {
  readonly identityNumberCheck?: boolean
  /** `YYYY-MM-DD` (the end of that day is not implied: the server deletes from that moment), or `null`. */
  readonly expiresAt?: string | null
}

/** `PATCH /api/boards/:id/settings` (facilitator link): the settings after the change. */
export async function patchSettings(
  boardId: string,
  token: string,
  patch: SettingsPatch,
): Promise<BoardSettings> {
  const res = await send(boardPath(boardId, '/settings'), {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  })
  if (!res.ok) throw await failure(res)
  return parseSettings(await res.json())
}

/** `DELETE /api/boards/:id` (facilitator link): the board, its snapshots, history and audit log. */
export async function deleteBoard(boardId: string, token: string): Promise<void> {
  const res = await send(boardPath(boardId), {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
  })
  if (!res.ok && res.status !== 404) throw await failure(res)
}

/** One audit entry from the server's JSON, or `null` when it cannot be shown. */
export function parseAuditEntry(raw: unknown): AuditEntry | null {
  if (typeof raw !== 'object' || raw === null) return null
  const r = raw as Record<string, unknown>
  const at = typeof r.at === 'number' ? r.at : typeof r.at === 'string' ? Date.parse(r.at) : NaN
  if (!Number.isFinite(at) || typeof r.event !== 'string') return null
  const detail =
    typeof r.detail === 'object' && r.detail !== null && !Array.isArray(r.detail)
      ? (r.detail as Record<string, unknown>)
      : null
  return {
    at,
    event: r.event,
    role: typeof r.role === 'string' ? r.role : null,
    person: typeof r.person === 'string' ? r.person : null,
    detail,
  }
}

/** `GET /api/boards/:id/audit` (facilitator link), newest first. */
export async function fetchAudit(boardId: string, token: string): Promise<AuditEntry[]> {
  const res = await send(boardPath(boardId, '/audit'), { headers: { authorization: `Bearer ${token}` } })
  if (!res.ok) throw await failure(res)
  const body = (await res.json()) as { entries?: unknown }
  const list = Array.isArray(body.entries) ? body.entries : Array.isArray(body) ? (body as unknown[]) : []
  return list
    .map(parseAuditEntry)
    .filter((e): e is AuditEntry => e !== null)
    .sort((a, b) => b.at - a.at)
}

/** Downloads the session package (`GET .../export?format=zip`) and offers it as a file. */
export async function downloadEverything(boardId: string, token: string, title: string): Promise<void> {
  const { blob, filename } = await download(boardPath(boardId, '/export?format=zip'), { token })
  saveBlob(blob, filename ?? `${fileBaseName(title)}.zip`)
}

/**
 * REST calls of snapshots, history and import (server/SPEC.md H...; issue 5): list and take snapshots, read
 * one as a Yjs document, import a board JSON file into a new board or into this one. Every call carries the
 * person's token as `Authorization: Bearer`, never in the URL (DESIGN.md, "Access").
 *
 * The list is read tolerantly: the server may answer with an array or `{ snapshots: [...] }`, and may mark
 * automatic snapshots in more than one way; an entry without an id is dropped rather than shown broken.
 */
import * as Y from 'yjs'
import {
  importBoardJson,
  migrate,
  writeBoard,
  Origin,
  type ApiError,
  type CreateBoardResponse,
  type ImportError,
} from '@circleboard/shared'
import { ApiFailure } from '../api/api.js'

/** What the history panel shows of one snapshot. */
export interface SnapshotSummary {
  readonly id: string
  /** The facilitator's label, or the server's ("End of meeting 3"). */
  readonly label: string
  /** Unix ms. */
  readonly createdAt: number
  readonly meeting: number | null
  /** Display name of whoever took it; `null` for the server (automatic) or when unknown. */
  readonly author: string | null
  /** Taken by the server when a meeting ended, not by a person. */
  readonly automatic: boolean
}

const path = (boardId: string, rest = ''): string => `/api/boards/${encodeURIComponent(boardId)}${rest}`

/** A failed response as an `ApiFailure` with the server's stable code and message. */
export async function failureOf(res: Response): Promise<ApiFailure> {
  let body: Partial<ApiError> & { errors?: unknown } = {}
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

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new ApiFailure('network', err instanceof Error ? err.message : String(err), 0)
  }
}

function auth(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${token}`, ...extra }
}

function text(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null
}

function time(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v
  if (typeof v === 'string') {
    const t = Date.parse(v)
    return Number.isNaN(t) ? null : t
  }
  return null
}

/** Prefix of the ids the server gives the snapshot it takes when a meeting ends (server `Snapshots.ts`). */
export const AUTOMATIC_ID_PREFIX = 'end-'

function isAutomatic(r: Record<string, unknown>): boolean {
  if (typeof r.automatic === 'boolean') return r.automatic
  // Until the list says so itself, the id tells: a meeting's automatic snapshot has an id derived from it.
  return typeof r.id === 'string' && r.id.startsWith(AUTOMATIC_ID_PREFIX)
}

/** One entry of the server's snapshot list, or `null` when it cannot be shown. */
export function parseSnapshot(raw: unknown): SnapshotSummary | null {
  if (typeof raw !== 'object' || raw === null) return null
  const r = raw as Record<string, unknown>
  const id = text(r.id)
  const createdAt = time(r.createdAt) ?? time(r.takenAt) ?? time(r.at)
  if (id === null || createdAt === null) return null
  const meeting = typeof r.meeting === 'number' && Number.isInteger(r.meeting) ? r.meeting : null
  return {
    id,
    label: text(r.label) ?? '',
    createdAt,
    meeting,
    author: text(r.author) ?? text(r.authorName),
    automatic: isAutomatic(r),
  }
}

/** The server's list answer, newest first. */
export function parseSnapshotList(body: unknown): SnapshotSummary[] {
  const items = Array.isArray(body)
    ? body
    : typeof body === 'object' && body !== null && Array.isArray((body as { snapshots?: unknown }).snapshots)
      ? (body as { snapshots: unknown[] }).snapshots
      : []
  return items
    .map(parseSnapshot)
    .filter((s): s is SnapshotSummary => s !== null)
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
}

/** `GET /api/boards/:id/snapshots`, newest first. */
export async function listSnapshots(
  boardId: string,
  token: string,
  signal?: AbortSignal,
): Promise<SnapshotSummary[]> {
  const res = await send(path(boardId, '/snapshots'), { headers: auth(token), signal: signal ?? null })
  if (!res.ok) throw await failureOf(res)
  return parseSnapshotList(await res.json())
}

/** `POST /api/boards/:id/snapshots` with a label; the new snapshot when the server describes it. */
export async function createSnapshot(
  boardId: string,
  token: string,
  label: string,
): Promise<SnapshotSummary | null> {
  const res = await send(path(boardId, '/snapshots'), {
    method: 'POST',
    headers: auth(token, { 'content-type': 'application/json' }),
    body: JSON.stringify({ label }),
  })
  if (!res.ok) throw await failureOf(res)
  try {
    const body = (await res.json()) as unknown
    return parseSnapshot((body as { snapshot?: unknown }).snapshot ?? body)
  } catch {
    return null
  }
}

/** A snapshot's Yjs update in a fresh document, migrated to this version's schema as a room would be. */
export function docFromUpdate(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update, Origin.persistence)
  migrate(doc)
  return doc
}

/**
 * A board JSON export in a fresh document: the file itself, or the snapshot route's answer
 * `{ snapshot, document }` around it.
 */
export function docFromJson(json: string): Y.Doc {
  let text = json
  try {
    const parsed = JSON.parse(json) as { document?: unknown; format?: unknown }
    if (parsed.format === undefined && typeof parsed.document === 'object' && parsed.document !== null) {
      text = JSON.stringify(parsed.document)
    }
  } catch {
    // not JSON: importBoardJson says why
  }
  const read = importBoardJson(text)
  if (!read.ok) throw new ApiFailure('BOARD_ERR_BAD_REQUEST', read.error[0]?.message ?? 'unreadable', 0)
  const doc = new Y.Doc()
  writeBoard(doc, read.value, Origin.import)
  return doc
}

/**
 * `GET /api/boards/:id/snapshots/:sid?format=yjs` as a document. The raw update is exact; should the server
 * not offer it, the JSON form (`exportBoardJson`) is read instead.
 */
export async function fetchSnapshotDoc(
  boardId: string,
  token: string,
  snapshotId: string,
  signal?: AbortSignal,
): Promise<Y.Doc> {
  const url = path(boardId, `/snapshots/${encodeURIComponent(snapshotId)}`)
  const res = await send(`${url}?format=yjs`, { headers: auth(token), signal: signal ?? null })
  const type = res.headers.get('content-type') ?? ''
  if (res.ok && !type.includes('json')) return docFromUpdate(new Uint8Array(await res.arrayBuffer()))
  if (res.ok) return docFromJson(await res.text())
  if (res.status !== 400 && res.status !== 406) throw await failureOf(res)
  const json = await send(url, { headers: auth(token), signal: signal ?? null })
  if (!json.ok) throw await failureOf(json)
  return docFromJson(await json.text())
}

/** What an import made. */
export type ImportOutcome =
  | { readonly ok: true; readonly board: CreateBoardResponse | null }
  | { readonly ok: false; readonly errors: readonly ImportError[]; readonly message: string }

/**
 * Sends a board JSON file to the server: `into: 'new'` makes a new board (`POST /api/boards/import`, answered
 * like `POST /api/boards`); `into: 'merge'` adds its records to `boardId` (`POST .../import?mode=merge`),
 * which reaches everyone through the board's sync. A file the server refuses comes back with its problems.
 */
export async function importBoardFile(
  json: string,
  token: string,
  target: { readonly into: 'new' } | { readonly into: 'merge'; readonly boardId: string },
): Promise<ImportOutcome> {
  const url = target.into === 'new' ? '/api/boards/import' : path(target.boardId, '/import?mode=merge')
  const res = await send(url, {
    method: 'POST',
    headers: auth(token, { 'content-type': 'application/json' }),
    body: json,
  })
  if (res.ok) {
    if (target.into === 'merge') return { ok: true, board: null }
    return { ok: true, board: (await res.json()) as CreateBoardResponse }
  }
  let body: { error?: { message?: string }; errors?: unknown } = {}
  try {
    body = (await res.clone().json()) as typeof body
  } catch {
    // not JSON
  }
  if (res.status === 400 || res.status === 422) {
    const errors = Array.isArray(body.errors) ? (body.errors as ImportError[]) : []
    return { ok: false, errors, message: body.error?.message ?? res.statusText }
  }
  throw await failureOf(res)
}

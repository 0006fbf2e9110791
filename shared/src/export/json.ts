/**
 * The board as a versioned JSON document (`circleboard-board`, version 1; docs/export-formats.md): the
 * complete record of a snapshot, with every field, provenance and unknown field, that imports back into
 * the same BoardData. Field names and value types are BoardData's own (times in Unix ms, as stored), so
 * the file is also the easiest way into pandas or R for someone who wants everything.
 *
 * Unknown fields (`extra`) are written beside the known fields of their record, the way they sit in the
 * Yjs document, and read back into `extra`; an `extra` key that shadows a known field is not written.
 */
import type {
  BoardData,
  BoardMeta,
  CommentThreadData,
  ElementData,
  LinkData,
  MeetingData,
  PersonData,
} from '../model/types.js'
import { readBoardObject, type InvalidRecordMode } from '../import/boardJson.js'
import { isJsonObject, show, type ImportError } from '../import/jsonFields.js'
import { err, ok, type Result } from '../import/result.js'

/** The `format` value of a circleboard board export. */
export const BOARD_JSON_FORMAT = 'circleboard-board'
/** The format version this code writes and reads. */
export const BOARD_JSON_VERSION = 1

/** The snapshot an export was made from, when it was one. */
export interface SnapshotInfo {
  readonly id: string
  /** The facilitator's name for it ("End of meeting 3"). */
  readonly label: string | null
  /** ISO 8601. */
  readonly takenAt: string | null
  /** Number of the meeting it closed, if any. */
  readonly meeting: number | null
}

/** What an export may add beside the board. */
export interface BoardJsonExtras {
  readonly snapshot?: Partial<SnapshotInfo> & { readonly id: string }
  /** ISO 8601; defaults to now. */
  readonly exportedAt?: string
}

/** A board JSON file read back: the board and the envelope around it. */
export interface BoardJsonFile {
  readonly board: BoardData
  readonly exportedAt: string | null
  readonly snapshot: SnapshotInfo | null
}

/** Options of the import. */
export interface BoardJsonImportOptions {
  /**
   * `reject` (default): any broken record fails the import, with every problem listed.
   * `report`: broken records are left out and listed in `board.invalid`; only a broken file fails.
   */
  readonly invalidRecords?: InvalidRecordMode
}

/** The board as a `circleboard-board` JSON document (pretty-printed, so snapshots diff well in git). */
export function exportBoardJson(board: BoardData, extras: BoardJsonExtras = {}): string {
  const snapshot = extras.snapshot
  const file = {
    format: BOARD_JSON_FORMAT,
    version: BOARD_JSON_VERSION,
    exportedAt: extras.exportedAt ?? new Date().toISOString(),
    generator: 'circleboard',
    snapshot: snapshot
      ? {
          id: snapshot.id,
          label: snapshot.label ?? null,
          takenAt: snapshot.takenAt ?? null,
          meeting: snapshot.meeting ?? null,
        }
      : null,
    board: {
      meta: metaJson(board.meta),
      elements: board.elements.map(elementJson),
      links: board.links.map(linkJson),
      meetings: board.meetings.map(meetingJson),
      people: board.people.map(personJson),
      ...(board.comments ? { comments: board.comments.map(commentJson) } : {}),
      invalid: board.invalid,
    },
  }
  return JSON.stringify(file, null, 2) + '\n'
}

/** Reads a `circleboard-board` JSON document back into BoardData, or says precisely what is wrong. */
export function importBoardJson(
  text: string,
  options: BoardJsonImportOptions = {},
): Result<BoardData, ImportError[]> {
  const file = importBoardJsonFile(text, options)
  return file.ok ? ok(file.value.board) : file
}

/** Like `importBoardJson`, with the envelope (export time, snapshot) as well. */
export function importBoardJsonFile(
  text: string,
  options: BoardJsonImportOptions = {},
): Result<BoardJsonFile, ImportError[]> {
  let parsed: unknown
  try {
    // A BOM is what Windows editors put in front of UTF-8; JSON.parse would refuse it.
    parsed = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text)
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return err([{ code: 'BAD_JSON', path: '$', message: `the file is not valid JSON: ${reason}` }])
  }
  if (!isJsonObject(parsed) || parsed['format'] !== BOARD_JSON_FORMAT) {
    const found = isJsonObject(parsed) ? `format ${show(parsed['format'])}` : show(parsed)
    const message = `not a circleboard board export (expected format "${BOARD_JSON_FORMAT}", found ${found})`
    return err([{ code: 'NOT_A_BOARD', path: '$.format', message }])
  }
  const version = parsed['version']
  if (version !== BOARD_JSON_VERSION) {
    const newer = typeof version === 'number' && version > BOARD_JSON_VERSION
    const message = newer
      ? `written by a newer circleboard (format version ${version}); this version reads version ${BOARD_JSON_VERSION}`
      : `unsupported format version ${show(version)}; this version reads version ${BOARD_JSON_VERSION}`
    return err([{ code: 'UNSUPPORTED_VERSION', path: '$.version', message }])
  }
  const errors: ImportError[] = []
  const exportedAt = parsed['exportedAt']
  if (exportedAt !== undefined && exportedAt !== null && typeof exportedAt !== 'string') {
    errors.push(invalid('$.exportedAt', `exportedAt must be an ISO 8601 string, not ${show(exportedAt)}`))
  }
  const snapshot = readSnapshot(parsed['snapshot'], errors)
  const { board, errors: boardErrors } = readBoardObject(
    parsed['board'],
    '$.board',
    options.invalidRecords ?? 'reject',
  )
  errors.push(...boardErrors)
  if (errors.length > 0 || board === null) return err(errors)
  return ok({ board, exportedAt: typeof exportedAt === 'string' ? exportedAt : null, snapshot })
}

function invalid(path: string, message: string): ImportError {
  return { code: 'INVALID_VALUE', path, message }
}

function readSnapshot(value: unknown, errors: ImportError[]): SnapshotInfo | null {
  if (value === undefined || value === null) return null
  const ok =
    isJsonObject(value) &&
    typeof value['id'] === 'string' &&
    ['label', 'takenAt'].every((k) => value[k] == null || typeof value[k] === 'string') &&
    (value['meeting'] == null || Number.isInteger(value['meeting']))
  if (!ok) {
    errors.push(
      invalid('$.snapshot', `snapshot must be null or { id, label, takenAt, meeting }, not ${show(value)}`),
    )
    return null
  }
  return {
    id: value['id'] as string,
    label: (value['label'] as string | null | undefined) ?? null,
    takenAt: (value['takenAt'] as string | null | undefined) ?? null,
    meeting: (value['meeting'] as number | null | undefined) ?? null,
  }
}

/** Known fields first, then unknown ones that do not shadow a known field. */
function withExtra(known: Record<string, unknown>, extra: Readonly<Record<string, unknown>> | undefined) {
  const out = { ...known }
  for (const [k, v] of Object.entries(extra ?? {})) if (!(k in known)) out[k] = v
  return out
}

function provenanceJson(r: ElementData | LinkData) {
  return {
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt,
    meeting: r.meeting,
    updatedMeeting: r.updatedMeeting,
  }
}

function metaJson(m: BoardMeta) {
  const known = {
    schema: m.schema,
    title: m.title,
    template: m.template,
    createdAt: m.createdAt,
    pseudonymous: m.pseudonymous,
  }
  return withExtra(known, m.extra)
}

function elementJson(e: ElementData) {
  const known = {
    id: e.id,
    type: e.type,
    kind: e.kind,
    label: e.label,
    x: e.x,
    y: e.y,
    w: e.w,
    h: e.h,
    org: e.org,
    arena: e.arena,
    color: e.color,
    z: e.z,
    tags: e.tags,
    ...provenanceJson(e),
  }
  return withExtra(known, e.extra)
}

function linkJson(l: LinkData) {
  return withExtra(
    { id: l.id, from: l.from, to: l.to, kind: l.kind, label: l.label, ...provenanceJson(l) },
    l.extra,
  )
}

function meetingJson(m: MeetingData) {
  const known = {
    id: m.id,
    number: m.number,
    title: m.title,
    date: m.date,
    agenda: m.agenda,
    attendees: m.attendees,
    startedAt: m.startedAt,
    endedAt: m.endedAt,
  }
  return withExtra(known, m.extra)
}

function personJson(p: PersonData) {
  return withExtra({ id: p.id, name: p.name, role: p.role, org: p.org }, p.extra)
}

function commentJson(c: CommentThreadData) {
  const messages = c.messages.map((m) => ({ id: m.id, author: m.author, text: m.text, at: m.at }))
  return withExtra({ id: c.id, element: c.element, messages, resolved: c.resolved }, c.extra)
}

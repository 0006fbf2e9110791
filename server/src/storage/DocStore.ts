/**
 * Storage behind one interface (DESIGN.md, "Storage"). A room's document is stored as Yjs binary only: a
 * compacted state update plus an append-only log of the updates since. Loading applies the state and then
 * the log; compaction folds the log into the state. Every implementation passes the contract suite in
 * `server/test/storage/docStoreContract.ts`; the rules it checks are in `server/SPEC.md` (ST1...).
 *
 * Board records (title, template, creation time, settings, expiry), snapshots and the audit log live in
 * the same store, so a board and everything about it can be deleted in one place.
 */

/** What `load` returns: apply `state` (if any), then every update of `updates` in order. */
export interface StoredDoc {
  readonly state: Uint8Array | null
  readonly updates: readonly Uint8Array[]
}

/** What a board's owner can set about it (stored as JSON beside the record; unknown keys are ignored). */
export interface BoardSettings {
  /**
   * Refuse Swedish personal identity numbers in the board's documents (server/SPEC.md P1). On unless the
   * owner turned it off: a research circle's board is shown on a shared screen and exported for research.
   */
  readonly identityNumberCheck: boolean
  /** The language the board was created in: automatic snapshot labels, the default export language. */
  readonly language: 'en' | 'sv' | null
}

/** Settings of a board that has none stored (boards made before settings existed). */
export const DEFAULT_BOARD_SETTINGS: BoardSettings = { identityNumberCheck: true, language: null }

/** A board's record. */
export interface BoardRecord {
  readonly id: string
  readonly title: string
  readonly template: string | null
  /** Unix ms. */
  readonly createdAt: number
  readonly settings: BoardSettings
  /** Unix ms after which the retention sweeper deletes the board (server/SPEC.md R1); `null`: never. */
  readonly expiresAt: number | null
}

/** What `updateBoard` may change. */
export interface BoardPatch {
  readonly settings?: BoardSettings
  readonly expiresAt?: number | null
}

/**
 * One line of a board's audit log: who did what, never content (server/SPEC.md A1). `person` is the
 * pseudonymous person id of a personal token, never a name.
 */
export interface AuditEntry {
  readonly boardId: string
  /** Unix ms. */
  readonly at: number
  /** `joined`, `snapshot`, `export`, `import`, `settings`, `identity-number-removed`, `created`. */
  readonly event: string
  readonly role: string | null
  readonly person: string | null
  /** A few facts about the event (a format, a snapshot id), small and never board content. */
  readonly detail: Readonly<Record<string, string | number | boolean | null>> | null
}

/** What is known of a snapshot without its content. */
export interface SnapshotMeta {
  readonly id: string
  readonly boardId: string
  readonly label: string
  /** Unix ms. */
  readonly createdAt: number
  /** The meeting number it belongs to, if any. */
  readonly meeting: number | null
  /** Display name of whoever took it (never a token). */
  readonly author: string | null
  /** Size of the stored state in bytes. */
  readonly size: number
}

/** A snapshot with its content (a Yjs state update of the board document). */
export interface Snapshot {
  readonly meta: SnapshotMeta
  readonly state: Uint8Array
}

/** The storage interface every store implements. */
export interface DocStore {
  /** Human-readable name for logs and metrics (`sqlite`, `memory`, ...). */
  readonly kind: string
  /** The stored document of a room; an unknown room is empty (`state: null, updates: []`). */
  load(room: string): Promise<StoredDoc>
  /**
   * Appends updates to a room's log, atomically and in order. When the promise resolves the updates are
   * durable: a crash of the process afterwards loses none of them.
   */
  append(room: string, updates: readonly Uint8Array[]): Promise<void>
  /**
   * Folds a room's log into its state. Safe to call at any time, also concurrently with `append`.
   *
   * `live`, when given, is the room's whole document as one update (`Y.encodeStateAsUpdate` of the live
   * document), and the caller guarantees it covers every update appended so far (the caller is the room,
   * the single writer, with no append in flight). It may also hold updates not appended yet; they are
   * appended after it and applied again on load, which changes nothing. The store may then make it the
   * state and drop the log without reading and merging anything: for a small document, far cheaper.
   *
   * `fence`, in scale-out (server/SPEC.md X5), is the fencing token of the room's lease: a store that
   * keeps tokens refuses the compaction when a state written under a newer token is stored. Stores of
   * one process (SQLite, memory) have no other writer and ignore it.
   */
  compact(room: string, live?: Uint8Array, fence?: number): Promise<void>
  /** Number of updates in a room's log (not yet compacted). */
  logLength(room: string): Promise<number>
  /** Names of the stored rooms whose name starts with `prefix` (e.g. a board's `<id>/drafts/`), sorted. */
  listRooms(prefix: string): Promise<string[]>

  createBoard(record: BoardRecord): Promise<void>
  getBoard(id: string): Promise<BoardRecord | null>
  /** Changes a board's settings or expiry; false when there is no such board. */
  updateBoard(id: string, patch: BoardPatch): Promise<boolean>
  /** Ids of the boards whose `expiresAt` is at or before `now`, oldest expiry first. */
  listExpiredBoards(now: number): Promise<string[]>
  /**
   * Deletes a board's record, every room of the board (`<id>` and `<id>/...`), its snapshots and its audit
   * log. Compactions of its rooms that are running finish first, so none writes a state back afterwards.
   */
  deleteBoard(id: string): Promise<void>

  putSnapshot(meta: SnapshotMeta, state: Uint8Array): Promise<void>
  /** A board's snapshots, oldest first. */
  listSnapshots(boardId: string): Promise<SnapshotMeta[]>
  getSnapshot(boardId: string, snapshotId: string): Promise<Snapshot | null>

  appendAudit(entry: AuditEntry): Promise<void>
  /** A board's audit log, newest first, at most `limit` entries. */
  listAudit(boardId: string, limit: number): Promise<AuditEntry[]>

  /** Reports that the store can serve (for `/healthz`); throws when it cannot. */
  check(): Promise<void>
  /** Waits for background work (compactions) and releases the store. */
  close(): Promise<void>
}

/** A storage failure, reported to clients as an internal error without details. */
export class StoreError extends Error {
  readonly code = 'BOARD_ERR_STORE'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StoreError'
  }
}

/** The rooms of a board are the board id itself and every name under `<id>/`. */
export function isRoomOfBoard(room: string, boardId: string): boolean {
  return room === boardId || room.startsWith(boardId + '/')
}

/** A board's row in the SQL stores: the record's fields, its settings as JSON text. */
export type BoardRow = Omit<BoardRecord, 'settings'> & { settings: string | null }

/** The values of a board's row, in the column order id, title, template, created_at, settings, expires_at. */
export function boardRowValues(record: BoardRecord): unknown[] {
  return [
    record.id,
    record.title,
    record.template,
    record.createdAt,
    JSON.stringify(record.settings),
    record.expiresAt,
  ]
}

/** The board record of a row read back (with its settings checked), or `null` for no row. */
export function boardFromRow(row: BoardRow | undefined): BoardRecord | null {
  return row ? { ...row, settings: parseBoardSettings(row.settings) } : null
}

/** Settings as stored (JSON text or null) read back; anything unreadable falls back to the defaults. */
export function parseBoardSettings(text: string | null | undefined): BoardSettings {
  if (!text) return DEFAULT_BOARD_SETTINGS
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return DEFAULT_BOARD_SETTINGS
  }
  if (typeof raw !== 'object' || raw === null) return DEFAULT_BOARD_SETTINGS
  const r = raw as Record<string, unknown>
  return {
    // Only an explicit `false` turns the check off: a damaged value keeps personal data out.
    identityNumberCheck: r.identityNumberCheck !== false,
    language: r.language === 'en' || r.language === 'sv' ? r.language : null,
  }
}

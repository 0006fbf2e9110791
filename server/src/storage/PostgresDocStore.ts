/**
 * The store of the scale-out mode (DESIGN.md, "Scale-out"; server/SPEC.md X4, X5): PostgreSQL through a
 * `pg` pool, with the same tables as SQLite (postgresSchema.ts) and the same contract (ST1...).
 *
 * - Appends: one call of `circleboard_append` per batch, a single-statement transaction that resolves only
 *   after PostgreSQL committed it (durability: "stored before forwarded"). Several processes may append
 *   to one room; the room's advisory lock numbers their batches in commit order (see postgresSchema.ts).
 * - Loads: state and log in ONE statement, so they come from one snapshot: a compaction committing in
 *   between could otherwise delete log entries that the state read just before did not yet cover.
 * - Compaction: either from the room's live document (`live`: the state is replaced, no merge), or by
 *   reading state and log, merging them off the event loop (a worker thread for anything but small logs)
 *   and writing the result in a short transaction under the room's lock. That transaction checks that the
 *   state is still the one that was read, that exactly the entries read are deleted (a board deleted
 *   meanwhile, or another compaction, steps it back), and the fencing token: in scale-out only the
 *   holder of the room's lease compacts, and passes the lease's token; a state written with a higher
 *   token refuses the write of a holder that lost its lease without knowing it (X5).
 */
import { createRequire } from 'node:module'
import type pg from 'pg'
import { mergeStored, type MergeResult } from './mergeUpdates.js'
import { MergeWorker } from './MergeWorker.js'
import { RoomCompactions } from './RoomCompactions.js'
import { migratePostgres, ROOM_LOCK_SQL } from './postgresSchema.js'
import {
  StoreError,
  boardFromRow,
  boardRowValues,
  type BoardRow,
  type AuditEntry,
  type BoardPatch,
  type BoardRecord,
  type DocStore,
  type Snapshot,
  type SnapshotMeta,
  type StoredDoc,
} from './DocStore.js'

/** Logs up to this many bytes are merged on the event loop (a few milliseconds); larger ones in a worker. */
const INLINE_MERGE_MAX_BYTES = 64 * 1024

/**
 * `pg`, loaded when the first PostgreSQL store is made: a server on the embedded default never loads it
 * (it would cost every such server a few MB of memory for nothing; docs/performance.md).
 */
const loadPg = (): typeof pg => createRequire(import.meta.url)('pg') as typeof pg

/** BIGINT columns (Unix ms, sequence numbers) read as numbers; all of ours are far below 2^53. */
const pgTypes = (lib: typeof pg): { getTypeParser: typeof pg.types.getTypeParser } => ({
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20
      ? (v: string) => Number(v)
      : lib.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
})

/** Thrown by `compact` when a compaction with a newer fencing token was stored first (X5). */
export class FencedError extends StoreError {
  /** Expected when leases change hands: logged, not counted as a store failure. */
  readonly fenced = true
}

/** Options of the PostgreSQL store. */
export interface PostgresDocStoreOptions {
  /** `postgres://user:password@host:port/database` */
  readonly connectionString: string
  /** Connections in the pool (default 10). */
  readonly poolSize?: number
}

const asBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength)
const asBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)

/** DocStore on PostgreSQL. */
export class PostgresDocStore implements DocStore {
  readonly kind = 'postgres'
  private readonly pool: pg.Pool
  /** Migrations, run once before the first query. */
  private readonly ready: Promise<void>
  private readonly merger = new MergeWorker()
  /** Per room: the compaction in flight, and whether another was asked for meanwhile. */
  private readonly compactions = new RoomCompactions(() => this.closed)
  private closed = false

  constructor(readonly options: PostgresDocStoreOptions) {
    const lib = loadPg()
    this.pool = new lib.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      types: pgTypes(lib),
    })
    // An idle client whose server went away must not crash the process; the next query reports it.
    this.pool.on('error', () => {})
    this.ready = this.withClient((c) => migratePostgres(c))
    this.ready.catch(() => {})
  }

  async load(room: string): Promise<StoredDoc> {
    const rows = await this.query<{ kind: number; blob: Buffer }>(
      `WITH s AS (SELECT "update", upto_seq FROM state WHERE room = $1)
       SELECT 0 AS kind, "update" AS blob, upto_seq AS seq FROM s
       UNION ALL
       SELECT 1, blob, seq FROM updates WHERE room = $1 AND seq > COALESCE((SELECT upto_seq FROM s), 0)
       ORDER BY kind, seq`,
      [room],
    )
    const first = rows[0]
    const state = first?.kind === 0 ? asBytes(first.blob) : null
    return { state, updates: rows.filter((r) => r.kind === 1).map((r) => asBytes(r.blob)) }
  }

  async append(room: string, updates: readonly Uint8Array[]): Promise<void> {
    if (updates.length === 0) return
    try {
      await this.query('SELECT circleboard_append($1, $2::bytea[])', [room, updates.map(asBuffer)])
    } catch (err) {
      throw err instanceof StoreError
        ? err
        : new StoreError('could not append to the update log', { cause: err })
    }
  }

  async logLength(room: string): Promise<number> {
    const rows = await this.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM updates
       WHERE room = $1 AND seq > COALESCE((SELECT upto_seq FROM state WHERE room = $1), 0)`,
      [room],
    )
    return rows[0]?.n ?? 0
  }

  /**
   * Folds the log into the state (DocStore.compact). `fence` is the lease's fencing token in scale-out
   * (X5): the write is refused with `FencedError` when a state with a higher token is stored.
   */
  compact(room: string, live?: Uint8Array, fence?: number): Promise<void> {
    if (this.closed) return Promise.reject(new StoreError('the store is closed'))
    if (live && !this.compactions.has(room)) return this.replaceState(room, live, fence)
    return this.compactions.run(room, () => this.compactOnce(room, fence))
  }

  async listRooms(prefix: string): Promise<string[]> {
    const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)
    const rows = await this.query<{ room: string }>(
      `SELECT room FROM state WHERE room >= $1 AND room < $2
       UNION SELECT DISTINCT room FROM updates WHERE room >= $1 AND room < $2 ORDER BY room`,
      [prefix, end],
    )
    return rows.map((r) => r.room)
  }

  async createBoard(record: BoardRecord): Promise<void> {
    await this.query(
      'INSERT INTO boards (id, title, template, created_at, settings, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      boardRowValues(record),
    )
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const rows = await this.query<BoardRow>(
      `SELECT id, title, template, created_at AS "createdAt", settings, expires_at AS "expiresAt"
       FROM boards WHERE id = $1`,
      [id],
    )
    return boardFromRow(rows[0])
  }

  async updateBoard(id: string, patch: BoardPatch): Promise<boolean> {
    const rows = await this.query<{ id: string }>(
      `UPDATE boards SET
         settings = CASE WHEN $2::boolean THEN $3 ELSE settings END,
         expires_at = CASE WHEN $4::boolean THEN $5::bigint ELSE expires_at END
       WHERE id = $1 RETURNING id`,
      [
        id,
        patch.settings !== undefined,
        patch.settings ? JSON.stringify(patch.settings) : null,
        patch.expiresAt !== undefined,
        patch.expiresAt ?? null,
      ],
    )
    return rows.length > 0
  }

  async listExpiredBoards(now: number): Promise<string[]> {
    const rows = await this.query<{ id: string }>(
      'SELECT id FROM boards WHERE expires_at IS NOT NULL AND expires_at <= $1 ORDER BY expires_at, id',
      [now],
    )
    return rows.map((r) => r.id)
  }

  async deleteBoard(id: string): Promise<void> {
    // A compaction of this process that read a room before the delete finishes first; one of another
    // process finds its log entries gone when it writes, and steps back (see `writeMerged`).
    await this.compactions.settled(id)
    await this.transaction(async (c) => {
      const range = [id, `${id}/`, `${id}0`]
      await c.query('DELETE FROM updates WHERE room = $1 OR (room >= $2 AND room < $3)', range)
      await c.query('DELETE FROM state WHERE room = $1 OR (room >= $2 AND room < $3)', range)
      await c.query('DELETE FROM snapshots WHERE board = $1', [id])
      await c.query('DELETE FROM audit WHERE board = $1', [id])
      await c.query('DELETE FROM boards WHERE id = $1', [id])
    })
  }

  async putSnapshot(meta: SnapshotMeta, state: Uint8Array): Promise<void> {
    await this.query(
      `INSERT INTO snapshots (board, id, label, created_at, meeting, author, "update")
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [meta.boardId, meta.id, meta.label, meta.createdAt, meta.meeting, meta.author, asBuffer(state)],
    )
  }

  async listSnapshots(boardId: string): Promise<SnapshotMeta[]> {
    return this.query<SnapshotMeta>(
      `SELECT id, board AS "boardId", label, created_at AS "createdAt", meeting, author,
         octet_length("update") AS size
       FROM snapshots WHERE board = $1 ORDER BY created_at, id`,
      [boardId],
    )
  }

  async getSnapshot(boardId: string, snapshotId: string): Promise<Snapshot | null> {
    const rows = await this.query<SnapshotMeta & { u: Buffer }>(
      `SELECT id, board AS "boardId", label, created_at AS "createdAt", meeting, author,
         octet_length("update") AS size, "update" AS u
       FROM snapshots WHERE board = $1 AND id = $2`,
      [boardId, snapshotId],
    )
    const row = rows[0]
    if (!row) return null
    const { u, ...meta } = row
    return { meta, state: asBytes(u) }
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.query(
      'INSERT INTO audit (board, at, event, role, person, detail) VALUES ($1, $2, $3, $4, $5, $6)',
      [
        entry.boardId,
        entry.at,
        entry.event,
        entry.role,
        entry.person,
        entry.detail ? JSON.stringify(entry.detail) : null,
      ],
    )
  }

  async listAudit(boardId: string, limit: number): Promise<AuditEntry[]> {
    const rows = await this.query<Omit<AuditEntry, 'detail'> & { detail: string | null }>(
      `SELECT board AS "boardId", at, event, role, person, detail FROM audit
       WHERE board = $1 ORDER BY seq DESC LIMIT $2`,
      [boardId, limit],
    )
    return rows.map((r) => ({
      ...r,
      detail: r.detail ? (JSON.parse(r.detail) as AuditEntry['detail']) : null,
    }))
  }

  async check(): Promise<void> {
    await this.query('SELECT 1')
  }

  async close(): Promise<void> {
    if (this.closed) return
    await this.compactions.settled()
    this.closed = true
    await this.merger.close()
    await this.ready.catch(() => {})
    await this.pool.end()
  }

  /** [ST14] The live document becomes the state; the log it covers is dropped. */
  private async replaceState(room: string, live: Uint8Array, fence?: number): Promise<void> {
    try {
      await this.transaction(async (c) => {
        await c.query(ROOM_LOCK_SQL, [room])
        const cur = await c.query<{ upto: number | null; fence: number | null; top: number | null }>(
          `SELECT (SELECT upto_seq FROM state WHERE room = $1) AS upto,
                  (SELECT fence FROM state WHERE room = $1) AS fence,
                  (SELECT MAX(seq) FROM updates WHERE room = $1) AS top`,
          [room],
        )
        const row = cur.rows[0]
        // Nothing stored (a board deleted meanwhile, say): the live document's updates are still to come.
        if (!row || (row.upto === null && row.top === null)) return
        this.checkFence(row.fence, fence)
        const upto = Math.max(row.upto ?? 0, row.top ?? 0)
        await this.writeState(c, room, live, upto, Math.max(row.fence ?? 0, fence ?? 0))
        await c.query('DELETE FROM updates WHERE room = $1 AND seq <= $2', [room, upto])
      })
    } catch (err) {
      throw err instanceof StoreError
        ? err
        : new StoreError('could not write the compacted state', { cause: err })
    }
  }

  /** Reads state and log in one snapshot, merges them, writes the result (see `writeMerged`). */
  private async compactOnce(room: string, fence?: number): Promise<void> {
    const read = await this.transaction(async (c) => {
      const s = await c.query<{ u: Buffer; upto: number }>(
        'SELECT "update" AS u, upto_seq AS upto FROM state WHERE room = $1',
        [room],
      )
      const state = s.rows[0] ?? null
      const log = await c.query<{ seq: number; blob: Buffer }>(
        'SELECT seq, blob FROM updates WHERE room = $1 AND seq > $2 ORDER BY seq',
        [room, state?.upto ?? 0],
      )
      return { state, rows: log.rows }
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    if (read.rows.length === 0) return
    const updates = read.rows.map((r) => asBytes(r.blob))
    const stateBytes = read.state ? asBytes(read.state.u) : null
    const bytes = updates.reduce((n, u) => n + u.length, stateBytes?.length ?? 0)
    const merged: MergeResult =
      bytes <= INLINE_MERGE_MAX_BYTES
        ? mergeStored(stateBytes, updates)
        : await this.merger.merge(stateBytes, updates)
    const upto = (read.rows[read.rows.length - 1] as { seq: number }).seq
    await this.writeMerged(room, merged.state, read.state?.upto ?? null, upto, read.rows.length, fence)
  }

  /**
   * Writes a merged state covering the log up to `upto`, if the room is still as it was read: the same
   * state (`readUpto`), and all `count` log entries read still there. Otherwise another compaction, or a
   * deletion of the board, came first, and this one steps back.
   */
  private async writeMerged(
    room: string,
    merged: Uint8Array,
    readUpto: number | null,
    upto: number,
    count: number,
    fence?: number,
  ): Promise<void> {
    try {
      await this.transaction(async (c) => {
        await c.query(ROOM_LOCK_SQL, [room])
        const cur = await c.query<{ upto: number; fence: number }>(
          'SELECT upto_seq AS upto, fence FROM state WHERE room = $1',
          [room],
        )
        const row = cur.rows[0] ?? null
        this.checkFence(row?.fence ?? null, fence)
        if ((row?.upto ?? null) !== readUpto) return 'rollback'
        const del = await c.query('DELETE FROM updates WHERE room = $1 AND seq > $2 AND seq <= $3', [
          room,
          readUpto ?? 0,
          upto,
        ])
        if (del.rowCount !== count) return 'rollback'
        await this.writeState(c, room, merged, upto, Math.max(row?.fence ?? 0, fence ?? 0))
        return 'commit'
      })
    } catch (err) {
      throw err instanceof StoreError
        ? err
        : new StoreError('could not write the compacted state', { cause: err })
    }
  }

  private async writeState(
    c: pg.ClientBase,
    room: string,
    state: Uint8Array,
    upto: number,
    fence: number,
  ): Promise<void> {
    await c.query(
      `INSERT INTO state (room, "update", upto_seq, fence) VALUES ($1, $2, $3, $4)
       ON CONFLICT (room) DO UPDATE SET "update" = excluded."update", upto_seq = excluded.upto_seq,
         fence = excluded.fence`,
      [room, asBuffer(state), upto, fence],
    )
  }

  /** [X5] A compaction under an older lease than the stored state's is refused. */
  private checkFence(stored: number | null, fence: number | undefined): void {
    if (fence !== undefined && stored !== null && stored > fence) {
      throw new FencedError(`compaction refused: fencing token ${fence} is older than ${stored}`)
    }
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    if (this.closed) throw new StoreError('the store is closed')
    await this.ready
    const result = await this.pool.query<R>(sql, params)
    return result.rows
  }

  /**
   * Runs `fn` in a transaction on one pooled client. `fn` may return 'rollback' to give the transaction up
   * without an error.
   */
  private async transaction<T>(fn: (c: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    if (this.closed) throw new StoreError('the store is closed')
    await this.ready
    return this.withClient(async (c) => {
      await c.query(begin)
      try {
        const result = await fn(c)
        await c.query(result === 'rollback' ? 'ROLLBACK' : 'COMMIT')
        return result
      } catch (err) {
        await c.query('ROLLBACK').catch(() => {})
        throw err
      }
    })
  }

  private async withClient<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    try {
      return await fn(client)
    } finally {
      client.release()
    }
  }
}

/**
 * The embedded default store: SQLite through better-sqlite3 in WAL mode (schema in sqliteSchema.ts).
 *
 * better-sqlite3 is synchronous: an append of a batch is one short transaction (tens of microseconds) on
 * the event loop, which is what makes "stored before forwarded" cheap. The one expensive operation,
 * merging a long log into a state, runs in a worker thread with its own connection (compactWorker.ts).
 * Sequence numbers are per room; this process is the only writer of its rooms, so it keeps the last
 * sequence number of each room it has touched in memory.
 */
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { startWorker } from '../workers/startWorker.js'
import { configureConnection, migrate } from './sqliteSchema.js'
import { compactRoom, type CompactionResult } from './sqliteCompaction.js'
import { RoomCompactions } from './RoomCompactions.js'
import { WalCheckpointer } from './WalCheckpointer.js'
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

/** How long an idle compaction worker is kept before it is stopped. */
const WORKER_IDLE_MS = 30_000

/** Options of the SQLite store. */
export interface SqliteDocStoreOptions {
  /** Run compactions on the calling thread instead of a worker (tests of the compaction itself). */
  readonly inlineCompaction?: boolean
}

interface PendingCompaction {
  resolve: () => void
  reject: (err: Error) => void
}

/** DocStore on one SQLite database file. */
export class SqliteDocStore implements DocStore {
  readonly kind = 'sqlite'
  private readonly db: Database.Database
  private readonly lastSeq = new Map<string, number>()
  private worker: Worker | null = null
  private workerIdle: NodeJS.Timeout | null = null
  private nextRequest = 1
  private readonly requests = new Map<number, PendingCompaction>()
  /** Per room: the compaction in flight, and whether another was asked for meanwhile. */
  private readonly compactions = new RoomCompactions(() => this.closed)
  private closed = false
  private readonly stmts
  /**
   * Appends a batch in one transaction. Made once: better-sqlite3 builds four wrapper functions for each
   * `db.transaction()` call, which cost more than the insert of a small update.
   */
  private readonly appendBatch: (room: string, lastSeq: number, updates: readonly Uint8Array[]) => void
  /** Checkpoints between appends, not inside one (WalCheckpointer.ts); none for an in-memory database. */
  readonly checkpointer: WalCheckpointer | null

  constructor(
    readonly file: string,
    private readonly options: SqliteDocStoreOptions = {},
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
    this.db = new Database(file)
    configureConnection(this.db)
    migrate(this.db)
    const db = this.db
    this.stmts = {
      state: db.prepare('SELECT "update" AS u, upto_seq AS upto FROM state WHERE room = ?'),
      log: db.prepare('SELECT blob FROM updates WHERE room = ? AND seq > ? ORDER BY seq'),
      maxSeq: db.prepare(
        'SELECT MAX(s) AS s FROM (SELECT MAX(seq) AS s FROM updates WHERE room = ? UNION ALL SELECT upto_seq FROM state WHERE room = ?)',
      ),
      insert: db.prepare('INSERT INTO updates (room, seq, blob) VALUES (?, ?, ?)'),
      logLength: db.prepare(
        'SELECT COUNT(*) AS n FROM updates WHERE room = ? AND seq > COALESCE((SELECT upto_seq FROM state WHERE room = ?), 0)',
      ),
      listRooms: db.prepare(
        'SELECT room FROM state WHERE room >= ? AND room < ? UNION SELECT DISTINCT room FROM updates WHERE room >= ? AND room < ? ORDER BY room',
      ),
      insertBoard: db.prepare(
        'INSERT INTO boards (id, title, template, created_at, settings, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      getBoard: db.prepare(
        'SELECT id, title, template, created_at AS createdAt, settings, expires_at AS expiresAt FROM boards WHERE id = ?',
      ),
      updateSettings: db.prepare('UPDATE boards SET settings = ? WHERE id = ?'),
      updateExpiry: db.prepare('UPDATE boards SET expires_at = ? WHERE id = ?'),
      expired: db.prepare(
        'SELECT id FROM boards WHERE expires_at IS NOT NULL AND expires_at <= ? ORDER BY expires_at, id',
      ),
      insertAudit: db.prepare(
        'INSERT INTO audit (board, at, event, role, person, detail) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      listAudit: db.prepare(
        'SELECT board AS boardId, at, event, role, person, detail FROM audit WHERE board = ? ORDER BY seq DESC LIMIT ?',
      ),
      putSnapshot: db.prepare(
        'INSERT INTO snapshots (board, id, label, created_at, meeting, author, "update") VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      listSnapshots: db.prepare(
        'SELECT id, board AS boardId, label, created_at AS createdAt, meeting, author, LENGTH("update") AS size FROM snapshots WHERE board = ? ORDER BY created_at, id',
      ),
      getSnapshot: db.prepare(
        'SELECT id, board AS boardId, label, created_at AS createdAt, meeting, author, LENGTH("update") AS size, "update" AS u FROM snapshots WHERE board = ? AND id = ?',
      ),
    }
    const insert = this.stmts.insert
    this.appendBatch = db.transaction((room: string, lastSeq: number, updates: readonly Uint8Array[]) => {
      let seq = lastSeq
      for (const update of updates) insert.run(room, ++seq, update)
    })
    this.checkpointer = file === ':memory:' ? null : new WalCheckpointer(db, `${file}-wal`)
  }

  /** A store on `<dataDir>/circleboard.sqlite`. */
  static inDataDir(dataDir: string, options?: SqliteDocStoreOptions): SqliteDocStore {
    return new SqliteDocStore(join(dataDir, 'circleboard.sqlite'), options)
  }

  async load(room: string): Promise<StoredDoc> {
    this.assertOpen()
    return this.db.transaction(() => {
      const state = this.stmts.state.get(room) as { u: Buffer; upto: number } | undefined
      const rows = this.stmts.log.all(room, state?.upto ?? 0) as { blob: Buffer }[]
      return {
        state: state ? new Uint8Array(state.u) : null,
        updates: rows.map((r) => new Uint8Array(r.blob)),
      }
    })()
  }

  async append(room: string, updates: readonly Uint8Array[]): Promise<void> {
    this.assertOpen()
    if (updates.length === 0) return
    try {
      const seq = this.lastSeq.get(room) ?? this.readMaxSeq(room)
      // A lone update (the usual turn of a small room) is one statement in SQLite's own implicit
      // transaction: no BEGIN and COMMIT statements around it.
      if (updates.length === 1) this.stmts.insert.run(room, seq + 1, updates[0])
      else this.appendBatch(room, seq, updates)
      this.lastSeq.set(room, seq + updates.length)
    } catch (err) {
      // The transaction rolled back; forget the cached sequence so the next attempt re-reads it.
      this.lastSeq.delete(room)
      throw new StoreError('could not append to the update log', { cause: err })
    }
    this.checkpointer?.appended()
  }

  async logLength(room: string): Promise<number> {
    this.assertOpen()
    return (this.stmts.logLength.get(room, room) as { n: number }).n
  }

  compact(room: string, live?: Uint8Array): Promise<void> {
    this.assertOpen()
    if (live && !this.compactions.has(room)) {
      // The room's own document covers everything appended (see DocStore.compact): make it the state in
      // one short transaction, no merge. A merge already running for this room would write an older
      // state; its write checks `upto_seq` first and steps back when it sees this one.
      try {
        this.replaceState(room, live)
        return Promise.resolve()
      } catch (err) {
        return Promise.reject(new StoreError('could not write the compacted state', { cause: err }))
      }
    }
    return this.compactions.run(room, () => this.compactOnce(room))
  }

  async listRooms(prefix: string): Promise<string[]> {
    this.assertOpen()
    // A range scan on the primary keys: every name >= prefix and < prefix with its last character bumped.
    const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)
    const rows = this.stmts.listRooms.all(prefix, end, prefix, end) as { room: string }[]
    return rows.map((r) => r.room)
  }

  async createBoard(record: BoardRecord): Promise<void> {
    this.assertOpen()
    this.stmts.insertBoard.run(...boardRowValues(record))
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    this.assertOpen()
    return boardFromRow(this.stmts.getBoard.get(id) as BoardRow | undefined)
  }

  async updateBoard(id: string, patch: BoardPatch): Promise<boolean> {
    this.assertOpen()
    return this.db.transaction(() => {
      if (this.stmts.getBoard.get(id) === undefined) return false
      if (patch.settings) this.stmts.updateSettings.run(JSON.stringify(patch.settings), id)
      if (patch.expiresAt !== undefined) this.stmts.updateExpiry.run(patch.expiresAt, id)
      return true
    })()
  }

  async listExpiredBoards(now: number): Promise<string[]> {
    this.assertOpen()
    return (this.stmts.expired.all(now) as { id: string }[]).map((r) => r.id)
  }

  async deleteBoard(id: string): Promise<void> {
    this.assertOpen()
    // A compaction that read a room before the delete would write its state back after it: let the
    // running ones finish. From here to the delete nothing else runs on this thread, so none can start.
    await this.compactions.settled(id)
    // Rooms of a board are `<id>` and `<id>/...`; '/' sorts before '0', so a range scan finds them all.
    const pattern = [id, `${id}/`, `${id}0`] as const
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM updates WHERE room = ? OR (room >= ? AND room < ?)').run(...pattern)
      this.db.prepare('DELETE FROM state WHERE room = ? OR (room >= ? AND room < ?)').run(...pattern)
      this.db.prepare('DELETE FROM snapshots WHERE board = ?').run(id)
      this.db.prepare('DELETE FROM audit WHERE board = ?').run(id)
      this.db.prepare('DELETE FROM boards WHERE id = ?').run(id)
    })()
    for (const room of [...this.lastSeq.keys()]) {
      if (room === id || room.startsWith(`${id}/`)) this.lastSeq.delete(room)
    }
  }

  async putSnapshot(meta: SnapshotMeta, state: Uint8Array): Promise<void> {
    this.assertOpen()
    this.stmts.putSnapshot.run(
      meta.boardId,
      meta.id,
      meta.label,
      meta.createdAt,
      meta.meeting,
      meta.author,
      state,
    )
  }

  async listSnapshots(boardId: string): Promise<SnapshotMeta[]> {
    this.assertOpen()
    return this.stmts.listSnapshots.all(boardId) as SnapshotMeta[]
  }

  async getSnapshot(boardId: string, snapshotId: string): Promise<Snapshot | null> {
    this.assertOpen()
    const row = this.stmts.getSnapshot.get(boardId, snapshotId) as (SnapshotMeta & { u: Buffer }) | undefined
    if (!row) return null
    const { u, ...meta } = row
    return { meta, state: new Uint8Array(u) }
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    this.assertOpen()
    this.stmts.insertAudit.run(
      entry.boardId,
      entry.at,
      entry.event,
      entry.role,
      entry.person,
      entry.detail ? JSON.stringify(entry.detail) : null,
    )
  }

  async listAudit(boardId: string, limit: number): Promise<AuditEntry[]> {
    this.assertOpen()
    const rows = this.stmts.listAudit.all(boardId, limit) as (Omit<AuditEntry, 'detail'> & {
      detail: string | null
    })[]
    return rows.map((r) => ({
      ...r,
      detail: r.detail ? (JSON.parse(r.detail) as AuditEntry['detail']) : null,
    }))
  }

  async check(): Promise<void> {
    this.assertOpen()
    this.db.prepare('SELECT 1').get()
  }

  async close(): Promise<void> {
    if (this.closed) return
    if (this.workerIdle) clearTimeout(this.workerIdle)
    // Let running compactions finish (they hold no lock while merging), then stop the worker.
    await this.compactions.settled()
    this.closed = true
    this.checkpointer?.close()
    if (this.worker) {
      const worker = this.worker
      this.worker = null
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
      worker.postMessage({ close: true })
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())])
      await worker.terminate()
    }
    this.db.close()
  }

  private replaceState(room: string, state: Uint8Array): void {
    const upto = this.lastSeq.get(room) ?? this.readMaxSeq(room)
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO state (room, "update", upto_seq) VALUES (?, ?, ?)
           ON CONFLICT (room) DO UPDATE SET "update" = excluded."update", upto_seq = excluded.upto_seq`,
        )
        .run(room, state, upto)
      this.db.prepare('DELETE FROM updates WHERE room = ? AND seq <= ?').run(room, upto)
    })()
  }

  private readMaxSeq(room: string): number {
    return (this.stmts.maxSeq.get(room, room) as { s: number | null }).s ?? 0
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('the store is closed')
  }

  private async compactOnce(room: string): Promise<CompactionResult | void> {
    if (this.options.inlineCompaction || this.file === ':memory:') {
      compactRoom(this.db, room)
      return
    }
    if (this.workerIdle) {
      clearTimeout(this.workerIdle)
      this.workerIdle = null
    }
    try {
      await new Promise<void>((resolve, reject) => {
        const id = this.nextRequest++
        this.requests.set(id, { resolve, reject })
        this.getWorker().postMessage({ id, room })
      })
    } finally {
      if (this.requests.size === 0) this.stopWorkerWhenIdle()
    }
  }

  /**
   * A worker is a second JavaScript heap (tens of MB): it is only worth keeping while merges keep coming.
   * Small documents are compacted from the room's own state and never need it.
   */
  private stopWorkerWhenIdle(): void {
    if (this.workerIdle || !this.worker) return
    this.workerIdle = setTimeout(() => {
      this.workerIdle = null
      const worker = this.worker
      if (!worker || this.requests.size > 0) return
      this.worker = null
      void worker.terminate()
    }, WORKER_IDLE_MS)
    this.workerIdle.unref()
  }

  private getWorker(): Worker {
    if (this.worker) return this.worker
    const worker = startWorker(import.meta.url, 'compactWorker', { file: this.file })
    worker.unref()
    worker.on('message', (msg: { id: number; error?: string }) => {
      const pending = this.requests.get(msg.id)
      if (!pending) return
      this.requests.delete(msg.id)
      if (msg.error !== undefined) pending.reject(new StoreError(`compaction failed: ${msg.error}`))
      else pending.resolve()
    })
    const failAll = (err: Error): void => {
      this.worker = null
      for (const [id, pending] of this.requests) {
        this.requests.delete(id)
        pending.reject(new StoreError('the compaction worker stopped', { cause: err }))
      }
    }
    worker.on('error', failAll)
    worker.on('exit', (code) => {
      if (this.worker === worker) failAll(new Error(`exit code ${code}`))
    })
    this.worker = worker
    return worker
  }
}

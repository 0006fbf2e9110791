/**
 * Compaction of one room in SQLite: read the state and the log in one read transaction, merge them off
 * any lock, then write the new state and delete the folded log entries in one short write transaction.
 * Appends that happen meanwhile get higher sequence numbers and stay in the log. Runs in the compaction
 * worker (compactWorker.ts), so a large merge never blocks the event loop that serves websockets.
 */
import type Database from 'better-sqlite3'
import { mergeStored } from './mergeUpdates.js'

/** What one compaction did. */
export interface CompactionResult {
  /** Log entries folded into the state. */
  readonly folded: number
  /** Log entries that could not be applied (dropped). */
  readonly skipped: number
  /** Size of the new state in bytes (0 when nothing was done). */
  readonly stateBytes: number
}

/** Compacts `room`; a no-op when its log is empty. */
export function compactRoom(db: Database.Database, room: string): CompactionResult {
  const read = db.transaction(() => {
    const state = db.prepare('SELECT "update" AS u, upto_seq AS upto FROM state WHERE room = ?').get(room) as
      { u: Buffer; upto: number } | undefined
    const rows = db
      .prepare('SELECT seq, blob FROM updates WHERE room = ? AND seq > ? ORDER BY seq')
      .all(room, state?.upto ?? 0) as { seq: number; blob: Buffer }[]
    return { state, rows }
  })
  const { state, rows } = read()
  if (rows.length === 0) return { folded: 0, skipped: 0, stateBytes: 0 }
  const upto = (rows[rows.length - 1] as { seq: number }).seq
  const merged = mergeStored(
    state ? new Uint8Array(state.u) : null,
    rows.map((r) => new Uint8Array(r.blob)),
  )
  const write = db.transaction(() => {
    const current = db.prepare('SELECT upto_seq AS upto FROM state WHERE room = ?').get(room) as
      { upto: number } | undefined
    // Another compaction got there first: its state already covers at least what we read.
    if ((current?.upto ?? 0) !== (state?.upto ?? 0)) return false
    db.prepare(
      `INSERT INTO state (room, "update", upto_seq) VALUES (?, ?, ?)
       ON CONFLICT (room) DO UPDATE SET "update" = excluded."update", upto_seq = excluded.upto_seq`,
    ).run(room, merged.state, upto)
    db.prepare('DELETE FROM updates WHERE room = ? AND seq <= ?').run(room, upto)
    return true
  })
  const done = write.immediate()
  return done
    ? { folded: rows.length, skipped: merged.skipped, stateBytes: merged.state.length }
    : { folded: 0, skipped: 0, stateBytes: 0 }
}

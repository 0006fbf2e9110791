/**
 * Checkpoints of the SQLite store's write-ahead log, kept out of the commits that carry updates
 * (docs/server.md, "WAL checkpoints").
 *
 * Left to itself, SQLite checkpoints inside the commit that fills the WAL to 1,000 pages, on the event
 * loop: it syncs the WAL (about 3 ms here), copies the pages into the database and syncs that (under
 * 1 ms). Every update of every room waits for it. So every 100 appends this class first syncs the
 * WAL in libuv's thread pool, off the event loop, and only then asks for a PASSIVE checkpoint. SQLite
 * still syncs the WAL before copying and the database before the WAL may start over, exactly as before,
 * but its own WAL sync finds almost nothing left to write. The automatic checkpoint stays on as the
 * fallback when these cannot keep up.
 */
import { closeSync, fdatasync, openSync } from 'node:fs'
import type Database from 'better-sqlite3'

/** Appends between two checkpoints: a WAL of a few hundred pages, checkpointed in about a millisecond. */
export const CHECKPOINT_EVERY_APPENDS = 100

/** Schedules the checkpoints of one connection's database. */
export class WalCheckpointer {
  private appends = 0
  private fd: number | null = null
  private syncing = false
  private closed = false
  /** Checkpoints run, for tests and diagnostics. */
  checkpoints = 0

  constructor(
    private readonly db: Database.Database,
    private readonly walFile: string,
  ) {}

  /** Counts a committed append; every 100th starts a checkpoint unless one is under way. */
  appended(): void {
    if (++this.appends < CHECKPOINT_EVERY_APPENDS || this.syncing || this.closed) return
    this.appends = 0
    try {
      this.fd ??= openSync(this.walFile, 'r')
    } catch {
      return // No WAL file: SQLite's automatic checkpoint covers it.
    }
    this.syncing = true
    fdatasync(this.fd, (err) => {
      this.syncing = false
      if (this.closed) return this.release()
      // A failed sync (the disk) leaves the checkpoint to SQLite, whose own sync reports the error.
      if (err) return
      try {
        this.db.pragma('wal_checkpoint(PASSIVE)')
        this.checkpoints++
      } catch {
        // The next round or SQLite's automatic checkpoint tries again; an append would report the fault.
      }
    })
  }

  /** No checkpoint starts any more; the file is closed now or when the sync under way ends. */
  close(): void {
    this.closed = true
    if (!this.syncing) this.release()
  }

  private release(): void {
    if (this.fd === null) return
    closeSync(this.fd)
    this.fd = null
  }
}

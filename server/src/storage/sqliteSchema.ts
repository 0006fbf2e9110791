/**
 * The SQLite schema (DESIGN.md, "Storage"): an append-only `updates(room, seq, blob)` log and a
 * `state(room, update, upto_seq)` table holding each room's compacted state, which covers the log up to
 * and including `upto_seq`. Only Yjs binary is stored. `boards` and `snapshots` hold board records and
 * snapshots; version 2 adds settings and expiry to `boards`, and the `audit` log. `PRAGMA user_version`
 * numbers the schema; migrations run forward on open.
 */
import type Database from 'better-sqlite3'

const MIGRATIONS: readonly string[] = [
  // 1: the initial schema
  `CREATE TABLE updates (
     room TEXT NOT NULL,
     seq INTEGER NOT NULL,
     blob BLOB NOT NULL,
     PRIMARY KEY (room, seq)
   ) WITHOUT ROWID;
   CREATE TABLE state (
     room TEXT PRIMARY KEY,
     "update" BLOB NOT NULL,
     upto_seq INTEGER NOT NULL
   ) WITHOUT ROWID;
   CREATE TABLE boards (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     template TEXT,
     created_at INTEGER NOT NULL
   ) WITHOUT ROWID;
   CREATE TABLE snapshots (
     board TEXT NOT NULL,
     id TEXT NOT NULL,
     label TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     meeting INTEGER,
     author TEXT,
     "update" BLOB NOT NULL,
     PRIMARY KEY (board, id)
   ) WITHOUT ROWID;
   CREATE INDEX snapshots_by_time ON snapshots (board, created_at);`,
  // 2: board settings and expiry (retention), and the per-board audit log (server/SPEC.md R1, A1).
  // `settings` NULL reads as the defaults, so boards made before this migration keep the identity check on.
  `ALTER TABLE boards ADD COLUMN settings TEXT;
   ALTER TABLE boards ADD COLUMN expires_at INTEGER;
   CREATE INDEX boards_by_expiry ON boards (expires_at) WHERE expires_at IS NOT NULL;
   CREATE TABLE audit (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     board TEXT NOT NULL,
     at INTEGER NOT NULL,
     event TEXT NOT NULL,
     role TEXT,
     person TEXT,
     detail TEXT
   );
   CREATE INDEX audit_by_board ON audit (board, seq);`,
]

/** Sets the pragmas every connection needs (WAL, durability, lock waits). */
export function configureConnection(db: Database.Database): void {
  db.pragma('journal_mode = WAL')
  // NORMAL in WAL mode: a committed transaction survives a crash of the process (it is in the OS page
  // cache and the WAL file); only a power loss can take the last transactions. That is the promise we make.
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
}

/** Number of the newest schema version. */
export const SCHEMA_VERSION = MIGRATIONS.length

/** Brings the schema to the newest version, or to `target` (tests of a migration start from an older one). */
export function migrate(db: Database.Database, target: number = MIGRATIONS.length): void {
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > MIGRATIONS.length) {
    throw new Error(
      `database schema ${version} is newer than this server (${MIGRATIONS.length}); upgrade the server`,
    )
  }
  for (let v = version; v < Math.min(target, MIGRATIONS.length); v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string)
      db.pragma(`user_version = ${v + 1}`)
    })()
  }
}

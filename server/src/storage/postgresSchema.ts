/**
 * The PostgreSQL schema: the same tables as SQLite (sqliteSchema.ts), migration for migration, so that a
 * board moves between the two by copying rows. `updates(room, seq, blob)` is the append-only log,
 * `state(room, update, upto_seq)` each room's compacted state covering the log up to `upto_seq`; then
 * `boards`, `snapshots` and the `audit` log. Version 3 is PostgreSQL's own (scale-out, server/SPEC.md X5):
 * the fencing token of the compaction that wrote each state, and `circleboard_append`, which appends a
 * batch in one round trip.
 *
 * Sequence numbers with several writer processes (X4). Every process that has a room open appends its own
 * clients' updates, so two processes may append to one room at the same moment. Each append takes a
 * transaction-level advisory lock on the room and numbers its batch after the highest number the room has
 * (log or state); the lock is released only once the transaction has committed, so the next appender sees
 * that commit and numbers after it. Per room, numbers are therefore handed out in commit order, and every
 * committed set of a room's log is a prefix of its numbers: a compaction that folded everything up to N
 * can never meet a later commit numbered below N. A global bigserial would not give that: two
 * transactions can commit in the other order than they drew their ids, and a compaction in between would
 * leave the lower id behind its state forever. Rooms of different boards never wait for each other (the
 * lock key is a 64-bit hash of the room name; a collision only serialises two rooms' appends).
 *
 * Text columns use the "C" collation: room names are compared byte-wise, as SQLite does, so the range
 * scans of `listRooms` and `deleteBoard` (`<id>/` .. `<id>0`) find exactly a board's rooms.
 */
import type pg from 'pg'

const MIGRATIONS: readonly string[] = [
  // 1: the initial schema (sqliteSchema.ts, version 1)
  `CREATE TABLE updates (
     room TEXT COLLATE "C" NOT NULL,
     seq BIGINT NOT NULL,
     blob BYTEA NOT NULL,
     PRIMARY KEY (room, seq)
   );
   CREATE TABLE state (
     room TEXT COLLATE "C" PRIMARY KEY,
     "update" BYTEA NOT NULL,
     upto_seq BIGINT NOT NULL
   );
   CREATE TABLE boards (
     id TEXT COLLATE "C" PRIMARY KEY,
     title TEXT NOT NULL,
     template TEXT,
     created_at BIGINT NOT NULL
   );
   CREATE TABLE snapshots (
     board TEXT COLLATE "C" NOT NULL,
     id TEXT COLLATE "C" NOT NULL,
     label TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     meeting INTEGER,
     author TEXT,
     "update" BYTEA NOT NULL,
     PRIMARY KEY (board, id)
   );
   CREATE INDEX snapshots_by_time ON snapshots (board, created_at);`,
  // 2: board settings and expiry, and the audit log (sqliteSchema.ts, version 2)
  `ALTER TABLE boards ADD COLUMN settings TEXT;
   ALTER TABLE boards ADD COLUMN expires_at BIGINT;
   CREATE INDEX boards_by_expiry ON boards (expires_at) WHERE expires_at IS NOT NULL;
   CREATE TABLE audit (
     seq BIGSERIAL PRIMARY KEY,
     board TEXT COLLATE "C" NOT NULL,
     at BIGINT NOT NULL,
     event TEXT NOT NULL,
     role TEXT,
     person TEXT,
     detail TEXT
   );
   CREATE INDEX audit_by_board ON audit (board, seq);`,
  // 3 (PostgreSQL only): fencing tokens of compactions, and the one-round-trip append.
  `ALTER TABLE state ADD COLUMN fence BIGINT NOT NULL DEFAULT 0;
   CREATE FUNCTION circleboard_append(p_room TEXT, p_blobs BYTEA[]) RETURNS BIGINT
   LANGUAGE plpgsql AS $$
   DECLARE base BIGINT;
   BEGIN
     PERFORM pg_advisory_xact_lock(hashtextextended('circleboard:room:' || p_room, 0));
     SELECT GREATEST(
       COALESCE((SELECT MAX(seq) FROM updates WHERE room = p_room), 0),
       COALESCE((SELECT upto_seq FROM state WHERE room = p_room), 0)) INTO base;
     INSERT INTO updates (room, seq, blob)
       SELECT p_room, base + t.ord, t.blob FROM unnest(p_blobs) WITH ORDINALITY AS t(blob, ord);
     RETURN base + cardinality(p_blobs);
   END $$;`,
]

/** Number of the newest schema version. */
export const PG_SCHEMA_VERSION = MIGRATIONS.length

/** The advisory lock that serialises migrations of processes starting at the same time. */
const MIGRATION_LOCK = 0x63_62_6d_67 // "cbmg"

/** The SQL that takes a room's append lock inside a transaction (the same key as `circleboard_append`). */
export const ROOM_LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtextextended('circleboard:room:' || $1, 0))`

/**
 * Brings the schema to the newest version (or to `target`), under an advisory lock so that several
 * processes starting together migrate once. The version is kept in `circleboard_schema`.
 */
export async function migratePostgres(client: pg.ClientBase, target = MIGRATIONS.length): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
  try {
    await client.query('CREATE TABLE IF NOT EXISTS circleboard_schema (version INTEGER NOT NULL)')
    const row = await client.query<{ version: number }>('SELECT version FROM circleboard_schema')
    let version = row.rows[0]?.version ?? 0
    if (row.rows.length === 0) await client.query('INSERT INTO circleboard_schema (version) VALUES (0)')
    if (version > MIGRATIONS.length) {
      throw new Error(
        `database schema ${version} is newer than this server (${MIGRATIONS.length}); upgrade the server`,
      )
    }
    for (; version < Math.min(target, MIGRATIONS.length); version++) {
      await client.query('BEGIN')
      try {
        await client.query(MIGRATIONS[version] as string)
        await client.query('UPDATE circleboard_schema SET version = $1', [version + 1])
        await client.query('COMMIT')
      } catch (err) {
        await client.query('ROLLBACK')
        throw err
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK])
  }
}

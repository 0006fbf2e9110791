/**
 * A hook into a room's write path (server/SPEC.md P1): after a client's update is applied, a guard looks
 * at what the transaction changed and may take part of it back before anything is stored or forwarded.
 * The room then stores and forwards the update and the repair together, as one diff, instead of the
 * client's bytes. The policy lives elsewhere (privacy/identityGuard.ts); the room only runs it.
 */
import type * as Y from 'yjs'
import type { RoomRef } from '@circleboard/shared'
import type { Connection } from './Connection.js'

/** What a guard may know of the room (a Room is one; kept apart so that this module does not import Room). */
export interface GuardedRoom {
  /** The document's room name (`<boardId>`, `<boardId>/control`, ...). */
  readonly name: string
  readonly ref: RoomRef
}

/** What a guard asks the room to do about a client's update. */
export interface GuardVerdict {
  /** Takes the offending part back; the room runs it in a transaction with origin `server`. */
  repair(doc: Y.Doc): void
  /** Told to the sender as an auth permission-denied message. */
  readonly reason: string
}

/** Inspects client updates to a room's document before they are stored. */
export interface UpdateGuard {
  /** Whether the room's updates are inspected at all: false leaves the write path exactly as without a guard. */
  watches(room: GuardedRoom): boolean
  /** Looks at the transaction that applied `conn`'s update; `null` lets the update stand as it is. */
  inspect(room: GuardedRoom, conn: Connection, tr: Y.Transaction): GuardVerdict | null
  /** Called after a repair was queued (for metrics, the log and the audit log; never the content). */
  repaired?(room: GuardedRoom, conn: Connection): void
}
